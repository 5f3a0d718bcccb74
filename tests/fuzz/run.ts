/**
 * `npm run fuzz [-- SECONDS]`: the fuzzer's properties with new seeds until
 * the time is up (default 600 s), and no input may take over a second (a
 * timing, so it is checked here and not in the test suite). Prints how many
 * inputs were tried, and the first failing one, shrunk, with its seed.
 */
import fc from 'fast-check'
import {bytes, planText, preset} from './plans.js'
import {bytesProblem, lintProblem} from './properties.js'

const seconds = Number(process.argv[2] ?? 600)
const until = Date.now() + seconds * 1000
let tried = 0

async function timed(problem: () => Promise<string | undefined>): Promise<boolean> {
  const started = performance.now()
  const found = await problem()
  tried++
  if (found) throw new Error(found)
  const took = performance.now() - started
  if (took > 1000) throw new Error(`took ${Math.round(took)} ms`)
  return true
}

const plans = fc.asyncProperty(planText, preset, (text, name) => timed(() => lintProblem(text, name)))
const randomBytes = fc.asyncProperty(bytes, preset, (input, name) => timed(() => bytesProblem(input, name)))
let round = 0
while (Date.now() < until) {
  const seed = Date.now() ^ (round << 8)
  const settings = {seed, numRuns: 500}
  const report = <T extends unknown[]>(result: fc.RunDetails<T>) => {
    if (!result.failed) return
    process.stdout.write(`fuzz: failed after ${tried} inputs (seed ${seed}):\n${fc.defaultReportMessage(result)}\n${String((result.errorInstance as Error | undefined)?.message ?? '')}\n`)
    process.exit(1)
  }
  if (round++ % 2 === 0) report(await fc.check(plans, settings))
  else report(await fc.check(randomBytes, settings))
}
process.stdout.write(`fuzz: ${tried} inputs in ${seconds} s, no failure\n`)
