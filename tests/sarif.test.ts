/**
 * `--format sarif` against the SARIF 2.1.0 JSON schema (the OASIS release
 * schema, sarif-2.1.0-rtm.5, as Microsoft ships it in @microsoft/jest-sarif;
 * it is also the schema the log's `$schema` names), with every format
 * checked: what GitHub code scanning accepts on upload.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import ajvDraft04 from 'ajv-draft-04'
import ajvFormats from 'ajv-formats'
import {describe, expect, it} from 'vitest'
import {leftoverPlan, runCli, tempProject} from './helpers.js'

const require = createRequire(import.meta.url)
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json')
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>

// The schema is draft-04; CommonJS packages' default export is on `.default`
// under NodeNext. Its `language` pattern has a stray `]` that only a
// non-Unicode RegExp accepts, as JSON Schema validators of its day compiled it.
const ajv = new ajvDraft04.default({allErrors: true, strict: false, unicodeRegExp: false})
ajvFormats.default(ajv)
const validateSarif = ajv.compile(schema)

function problems(log: unknown): string[] {
  return validateSarif(log) ? [] : (validateSarif.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`)
}

interface SarifLog {
  runs: Array<{
    tool: {driver: {name: string; rules: Array<{id: string; shortDescription: {text: string}; helpUri: string; defaultConfiguration: {level: string}}>}}
    results: Array<{
      ruleId: string
      ruleIndex?: number
      level: string
      message: {text: string}
      locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: Record<string, number>}}>
    }>
  }>
}

function sarifFor(files: Record<string, string | Uint8Array>, args: string[]): SarifLog {
  const cwd = tempProject(files)
  const run = runCli(['--format', 'sarif', ...args], {cwd})
  expect(run.stderr).toBe('')
  return JSON.parse(run.stdout) as SarifLog
}

describe('--format sarif', () => {
  it('is a valid SARIF 2.1.0 log, with rule metadata and result locations', () => {
    const log = sarifFor(
      {
        '.planlintrc.json': JSON.stringify({overrides: [{files: ['drafts/**'], rules: {'no-placeholders': 'warn'}}]}),
        'specs/001 sync/plan.md': leftoverPlan,
        'drafts/plan.md': leftoverPlan,
        'clean-plan.md': '# Plan\n\nOwner: Ana Lima\n'
      },
      ['specs/001 sync/plan.md', 'drafts/plan.md', 'clean-plan.md']
    )
    expect(problems(log)).toEqual([])

    const [run] = log.runs
    const rules = run!.tool.driver.rules
    expect(rules.map((rule) => rule.id)).toContain('no-placeholders')
    for (const rule of rules) {
      expect(rule.shortDescription.text).not.toBe('')
      expect(rule.helpUri).toMatch(new RegExp(`docs/rules/${rule.id}\\.md$`))
    }

    const placeholders = run!.results.filter((result) => result.ruleId === 'no-placeholders')
    expect(placeholders.map((r) => [r.locations[0]!.physicalLocation.artifactLocation.uri, r.level, r.locations[0]!.physicalLocation.region])).toEqual([
      ['specs/001%20sync/plan.md', 'error', {startLine: 3, startColumn: 11, endLine: 3, endColumn: 17}],
      ['specs/001%20sync/plan.md', 'error', {startLine: 5, startColumn: 14, endLine: 5, endColumn: 33}],
      ['drafts/plan.md', 'warning', {startLine: 3, startColumn: 11, endLine: 3, endColumn: 17}],
      ['drafts/plan.md', 'warning', {startLine: 5, startColumn: 14, endLine: 5, endColumn: 33}]
    ])
    for (const result of run!.results) {
      expect(rules[result.ruleIndex ?? -1]?.id).toBe(result.ruleId)
    }
  })

  it('stays valid for a file that cannot be linted and for a run with no results', () => {
    const broken = sarifFor({'broken-plan.md': new Uint8Array([0xff, 0xfe, 0x00, 0x41])}, [])
    expect(problems(broken)).toEqual([])
    expect(broken.runs[0]!.results[0]!.message.text).toContain('Cannot lint this file')

    const empty = sarifFor({'plan.md': '# Plan\n\nOwner: Ana Lima\n'}, ['plan.md'])
    expect(problems(empty)).toEqual([])
    expect(empty.runs[0]!.results).toEqual([])
  })

  it('the validator rejects what code scanning would reject', () => {
    const log = sarifFor({'plan.md': leftoverPlan}, ['plan.md'])
    const region = log.runs[0]!.results[0]!.locations[0]!.physicalLocation.region
    region['startLine'] = 0
    expect(problems(log).join('\n')).toContain('startLine')
  })
})
