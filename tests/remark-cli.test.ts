/**
 * remark users: the real remark-cli with `--use planlint/presets/<name>` or a
 * `.remarkrc` gives the same messages as the planlint command.
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, symlinkSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {presetNames} from '../presets/index.js'
import {cleanTasks, root, runCli, tempProject} from './helpers.js'

const remarkCli = join(root, 'node_modules/remark-cli/cli.js')

/** A project that has planlint installed, as a user's would (a link to this checkout). */
function projectWithPlanlint(files: Record<string, string>): string {
  const cwd = tempProject(files)
  mkdirSync(join(cwd, 'node_modules'))
  symlinkSync(root, join(cwd, 'node_modules/planlint'), 'dir')
  return cwd
}

function remark(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [remarkCli, '--no-color', ...args], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}})
  return {status: run.status, stderr: run.stderr}
}

/** `3:11-3:17  error  Message  rule-id  planlint` lines of remark's report. */
function remarkMessages(stderr: string): string[] {
  return stderr
    .split('\n')
    .map((line) => /^\s*(\d+:\d+)(?:-(\d+:\d+))?\s+(error|warning)\s+(.+?)\s+(\S+)\s+planlint$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    // A point (a missing section) is shown as `3:1`; planlint's JSON gives it as an empty range.
    .map(([, start, end, severity, message, ruleId]) => `${start}-${end ?? start} ${severity} ${ruleId} ${message}`)
}

function planlintMessages(args: string[], cwd: string): string[] {
  const [result] = JSON.parse(runCli(['--format', 'json', ...args], {cwd}).stdout) as Array<{
    messages: Array<{line: number; column: number; endLine: number; endColumn: number; severity: string; ruleId: string; message: string}>
  }>
  return result!.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.severity} ${m.ruleId} ${m.message}`)
}

// One document with leftovers of every token style, so each preset finds something.
const plan = `# Implementation Plan: [FEATURE]

**Feature ID:** {FEATURE_ID}

- [ ] T001 [P] [US1] Build it in \`src/x.ts\`
- **Purpose:** {one sentence}

Database: TBD
`

describe('remark-cli', () => {
  it.each(presetNames.map((name) => [name]))('--use planlint/presets/%s matches planlint --preset', (name) => {
    const cwd = projectWithPlanlint({'plan.md': plan})
    const run = remark(['--use', `planlint/presets/${name}`, '--frail', '--no-stdout', 'plan.md'], cwd)
    const expected = planlintMessages(['--no-config', '--preset', name, 'plan.md'], cwd)
    expect(expected.length).toBeGreaterThan(0)
    // Messages at one place may come in another order: vfile-reporter sorts them by text.
    expect(remarkMessages(run.stderr).sort()).toEqual(expected.sort())
    expect(run.status).toBe(1)
  })

  it('a .remarkrc listing a preset gives the same messages, and a clean plan passes', () => {
    const cwd = projectWithPlanlint({
      '.remarkrc.json': JSON.stringify({plugins: ['planlint/presets/spec-kit']}),
      'plan.md': plan,
      'tasks.md': cleanTasks
    })
    const dirty = remark(['--frail', '--no-stdout', 'plan.md'], cwd)
    expect(remarkMessages(dirty.stderr).sort()).toEqual(planlintMessages(['--no-config', '--preset', 'spec-kit', 'plan.md'], cwd).sort())
    expect(dirty.status).toBe(1)
    const clean = remark(['--frail', '--no-stdout', 'tasks.md'], cwd)
    expect(clean.status).toBe(0)
    expect(clean.stderr).toContain('tasks.md: no issues found')
  })

  it('a rule plugin re-configures a preset’s rule, and lint/planlint comments work under remark', () => {
    const rule = ['planlint/rules/no-placeholders', ['warn', {allow: ['[FEATURE]'], bracketMarkers: ['P', 'US\\d+']}]]
    const cwd = projectWithPlanlint({
      '.remarkrc.json': JSON.stringify({plugins: ['planlint/presets/recommended', rule]}),
      'plan.md': `${plan}\n<!-- lint disable no-placeholders -->\n\nCache: TBD\n\n<!-- planlint enable no-placeholders -->\n\nDate: TBD\n`
    })
    const run = remark(['--no-stdout', 'plan.md'], cwd)
    const lines = remarkMessages(run.stderr).map((line) => line.split(' ')[0]!.split(':')[0])
    // [FEATURE] allowed; line 12 disabled; line 16 enabled again.
    expect(lines).toEqual(['3', '6', '8', '16'])
    expect(remarkMessages(run.stderr).every((line) => line.includes(' warning '))).toBe(true)
  })

  it('a rule used alone keeps each message\'s severity, and bad options are one clear error', () => {
    const tasks = '## Phase 1: Setup\n\n- [ ] T001 Create src/a.ts (depends on T002)\n- [ ] T002 Create src/b.ts (after T009)\n'
    const alone = projectWithPlanlint({'.remarkrc.json': JSON.stringify({plugins: ['remark-gfm', ['planlint/rules/task-references', 'error']]}), 'tasks.md': tasks})
    // Checkboxes are GFM: a remark user who lints task lists adds remark-gfm.
    symlinkSync(join(root, 'node_modules/remark-gfm'), join(alone, 'node_modules/remark-gfm'), 'dir')
    const run = remark(['--no-stdout', 'tasks.md'], alone)
    // A dependency on a later task is a warning even though the rule is on as an error; a missing task is an error.
    expect(remarkMessages(run.stderr)).toEqual([
      '3:40-3:44 warning task-references Task "T001" depends on "T002", which comes later in the plan',
      '4:35-4:39 error task-references Task "T009" does not exist in this plan'
    ])

    const bad = projectWithPlanlint({'.remarkrc.json': JSON.stringify({plugins: [['planlint/rules/no-placeholders', ['error', {markers: 'TBD'}]]]}), 'plan.md': plan})
    const failed = remark(['--no-stdout', 'plan.md'], bad)
    expect(failed.status).not.toBe(0)
    expect(failed.stderr).toContain('rule "no-placeholders": markers: must be array')
  })
})
