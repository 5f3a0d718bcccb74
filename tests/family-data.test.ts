/**
 * Family knowledge is data: `acme`, a family that exists only as a preset
 * file and a template in fixtures/family (named by the config there), is
 * detected, structured, its tasks, placeholders and template text checked,
 * with nothing of it under rules/, src/ or presets/.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {presetNames} from '../presets/index.js'
import {explainDetection, lintFiles} from '../src/engine/run.js'
import {root, runCli} from './helpers.js'

const cwd = join(root, 'fixtures/family')

function sources(dir: string): string {
  return readdirSync(join(root, dir), {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.ts'))
    .map((name) => readFileSync(join(root, dir, name), 'utf8'))
    .join('\n')
}

describe('a family given only as data (fixtures/family)', () => {
  it('is not known to the code', () => {
    expect(presetNames).not.toContain('acme')
    for (const dir of ['rules', 'src', 'presets']) expect(sources(dir), dir).not.toMatch(/\bacme\b|\bS\{n\}/)
  })

  it('is detected from its title, sections and header fields', async () => {
    const detection = await explainDetection('plans/search-rfc.md', {cwd})
    expect(detection.preset).toBe('acme')
    expect(detection.scores[0]).toMatchObject({preset: 'acme', variant: 'rfc'})
  })

  it('passes a plan written from its template, and finds each kind of defect in another', async () => {
    const {results, problems} = await lintFiles(['plans'], {cwd})
    expect(problems).toEqual([])
    const byFile = Object.fromEntries(results.map((result) => [result.file, result]))
    expect(byFile['plans/offline-sync.md']).toMatchObject({preset: 'acme', messages: []})
    const search = byFile['plans/search-rfc.md']!
    expect(search.preset).toBe('acme')
    expect(search.messages.map((m) => `${m.line}:${m.column} ${m.severity} ${m.ruleId} ${m.message}`)).toEqual([
      '4:12 error no-placeholders Unfilled placeholder "{owner name}": replace it with real content',
      '8:1 error no-template-text Template instruction comment left in ("Explain why this change is needed. Delete this comment whe…"): follow it, then delete it',
      "14:1 error no-template-text Sample code block copied unchanged from the template (rfc-template.md, line 14): replace it with this plan's content or delete it",
      '23:7 error task-id Task ID "T2" is not in the form T000: write "T002"',
      '24:7 error task-markers Task "T003" is in User Story 1: mark it [S1]',
      '25:7 error task-id Duplicate task ID "T003" (first at line 24)',
      '25:66 error task-references Task "T009" does not exist in this plan',
      '27:1 error required-sections Missing section "Rollout" (expected after "Story 1 - Search by title")'
    ])
    // The family's markers are content, not placeholders; its fix is a fix.
    expect(search.messages.find((m) => m.message.includes('"T2"'))?.fix).toEqual({range: expect.any(Array), text: 'T002'})
  })

  it('can be named with --preset where its config governs, and is listed nowhere else', () => {
    const run = runCli(['--preset', 'acme', '--format', 'json', 'plans/offline-sync.md'], {cwd})
    expect(run.stderr).toBe('')
    expect(JSON.parse(run.stdout)[0]).toMatchObject({preset: 'acme', messages: []})
    const elsewhere = runCli(['--preset', 'acme', '--no-config', 'plans/offline-sync.md'], {cwd})
    expect(elsewhere.status).toBe(2)
    expect(elsewhere.stderr).toMatch(/^planlint: preset: unknown preset "acme" \(known presets: recommended, /)
  })
})
