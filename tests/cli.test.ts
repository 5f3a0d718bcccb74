/** The `planlint` command, run as a real process: flags, formats, exit codes, bad input. */
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {presetNames} from '../presets/index.js'
import {ruleIds} from '../rules/index.js'
import {cleanTasks, leftoverPlan, root, runCli, tempProject} from './helpers.js'

interface JsonResult {
  file: string
  preset: string | null
  messages: Array<Record<string, unknown>>
}

function json(stdout: string): JsonResult[] {
  return JSON.parse(stdout) as JsonResult[]
}

/** The no-placeholders messages of a result: what the config tests are about. */
function placeholders(result: JsonResult): Array<Record<string, unknown>> {
  return result.messages.filter((message) => message['ruleId'] === 'no-placeholders')
}

describe('planlint: results and exit codes', () => {
  it('exits 0 and says so for a clean plan', () => {
    const cwd = tempProject({'specs/001/tasks.md': cleanTasks})
    const run = runCli(['specs/001/tasks.md'], {cwd})
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('specs/001/tasks.md: no issues found')
    expect(run.stderr).toBe('')
  })

  it('exits 1 and reports line, column, message and rule for leftovers', () => {
    const cwd = tempProject({'plan.md': leftoverPlan})
    const run = runCli(['plan.md'], {cwd})
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/3:11-3:17\s+error\s+Unfilled placeholder "\[DATE\]": replace it with real content\s+no-placeholders/)
    expect(run.stdout).toMatch(/5:14-5:33\s+error\s+Fill-in marker "NEEDS CLARIFICATION"/)
    expect(run.stdout).toContain('2 errors')
  })

  it('lints the bundled examples as the README says', () => {
    const run = runCli(['examples'])
    expect(run.status).toBe(1)
    expect(run.stdout).toContain('examples/specs/001-offline-sync/tasks.md')
    expect(run.stdout).toContain('Unfilled placeholder "{what it depends on}"')
    expect(run.stdout).toContain('examples/implementation-plan.md: no issues found')
  })

  it('with no path, lints the plan documents under the current folder, respecting ignore files', () => {
    const cwd = tempProject({
      'specs/001/tasks.md': leftoverPlan,
      'docs/IMPLEMENTATION-PLAN.md': cleanTasks,
      'README.md': 'Cache: TBD\n',
      'build/plan.md': leftoverPlan,
      'archive/old-plan.md': leftoverPlan,
      'node_modules/pkg/plan.md': leftoverPlan,
      '.gitignore': 'build/\n',
      '.planlintignore': 'archive/\n'
    })
    const run = runCli(['--format', 'json'], {cwd})
    expect(json(run.stdout).map((result) => result.file)).toEqual(['docs/IMPLEMENTATION-PLAN.md', 'specs/001/tasks.md'])
    expect(run.status).toBe(1)
  })

  it("honours git's ignores above the current folder and .git/info/exclude, and --no-ignore reads none", () => {
    const repo = tempProject({
      '.git/info/exclude': 'scratch/\n',
      '.gitignore': 'generated/\n',
      'docs/.planlintrc.json': JSON.stringify({ignore: ['old/**']}),
      'docs/specs/001/plan.md': leftoverPlan,
      'docs/generated/plan.md': leftoverPlan,
      'docs/scratch/plan.md': leftoverPlan,
      'docs/old/plan.md': leftoverPlan
    })
    const files = (args: string[]) => json(runCli(['--format', 'json', ...args], {cwd: join(repo, 'docs')}).stdout).map((result) => result.file)
    expect(files([])).toEqual(['specs/001/plan.md'])
    expect(files(['--no-ignore'])).toEqual(['generated/plan.md', 'old/plan.md', 'scratch/plan.md', 'specs/001/plan.md'])
  })

  it('--cache keeps its file in .planlintcache where there is no node_modules folder', () => {
    const cwd = tempProject({'plan.md': leftoverPlan})
    runCli(['--cache', 'plan.md'], {cwd})
    expect(readdirSync(cwd).sort()).toEqual(['.planlintcache', 'plan.md'])
    const withModules = tempProject({'plan.md': leftoverPlan, 'node_modules/.keep': ''})
    runCli(['--cache', 'plan.md'], {cwd: withModules})
    expect(readdirSync(join(withModules, 'node_modules/.cache/planlint'))).toEqual(['cache.json'])
  })

  it('uses the config "files" globs when no path is given', () => {
    const cwd = tempProject({
      '.planlintrc.json': JSON.stringify({files: ['roadmap/*.md']}),
      'roadmap/q3.md': leftoverPlan,
      'plan.md': leftoverPlan
    })
    const run = runCli(['--format', 'json'], {cwd})
    expect(json(run.stdout).map((result) => result.file)).toEqual(['roadmap/q3.md'])
  })

  it('expands globs and folders, keeping the order the user gave', () => {
    const cwd = tempProject({'b/plan.md': cleanTasks, 'a/one.md': cleanTasks, 'a/two.markdown': cleanTasks, 'c/x.txt': 'x'})
    const run = runCli(['--format', 'json', 'b/plan.md', 'a', '**/one.md'], {cwd})
    expect(json(run.stdout).map((result) => result.file)).toEqual(['b/plan.md', 'a/one.md', 'a/two.markdown'])
    expect(run.status).toBe(0)
  })
})

