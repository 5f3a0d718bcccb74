/** The programmatic API that the CLI is built on. */
import {describe, expect, it} from 'vitest'
import {format, lint, lintFiles, PlanlintError, presetNames, ruleIds} from '../src/index.js'
import {cleanTasks, leftoverPlan, tempProject} from './helpers.js'

describe('lint()', () => {
  it('lints text with the recommended preset by default', async () => {
    const {preset, messages} = await lint(leftoverPlan, {config: false})
    expect(preset).toBe('recommended')
    expect(messages.map((m) => [m.ruleId, m.line, m.column, m.severity])).toEqual([
      ['no-placeholders', 3, 11, 'error'],
      ['no-placeholders', 5, 14, 'error']
    ])
  })

  it('uses the config that governs {path}, and options over it', async () => {
    const cwd = tempProject({'specs/.planlintrc.json': JSON.stringify({preset: 'spec-maestro'})})
    const text = '- **Purpose:** {one sentence}\n- **Current:** {list}\n'
    const placeholders = (output: {messages: Array<{ruleId: string | null}>}) =>
      output.messages.filter((m) => m.ruleId === 'no-placeholders')
    const configured = await lint({path: 'specs/plan.md', text}, {cwd})
    expect([configured.preset, placeholders(configured).length]).toEqual(['spec-maestro', 2])
    const overridden = await lint({path: 'specs/plan.md', text}, {cwd, rules: {'no-placeholders': ['warn', {braces: 'off'}]}})
    expect(placeholders(overridden)).toEqual([])
    const severity = await lint({path: 'specs/plan.md', text}, {cwd, rules: {'no-placeholders': 'warn'}})
    expect(severity.messages.filter((m) => m.ruleId === 'no-placeholders').map((m) => m.severity)).toEqual(['warning', 'warning'])
  })
})

describe('lintFiles()', () => {
  it('returns one result per file and the named paths it could not read', async () => {
    const cwd = tempProject({'plan.md': leftoverPlan, 'tasks.md': cleanTasks})
    const {results, problems} = await lintFiles(['tasks.md', 'plan.md', 'gone.md'], {cwd})
    expect(results.map((r) => [r.file, r.messages.length])).toEqual([
      ['tasks.md', 0],
      ['plan.md', 2]
    ])
    expect(problems).toEqual([{path: 'gone.md', problem: 'no such file or directory'}])
    expect(await format('json', results)).toContain('"file": "plan.md"')
  })

  it('exposes the rule and preset lists', () => {
    expect(ruleIds).toContain('no-placeholders')
    // recommended first (the fallback), then one preset per family with a structure.
    expect(presetNames[0]).toBe('recommended')
    expect(new Set(presetNames).size).toBe(presetNames.length)
  })
})

describe('lintFiles() progress', () => {
  it('counts the files done, cached ones first, up to the total', async () => {
    const cwd = tempProject({'a/plan.md': leftoverPlan, 'b/plan.md': leftoverPlan, 'c/tasks.md': cleanTasks})
    const calls: Array<[number, number]> = []
    await lintFiles([], {cwd, config: false, onProgress: (done, total) => calls.push([done, total])})
    expect(calls).toEqual([
      [1, 3],
      [2, 3],
      [3, 3]
    ])
  })
})

describe('options given through the API', () => {
  it('are checked as a config is: one clear error naming the rule and option, before any file is read', async () => {
    await expect(lint('Owner: TBD\n', {config: false, rules: {'no-placeholders': ['error', {markers: 'TBD'} as never]}})).rejects.toThrow(
      new PlanlintError('rules.no-placeholders[1].markers: must be array')
    )
    await expect(lint('x\n', {config: false, rules: {'no-placeholder': 'error'}})).rejects.toThrow(/^rules: unknown rule "no-placeholder" \(known rules: /)
    await expect(lintFiles(['plans'], {config: false, preset: 'spec-kits'})).rejects.toThrow(
      /^preset: unknown preset "spec-kits" \(known presets: recommended, cdd, /
    )
  })
})

describe('a fenced block that closes early', () => {
  it('is one error, and the quoted text it spills is not checked again', async () => {
    const text = '# Notes\n\nOwner: [TBD]\n\n```markdown\n# Deploy\n\n```bash\nnpm run deploy\n```\n\n## Rollback\n\nRun [command] with {OPTIONS}.\n```\n'
    const {messages} = await lint(text, {config: false})
    // The plan's own leftover is still reported; the quoted file's [command] and {OPTIONS} are not.
    expect(messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['3 no-placeholders', '5 no-broken-fences'])
  })
})
