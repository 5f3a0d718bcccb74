/**
 * task-id: every task has a well-formed, unique ID (and, when asked, IDs
 * that increase through the document without gaps).
 */
import {canonicalTaskId, correctedTaskId, parsePhaseStepId, parseTaskId, phaseNumberKey, taskIdKey, taskIdWriting} from '../src/core/grammar.js'
import type {Plan, Section, Task, Token} from '../src/core/plan/index.js'
import {defineRule, type Report} from '../src/core/rule.js'

type Strictness = 'allow' | 'warn' | 'error'

export interface TaskIdOptions extends Record<string, unknown> {
  /** A skipped number (`T006` → `T010`). */
  gaps: Strictness
  /** A letter-suffixed ID inserted later (`T010a`). */
  suffixes: Strictness
  /** An ID lower than one before it (`T003` after `T004`). */
  order: Strictness
}

const messages = {
  malformedWithFix: {text: 'Task ID "{id}" is not in the form T000: write "{fix}"', fixable: true},
  malformed: {text: 'Task ID "{id}" is not in the form T000'},
  colon: {text: 'Task ID "{id}" is written {written} a colon; this plan writes IDs {planWrites} one'},
  duplicate: {text: 'Duplicate task ID "{id}" (first at line {line})'},
  restart: {
    text: 'Task IDs start again in "{phase}" ("{id}", as at line {line}), and in {count} phase(s) in all: a reference such as "{id}" is ambiguous; number the tasks through the plan',
    severity: 'warn'
  },
  suffix: {text: 'Task ID "{id}" has a letter suffix: renumber when the plan settles', severity: 'warn'},
  backwards: {text: 'Task ID "{id}" comes after "{previous}": IDs must increase through the plan'},
  gap: {text: 'Task IDs skip from "{previous}" to "{id}"', severity: 'warn'},
  missing: {text: 'Task line without a task ID (e.g. "T012")'},
  glued: {text: 'Task "{id}" starts in the middle of the line of "{host}": it shows as text there, and tools that read "- [ ]" lines miss it; put it on a line of its own'},
  escapedCheckbox: {text: 'Task "{id}" has an escaped checkbox ("{written}"): it shows as text, and tools that read "- [ ]" miss the task; write "{fix}"', fixable: true},
  wrongPhase: {text: 'Task "{id}" is in Phase {phase}: number it {phase}.{step}'},
  stepBackwards: {text: 'Task "{id}" comes after Task {previous}: numbers must increase'},
  blockUnclosed: {text: 'TASK:BEGIN without a TASK:END before the next TASK:BEGIN'},
  blockMismatch: {text: 'TASK:BEGIN id={id} does not match the task heading "{heading}"'},
  blockNoId: {text: 'TASK:BEGIN has no id=…'},
  blockEndAlone: {text: 'TASK:END without a TASK:BEGIN'},
  blockUnclosedAtEnd: {text: 'TASK:BEGIN without a TASK:END'}
} as const

type Id = keyof typeof messages

function lineOf(plan: Plan, token: Token): number | string {
  return plan.pointAt(token.start)?.line ?? '?'
}

/**
 * How an ID is written, its number aside: `T1` and `T12` are both `T` and an
 * unpadded number, `T-001` a hyphen and three digits.
 */
function idStyle(id: string): string {
  const match = taskIdWriting.exec(id)
  if (!match) return id
  const digits = match[2]!
  return `${match[1]}${digits.startsWith('0') || digits.length >= 3 ? `${digits.length} digits` : 'unpadded'}`
}

/**
 * The plan's own way of writing IDs where it is not the family's: when most
 * of its IDs (four in five, three or more) share one style (`T1` … `T31`),
 * that is the document's convention, which an agent reads as well as T000,
 * and only IDs that break it are reported.
 */
function ownIdStyle(plan: Plan): string | undefined {
  const styles = new Map<string, number>()
  let total = 0
  for (const task of plan.tasks) {
    if (!task.id) continue
    total++
    const style = idStyle(task.id.text)
    styles.set(style, (styles.get(style) ?? 0) + 1)
  }
  const [style, uses] = [...styles].sort((a, b) => b[1] - a[1])[0] ?? []
  return style !== undefined && uses! >= 3 && uses! >= 0.8 * total ? style : undefined
}

/**
 * The phases whose numbering starts again (`T001` in Phase 1, `T001` in
 * Phase 2), where most phases after the first do: a plan that numbers per
 * phase, whose repeats are one decision, not one defect each.
 */
