/**
 * The one grammar of plan documents (src/core/grammar.ts): heading keys
 * every option and rule share, task IDs in every spelling, and no rule with a
 * task-ID or heading pattern of its own.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {correctedTaskId, headingKey, parseTaskId, taskIdKey} from '../src/core/grammar.js'
import {lint} from '../src/engine/run.js'
import {root} from './paths.js'

describe('headingKey', () => {
  it('reads headings as their words', () => {
    expect(headingKey('## 11. Risks & Mitigation ✅ COMPLETE'.slice(3))).toBe('risks and mitigation')
    expect(headingKey('Risks & Mitigation')).toBe(headingKey('Risks and Mitigation'))
    expect(headingKey('Résumé')).toBe('resume')
    expect(headingKey('Phase 1: Setup 🎯 MVP')).toBe('phase 1 setup')
    expect(headingKey('阶段 1: 设置')).toBe('阶段 1 设置')
  })

  it('is the key allowIn uses: a token allowed under "Risks and Mitigation" is allowed under "## Risks & Mitigation"', async () => {
    const text = '## Risks & Mitigation\n\n- Owner: [TBD]\n\n## Rollout\n\n- Owner: [TBD]\n'
    const {messages} = await lint(text, {config: false, rules: {'no-placeholders': ['error', {allowIn: {'Risks and Mitigation': ['[TBD]']}}]}})
    expect(messages.map((m) => `${m.line} ${m.message}`)).toEqual(['7 Unfilled placeholder "[TBD]": replace it with real content'])
  })
})

describe('task IDs', () => {
  it('have one canonical form and one key for every spelling', () => {
    expect(correctedTaskId('t12')).toBe('T012')
    expect(correctedTaskId('T-0012')).toBe('T012')
    expect(correctedTaskId('BE-T5a')).toBe('BE-T005a')
    expect(correctedTaskId('T12345')).toBeUndefined()
    expect(new Set(['T012', 't12', 'T-012', 'T0012'].map(taskIdKey))).toEqual(new Set(['T012']))
    expect(parseTaskId('BE-T0012b')).toEqual({prefix: 'BE', number: 12, suffix: 'b', digits: 4})
  })
})

describe('rules', () => {
  it('write no task-ID or heading pattern of their own', () => {
    const dir = join(root, 'rules')
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.ts'))) {
      const code = readFileSync(join(dir, name), 'utf8').replace(/`[^`]*`/g, '``').replace(/'(?:[^'\\\n]|\\.)*'/g, "''")
      // Regular expression literals that spell a task ID (`T\d`, `[Tt]`) or a heading (`phase`, `user story`).
      const literals = code.match(/(?<![\w)\]])\/(?![/*])(?:[^/\\\n]|\\.)+\/[gimsuy]*/g) ?? []
      expect(literals.filter((literal) => /T\(?\\d|\[Tt\]|phase|user story|#{1,6}\s/i.test(literal)), name).toEqual([])
    }
  })
})