describe('planlint: formats', () => {
  it('json follows the documented contract', () => {
    const cwd = tempProject({'plan.md': leftoverPlan, 'tasks.md': cleanTasks})
    const run = runCli(['--format', 'json', 'plan.md', 'tasks.md'], {cwd})
    const results = json(run.stdout)
    expect(results).toEqual([
      {
        file: 'plan.md',
        preset: 'recommended',
        messages: [
          {
            ruleId: 'no-placeholders',
            messageId: 'placeholder',
            severity: 'error',
            line: 3,
            column: 11,
            endLine: 3,
            endColumn: 17,
            message: 'Unfilled placeholder "[DATE]": replace it with real content'
          },
          {
            ruleId: 'no-placeholders',
            messageId: 'marker',
            severity: 'error',
            line: 5,
            column: 14,
            endLine: 5,
            endColumn: 33,
            message: 'Fill-in marker "NEEDS CLARIFICATION" left in: resolve it or remove it'
          }
        ]
      },
      // Detected from its `# Tasks:` title and its phases.
      {file: 'tasks.md', preset: 'spec-kit', messages: []}
    ])
    expect(run.status).toBe(1)
  })

  it('github prints one workflow command per message, escaped', () => {
    const cwd = tempProject({'my,plan.md': leftoverPlan})
    const run = runCli(['--format', 'github', 'my,plan.md'], {cwd})
    expect(run.stdout.trim().split('\n')).toEqual([
      '::error file=my%2Cplan.md,line=3,col=11,endLine=3,endColumn=17,title=no-placeholders::Unfilled placeholder "[DATE]": replace it with real content',
      '::error file=my%2Cplan.md,line=5,col=14,endLine=5,endColumn=33,title=no-placeholders::Fill-in marker "NEEDS CLARIFICATION" left in: resolve it or remove it'
    ])
    expect(run.status).toBe(1)
  })

  it('sarif is one SARIF 2.1.0 log with rule metadata and result locations', () => {
    const cwd = tempProject({'specs/plan.md': leftoverPlan})
    const run = runCli(['--format', 'sarif', 'specs/plan.md'], {cwd})
    const log = JSON.parse(run.stdout)
    expect(log.version).toBe('2.1.0')
    expect(log.runs).toHaveLength(1)
    const driver = log.runs[0].tool.driver
    expect(driver.name).toBe('planlint')
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/)
    const rule = driver.rules.find((r: {id: string}) => r.id === 'no-placeholders')
    expect(rule.shortDescription.text).toMatch(/placeholders/)
    expect(rule.helpUri).toMatch(/docs\/rules\/no-placeholders\.md$/)
    const [first] = log.runs[0].results
    expect(first.ruleId).toBe('no-placeholders')
    expect(driver.rules[first.ruleIndex].id).toBe('no-placeholders')
    expect(first.level).toBe('error')
    expect(first.message.text).toContain('[DATE]')
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: {uri: 'specs/plan.md'},
      region: {startLine: 3, startColumn: 11, endLine: 3, endColumn: 17}
    })
    expect(log.runs[0].results).toHaveLength(2)
  })

  it('rejects an unknown format with exit 2', () => {
    const run = runCli(['--format', 'xml', 'examples'])
    expect(run.status).toBe(2)
    expect(run.stderr.trim()).toBe('planlint: unknown format "xml" (expected one of stylish, json, github, sarif, junit)')
    expect(run.stdout).toBe('')
  })
})