function restartingPhases(plan: Plan): Task[] {
  const firsts: Task[] = []
  let phase: Section | undefined
  // The number the previous phase started at, per team prefix (`BE-T005` and
  // `FE-T005` are two tasks). Lower than the highest is not enough: tasks
  // added later take the next free number in an early phase.
  const started = new Map<string, number>()
  let phases = 0
  for (const task of plan.tasks) {
    const parsed = task.id && parseTaskId(correctedTaskId(task.id.text) ?? '')
    if (!parsed || !task.phase || task.phase === phase) continue
    phase = task.phase
    phases++
    const before = started.get(parsed.prefix)
    if (before !== undefined && parsed.number <= before) firsts.push(task)
    started.set(parsed.prefix, parsed.number)
  }
  return phases >= 3 && firsts.length >= (phases - 1) / 2 ? firsts : []
}

/** `T` IDs (spec-kit, spec-maestro, generic): form, colon style, duplicates, order, missing IDs. */
function checkTIds(plan: Plan, report: Report<Id>, options: TaskIdOptions): void {
  const conventions = plan.family.tasks
  const ownStyle = ownIdStyle(plan)
  const restarts = restartingPhases(plan)
  if (restarts.length > 0) {
    const task = restarts[0]!
    const earlier = plan.tasks.find((other) => other.id && other !== task && taskIdKey(other.id.text) === taskIdKey(task.id!.text))
    report.span('restart', task.id!.start, task.id!.end, {
      phase: task.phase!.text,
      id: task.id!.text,
      line: earlier ? lineOf(plan, earlier.id!) : '?',
      count: restarts.length
    })
  }
  const seen = new Map<string, {token: Token; phase: Section | undefined}>()
  const previous = new Map<string, {number: number; suffix: string; token: Token}>()
  const colonStyle = plan.conventions.taskIds.colon

  for (const task of plan.tasks) {
    const id = task.id
    if (!id) continue
    for (const glued of task.glued ?? []) report.span('glued', glued.start, glued.end, {id: glued.text, host: id.text})
    if (task.escapedCheckbox) {
      const {text, start, end} = task.escapedCheckbox
      const fix = text.replace(/\\/g, '')
      report.span('escapedCheckbox', start, end, {id: id.text, written: text, fix}, {fix: {actual: text, expected: fix}})
    }
    if (conventions?.id === 'T000' && !canonicalTaskId.test(id.text) && idStyle(id.text) !== ownStyle) {
      const fix = correctedTaskId(id.text)
      if (fix) report.span('malformedWithFix', id.start, id.end, {id: id.text, fix}, {fix: {actual: id.text, expected: fix}})
      else report.span('malformed', id.start, id.end, {id: id.text})
    }
    if (conventions?.consistentColon && task.node.type === 'listItem' && colonStyle !== undefined && task.colon !== colonStyle) {
      report.span('colon', id.start, id.end, {id: id.text, written: task.colon ? 'with' : 'without', planWrites: colonStyle ? 'with' : 'without'})
    }

    // IDs with no sure canonical form (`T12345`) are not compared.
    const canonical = correctedTaskId(id.text)
    if (!canonical) continue
    const parsed = parseTaskId(canonical)!
    const key = taskIdKey(id.text)
    const first = seen.get(key)
    if (first) {
      // Where the plan numbers per phase, a repeat across phases is that one decision.
      if (restarts.length === 0 || first.phase === task.phase) {
        report.span('duplicate', id.start, id.end, {id: id.text, line: lineOf(plan, first.token)})
      }
      continue
    }
    seen.set(key, {token: id, phase: task.phase})

    // A task written down as skipped (`SKIP: T039 …`, often listed after the
    // phase's other tasks) keeps its number but not a place in the order.
    if (task.status) continue
    const before = previous.get(parsed.prefix)
    previous.set(parsed.prefix, {...parsed, token: id})
    if (parsed.suffix) report.span('suffix', id.start, id.end, {id: id.text}, {severity: options.suffixes})
    if (!before) continue
    // Under one number, the plain ID comes first; letters (`a`, `b`) and sub-numbers (`-1`, `-2`) each run in order.
    const sameKind = parsed.suffix.startsWith('-') === before.suffix.startsWith('-')
    const sameNumberBack = parsed.suffix === '' || (sameKind && before.suffix !== '' && parsed.suffix <= before.suffix)
    if (parsed.number < before.number || (parsed.number === before.number && sameNumberBack)) {
      report.span('backwards', id.start, id.end, {id: id.text, previous: before.token.text}, {severity: options.order})
    } else if (parsed.number > before.number + 1) {
      report.span('gap', id.start, id.end, {id: id.text, previous: before.token.text}, {severity: options.gaps})
    }
  }

  // A task line with no ID, among task lines that have one. A checkbox
  // nested under a task is that task's checklist (`- [ ] handle timeouts`),
  // not a task that lost its ID.
  const lists = new Map<unknown, Task[]>()
  let open: {end: number} | undefined
  for (const task of plan.tasks) {
    if (task.node.type !== 'listItem') continue
    const start = task.node.position?.start.offset ?? 0
    if (open && start < open.end) continue
    if (task.id) open = {end: task.node.position?.end.offset ?? start}
    const key = task.node.position?.start.column === undefined ? task.node : `${task.phase?.index}:${task.subphase?.index}`
    const list = lists.get(key)
    if (list) list.push(task)
    else lists.set(key, [task])
  }
  for (const group of lists.values()) {
    const identified = group.filter((task) => task.id).length
    if (identified === 0 || identified < group.length / 2) continue
    for (const task of group) if (!task.id) report('missing', task.node)
  }
}

