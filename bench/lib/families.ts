/**
 * One builder per template family and document kind. Each writes a filled
 * plan with the family's structure (as in fixtures/filled/*.md and the real
 * plans in ../shared/corpus/real), grown to about `target` bytes by adding
 * the units real plans have more of: tasks and phases, steps, decisions,
 * components, test cases.
 */
import type {Rng} from './prng.js'
import {Writer, slugify} from './text.js'

export type Kind =
  | 'spec-kit/tasks'
  | 'spec-kit/plan'
  | 'spec-kit/merged'
  | 'cdd/feature'
  | 'cdd/bug'
  | 'promptydumpty/plan'
  | 'ai-first-sdlc/full'
  | 'spec-maestro/v0'
  | 'spec-maestro/tasks'

export const families = ['spec-kit', 'cdd', 'promptydumpty', 'ai-first-sdlc', 'spec-maestro'] as const

/** A document under construction: fixed parts plus sections that grow. */
class Doc {
  private parts: Array<{text: string} | {units: string[]; join: string}> = []
  private size = 0

  add(text: string): void {
    this.parts.push({text})
    this.size += Buffer.byteLength(text) + 2
  }

  /** A growable list; returns a function that appends one unit to it. */
  list(join = '\n\n'): (unit: string) => void {
    const part = {units: [] as string[], join}
    this.parts.push(part)
    return (unit) => {
      part.units.push(unit)
      this.size += Buffer.byteLength(unit) + join.length
    }
  }

  get bytes(): number {
    return this.size
  }

  render(): string {
    return (
      this.parts
        .map((part) => ('text' in part ? part.text : part.units.join(part.join)))
        .filter((text) => text.length > 0)
        .join('\n\n') + '\n'
    )
  }
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1)
const plural = (s: string) => (/(s|x|ch|sh)$/.test(s) ? `${s}es` : /[^aeiou]y$/.test(s) ? `${s.slice(0, -1)}ies` : `${s}s`)

/** Task IDs per prefix (spec-kit allows team prefixes such as `BE-T001`). */
class TaskIds {
  private counters = new Map<string, number>()
  last = new Map<string, string>()

  next(prefix = ''): string {
    const n = (this.counters.get(prefix) ?? 0) + 1
    if (n > 999) throw new Error(`more than 999 tasks with prefix "${prefix}"`)
    this.counters.set(prefix, n)
    const id = `${prefix ? `${prefix}-` : ''}T${String(n).padStart(3, '0')}`
    this.last.set(prefix, id)
    return id
  }

  count(prefix = ''): number {
    return this.counters.get(prefix) ?? 0
  }
}

function storyTitle(w: Writer): string {
  const who = w.rng.pick(['Users', 'Admins', 'Support staff', 'Team owners', 'Developers', 'Customers', 'Reviewers', 'Operators'])
  const what = w.rng.pick(['create', 'review', 'export', 'schedule', 'search', 'cancel', 'approve', 'configure', 'track', 'restore'])
  return `${who} ${what} ${plural(w.noun())}`
}

interface PhaseOptions {
  ids: TaskIds
  number: number
  name: string
  story?: number
  prefix?: string
  tasks: number
  done: boolean
  purpose: string
  /** Split into "Tests for" and "Implementation for" subsections. */
  split?: boolean
  checkpoint?: boolean
  colon?: boolean
  /** Share of tasks with a sentence of detail after the path. */
  detail?: number
}

/** One spec-kit phase with its tasks. */
function speckitPhase(w: Writer, o: PhaseOptions): string {
  w.resetPaths()
  const lines: string[] = [`## Phase ${o.number}: ${o.name}`, '', o.story ? `**Goal**: ${w.paragraph(1, 2)}` : `**Purpose**: ${o.purpose}`]
  if (o.story) lines.push('', `**Independent Test**: ${w.paragraph(1, 1)}`)
  const task = (test: boolean) => {
    const prefix = o.prefix ?? ''
    const before = o.ids.last.get(prefix)
    const id = o.ids.next(prefix)
    const parallel = w.rng.chance(0.45)
    const markers = `${parallel ? ' [P]' : ''}${o.story ? ` [US${o.story}]` : ''}`
    const what = test ? `${w.rng.pick(['Contract', 'Integration', 'Unit'])} test for the ${w.noun()} ${w.rng.pick(['happy path', 'error cases', 'limits', 'permissions'])}` : w.action()
    const path = w.path({test, fresh: parallel})
    const dep = before && !parallel && w.rng.chance(0.2) ? ` (depends on ${before})` : ''
    const box = o.done ? w.rng.pick(['x', 'X']) : ' '
    const note = w.rng.chance(o.detail ?? 0.25) ? `: ${w.sentence({paths: false})}` : ''
    return `- [${box}] ${id}${o.colon ? ':' : ''}${markers} ${what} in ${w.rng.chance(0.3) ? `\`${path}\`` : path}${dep}${note}`
  }
  if (o.split && o.story) {
    const tests = Math.max(1, Math.floor(o.tasks / 3))
    lines.push('', `### Tests for User Story ${o.story}`, '')
    for (let i = 0; i < tests; i++) lines.push(task(true))
    lines.push('', `### Implementation for User Story ${o.story}`, '')
    for (let i = tests; i < o.tasks; i++) lines.push(task(false))
  } else {
    lines.push('')
    for (let i = 0; i < o.tasks; i++) lines.push(task(false))
  }
  if (o.checkpoint) lines.push('', `**Checkpoint**: ${w.paragraph(1, 1)}`)
  return lines.join('\n')
}

