/**
 * The fuzzer, with a fixed seed: random plan-like Markdown and random bytes
 * under every preset. `npm run fuzz` runs the same properties for longer,
 * with new seeds.
 */
import fc from 'fast-check'
import {describe, it} from 'vitest'
import {bytes, planText, preset} from './fuzz/plans.js'
import {bytesProblem, lintProblem} from './fuzz/properties.js'

const settings = {seed: 20261203, numRuns: 300}

async function holds(problem: Promise<string | undefined>): Promise<boolean> {
  const found = await problem
  if (found) throw new Error(found)
  return true
}

describe('fuzzing', () => {
  it('plan-like Markdown: no crash, positions inside the text, idempotent fixes, the same messages for LF, CRLF and CR', async () => {
    await fc.assert(fc.asyncProperty(planText, preset, (text, name) => holds(lintProblem(text, name))), settings)
  }, 120_000)

  it('random bytes: refused clearly or linted, never a crash', async () => {
    await fc.assert(fc.asyncProperty(bytes, preset, (input, name) => holds(bytesProblem(input, name))), settings)
  }, 120_000)
})