describe('planlint: warnings, --quiet and --max-warnings', () => {
  const config = JSON.stringify({rules: {'no-placeholders': 'warn'}})

  it('warnings alone exit 0', () => {
    const cwd = tempProject({'.planlintrc.json': config, 'plan.md': leftoverPlan})
    const run = runCli(['plan.md'], {cwd})
    expect(run.stdout).toMatch(/3:11-3:17\s+warning/)
    expect(run.status).toBe(0)
  })

  it('--max-warnings N fails with 1 only above N', () => {
    const cwd = tempProject({'.planlintrc.json': config, 'plan.md': leftoverPlan})
    expect(runCli(['--max-warnings', '2', 'plan.md'], {cwd}).status).toBe(0)
    const over = runCli(['--max-warnings', '1', 'plan.md'], {cwd})
    expect(over.status).toBe(1)
    expect(over.stderr).toContain('too many warnings (2; --max-warnings is 1)')
    expect(runCli(['--max-warnings', 'lots', 'plan.md'], {cwd}).status).toBe(2)
  })

  it('--quiet hides warnings and keeps errors', () => {
    const cwd = tempProject({
      '.planlintrc.json': config,
      'plan.md': leftoverPlan,
      'strict/.planlintrc.json': '{}',
      'strict/plan.md': leftoverPlan
    })
    const run = runCli(['--quiet', '--format', 'json', 'plan.md', 'strict/plan.md'], {cwd})
    const [warned, strict] = json(run.stdout)
    expect(warned!.messages).toEqual([])
    expect(strict!.messages).toHaveLength(2)
    expect(run.status).toBe(1)
  })
})