const teamPrefixes = ['BE', 'FE', 'API', 'MOB', 'DATA', 'OPS', 'QA', 'SEC']

/** spec-kit tasks.md. `teams`: story phases owned by teams with prefixed IDs (for documents past 999 tasks). */
export function speckitTasks(rng: Rng, target: number, options: {teams?: boolean} = {}): string {
  const w = new Writer(rng)
  const feature = `${String(w.number).padStart(3, '0')}-${w.slug}`
  const d = new Doc()
  const ids = new TaskIds()
  const colon = rng.chance(0.25)
  d.add(`# Tasks: ${w.title}`)
  d.add(
    [
      `**Input**: Design documents from \`/specs/${feature}/\``,
      `**Prerequisites**: plan.md, spec.md, research.md, data-model.md${rng.chance(0.5) ? ', contracts/' : ''}`
    ].join('\n')
  )
  d.add(`**Tests**: ${w.paragraph(1, 2)}`)
  d.add(`**Organization**: Tasks are grouped by user story so that each story can be built and tested on its own.`)
  d.add(
    [
      '## Format: `[ID] [P?] [Story] Description`',
      '',
      '- **[P]**: Can run in parallel (different files, no dependencies)',
      '- **[Story]**: Which user story this task belongs to (e.g., US1, US2, US3)',
      '- Include exact file paths in descriptions'
    ].join('\n')
  )
  d.add(
    [
      '## Path Conventions',
      '',
      `- Source: \`${w.stack.src}/\` (${w.stack.language}, ${w.stack.framework})`,
      `- Tests: \`${w.stack.tests}/\` (${w.stack.testing})`,
      `- Configuration: \`${w.stack.packageFile}\` at the repository root`
    ].join('\n')
  )
  const phases = d.list('\n\n---\n\n')
  const tail = 2200 // the closing sections
  const setupTasks = rng.int(3, 6)
  phases(speckitPhase(w, {ids, number: 1, name: 'Setup (Shared Infrastructure)', tasks: setupTasks, done: rng.chance(0.5), purpose: `Project setup for the ${w.noun()} work.`, colon}))
  phases(
    speckitPhase(w, {
      ids,
      number: 2,
      name: 'Foundational (Blocking Prerequisites)',
      tasks: rng.int(3, 8),
      done: rng.chance(0.3),
      purpose: `The ${w.noun()} and ${w.noun()} code that every user story uses. No user story work can begin until this phase is complete.`,
      checkpoint: true,
      colon
    })
  )
  let number = 3
  let story = 0
  const stories: Array<{story: number; title: string; phase: number}> = []
  // Story phases until the target is reached (at least one).
  while (story === 0 || d.bytes + tail < target) {
    story++
    const title = storyTitle(w)
    const prefix = options.teams ? teamPrefixes[(story - 1) % teamPrefixes.length] : undefined
    const perStory = options.teams ? rng.int(8, 20) : rng.int(3, 12)
    const remaining = (target - tail - d.bytes) / 110
    const tasks = Math.max(2, Math.min(perStory, Math.ceil(remaining)))
    phases(
      speckitPhase(w, {
        ids,
        number,
        name: `User Story ${story} - ${title} (Priority: P${Math.min(story, 3)})${story === 1 ? ' 🎯 MVP' : ''}`,
        story,
        prefix,
        tasks,
        done: false,
        purpose: '',
        split: tasks >= 4 && rng.chance(0.7),
        checkpoint: rng.chance(0.8),
        colon,
        detail: options.teams ? 0.6 : 0.25
      })
    )
    stories.push({story, title, phase: number})
    number++
  }
  phases(speckitPhase(w, {ids, number, name: 'Polish & Cross-Cutting Concerns', tasks: rng.int(2, 5), done: false, purpose: 'Improvements that affect several user stories.', colon}))
  const shown = stories.slice(0, 6)
  d.add(
    [
      '## Dependencies & Execution Order',
      '',
      '### Phase Dependencies',
      '',
      '- **Setup (Phase 1)**: No dependencies; can start immediately.',
      '- **Foundational (Phase 2)**: Depends on Setup; blocks all user stories.',
      `- **User Stories (Phases 3-${number - 1})**: Depend on Foundational; they can then proceed in parallel or in priority order.`,
      `- **Polish (Phase ${number})**: Depends on the user stories being complete.`,
      '',
      '### User Story Dependencies',
      '',
      ...shown.map((s) => `- **User Story ${s.story} (P${Math.min(s.story, 3)})**: Can start after Foundational; ${s.story === 1 ? 'no dependency on other stories' : `independent of User Story ${s.story - 1}`}.`)
    ].join('\n')
  )
  d.add(['## Parallel Example: User Story 1', '', '```bash', `Task: "Contract test for the ${w.noun()} in ${w.path({test: true})}"`, `Task: "Integration test for the ${w.noun()} in ${w.path({test: true})}"`, '```'].join('\n'))
  d.add(
    [
      '## Implementation Strategy',
      '',
      '### MVP First (User Story 1 Only)',
      '',
      '1. Complete Phase 1: Setup',
      '2. Complete Phase 2: Foundational',
      '3. Complete Phase 3: User Story 1',
      '4. Stop and validate User Story 1 on its own, then demo',
      '',
      '### Incremental Delivery',
      '',
      `Each later story adds value without breaking the earlier ones. ${w.paragraph(1, 2)}`
    ].join('\n')
  )
  d.add(['## Notes', '', '- [P] tasks touch different files and have no dependencies', `- ${w.sentence()}`, '- Commit after each task or logical group'].join('\n'))
  return d.render()
}

