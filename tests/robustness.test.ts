/** Hostile and odd input: one clear message, nothing shifted, and the rest still linted. */
import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {applyFixes} from '../src/engine/fix.js'
import {lint, lintFiles} from '../src/index.js'
import {runCli, tempProject} from './helpers.js'

// Two fixable IDs (T1, T2) and two placeholders, under spec-maestro.
const tasks = '# Tasks: X\n\n## Phase 1: Setup\n\n- [ ]  T1 Do x in src/a.py\n- [ ] T2 [Owner] Do y in src/b.py\n'
const lintAs = (text: string) => lint(text, {config: false, preset: 'spec-maestro'})
const places = (messages: Awaited<ReturnType<typeof lint>>['messages']) => messages.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn, m.message])

describe('line endings and a byte order mark', () => {
  it('a byte order mark shifts no column, and the fixes apply to the text as given, once', async () => {
    const plain = await lintAs(tasks)
    const withBom = await lintAs(`\uFEFF${tasks}`)
    expect(places(withBom.messages)).toEqual(places(plain.messages))
    const fixed = applyFixes(`\uFEFF${tasks}`, withBom.messages).text
    expect(fixed).toBe(`\uFEFF${applyFixes(tasks, plain.messages).text}`)
    expect(fixed).toContain('- [ ]  T001 Do x')
    const again = await lintAs(fixed)
    expect(applyFixes(fixed, again.messages).text).toBe(fixed)
  })

  it('CRLF and lone CR line endings give the messages LF gives, and fixes keep them', async () => {
    const plain = await lintAs(tasks)
    for (const ending of ['\r\n', '\r']) {
      const text = tasks.replace(/\n/g, ending)
      const {messages} = await lintAs(text)
      expect(places(messages)).toEqual(places(plain.messages))
      expect(applyFixes(text, messages).text).toBe(applyFixes(tasks, plain.messages).text.replace(/\n/g, ending))
    }
  })
})

describe('a per-file budget', () => {
  it('a file nested past the limit is one message, found before parsing, and the other files are linted', async () => {
    const cwd = tempProject({'deep/plan.md': '> - '.repeat(5000) + 'x\n', 'fine/plan.md': 'Cache: TBD\n'})
    const {results} = await lintFiles(['deep/plan.md', 'fine/plan.md'], {cwd, config: false})
    expect(results[0]!.messages).toEqual([
      expect.objectContaining({
        line: 1,
        fatal: true,
        message: 'Not checked: too deeply nested (block quotes and lists 10000 levels deep at line 1; the limit is 100)'
      })
    ])
    expect(results[1]!.messages.map((m) => m.ruleId)).toEqual(['no-placeholders'])
  })

  it('the nesting limit is an option, and block quotes alone are counted too', async () => {
    const quotes = '>'.repeat(30) + ' deep\n'
    expect((await lint(quotes, {config: false})).messages).toEqual([])
    expect((await lint(quotes, {config: false, maxNesting: 20})).messages[0]!.message).toMatch(/^Not checked: too deeply nested \(block quotes and lists 30 levels/)
  })

  it('a file over its time limit is reported as not checked, and the command exits 2', () => {
    const cwd = tempProject({'plan.md': 'Cache: TBD\n'})
    // No lint takes less than a microsecond: the limit is always passed, after parsing.
    const run = runCli(['--no-config', '--time-limit', '0.000001', '--format', 'json', 'plan.md'], {cwd})
    expect(run.status).toBe(2)
    expect(JSON.parse(run.stdout)[0].messages).toEqual([
      expect.objectContaining({line: 1, fatal: true, message: 'Not checked: took longer than 0.000001 s (the time limit; see --time-limit)'})
    ])
    expect(runCli(['--time-limit', 'soon', 'plan.md'], {cwd}).stderr).toBe('planlint: --time-limit expects a number of seconds, got "soon"\n')
  })
})

describe('mis-encoded text (no-mojibake)', () => {
  // The ai-first-sdlc template's own status line, as it ships.
  const status = '**Status:** ‚è∏Ô∏è Not Started | \uF8FFüöß In Progress | ‚úÖ Complete\n'

  it('--fix writes the text the bytes were, and a second run changes nothing', async () => {
    const cwd = tempProject({'plan.md': `# Plan: Sync\n\n${status}\nThe API doesnâ€™t cache cafÃ© orders; ÃƒÂ© was encoded twice.\n`})
    const first = await lintFiles(['plan.md'], {cwd, config: false, fix: true})
    expect(first.results[0]!.fixed).toBe(6)
    expect(readFileSync(join(cwd, 'plan.md'), 'utf8')).toBe(
      '# Plan: Sync\n\n**Status:** ⏸️ Not Started | 🚧 In Progress | ✅ Complete\n\nThe API doesn’t cache café orders; é was encoded twice.\n'
    )
    const second = await lintFiles(['plan.md'], {cwd, config: false, fix: true})
    expect(second.results[0]!.fixed).toBeUndefined()
    expect(second.results[0]!.messages.filter((m) => m.ruleId === 'no-mojibake')).toEqual([])
  })

  it('is silent on real text in many scripts, accents and typography', async () => {
    const text = [
      '# Plan: Café « déjà vu » — naïve façade',
      '',
      'São Paulo, Zürich, Kraków, İstanbul, Ærøskøbing; l’été, «Évidemment», …était, AÇÃO–X.',
      'Ελληνικά, Русский план, עברית, العربية, हिन्दी, 中文计划, 日本語の計画, 한국어 계획, ไทย.',
      '✅ Done · 🚧 WIP · ⏸️ Paused · ≥ 90% · → next · ├── src/ · “quoted” ‘single’ • ™ © ® ½ ¼ ¾ ± µ',
      ''
    ].join('\n')
    const {messages} = await lint(text, {config: false})
    expect(messages.filter((m) => m.ruleId === 'no-mojibake')).toEqual([])
  })
})