describe('planlint: presets, config and inline control', () => {
  const maestro = '# Implementation Plan: Board\n\n- **Purpose:** {one sentence}\n- **Current fields:** {list}\n'

  it('--preset forces a preset; --list-presets lists them', () => {
    const cwd = tempProject({'plan.md': maestro})
    const recommended = json(runCli(['--format', 'json', 'plan.md'], {cwd}).stdout)[0]!
    expect(recommended.preset).toBe('recommended')
    expect(recommended.messages).toHaveLength(1)
    const forced = json(runCli(['--format', 'json', '--preset', 'spec-maestro', 'plan.md'], {cwd}).stdout)[0]!
    expect(forced.preset).toBe('spec-maestro')
    expect(placeholders(forced).map((m) => m['line'])).toEqual([3, 4])

    const list = runCli(['--list-presets'])
    expect(list.status).toBe(0)
    expect(list.stdout.trim().split('\n')).toHaveLength(presetNames.length)
    for (const name of presetNames) {
      expect(list.stdout).toMatch(new RegExp(`^${name}\\s+\\S`, 'm'))
    }
    const unknown = runCli(['--preset', 'speckit', 'plan.md'], {cwd})
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('unknown preset "speckit"')
  })

  it('a YAML config with overrides and ignore applies per file', () => {
    const cwd = tempProject({
      '.planlintrc.yaml': [
        'preset: spec-kit',
        'rules:',
        '  no-placeholders: [error, {allow: ["[DATE]"]}]',
        'overrides:',
        '  - files: ["maestro/**"]',
        '    preset: spec-maestro',
        'ignore: ["archive/**"]'
      ].join('\n'),
      'plan.md': leftoverPlan,
      'maestro/plan.md': maestro,
      'archive/plan.md': leftoverPlan
    })
    const results = json(runCli(['--format', 'json', 'plan.md', 'maestro/plan.md', 'archive/plan.md'], {cwd}).stdout)
    expect(results.map((r) => [r.file, r.preset, placeholders(r).length])).toEqual([
      ['plan.md', 'spec-kit', 1],
      ['maestro/plan.md', 'spec-maestro', 2]
    ])
  })

  it('reads a "planlint" key in package.json, the nearest config winning', () => {
    const cwd = tempProject({
      'package.json': JSON.stringify({name: 'app', planlint: {preset: 'spec-maestro'}}),
      'plan.md': maestro,
      'sub/.planlintrc.yml': 'preset: cdd\n',
      'sub/plan.md': maestro
    })
    const results = json(runCli(['--format', 'json', 'plan.md', 'sub/plan.md'], {cwd}).stdout)
    expect(results.map((r) => r.preset)).toEqual(['spec-maestro', 'cdd'])
  })

  it('--config and --no-config choose the config explicitly', () => {
    const cwd = tempProject({
      '.planlintrc.json': JSON.stringify({rules: {'no-placeholders': 'off'}}),
      'strict.json': JSON.stringify({preset: 'spec-kit'}),
      'plan.md': leftoverPlan
    })
    expect(json(runCli(['--format', 'json', 'plan.md'], {cwd}).stdout)[0]!.messages).toHaveLength(0)
    const explicit = json(runCli(['--format', 'json', '--config', 'strict.json', 'plan.md'], {cwd}).stdout)[0]!
    expect([explicit.preset, placeholders(explicit).length]).toEqual(['spec-kit', 2])
    const none = json(runCli(['--format', 'json', '--no-config', 'plan.md'], {cwd}).stdout)[0]!
    expect([none.preset, placeholders(none).length]).toEqual(['recommended', 2])
    expect(runCli(['--config', 'missing.json', 'plan.md'], {cwd}).status).toBe(2)
  })

  it('--print-config prints the resolved preset and rule settings', () => {
    const cwd = tempProject({
      '.planlintrc.json': JSON.stringify({preset: 'ai-first-sdlc', rules: {'no-placeholders': ['warn', {markers: ['WIP']}]}})
    })
    const run = runCli(['--print-config', 'plans/x.md'], {cwd})
    expect(run.status).toBe(0)
    const printed = JSON.parse(run.stdout)
    expect(printed.file).toBe('plans/x.md')
    expect(printed.preset).toBe('ai-first-sdlc')
    expect(printed.rules['no-placeholders'].severity).toBe('warn')
    // The family's options (its placeholder style) survive; the config's are merged over them.
    const signOff = ['[TBD]', '[Pending]', '[In Progress]', '[YYYY-MM-DD]', 'YYYY-MM-DD']
    expect(printed.rules['no-placeholders'].options).toEqual({
      allowIn: {
        'Sign-off': signOff,
        'Progress Tracking': signOff,
        'Progress Log': signOff,
        'Test Plan': ['[TBD]', '[Pending]', '[To be filled]']
      },
      bracketMarkers: ['P'],
      markers: ['WIP']
    })
  })

  it('detects the family from the content, and --explain-detection shows the scores', () => {
    const cwd = tempProject({'notes/plan.md': cleanTasks, 'README.md': '# Notes\n\nNothing here.\n'})
    const [result] = json(runCli(['--format', 'json', 'notes/plan.md'], {cwd}).stdout)
    expect(result!.preset).toBe('spec-kit')
    const explained = runCli(['--explain-detection', 'notes/plan.md'], {cwd})
    expect(explained.status).toBe(0)
    expect(explained.stdout).toMatch(/^notes\/plan\.md: spec-kit\n {2}spec-kit\/tasks +\d+\.\d\d\n/)
    expect(runCli(['--explain-detection', 'README.md'], {cwd}).stdout).toMatch(/^README\.md: recommended\n/)
    const missing = runCli(['--explain-detection', 'gone.md'], {cwd})
    expect([missing.status, missing.stderr.trim()]).toEqual([2, 'planlint: gone.md: no such file'])
    // A variant can be forced: spec-kit/plan on a tasks file reports plan.md's missing sections.
    const forced = json(runCli(['--format', 'json', '--preset', 'spec-kit/plan', 'notes/plan.md'], {cwd}).stdout)[0]!
    expect(forced.messages.map((m) => m['message'])).toContainEqual(expect.stringMatching(/^Missing section "Summary"/))
  })

  it('planlint and lint comments disable, enable and ignore rules', () => {
    const text = [
      '<!-- planlint disable no-placeholders -->',
      'Cache: TBD',
      '<!-- planlint enable no-placeholders -->',
      '',
      'Database: TBD',
      '',
      '<!-- planlint ignore no-placeholders -->',
      'Date: [DATE]',
      '',
      '<!-- lint disable no-placeholders -->',
      'Storage: NEEDS CLARIFICATION',
      ''
    ].join('\n')
    const cwd = tempProject({'plan.md': text})
    const [result] = json(runCli(['--format', 'json', 'plan.md'], {cwd}).stdout)
    expect(result!.messages.map((m) => m['line'])).toEqual([5])
  })

  it('an unknown control keyword is reported at its comment, and the rest of the file is still linted', () => {
    const cwd = tempProject({'plan.md': '<!-- planlint disable-line no-placeholders -->\nCache: TBD\n\n<!-- planlint disable no-placeholders -->\nDatabase: TBD\n'})
    const run = runCli(['--format', 'json', 'plan.md'], {cwd})
    const [result] = json(run.stdout)
    expect(result!.messages.map((m) => [m['line'], m['column'], m['ruleId'], m['severity']])).toEqual([
      [1, 1, 'control-comment', 'error'],
      [2, 8, 'no-placeholders', 'error']
    ])
    expect(String(result!.messages[0]!['message'])).toBe(
      'Unknown keyword `disable-line` in a planlint comment: expected `enable`, `disable` or `ignore`; the comment is ignored'
    )
    expect(run.status).toBe(1)
  })
})