function technicalContext(w: Writer): string {
  const s = w.stack
  return [
    `**Language/Version**: ${s.language}`,
    `**Primary Dependencies**: ${s.framework}, ${s.deps.join(', ')}`,
    `**Storage**: ${s.storage}`,
    `**Testing**: ${s.testing}`,
    `**Target Platform**: ${s.runtime} on ${w.rng.pick(['Linux containers', 'Kubernetes', 'AWS ECS', 'a single VM', 'Fly.io machines', 'end-user devices'])}`,
    `**Project Type**: ${w.rng.pick(['single project', 'web application (backend and frontend)', 'mobile app with an API', 'library with a CLI'])}`,
    `**Performance Goals**: ${w.noun()} requests under ${w.n(20, 300)} ms p95 at ${w.n(50, 2000)} req/s`,
    `**Constraints**: ${w.sentence()}`,
    `**Scale/Scope**: about ${w.n(200, 90000)} ${plural(w.noun())} across ${w.n(2, 400)} tenants`
  ].join('\n')
}

function projectStructure(w: Writer, feature: string): string {
  const area = w.topic.areas[0]!
  const tree = [
    `${w.stack.src}/`,
    `├── ${area}/`,
    ...Array.from({length: w.rng.int(2, 5)}, () => `│   ├── ${w.ident(w.noun(), w.rng.pick(['service', 'store', 'handler', 'model']))}.${w.stack.ext}`),
    `└── ${w.topic.areas[1] ?? 'shared'}/`,
    '',
    `${w.stack.tests}/`,
    '├── contract/',
    '├── integration/',
    '└── unit/'
  ]
  return [
    '## Project Structure',
    '',
    '### Documentation (this feature)',
    '',
    '```text',
    `specs/${feature}/`,
    '├── plan.md              # This file',
    '├── research.md          # Phase 0 output',
    '├── data-model.md        # Phase 1 output',
    '└── tasks.md             # Phase 2 output',
    '```',
    '',
    '### Source Code (repository root)',
    '',
    '```text',
    ...tree,
    '```',
    '',
    `**Structure Decision**: ${w.paragraph(1, 2)}`
  ].join('\n')
}

/** spec-kit plan.md (the current template: Summary … Complexity Tracking). */
export function speckitPlan(rng: Rng, target: number): string {
  const w = new Writer(rng)
  const feature = `${String(w.number).padStart(3, '0')}-${w.slug}`
  const d = new Doc()
  d.add(`# Implementation Plan: ${w.title}`)
  d.add(`**Branch**: \`${feature}\` | **Date**: ${w.date()} | **Spec**: [spec.md](./spec.md)\n**Input**: Feature specification from \`/specs/${feature}/spec.md\``)
  d.add(`## Summary\n\n${w.paragraph(2, 5)}`)
  d.add(`## Technical Context\n\n${technicalContext(w)}`)
  d.add(
    [
      '## Constitution Check',
      '',
      ...w.rng.sample(['Library-first', 'Test-first', 'Simplicity', 'Observability', 'Versioning', 'Integration testing', 'CLI interface'], w.rng.int(3, 5)).map(
        (p) => `- **${p}**: passes. ${w.sentence()}`
      )
    ].join('\n')
  )
  d.add(projectStructure(w, feature))
  d.add(`## Phase 0: Outline & Research\n\n${w.paragraph(1, 2)}`)
  const research = d.list()
  d.add(`## Phase 1: Design & Contracts\n\n${w.paragraph(1, 2)}`)
  const design = d.list()
  const complexity = rng.chance(0.4)
  const tail = complexity ? 600 : 0
  let r = 0
  let k = 0
  do {
    if (rng.chance(0.5)) {
      r++
      research(
        [
          `### Research ${r}: ${cap(w.noun())} ${rng.pick(['storage', 'consistency', 'limits', 'library choice', 'failure handling', 'performance'])}`,
          '',
          `**Decision**: ${w.sentence()}`,
          `**Rationale**: ${w.paragraph(1, 3)}`,
          `**Alternatives considered**: ${w.sentence()}`
        ].join('\n')
      )
    } else {
      k++
      design(
        [
          `### ${rng.pick(['Entity', 'Contract', 'Flow'])} ${k}: ${cap(w.noun())}`,
          '',
          w.paragraph(1, 3),
          '',
          w.bullets(rng.int(2, 5), () => `\`${w.ident(w.noun())}\`: ${w.sentence()}`),
          ...(rng.chance(0.3) ? ['', w.code()] : [])
        ].join('\n')
      )
    }
  } while (d.bytes + tail < target)
  if (complexity) {
    d.add(
      [
        '## Complexity Tracking',
        '',
        w.table(['Violation', 'Why Needed', 'Simpler Alternative Rejected Because'], rng.int(1, 3), (c) =>
          c === 0 ? `A second ${w.noun()} store` : c === 1 ? w.sentence().replace(/\|/g, '/') : `it ${w.rng.pick(['cannot hold the volume', 'breaks the existing clients', 'has no transactions'])}`
        )
      ].join('\n')
    )
  }
  return d.render()
}