/** `Task N.M` IDs (ai-first-sdlc): N the number of the enclosing phase, M increasing within it. */
function checkPhaseStepIds(plan: Plan, report: Report<Id>): void {
  const seen = new Map<string, Token>()
  let previous: {phase: number; step: number} | undefined
  for (const task of plan.tasks) {
    if (!task.id) continue
    const {phase, step} = parsePhaseStepId(task.id.text) ?? {phase: NaN, step: NaN}
    const heading = [task.subphase, task.phase].find((section) => section && phaseNumberKey.test(section.key))
    const phaseNumber = heading ? Number(phaseNumberKey.exec(heading.key)![1]!.split(' ')[0]) : undefined
    if (phaseNumber !== undefined && phase !== phaseNumber) {
      report.span('wrongPhase', task.id.start, task.id.end, {id: task.id.text, phase: phaseNumber, step})
    }
    const key = `${phase}.${step}`
    const first = seen.get(key)
    if (first) {
      report.span('duplicate', task.id.start, task.id.end, {id: task.id.text, line: lineOf(plan, first)})
      continue
    }
    seen.set(key, task.id)
    if (previous && previous.phase === phase && step <= previous.step) {
      report.span('stepBackwards', task.id.start, task.id.end, {id: task.id.text, previous: `${previous.phase}.${previous.step}`})
    }
    previous = {phase, step}
  }
}

/** Task block comments: each BEGIN names the task heading that follows and has its END. */
function checkTaskBlocks(plan: Plan, report: Report<Id>): void {
  let open: Plan['taskBlocks'][number] | undefined
  for (const comment of plan.taskBlocks) {
    if (comment.kind === 'begin') {
      if (open) report('blockUnclosed', open.node)
      open = comment
      const after = comment.node.position?.end.offset ?? 0
      const heading = plan.tasks.find((task) => task.node.type === 'heading' && (task.node.position?.start.offset ?? 0) > after)
      if (heading?.id && comment.id !== undefined && taskIdKey(comment.id) !== taskIdKey(heading.id.text)) {
        report('blockMismatch', comment.node, {id: comment.id, heading: heading.id.text})
      } else if (comment.id === undefined) {
        report('blockNoId', comment.node)
      }
    } else {
      if (!open) report('blockEndAlone', comment.node)
      open = undefined
    }
  }
  if (open) report('blockUnclosedAtEnd', open.node)
}

