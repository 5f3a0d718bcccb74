/**
 * Random plan-like documents for the fuzzer: the constructs the rules read
 * (headings, tasks with IDs and markers, tables, fences, comments), the
 * text that has broken linters before (escapes, entities, CRLF, a BOM,
 * CJK, right-to-left text, emoji, zero-width characters, mojibake), and
 * random bytes.
 */
import fc from 'fast-check'
import {presetNames} from '../../src/index.js'

const words = fc.constantFrom(
  'Setup', 'Foundational', 'Polish', 'User Story 1', 'User Story 2', 'Phase 3', 'Phase 3.1', 'Summary', 'Technical Context',
  'Dependencies', 'Notes', '[Feature Title]', '{FEATURE_ID}', '<name>', 'NEEDS CLARIFICATION', 'TBD', 'TODO', '[P]', '[US1]',
  '[US2]', '[P?]', '[x]', 'src/a.py', '`src/b.ts`', 'tests/c.test.ts', 'T001', 'T12', 'T002a', 'US3', 'Step 2', 'Task 1.1',
  '&amp;', '&#x5B;', '\\[', '\\]', '\\*', '*em*', '**bold**', '~~gone~~', '[link](http://x.y)', '<br>', '`code`',
  '計画', 'タスク', '阶段 1', 'خطة', 'תוכנית', '🎯', '✅', '🚧', '⏸️', '\u200b', '\u200d', '\u2066', '\ufeff', 'Ã©', 'â€™',
  '‚úÖ', '\uf8ffüöß', 'ÃƒÂ©', '[', ']', '{', '}', '<', '>', '|', '`', '\\', '\t', '…'
)

const phrase = fc.array(words, {minLength: 1, maxLength: 6}).map((list) => list.join(' '))
const id = fc.tuple(fc.constantFrom('T', 'T-', 't', 'TASK-', 'BE-T'), fc.integer({min: 0, max: 1200}), fc.constantFrom('', '', 'a', 'A', '.1'))
  .map(([prefix, number, suffix]) => `${prefix}${String(number).padStart(3, '0')}${suffix}`)

const line: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({min: 1, max: 6}), phrase).map(([level, text]) => `${'#'.repeat(level)} ${text}`),
  fc.tuple(fc.constantFrom('- [ ] ', '- [x] ', '- [X] ', '- ', '* [ ] ', '1. ', '- \\[ \\] ', '  - [ ] '), id, fc.constantFrom('', ':', ' [P]', ' [P] [US1]', ' [US2] [P]', ' [US9]', ' [BILL]'), phrase)
    .map(([bullet, task, markers, text]) => `${bullet}${task}${markers} ${text}`),
  fc.array(phrase, {minLength: 1, maxLength: 4}).map((cells) => `| ${cells.join(' | ')} |`),
  fc.constantFrom('| --- | --- |', '```', '````markdown', '~~~', '```bash', '<!-- planlint disable no-placeholders -->', '<!-- planlint enable -->',
    '<!-- planlint ignore task-id -->', '<!-- planlint foo -->', '<!-- lint disable -->', '<!-- ACTION REQUIRED: fill -->', '---', '> note', '> > deep',
    '**Branch**: `[###-feature-name]` | **Date**: [DATE] | **Spec**: [link]', '**Input**: Feature specification from `/specs/[###-feature-name]/spec.md`',
    '**Note**: This template is filled in by the `/speckit.plan` command.', '**Status:** ‚è∏Ô∏è Not Started', 'T010 depends on T999', '- Depends on: T001, T002',
    '', ''),
  phrase
)

/** A plan-like document: lines, joined with one kind of line ending, maybe after a BOM. */
export const planText = fc
  .tuple(fc.array(line, {minLength: 0, maxLength: 60}), fc.boolean())
  .map(([lines, bom]) => (bom ? '\ufeff' : '') + lines.join('\n') + '\n')

export const preset = fc.constantFrom(...presetNames)

/** Random bytes, sometimes starting like a plan. */
export const bytes = fc.tuple(fc.constantFrom('', '# Tasks: x\n\n- [ ] T001 '), fc.uint8Array({maxLength: 2048})).map(([head, tail]) => {
  const start = new TextEncoder().encode(head)
  const all = new Uint8Array(start.length + tail.length)
  all.set(start)
  all.set(tail, start.length)
  return all
})