/** spec-kit's merged plan-with-tasks variant (as in fixtures/filled/spec-kit.md). */
export function speckitMerged(rng: Rng, target: number): string {
  const w = new Writer(rng)
  const feature = `${String(w.number).padStart(3, '0')}-${w.slug}`
  const d = new Doc()
  const ids = new TaskIds()
  d.add(`# Implementation Plan: ${w.title}`)
  d.add(`**Date**: ${w.date()}\n**Spec**: [specs/${feature}/spec.md](spec.md)`)
  d.add(`## Summary\n\n${w.paragraph(2, 5)}`)
  d.add(`## Technical Context\n\n${technicalContext(w)}`)
  d.add(projectStructure(w, feature))
  const phases = d.list('\n\n---\n\n')
  phases(speckitPhase(w, {ids, number: 1, name: 'Setup (Shared Infrastructure)', tasks: rng.int(2, 4), done: false, purpose: `Dependencies and local infrastructure for the ${w.noun()}.`, colon: true}))
  phases(speckitPhase(w, {ids, number: 2, name: 'Foundational (Blocking Prerequisites)', tasks: rng.int(2, 5), done: false, purpose: `The ${w.noun()} every user story uses.`, checkpoint: true, colon: true}))
  let number = 3
  let story = 0
  while (story === 0 || d.bytes + 1500 < target) {
    story++
    const tasks = rng.int(3, 9)
    phases(
      speckitPhase(w, {
        ids,
        number,
        name: `User Story ${story} - ${storyTitle(w)} (Priority: P${Math.min(story, 3)})`,
        story,
        tasks,
        done: false,
        purpose: '',
        split: tasks >= 4,
        checkpoint: true,
        colon: true
      })
    )
    number++
  }
  phases(speckitPhase(w, {ids, number, name: 'Polish & Cross-Cutting Concerns', tasks: rng.int(2, 4), done: false, purpose: 'Improvements that affect all stories.', colon: true}))
  d.add(
    [
      '## Dependencies & Execution Order',
      '',
      '### Phase Dependencies',
      '',
      '- **Setup (Phase 1)**: No dependencies; can start immediately.',
      '- **Foundational (Phase 2)**: Depends on Phase 1; blocks all user stories.',
      `- **User Stories (Phases 3-${number - 1})**: Depend on Phase 2.`,
      `- **Polish (Phase ${number})**: After the stories it touches.`
    ].join('\n')
  )
  d.add(`## Notes\n\n- ${w.sentence()}\n- ${w.sentence()}`)
  return d.render()
}