describe('planlint: configuration errors exit 2 with one line', () => {
  const cases: Array<[string, string, string]> = [
    ['.planlintrc.json', '{"rules": {"no-placeholder": "error"}}', `.planlintrc.json: rules: unknown rule "no-placeholder" (known rules: ${ruleIds.join(', ')})`],
    ['.planlintrc.yaml', 'rules:\n  no-template-text: [error, {templates: [speckit]}]\n', '.planlintrc.yaml: rules.no-template-text[1]: unknown template "speckit" (known templates: ai-first-sdlc, ai-first-sdlc-compressed'],
    ['.planlintrc.json', '{"preset": "speckit"}', '.planlintrc.json: preset: unknown preset "speckit" (known presets: recommended, cdd, cdd/feature, cdd/bug, cdd/enhancement, cdd/spike, cdd/feature-pt-br, cdd/bug-pt-br, cdd/enhancement-pt-br, cdd/spike-pt-br, spec-kit, spec-kit/plan, spec-kit/tasks'],
    ['.planlintrc.yaml', 'rules:\n  no-placeholders: warning\n', '.planlintrc.yaml: rules.no-placeholders: expected a severity (off, warn, error) or [severity, options]'],
    ['.planlintrc.yaml', 'rules:\n  no-placeholders: [fatal]\n', '.planlintrc.yaml: rules.no-placeholders[0]: "fatal" is not a severity (expected off, warn, error)'],
    ['.planlintrc.yaml', 'rules:\n  no-placeholders: [error, {braces: some}]\n', '.planlintrc.yaml: rules.no-placeholders[1].braces: "some" is not allowed (expected one of off, upper, all)'],
    ['.planlintrc.yaml', 'rules:\n  no-placeholders: [error, {allow: "[TBD]"}]\n', '.planlintrc.yaml: rules.no-placeholders[1].allow: must be array'],
    ['.planlintrc.yaml', 'rules:\n  no-placeholders: [error, {bracketMarkers: ["US(\\\\d+"]}]\n', '.planlintrc.yaml: rules.no-placeholders[1].bracketMarkers[0]: "US(\\\\d+" is not a valid regex'],
    ['.planlintrc.yaml', 'overrides:\n  - preset: cdd\n', ".planlintrc.yaml: overrides[0]: must have required property 'files'"],
    ['.planlintrc.yaml', 'presset: cdd\n', '.planlintrc.yaml: the config: unknown key "presset"'],
    ['.planlintrc.yaml', 'presets: cdd\n', '.planlintrc.yaml: presets: must be object'],
    ['.planlintrc.yaml', 'presets:\n  acme: ./missing.yaml\n', '.planlintrc.yaml: presets.acme: '],
    ['.planlintrc.yaml', 'preset: acme\n', '.planlintrc.yaml: preset: unknown preset "acme" (known presets: recommended, cdd, cdd/feature'],
    ['.planlintrc.json', '{"preset": "cdd" "rules": {}}', '.planlintrc.json: cannot parse: '],
    ['.planlintrc.yml', 'rules: [unclosed\n', '.planlintrc.yml: cannot parse: ']
  ]

  it.each(cases)('%s: %s', (name, content, expected) => {
    const cwd = tempProject({[name]: content, 'plan.md': leftoverPlan, 'other/.planlintrc.json': '{}', 'other/plan.md': leftoverPlan})
    const run = runCli(['--format', 'json', 'plan.md', 'other/plan.md'], {cwd})
    expect(run.status).toBe(2)
    const lines = run.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]!.startsWith(`planlint: ${expected}`)).toBe(true)
    // Files governed by another, valid config are still linted and reported.
    expect(json(run.stdout).map((r) => r.file)).toEqual(['other/plan.md'])
  })
})

