/**
 * `--format junit`: well-formed XML (checked by fast-xml-parser's validator)
 * in the shape GitLab and Jenkins read — one <testsuite> per file, a
 * <failure> per error, counts that add up — and text that survives escaping.
 */
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {describe, expect, it} from 'vitest'
import {leftoverPlan, runCli, tempProject} from './helpers.js'

type Attributes = Record<string, string>
interface Failure {
  attributes: Attributes
  '#text': string
}
interface JunitCase {
  attributes: Attributes
  failure?: Failure
  error?: Failure
  'system-out'?: string
}
interface Suite {
  attributes: Attributes
  testcase: JunitCase[]
}

function parseJunit(xml: string): {attributes: Attributes; testsuite: Suite[]} {
  expect(XMLValidator.validate(xml)).toBe(true)
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    attributesGroupName: 'attributes',
    parseAttributeValue: false,
    parseTagValue: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase'
  })
  const document = parser.parse(xml) as {testsuites: {attributes: Attributes; testsuite?: Suite[]}}
  return {attributes: document.testsuites.attributes, testsuite: document.testsuites.testsuite ?? []}
}

describe('--format junit', () => {
  it('one testsuite per file, one testcase per message, failures for errors', () => {
    const cwd = tempProject({
      '.planlintrc.json': JSON.stringify({overrides: [{files: ['drafts/**'], rules: {'no-placeholders': 'warn'}}]}),
      'plan.md': leftoverPlan,
      'drafts/plan.md': '# Plan\n\nOwner: [NAME]\n',
      'tasks.md': '# Tasks: Offline sync\n\n## Phase 1: Setup\n\n- [x] T001 Create the sync module in `src/sync/index.ts`\n'
    })
    const run = runCli(['--format', 'junit', 'plan.md', 'drafts/plan.md', 'tasks.md'], {cwd})
    expect(run.status).toBe(1)
    const report = parseJunit(run.stdout)

    expect(report.testsuite.map((suite) => suite.attributes['name'])).toEqual(['plan.md', 'drafts/plan.md', 'tasks.md'])
    const [plan, draft, tasks] = report.testsuite
    expect(plan!.attributes).toMatchObject({tests: '2', failures: '2', errors: '0'})
    expect(plan!.testcase.map((c) => [c.attributes['name'], c.failure?.attributes['type'], c.failure?.attributes['message']])).toEqual([
      ['no-placeholders at 3:11', 'no-placeholders', 'Unfilled placeholder "[DATE]": replace it with real content'],
      ['no-placeholders at 5:14', 'no-placeholders', 'Fill-in marker "NEEDS CLARIFICATION" left in: resolve it or remove it']
    ])
    expect(plan!.testcase[0]!.failure!['#text']).toBe(
      'plan.md:3:11-3:17 error Unfilled placeholder "[DATE]": replace it with real content (no-placeholders)'
    )
    expect(plan!.testcase[0]!.attributes).toMatchObject({classname: 'plan.md', file: 'plan.md'})

    // A warning is reported, but does not fail the test report.
    expect(draft!.attributes).toMatchObject({tests: '1', failures: '0', errors: '0'})
    expect(draft!.testcase[0]!.failure).toBeUndefined()
    expect(draft!.testcase[0]!['system-out']).toContain('warning Unfilled placeholder "[NAME]"')

    // A clean file is one passing test case, so dashboards list it as checked.
    const tasksFailures = tasks!.testcase.filter((c) => c.failure !== undefined)
    expect(tasksFailures).toEqual([])

    const suites = report.testsuite.map((suite) => suite.attributes)
    const sum = (key: string): number => suites.reduce((n, suite) => n + Number(suite[key]), 0)
    expect(report.attributes).toMatchObject({name: 'planlint', tests: String(sum('tests')), failures: '2', errors: '0'})
    for (const suite of report.testsuite) expect(suite.testcase).toHaveLength(Number(suite.attributes['tests']))
  })

  it('escapes what XML cannot hold as it is: file names, quotes, ampersands and control characters', () => {
    const cwd = tempProject({'R&D <draft> "plan".md': 'Owner: [R&D lead]\n\nReviewer: [Q\u0001A]\n'})
    const run = runCli(['--format', 'junit', 'R&D <draft> "plan".md'], {cwd})
    const [suite] = parseJunit(run.stdout).testsuite
    expect(suite!.attributes['name']).toBe('R&D <draft> "plan".md')
    expect(suite!.testcase.map((c) => c.failure?.attributes['message'])).toEqual([
      'Unfilled placeholder "[R&D lead]": replace it with real content',
      // XML 1.0 has no way to write U+0001: it becomes the replacement character.
      'Unfilled placeholder "[Q\uFFFDA]": replace it with real content'
    ])
  })

  it('a file that cannot be read is an <error>, and no file is an empty report', () => {
    const cwd = tempProject({'broken-plan.md': new Uint8Array([0xff, 0xfe, 0x00, 0x41])})
    const [suite] = parseJunit(runCli(['--format', 'junit'], {cwd}).stdout).testsuite
    expect(suite!.attributes).toMatchObject({name: 'broken-plan.md', tests: '1', failures: '0', errors: '1'})
    expect(suite!.testcase[0]!.error!.attributes['message']).toContain('Cannot lint this file')

    const none = parseJunit(runCli(['--format', 'junit'], {cwd: tempProject({'README.md': '# Readme\n'})}).stdout)
    expect(none.attributes).toMatchObject({tests: '0', failures: '0', errors: '0'})
    expect(none.testsuite).toEqual([])
  })
})