/** CDD Framework feature plan. */
export function cddFeature(rng: Rng, target: number): string {
  const w = new Writer(rng)
  const d = new Doc()
  d.add(`# Implementation Plan: ${w.title}`)
  d.add(
    [
      `**Generated:** ${w.date()}`,
      `**Spec:** \`specs/tickets/feature-${w.slug}/spec.yaml\``,
      '**Ticket Type:** Feature',
      `**Estimated Effort:** ${w.n(4, 40)} hours`
    ].join('\n')
  )
  d.add('---')
  d.add(`## Executive Summary\n\n${w.paragraph(2, 4)}\n\n**Key Deliverables:**\n${w.bullets(rng.int(2, 4), () => w.action())}`)
  d.add('---\n\n## Technical Decisions')
  const decisions = d.list()
  let nd = 0
  const decision = () => {
    nd++
    decisions(
      [
        `### Decision ${nd}: ${w.action()}`,
        `**Choice:** ${w.sentence()}`,
        `**Rationale:** ${w.paragraph(1, 3)}`,
        `**Alternatives Considered:** ${w.sentence()}`
      ].join('\n')
    )
  }
  decision()
  d.add(
    [
      '---',
      '',
      '## File Structure',
      '',
      '### New Files to Create',
      '',
      ...Array.from({length: rng.int(1, 3)}, (_, i) => `${i + 1}. **\`${w.path()}\`**\n   - Purpose: ${w.sentence()}`),
      '',
      '### Existing Files to Modify',
      '',
      ...Array.from({length: rng.int(1, 3)}, (_, i) => `${i + 1}. **\`${w.path()}\`**\n   - Changes: ${w.action()}`)
    ].join('\n')
  )
  d.add(['---', '', '## Data Models & API Contracts', '', '### Type Definitions', '', w.code(), '', '### API Contracts', '', w.paragraph(1, 3)].join('\n'))
  d.add('---\n\n## Implementation Steps')
  const steps = d.list()
  let ns = 0
  const step = () => {
    ns++
    steps(
      [
        `### Step ${ns}: ${w.action()}`,
        `**Outcome:** ${w.sentence()}`,
        '**Details:**',
        w.bullets(rng.int(2, 4), () => w.sentence()),
        ...(rng.chance(0.3) ? ['', '**Code Example:**', w.code()] : []),
        '',
        `**Validation:** \`${w.stack.testing.split(' ')[0]!.toLowerCase()} ${w.path({test: true})}\` passes.`
      ].join('\n')
    )
  }
  step()
  d.add('---\n\n## Test Cases\n\n### Unit Tests')
  const tests = d.list()
  let nt = 0
  const test = () => {
    nt++
    tests(`**Test ${nt}: \`test_${w.ident(w.noun()).toLowerCase()}_${rng.pick(['rejects_bad_input', 'keeps_order', 'is_idempotent', 'handles_empty', 'respects_limit'])}\`**: ${w.sentence()}`)
  }
  test()
  d.add(`### Expected Test Coverage\n- Unit test coverage: ${w.n(80, 95)}% minimum\n- Critical paths: 100% coverage`)
  d.add('---\n\n## Error Handling')
  const errors = d.list()
  let ne = 0
  const error = () => {
    ne++
    errors(
      [
        `### Error Scenario ${ne}: ${cap(w.risk())}`,
        `**Trigger:** ${w.sentence()}`,
        `**Error Message:** "The ${w.noun()} could not be saved: ${rng.pick(['limit reached', 'invalid input', 'permission denied', 'upstream timeout'])}"`,
        `**Recovery:** ${w.sentence()}`,
        `**User Impact:** ${w.sentence()}`
      ].join('\n')
    )
  }
  error()
  d.add(
    [
      '---',
      '',
      '## Integration Points',
      '',
      `### Integration 1: ${cap(w.noun())} storage`,
      `**Connection Point:** \`${w.path()}\``,
      `**Data Flow:** ${w.sentence()}`
    ].join('\n')
  )
  d.add(
    [
      '---',
      '',
      '## Dependencies',
      '',
      '### New Dependencies to Install',
      '',
      rng.chance(0.5) ? `None. ${w.sentence()}` : `- ${w.stack.deps[0]}: ${w.sentence()}`,
      '',
      '### Existing Dependencies to Leverage',
      `- **${w.stack.framework}**: ${w.sentence()}`
    ].join('\n')
  )
  const tail = [
    '---',
    '',
    '## Effort Estimation',
    '',
    w.table(['Activity', 'Estimated Time', 'Assumptions'], 4, (c) => (c === 0 ? rng.pick(['Implementation', 'Unit Testing', 'Integration Testing', 'Documentation', 'Code Review']) : c === 1 ? `${w.n(1, 9)} hours` : w.action())),
    '',
    '---',
    '',
    '## Definition of Done',
    '',
    '- ✅ All implementation steps completed',
    '- ✅ All test cases pass',
    `- ✅ ${w.stack.linter} passes`,
    '- ✅ Code reviewed and approved',
    '',
    '---',
    '',
    '*Generated by CDD Framework /plan command - Planner persona*'
  ].join('\n')
  const grow = [decision, step, step, test, error]
  while (d.bytes + tail.length < target) rng.pick(grow)()
  d.add(tail)
  return d.render()
}

/** CDD Framework bug-fix plan. */
export function cddBug(rng: Rng, target: number): string {
  const w = new Writer(rng)
  const d = new Doc()
  d.add(`# Bug Fix Plan: ${cap(w.risk())} in the ${w.product} ${w.kind}`)
  d.add([`**Generated:** ${w.date()}`, `**Spec:** \`specs/tickets/bug-${w.slug}/spec.yaml\``, '**Ticket Type:** Bug', `**Estimated Effort:** ${w.n(2, 16)} hours`].join('\n'))
  d.add('---')
  d.add(`## Bug Analysis\n\n${w.paragraph(2, 4)}\n\n**Reproduction:**\n${Array.from({length: rng.int(2, 4)}, (_, i) => `${i + 1}. ${w.sentence()}`).join('\n')}`)
  d.add(`## Root Cause Analysis\n\n${w.paragraph(2, 4)}`)
  d.add(`## Investigation Approach\n\n${w.bullets(rng.int(2, 4), () => w.sentence())}`)
  d.add(`## Fix Strategy\n\n${w.paragraph(1, 3)}`)
  d.add('## Implementation Steps')
  const steps = d.list()
  let n = 0
  const step = () => {
    n++
    steps([`### Step ${n}: ${w.action()}`, '', w.paragraph(1, 3), '', `**Files:** \`${w.path()}\``, ...(rng.chance(0.25) ? ['', w.code()] : [])].join('\n'))
  }
  step()
  d.add('## Testing Strategy')
  const tests = d.list('\n')
  const test = () => tests(`- ${w.sentence()}`)
  test()
  const tail = [
    `## Regression Prevention\n\n${w.bullets(rng.int(2, 3), () => w.sentence())}`,
    `## Rollback Plan\n\n${w.paragraph(1, 2)}`,
    `## Effort Estimation\n\n${w.table(['Activity', 'Estimated Time'], 3, (c) => (c === 0 ? rng.pick(['Investigation', 'Fix', 'Tests', 'Review']) : `${w.n(1, 6)} hours`))}`,
    '## Definition of Done\n\n- ✅ Bug no longer reproducible\n- ✅ Regression test added\n- ✅ Code reviewed and approved'
  ].join('\n\n')
  while (d.bytes + tail.length < target) (rng.chance(0.6) ? step : test)()
  d.add(tail)
  return d.render()
}