describe('planlint: bad input', () => {
  it('missing files, empty folders and unmatched globs exit 2; the rest is still linted', () => {
    const cwd = tempProject({'plan.md': leftoverPlan, 'empty/notes.txt': 'x'})
    const run = runCli(['--format', 'json', 'missing.md', 'plan.md', 'empty', 'nothing/**/*.md'], {cwd})
    expect(run.status).toBe(2)
    expect(run.stderr.trim().split('\n')).toEqual([
      'planlint: missing.md: no such file or directory',
      'planlint: empty: no Markdown files in this directory',
      'planlint: nothing/**/*.md: no files match this pattern'
    ])
    expect(json(run.stdout).map((r) => [r.file, r.messages.length])).toEqual([['plan.md', 2]])
  })

  it('binary and invalid UTF-8 files named by the user exit 2 with a clear line', () => {
    const cwd = tempProject({
      'image.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]),
      'latin1.md': new Uint8Array([0x23, 0x20, 0x50, 0x6c, 0x61, 0x6e, 0x20, 0xe9, 0x74, 0xe9, 0x0a]),
      'plan.md': leftoverPlan
    })
    const run = runCli(['--format', 'json', 'image.md', 'latin1.md', 'plan.md'], {cwd})
    expect(run.status).toBe(2)
    expect(run.stderr.trim().split('\n')).toEqual([
      'planlint: image.md: binary file (contains NUL bytes), not Markdown text',
      'planlint: latin1.md: not valid UTF-8 text'
    ])
    expect(json(run.stdout).map((r) => r.file)).toEqual(['plan.md'])
  })

  it('a discovered file that cannot be read gets a fatal message of its own', () => {
    const cwd = tempProject({'broken-plan.md': new Uint8Array([0xff, 0xfe, 0x00, 0x41]), 'plan.md': cleanTasks})
    const run = runCli(['--format', 'json'], {cwd})
    expect(run.status).toBe(2)
    expect(json(run.stdout)).toEqual([
      {
        file: 'broken-plan.md',
        preset: null,
        messages: [
          {
            ruleId: null,
            severity: 'error',
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 1,
            message: 'Cannot lint this file: binary file (contains NUL bytes), not Markdown text',
            fatal: true
          }
        ]
      },
      {file: 'plan.md', preset: 'spec-kit', messages: []}
    ])
  })

  it('an empty file gets one warning and exit 0', () => {
    const cwd = tempProject({'plan.md': ''})
    const run = runCli(['--format', 'json', 'plan.md'], {cwd})
    expect(run.status).toBe(0)
    expect(json(run.stdout)[0]!.messages).toEqual([
      {ruleId: null, severity: 'warning', line: 1, column: 1, endLine: 1, endColumn: 1, message: 'Empty file: there is no plan to check'}
    ])
  })

  it('a large plan is linted; a 5 MB file is refused with one clear line, the others still linted', () => {
    const block = readFileSync(join(root, 'examples/specs/001-offline-sync/tasks.md'), 'utf8')
    const copies = Math.ceil((300 * 1024) / block.length)
    const cwd = tempProject({'big-plan.md': block.repeat(copies), 'huge.md': 'x'.repeat(5 * 1024 * 1024)})
    const run = runCli(['--format', 'json', 'huge.md', 'big-plan.md'], {cwd})
    expect(run.stderr.trim()).toBe('planlint: huge.md: file too large (5.0 MB; the limit is 2.0 MB)')
    expect(run.status).toBe(2)
    const results = json(run.stdout)
    expect(results.map((r) => r.file)).toEqual(['big-plan.md'])
    // Each copy of the example has two leftovers.
    expect(placeholders(results[0]!)).toHaveLength(copies * 2)
  })
})