export const rule = defineRule<TaskIdOptions, keyof typeof messages>({
  id: 'task-id',
  description: 'Require well-formed, unique task IDs',
  severity: 'error',
  messages,
  docs: `Agents execute a plan task by task and refer to tasks by ID. A duplicate
ID, a task line without one, or \`T12\` where every other task is \`T012\`
breaks that. Tasks are read from the tree: list items (checkbox or not) whose
text starts with an ID, task headings (\`### T001: …\`, \`#### Task 1.2:\`), and
spec-maestro's \`TASK:BEGIN\`/\`TASK:END\` comments.

- Where the family writes \`T\` and three digits (spec-kit, spec-maestro), \`T12\`, \`T0012\`,
  \`T-012\` and \`t012\` are reported with the corrected form, which \`--fix\`
  writes. Team prefixes (\`BE-T005\`) are fine and counted separately.
- A checkbox task line without an ID, in a list whose other tasks have IDs.
- A duplicate (reported at the second, naming the line of the first). A plan
  whose numbering starts again in most phases gets one warning instead, at
  the first phase that restarts.
- A document's own ID style, where four in five of its IDs share it (\`T1\` …
  \`T31\`), is its convention: only IDs that break it are reported.
- Items of a closing checklist that cite the tasks they verify (\`- [x] T061:
  …\` outside the phases, with the ID of a task in one) are citations, not
  tasks.
- A repeated ID is an error. A task inserted later keeps its place with a letter or a sub-number
  (\`T010a\`, \`T158-1\`), and \`SKIP: T039 …\` is task T039, skipped.
- Not reported unless asked: a gap (\`T006\` → \`T010\`), a suffix, and an
  ID lower than one before it (\`gaps\`, \`suffixes\`, \`order\`: \`allow\`,
  \`warn\` or \`error\`). On real plans each was deliberate every time it was
  judged (block numbering per phase, deleted or skipped tasks, inserted tasks
  cited by their IDs elsewhere, tasks added later with the next free number).
- spec-kit: one document writes IDs one way, \`T001\` or \`T001:\`.
- ai-first-sdlc: \`Task N.M\` with N the number of the enclosing phase, M
  increasing within it.
- spec-maestro: every \`TASK:BEGIN id=…\` names the task heading that follows
  and has its \`TASK:END\`.

The \`recommended\` preset checks uniqueness and order only.`,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      gaps: {enum: ['allow', 'warn', 'error'], description: 'A skipped ID number (`T006` → `T010`).'},
      suffixes: {enum: ['allow', 'warn', 'error'], description: 'A letter-suffixed ID (`T010a`).'},
      order: {enum: ['allow', 'warn', 'error'], description: 'An ID lower than one before it (`T003` after `T004`).'}
    }
  },
  // Off by default: on real plans, gaps (block numbering, deleted or skipped
  // tasks) and suffixes (tasks inserted later, cited by their IDs elsewhere)
  // were deliberate every time they were judged (0 of 23 and 0 of 22).
  // So was an ID lower than one before it: tasks added later get the next
  // free number and go where they belong (0 of 4).
  defaults: {gaps: 'allow', suffixes: 'allow', order: 'allow'},
  examples: {
    valid: [
      {
        title: 'Tasks as headings, some without a marker, and a check that names a task',
        family: 'spec-kit',
        markdown: `## Phase 3.2: Contract Tests

### T008 [P] profiler_start contract test

## Phase 3.3: Core Implementation

### T013 Unity ProfilerHandler.Start

**検証**:
- T008の\`profiler_start\` contract testが合格する

### T014 [P] Unity ProfilerHandler.Stop

### T015 Unity ProfilerHandler.GetStatus

**依存関係**: T013, T014
`
      },
      {
        title: 'A gap, inserted tasks and a skipped task are fine by default',
        family: 'spec-kit',
        markdown: `## Phase 1: Setup

- [x] T001 Create the sync module in src/sync/index.ts
- [ ] T002 [P] Add the queue in src/sync/queue.ts
- [x] SKIP: T003 (metrics) - not needed for the pilot
- [ ] T005 Wire the queue in src/app.ts
- [ ] T005a Log queue size in src/sync/log.ts
- [ ] T005-1 Document the queue in docs/sync.md
`
      },
      {
        title: 'ai-first-sdlc task numbers follow their phase',
        family: 'ai-first-sdlc',
        markdown: `### Phase 2: Deployment

- [ ] **Task 2.1**: Add the gitignore deployment
- [ ] **Task 2.2**: Run a test deployment
`
      },
      {
        title: 'The plan\'s own ID style, and a closing checklist that cites tasks',
        family: 'spec-kit',
        markdown: `## Phase 1: Setup

- [ ] T1 Create the sync module in src/sync/index.ts
- [ ] T2 Add the queue in src/sync/queue.ts
- [ ] T3 Add the replay in src/sync/replay.ts

## Validation Checklist

- [x] T2: the queue survives a restart
- [x] T3: replay keeps the order
`
      }
    ],
    invalid: [
      {
        title: 'Numbering that starts again in each phase: one warning',
        family: 'spec-kit',
        markdown: `## Phase 1: Setup

- [ ] T001 Create the sync module in src/sync/index.ts
- [ ] T002 Add the queue in src/sync/queue.ts

## Phase 2: Sync

- [ ] T001 Replay the queue in src/sync/replay.ts
- [ ] T002 Show a banner in src/ui/banner.tsx

## Phase 3: Polish

- [ ] T001 Document the protocol in docs/sync.md
`,
        messages: [
          '8:7-8:11 warning Task IDs start again in "Phase 2: Sync" ("T001", as at line 3), and in 2 phase(s) in all: a reference such as "T001" is ambiguous; number the tasks through the plan'
        ]
      },
      {
        title: 'A task glued onto the line before it: one message, and references to it resolve',
        family: 'spec-kit',
        markdown: `## Phase 3: User Story 2 - Review (Priority: P2)

- [ ] T050 [US2] Add the review endpoint in src/api/review.ts, returning 200 or errors- [ ] T051 [US2] Add a RowVersion column in src/db/migration.ts
- [ ] T052 [US2] Check concurrency in tests/review.test.ts (after T051)
`,
        messages: [
          '3:93-3:97 error Task "T051" starts in the middle of the line of "T050": it shows as text there, and tools that read "- [ ]" lines miss it; put it on a line of its own'
        ]
      },
      {
        title: 'An escaped checkbox: the line is a task, written wrong once',
        family: 'spec-kit',
        markdown: `## Phase 1: Setup

- [ ] T001 Create the sync module in src/sync/index.ts
- \\[ \\] T002 Add the queue in src/sync/queue.ts (after T001)

## Phase 2: Sync

- [ ] T003 Replay the queue in src/sync/replay.ts (after T002)
`,
        messages: ['4:3-4:8 error Task "T002" has an escaped checkbox ("\\[ \\]"): it shows as text, and tools that read "- [ ]" miss the task; write "[ ]"']
      },
      {
        title: 'Malformed, duplicate, missing and backward IDs',
        family: 'spec-kit',
        markdown: `## Phase 1: Setup

- [ ] T001 Create the sync module in src/sync/index.ts
- [ ] T2 Add the queue in src/sync/queue.ts
- [ ] T002 Wire the queue in src/app.ts
- [ ] Add logging in src/sync/log.ts
- [ ] T001 Document the queue in docs/sync.md
`,
        messages: [
          '4:7-4:9 error Task ID "T2" is not in the form T000: write "T002"',
          '5:7-5:11 error Duplicate task ID "T002" (first at line 4)',
          '6:1-6:37 error Task line without a task ID (e.g. "T012")',
          '7:7-7:11 error Duplicate task ID "T001" (first at line 3)'
        ]
      },
      {
        title: 'Gaps and suffixes as warnings and going back as an error, when asked',
        family: 'spec-kit',
        options: {gaps: 'warn', suffixes: 'warn', order: 'error'},
        markdown: `- [ ] T001 Create src/a.ts
- [ ] T004 Create src/b.ts
- [ ] T004a Create src/c.ts
- [ ] T003 Create src/d.ts
`,
        messages: [
          '2:7-2:11 warning Task IDs skip from "T001" to "T004"',
          '3:7-3:12 warning Task ID "T004a" has a letter suffix: renumber when the plan settles',
          '4:7-4:11 error Task ID "T003" comes after "T004a": IDs must increase through the plan'
        ]
      },
      {
        title: 'ai-first-sdlc task in the wrong phase',
        family: 'ai-first-sdlc',
        markdown: `### Phase 2: Deployment

- [ ] **Task 1.3**: Add the gitignore deployment
`,
        messages: ['3:9-3:17 error Task "Task 1.3" is in Phase 2: number it 2.3']
      },
      {
        title: 'spec-maestro markers that do not match',
        family: 'spec-maestro',
        markdown: `<!-- TASK:BEGIN id=T002 -->

### T001: Add the board view

<!-- TASK:BEGIN id=T002 -->

### T002: Add drag and drop
`,
        messages: [
          '1:1-1:28 error TASK:BEGIN id=T002 does not match the task heading "T001"',
          '1:1-1:28 error TASK:BEGIN without a TASK:END before the next TASK:BEGIN',
          '5:1-5:28 error TASK:BEGIN without a TASK:END'
        ]
      }
    ]
  },
  check(plan, report, options) {
    if (plan.family.tasks?.id === 'phase.step') checkPhaseStepIds(plan, report)
    else checkTIds(plan, report, options)
    if (plan.family.tasks?.blockComments) checkTaskBlocks(plan, report)
  }
})

export default rule.plugin