/** PromptyDumpty IMPLEMENTATION-PLAN.md. */
export function promptydumpty(rng: Rng, target: number): string {
  const w = new Writer(rng)
  const d = new Doc()
  let section = 0
  const h2 = (title: string) => `## ${++section}. ${title}`
  d.add(`# Implementation Plan - ${w.title}`)
  d.add(`**Date:** ${w.date()}  \n**Phase:** ${rng.pick(['Plan', 'Execute', 'Review'])}  \n**Priority:** ${rng.pick(['High', 'Medium', 'Low'])}`)
  d.add('---')
  d.add(`${h2('Overview')}\n\n${w.paragraph(2, 4)}`)
  d.add('---')
  d.add(`${h2('Implementation Approach')}\n\n${w.paragraph(1, 3)}\n\n### Key Design Decisions\n\n${w.bullets(rng.int(2, 4), () => w.sentence())}`)
  d.add('---')
  d.add(h2('Components to Implement'))
  const components = d.list()
  let nc = 0
  const component = () => {
    nc++
    components(
      [
        `### Component ${nc}: ${cap(w.noun())} ${rng.pick(['store', 'engine', 'service', 'view', 'adapter', 'worker'])}`,
        '',
        `**Location:** \`${w.path()}\``,
        '',
        '**Purpose:**',
        w.paragraph(1, 2),
        ...(rng.chance(0.4) ? ['', '**Implementation Details:**', w.code()] : []),
        '',
        '**Key Functions/Classes:**',
        w.bullets(rng.int(2, 4), () => `\`${w.ident(w.noun())}()\`: ${w.sentence()}`),
        '',
        '**Edge Cases:**',
        w.bullets(rng.int(1, 3), () => w.sentence())
      ].join('\n')
    )
  }
  component()
  d.add('---')
  d.add(h2('Implementation Steps'))
  const phases = d.list()
  let np = 0
  const phase = () => {
    np++
    phases(
      [
        `### Phase ${np}: ${cap(w.noun())} ${rng.pick(['foundation', 'integration', 'rollout', 'hardening', 'cleanup'])}`,
        '',
        `**Goal:** ${w.sentence()}`,
        '',
        ...Array.from({length: rng.int(2, 5)}, (_, i) => `${i + 1}. ${w.action()}\n   - ${w.sentence()}`)
      ].join('\n')
    )
  }
  phase()
  d.add('---')
  d.add(`${h2('Testing Strategy')}\n\n### Unit Tests\n\n**Location:** \`${w.path({test: true})}\`\n\n**Coverage:**\n${w.bullets(rng.int(2, 4), () => w.sentence())}`)
  d.add('---')
  d.add(`${h2('Risks & Mitigation')}`)
  const risks = d.list('\n')
  risks('| Risk | Impact | Mitigation |\n|------|--------|-----------|')
  const risk = () => risks(`| ${cap(w.risk())} | ${rng.pick(['High', 'Med', 'Low'])} | ${w.mitigation()} |`)
  risk()
  const tail = [
    '---',
    `${h2('Acceptance Criteria')}\n\n${w.bullets(rng.int(2, 4), () => `[ ] ${w.sentence()}`)}\n- [ ] All tests passing\n- [ ] Code reviewed`,
    '---',
    `${h2('Related Documents')}\n\n- **Requirements:** [REQUIREMENTS.md](./REQUIREMENTS.md)\n- **Technical Spec:** [SPEC.md](./SPEC.md)`
  ].join('\n\n')
  const grow = [component, phase, phase, risk]
  while (d.bytes + tail.length < target) rng.pick(grow)()
  d.add(tail)
  return d.render()
}