describe('planlint: stdin, usage, version and help', () => {
  it('--stdin lints standard input under --stdin-filename, with that file’s config', () => {
    const cwd = tempProject({'specs/.planlintrc.json': JSON.stringify({preset: 'spec-kit'})})
    const run = runCli(['--stdin', '--stdin-filename', 'specs/plan.md', '--format', 'json'], {cwd, input: leftoverPlan})
    expect(run.status).toBe(1)
    const [result] = json(run.stdout)
    expect([result!.file, result!.preset, placeholders(result!).length]).toEqual(['specs/plan.md', 'spec-kit', 2])
    const anonymous = runCli(['--stdin', '--format', 'json'], {cwd, input: cleanTasks})
    expect(json(anonymous.stdout)[0]!.file).toBe('<stdin>')
    expect(anonymous.status).toBe(0)
  })

  it('--stdin refuses binary input and stray paths', () => {
    const binary = runCli(['--stdin'], {input: Buffer.from([0, 1, 2])})
    expect(binary.status).toBe(2)
    expect(binary.stderr.trim()).toBe('planlint: <stdin>: binary file (contains NUL bytes), not Markdown text')
    expect(runCli(['--stdin', 'plan.md']).status).toBe(2)
    expect(runCli(['--stdin-filename', 'x.md']).stderr).toContain('--stdin-filename needs --stdin')
  })

  it('unknown options exit 2 with a pointer to --help', () => {
    const run = runCli(['--frobnicate'])
    expect(run.status).toBe(2)
    expect(run.stderr.trim()).toBe("planlint: unknown option '--frobnicate' (see planlint --help)")
  })

  it('--version prints the package version; --help lists every option', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    expect(runCli(['--version']).stdout.trim()).toBe(pkg.version)
    const help = runCli(['--help'])
    expect(help.status).toBe(0)
    for (const flag of ['--preset', '--config', '--format', '--quiet', '--max-warnings', '--stdin', '--stdin-filename', '--list-presets', '--print-config', '--explain-detection', '--fix', '--version']) {
      expect(help.stdout).toContain(flag)
    }
  })

  it('--color forces ANSI colours; --no-color turns them off', () => {
    const cwd = tempProject({'plan.md': leftoverPlan})
    expect(runCli(['--color', 'plan.md'], {cwd}).stdout).toContain('\u001B[')
    expect(runCli(['--no-color', 'plan.md'], {cwd}).stdout).not.toContain('\u001B[')
  })
})