/** ai-first-sdlc-practices implementation plan (the full template). */
export function aiFirstSdlc(rng: Rng, target: number): string {
  const w = new Writer(rng)
  const d = new Doc()
  const start = rng.int(1, 9)
  d.add(`# Implementation Plan: ${w.title}`)
  d.add(
    [
      `**Feature:** [Feature Proposal ${w.number}: ${w.topic.title}](../feature-proposals/${w.number}-${w.slug}.md)`,
      `**Branch:** \`feature/${w.slug}\``,
      `**Estimated Duration:** ${w.n(3, 30)} working days`,
      `**Start Date:** ${w.date(start)}`,
      `**Target Completion:** ${w.date(start + 2)}`,
      `**Assignee:** ${w.person()}`
    ].join('\n')
  )
  d.add(`## Executive Summary\n\n${w.paragraph(2, 4)}`)
  d.add(
    [
      '## Current State Analysis',
      '',
      '### Existing Code Structure',
      '',
      '```',
      `${w.stack.src}/`,
      ...w.topic.areas.map((a) => `├── ${a}/`),
      '```',
      '',
      '### Dependencies to Modify',
      '',
      w.bullets(rng.int(2, 4), () => `\`${w.path()}\`: ${w.action().toLowerCase()}`)
    ].join('\n')
  )
  d.add('## Implementation Phases')
  const phases = d.list()
  let np = 0
  const phase = () => {
    np++
    const status = np === 1 ? '✅ Complete' : np === 2 ? '🚧 In Progress' : '⏸️ Not Started'
    const done = np === 1
    const tasks = rng.int(2, 6)
    phases(
      [
        `### Phase ${np}: ${cap(w.noun())} ${rng.pick(['Foundation', 'Integration', 'Hardening', 'Rollout', 'Migration', 'Cleanup'])}`,
        `**Duration:** ${((d) => `${d} day${d === 1 ? '' : 's'}`)(w.n(1, 5))}`,
        `**Status:** ${status}`,
        '',
        '#### Objectives',
        w.bullets(rng.int(1, 3), () => w.sentence()),
        '',
        '#### Tasks',
        ...Array.from({length: tasks}, (_, i) =>
          [`- [${done ? 'x' : ' '}] **Task ${np}.${i + 1}**: ${w.action()}`, `  - File: \`${w.path()}\``, `  - Changes: ${w.sentence()}`].join('\n')
        ),
        '',
        '#### Deliverables',
        `- [${done ? 'x' : ' '}] ${w.sentence()}`,
        '',
        '#### Success Criteria',
        `- [${done ? 'x' : ' '}] All unit tests passing`,
        `- [${done ? 'x' : ' '}] Code review completed`
      ].join('\n')
    )
  }
  phase()
  const tail = [
    '## Risk Mitigation',
    '',
    '### Technical Risks',
    '',
    w.table(['Risk', 'Impact', 'Probability', 'Mitigation'], rng.int(2, 4), (c) => (c === 0 ? cap(w.risk()) : c < 3 ? rng.pick(['High', 'Medium', 'Low']) : w.mitigation())),
    '',
    '## Definition of Done',
    '',
    '### Code Quality',
    `- [ ] No ${w.stack.linter} errors; code review approved`,
    '',
    '### Testing',
    `- [ ] Unit test coverage at least ${w.n(80, 95)}%`,
    '',
    '## References',
    '',
    `- Jira ticket ${w.product.slice(0, 2).toUpperCase()}-${w.n(100, 999)}`,
    '',
    '## Sign-off',
    '',
    '**Plan Approved By:**',
    `- Technical Lead: ${w.person()} - Date: ${w.date(start)}`,
    `- Product Owner: ${w.person()} - Date: ${w.date(start)}`
  ].join('\n')
  while (d.bytes + tail.length < target) phase()
  d.add(tail)
  return d.render()
}

function maestroHeader(w: Writer, d: Doc): void {
  const id = `${String(w.number).padStart(3, '0')}-${w.slug}`
  d.add(`# Implementation Plan: ${w.title}`)
  d.add([`**Feature ID:** ${id}`, `**Spec:** maestro/specs/${id}/spec.md`, `**Created:** ${w.date()}`, `**Status:** ${w.rng.pick(['Draft', 'Approved', 'In Progress'])}`].join('\n'))
  d.add('---')
}

/** spec-maestro plan.md, first template (eight sections). */
export function maestroV0(rng: Rng, target: number): string {
  const w = new Writer(rng)
  const d = new Doc()
  maestroHeader(w, d)
  d.add(
    [
      '## 1. Architecture Overview',
      '',
      '### 1.1 High-Level Design',
      '',
      w.paragraph(2, 4),
      '',
      '### 1.2 Key Design Decisions',
      '',
      w.table(['Decision', 'Options Considered', 'Chosen', 'Rationale'], rng.int(2, 4), (c) => (c === 0 ? cap(w.noun()) : c === 3 ? w.sentence() : w.ident(w.noun())))
    ].join('\n')
  )
  d.add('---\n\n## 2. Component Design\n\n### 2.1 New Components')
  const components = d.list()
  const component = () =>
    components(
      [
        `#### Component: ${w.ident(w.noun(), rng.pick(['service', 'handler', 'store', 'worker']))}`,
        '',
        `- **Purpose:** ${w.sentence()}`,
        `- **Location:** \`${w.path()}\``,
        `- **Dependencies:** \`${w.path()}\``,
        `- **Dependents:** ${w.sentence()}`
      ].join('\n')
    )
  component()
  d.add('---\n\n## 3. Data Model\n\n### 3.1 New Entities')
  const entities = d.list()
  const entity = () =>
    entities(
      [
        `#### Entity: ${cap(w.noun())}`,
        '',
        '```',
        `${w.ident(w.noun(), 'record')} = {`,
        ...Array.from({length: rng.int(3, 7)}, () => `  ${w.ident(w.noun()).toLowerCase()}: ${rng.pick(['uuid', 'string', 'int', 'timestamp', 'bool', 'float'])}`),
        '}',
        '```'
      ].join('\n')
    )
  entity()
  d.add('---\n\n## 4. API Contracts\n\n### 4.1 New Endpoints/Methods')
  const endpoints = d.list()
  const endpoint = () =>
    endpoints(
      [
        `#### ${rng.pick(['GET', 'POST', 'PUT', 'DELETE'])} /api/${slugify(plural(w.noun()))}/${rng.pick(['', 'search', 'export', 'status', 'bulk'])}`,
        '',
        `- **Purpose:** ${w.sentence()}`,
        `- **Input:** ${w.sentence()}`,
        `- **Output:** \`200\` with the ${w.noun()} as JSON`,
        `- **Errors:** \`400\` invalid input; \`403\` no access; \`404\` unknown ${w.noun()}`
      ].join('\n')
    )
  endpoint()
  d.add('---\n\n## 5. Implementation Phases')
  const phases = d.list()
  let np = 0
  const phase = () => {
    np++
    phases([`### Phase ${np}: ${cap(w.noun())} ${rng.pick(['layer', 'endpoint', 'UI', 'migration', 'rollout'])}`, '', `- **Goal:** ${w.sentence()}`, '- **Tasks:**', ...Array.from({length: rng.int(2, 5)}, () => `  - ${w.action()}`), `- **Deliverable:** ${w.sentence()}`].join('\n'))
  }
  phase()
  const tail = [
    '---',
    '',
    '## 6. Testing Strategy',
    '',
    '### 6.1 Unit Tests',
    '',
    w.bullets(rng.int(2, 3), () => w.sentence()),
    '',
    '### 6.2 Integration Tests',
    '',
    w.bullets(rng.int(1, 3), () => w.sentence()),
    '',
    '---',
    '',
    '## 7. Risks and Mitigations',
    '',
    w.table(['Risk', 'Likelihood', 'Impact', 'Mitigation'], rng.int(2, 3), (c) => (c === 0 ? cap(w.risk()) : c < 3 ? rng.pick(['L', 'M', 'H']) : w.mitigation())),
    '',
    '---',
    '',
    '## 8. Open Questions',
    '',
    w.bullets(rng.int(1, 3), () => `Should the ${w.noun()} ${rng.pick(['cover archived records', 'be configurable per tenant', 'ship in this release'])}?`)
  ].join('\n')
  const grow = [component, entity, endpoint, phase, phase]
  while (d.bytes + tail.length < target) rng.pick(grow)()
  d.add(tail)
  return d.render()
}

/** spec-maestro plan.md, later template: tasks wrapped in TASK:BEGIN/END with Task Sizing Guidance. */
export function maestroTasks(rng: Rng, target: number): string {
  const w = new Writer(rng)
  const d = new Doc()
  const ids = new TaskIds()
  maestroHeader(w, d)
  d.add(`## 1. Architecture Overview\n\n### 1.1 High-Level Design\n\n${w.paragraph(2, 4)}`)
  d.add(`---\n\n## 2. Component Design\n\n### 2.1 New Components\n\n#### Component: ${w.ident(w.noun(), 'service')}\n\n- **Purpose:** ${w.sentence()}\n- **Location:** \`${w.path()}\``)
  d.add('---\n\n## 3. Implementation Tasks')
  const tasks = d.list()
  const task = () => {
    const before = ids.last.get('')
    const id = ids.next()
    tasks(
      [
        `<!-- TASK:BEGIN id=${id} -->`,
        `### ${id}: ${w.action()}`,
        '',
        '**Metadata:**',
        '',
        `- **Label:** ${rng.pick(['backend', 'frontend', 'infra', 'docs', 'tests'])}`,
        `- **Size:** ${rng.pick(['XS', 'S'])}`,
        `- **Assignee:** ${rng.pick(['general', 'backend-dev', 'frontend-dev', 'qa'])}`,
        `- **Dependencies:** ${before && rng.chance(0.6) ? before : 'None'}`,
        '',
        '**Description:**',
        w.paragraph(1, 3),
        '',
        '**Files to Modify:**',
        w.bullets(rng.int(1, 3), () => `\`${w.path()}\``),
        '',
        '**Acceptance Criteria:**',
        w.bullets(rng.int(2, 4), () => `[ ] ${w.sentence()}`),
        '',
        '<!-- TASK:END -->'
      ].join('\n')
    )
  }
  task()
  const tail = [
    '---',
    '',
    '## 4. Task Sizing Guidance',
    '',
    `Every task above is XS or S. ${w.paragraph(1, 2)}`,
    '',
    '---',
    '',
    '## 5. Testing Strategy',
    '',
    '### 5.1 Unit Tests',
    '',
    w.bullets(rng.int(2, 3), () => w.sentence()),
    '',
    '---',
    '',
    '## 6. Risks and Mitigations',
    '',
    w.table(['Risk', 'Likelihood', 'Impact', 'Mitigation'], rng.int(1, 3), (c) => (c === 0 ? cap(w.risk()) : c < 3 ? rng.pick(['L', 'M', 'H']) : w.mitigation()))
  ].join('\n')
  while (d.bytes + tail.length < target && ids.count() < 999) task()
  d.add(tail)
  return d.render()
}

export const builders: Record<Kind, (rng: Rng, target: number) => string> = {
  'spec-kit/tasks': speckitTasks,
  'spec-kit/plan': speckitPlan,
  'spec-kit/merged': speckitMerged,
  'cdd/feature': cddFeature,
  'cdd/bug': cddBug,
  'promptydumpty/plan': promptydumpty,
  'ai-first-sdlc/full': aiFirstSdlc,
  'spec-maestro/v0': maestroV0,
  'spec-maestro/tasks': maestroTasks
}