describe('planlint: what users of ESLint expect of the command line', () => {
  const fixable = readFileSync(join(root, 'fixtures/fix/tasks.md'), 'utf8')

  it('--fix-dry-run shows the change as a unified diff, writes nothing, and says what it would fix', () => {
    const cwd = tempProject({'tasks.md': fixable})
    const run = runCli(['--no-config', '--fix-dry-run', 'tasks.md'], {cwd})
    expect(run.stdout).toContain('--- a/tasks.md\n+++ b/tasks.md\n')
    expect(run.stdout).toContain('-- [ ] T2 Add the clock in src/sync/clock.ts\n-- [ ] t003 Add the queue store in src/sync/store.ts\n+- [ ] T002 Add the clock in src/sync/clock.ts\n')
    expect(run.stderr).toBe('planlint: would fix 5 problems in 1 file\n')
    expect(readFileSync(join(cwd, 'tasks.md'), 'utf8')).toBe(fixable)
    // In JSON, the fixed text is the result's output, and each fixable message carries its fix.
    const [dry] = JSON.parse(runCli(['--no-config', '--fix-dry-run', '-f', 'json', 'tasks.md'], {cwd}).stdout)
    expect(dry.output).toBe(readFileSync(join(root, 'fixtures/fix/tasks.fixed.md'), 'utf8'))
    const [plain] = JSON.parse(runCli(['--no-config', '-f', 'json', 'tasks.md'], {cwd}).stdout)
    const t2 = plain.messages.find((m: {message: string}) => m.message.startsWith('Task ID "T2"'))
    expect(fixable.slice(t2.fix.range[0], t2.fix.range[1])).toBe('T2')
    expect(t2.fix.text).toBe('T002')
  })

  it('--fix says how many problems it fixed in how many files', () => {
    const cwd = tempProject({'a/tasks.md': fixable, 'b/tasks.md': fixable})
    expect(runCli(['--no-config', '--fix', 'a/tasks.md', 'b/tasks.md'], {cwd}).stderr).toBe('planlint: fixed 10 problems in 2 files\n')
  })

  it('--output-file writes the report there and a one-line summary to the terminal', () => {
    const cwd = tempProject({'plan.md': leftoverPlan})
    const run = runCli(['--no-config', '-f', 'json', '--output-file', 'reports/planlint.json', 'plan.md'], {cwd})
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toBe('planlint: 2 errors, 0 warnings in 1 file; report written to reports/planlint.json\n')
    expect(json(readFileSync(join(cwd, 'reports/planlint.json'), 'utf8'))[0]!.messages).toHaveLength(2)
  })

  it("--rule 'RULE: SEVERITY' sets a rule for one run, and a wrong one is one clear line", () => {
    const cwd = tempProject({'plan.md': leftoverPlan})
    const warned = runCli(['--no-config', '-f', 'json', '--rule', 'no-placeholders: warn', 'plan.md'], {cwd})
    expect(warned.status).toBe(0)
    expect(json(warned.stdout)[0]!.messages.map((m) => m['severity'])).toEqual(['warning', 'warning'])
    expect(runCli(['--no-config', '--rule', 'no-placeholders: [error, {markers: [WIP]}]', '--rule', 'no-placeholders: off', 'plan.md'], {cwd}).status).toBe(0)
    const wrong = runCli(['--rule', 'no-placeholder: warn', 'plan.md'], {cwd})
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toMatch(/^planlint: --rule 'no-placeholder: warn': unknown rule "no-placeholder" \(known rules: /)
  })

  it('honours FORCE_COLOR, and says briefly what option it does not know', () => {
    const cwd = tempProject({'plan.md': leftoverPlan})
    expect(runCli(['--no-config', 'plan.md'], {cwd, env: {FORCE_COLOR: '1'}}).stdout).toContain('\u001b[31merror')
    expect(runCli(['--no-config', 'plan.md'], {cwd, env: {FORCE_COLOR: '0'}}).stdout).not.toContain('\u001b[')
    const unknown = runCli(['--fxi', 'plan.md'], {cwd})
    expect(unknown).toMatchObject({status: 2, stderr: "planlint: unknown option '--fxi' (see planlint --help)\n"})
  })

  it('reads a JSON config with comments and trailing commas, and refuses a config name it does not read', () => {
    const cwd = tempProject({'plan.md': leftoverPlan, '.planlintrc.jsonc': '{\n  // warnings while drafting\n  "rules": {"no-placeholders": "warn",},\n  /* more later */\n}\n'})
    expect(json(runCli(['-f', 'json', 'plan.md'], {cwd}).stdout)[0]!.messages.map((m) => m['severity'])).toEqual(['warning', 'warning'])
    const other = tempProject({'plan.md': leftoverPlan, '.planlintrc': 'preset: spec-kit\n'})
    const run = runCli(['plan.md'], {cwd: other})
    expect(run.status).toBe(2)
    expect(run.stderr).toBe(
      'planlint: .planlintrc: planlint does not read a config of this name: use .planlintrc.json, .planlintrc.jsonc, .planlintrc.yaml, .planlintrc.yml or a "planlint" key in package.json\n'
    )
  })
})
