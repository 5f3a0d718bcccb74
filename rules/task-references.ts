/**
 * task-references: every task ID the plan mentions exists, dependencies have
 * no cycles, and the phases and stories the dependency section names exist.
 */
import {
  dependencyId,
  dependencyPhrase,
  dependencySectionKey,
  parseTaskId,
  phaseNumberKey,
  phaseOrStoryMention,
  taskIdKey,
  taskIdRange,
} from '../src/core/grammar.js'
import type {Plan, Task, Token} from '../src/core/plan/index.js'
import {defineRule, type Report} from '../src/core/rule.js'
import {walk} from '../src/core/walk.js'

export type TaskReferencesOptions = Record<string, unknown>

const messages = {
  missing: {text: 'Task "{id}" does not exist in this plan'},
  self: {text: 'Task "{id}" depends on itself'},
  later: {text: 'Task "{id}" depends on "{target}", which comes later in the plan', severity: 'warn'},
  cycle: {text: 'Tasks depend on each other in a cycle: {path}'},
  sectionNames: {text: '"{name}" is named in {section} but the plan has no {what}'}
} as const

type Id = keyof typeof messages

/** The text a task's dependencies are written in: its line, or a task heading's whole section. */
function taskSource(plan: Plan, task: Task): {text: string; offset: number} {
  let start = task.id?.end ?? task.node.position?.start.offset ?? 0
  let end = task.node.position?.end.offset ?? start
  if (task.node.type === 'heading') {
    const section = plan.sectionOf(task.node)
    const body = section ? plan.body(section) : []
    const last = body.filter((node) => node.type !== 'heading').at(-1)
    end = last?.position?.end.offset ?? end
  } else {
    // Only the item's own paragraph: nested lists are other tasks.
    const paragraph = task.node.children[0]
    end = paragraph?.position?.end.offset ?? end
  }
  start = Math.min(start, end)
  return {text: plan.source.slice(start, end), offset: start}
}

function dependencies(text: string, offset: number): Token[] {
  const found: Token[] = []
  for (const phrase of text.matchAll(dependencyPhrase)) {
    const listStart = phrase.index + phrase[0].length - phrase[1]!.length
    for (const id of phrase[1]!.matchAll(dependencyId)) {
      const start = offset + listStart + id.index
      found.push({text: id[0], start, end: start + id[0].length})
    }
  }
  return found
}

function checkIds(plan: Plan, report: Report<Id>): void {
  const defined = new Map<string, Task>()
  for (const task of plan.tasks) if (task.id && !defined.has(taskIdKey(task.id.text))) defined.set(taskIdKey(task.id.text), task)
  if (defined.size === 0) return
  // A task line for a range (`- [x] T005-T010 Build the parsers`) is each task of it.
  for (const task of plan.tasks) {
    const range = task.id && taskIdRange.exec(plan.source.slice(task.id.start, task.id.end + 12))
    if (!range || range.index !== 0) continue
    const [from, to] = [Number(range[1]), Number(range[2])]
    for (let number = from + 1; number <= to && number - from <= 100; number++) {
      const key = taskIdKey(`T${String(number).padStart(3, '0')}`)
      if (!defined.has(key)) defined.set(key, task)
    }
  }
  // A task glued onto another's line (a lost line break) exists: task-id reports the line.
  for (const task of plan.tasks) for (const glued of task.glued ?? []) if (!defined.has(taskIdKey(glued.text))) defined.set(taskIdKey(glued.text), task)
  const ids = new Set(plan.tasks.map((task) => task.id?.start))

  // A range past the plan's last task (`T1389-T1440` in a roadmap table) names
  // tasks planned elsewhere, not tasks this plan lost.
  const highest = Math.max(...[...defined.keys()].map((key) => parseTaskId(key)?.number ?? 0))
  // So does a lettered ID past it in a plan whose tasks carry no letters
  // (`Write failing unit test T019f` in a plan of T001–T006): a test's or
  // another plan's ID, written in a style this plan's tasks do not use.
  const lettered = [...defined.keys()].some((key) => parseTaskId(key)?.suffix)
  const beyond = (mention: Token) => {
    const parsed = parseTaskId(taskIdKey(mention.text))
    const number = parsed?.number ?? 0
    if (number <= highest) return false
    if (parsed?.suffix && !lettered) return true
    const around = plan.source.slice(Math.max(0, mention.start - 12), mention.end + 12)
    const at = mention.start - Math.max(0, mention.start - 12)
    const range = taskIdRange.exec(around)
    return range !== null && range.index <= at && range.index + range[0].length >= at + mention.text.length && range.slice(1).every((end) => Number(end) > highest)
  }

  // Every mention, in prose, tables and headings (not code): it exists.
  const missing = plan.mentions.filter((mention) => !ids.has(mention.start) && !defined.has(taskIdKey(mention.text)) && !beyond(mention))
  // More tasks missing than found (five or more) is not a plan that lost its
  // tasks: it writes them in a form not read here, and every message would
  // be that one misreading.
  const lost = new Set(missing.map((mention) => taskIdKey(mention.text)))
  if (lost.size < 5 || lost.size <= defined.size) {
    for (const mention of missing) report.span('missing', mention.start, mention.end, {id: mention.text})
  }

  // Dependencies: not on itself, not in a cycle; on a later task is suspicious.
  const order = new Map(plan.tasks.map((task, index) => [task, index]))
  const edges = new Map<Task, Array<{target: Task; token: Token}>>()
  for (const task of plan.tasks) {
    if (!task.id) continue
    const {text, offset} = taskSource(plan, task)
    for (const token of dependencies(text, offset)) {
      const target = defined.get(taskIdKey(token.text))
      if (!target || !plan.pointAt(token.start)) continue
      if (target === task) {
        report.span('self', token.start, token.end, {id: task.id.text})
        continue
      }
      edges.set(task, [...(edges.get(task) ?? []), {target, token}])
      if (order.get(target)! > order.get(task)!) {
        report.span('later', token.start, token.end, {id: task.id.text, target: target.id!.text})
      }
    }
  }
  reportCycles(plan, report, edges)
}

function reportCycles(plan: Plan, report: Report<Id>, edges: Map<Task, Array<{target: Task; token: Token}>>): void {
  const state = new Map<Task, 'open' | 'done'>()
  const stack: Task[] = []
  const reported = new Set<string>()
  const visitTask = (task: Task): void => {
    state.set(task, 'open')
    stack.push(task)
    for (const {target, token} of edges.get(task) ?? []) {
      if (state.get(target) === 'open') {
        const cycle = stack.slice(stack.indexOf(target))
        const key = cycle.map((member) => member.id!.text).sort().join(',')
        if (!reported.has(key)) {
          reported.add(key)
          const path = [...cycle, target].map((member) => member.id!.text).join(' → ')
          report.span('cycle', token.start, token.end, {path})
        }
      } else if (!state.has(target)) {
        visitTask(target)
      }
    }
    stack.pop()
    state.set(task, 'done')
  }
  for (const task of plan.tasks) if (task.id && !state.has(task)) visitTask(task)
}

/** The phases and user stories the dependency section names exist. */
function checkDependencySection(plan: Plan, report: Report<Id>): void {
  const phases = new Set<string>()
  const stories = new Set<string>()
  for (const section of plan.sections) {
    if (section.depth !== 2) continue
    const phase = phaseNumberKey.exec(section.key)
    if (phase) phases.add(phase[1]!.replace(/ /g, '.'))
    for (const number of plan.storiesOf(section)) stories.add(number)
  }
  // Stories the tasks are marked with exist too, whatever the phases are called (`## Phase 3: P1 User Stories`).
  const story = plan.family.tasks?.markers ? new RegExp(`^(?:${plan.family.tasks.markers.story})$`) : undefined
  for (const tag of plan.conventions.tags.keys()) {
    for (const part of tag.split('/')) {
      const number = story?.exec(part)?.[1]
      if (number) stories.add(number)
    }
  }
  if (phases.size === 0) return
  const dependencySection = plan.sections.find((section) => section.depth === 2 && dependencySectionKey.test(section.key))
  if (!dependencySection) return
  for (const node of plan.body(dependencySection)) {
    walk(node, (text) => {
      const start = text.position?.start.offset
      if (text.type !== 'text' || start === undefined) return
      for (const match of text.value.matchAll(phaseOrStoryMention)) {
        const [whole, phase, story] = match
        const missing = phase !== undefined ? !phases.has(phase) : !stories.has(story!)
        if (!missing) continue
        const index = plan.source.indexOf(whole, start + match.index)
        if (index === -1) continue
        const what = phase !== undefined ? `phase ${phase}` : `user story ${story}`
        report.span('sectionNames', index, index + whole.length, {name: whole, section: dependencySection.text, what})
      }
    })
  }
}

export const rule = defineRule<TaskReferencesOptions, keyof typeof messages>({
  id: 'task-references',
  description: 'Require task references to name existing tasks, without dependency cycles',
  severity: 'error',
  messages,
  docs: `"Depends on T041" when there is no T041 sends an agent looking for work
that does not exist, and two tasks that wait for each other never start.

- Every task ID mentioned in the plan's prose, tables and headings — "depends
  on T012, T013", "after T004", "T026-T033 can run in parallel", a
  \`**Dependencies:**\` field — is a task the plan defines. Code is not read.
  Plans that define no task (a plan.md next to its tasks.md) are not checked.
- A task does not depend on itself, and dependencies ("depends on", "after",
  "requires", "blocked by", "Dependencies:") form no cycle; a dependency on a
  task that comes later in the plan is a warning.
- spec-kit: the phases and user stories named in the dependency section
  exist.

Not reported: IDs in code (commands, samples), escaped or struck-through
IDs (\`~~T051~~\`, a task removed on purpose), a range of IDs past the plan's
last task (\`T1389-T1440\` in a roadmap: tasks planned elsewhere) and a
lettered ID past it in a plan whose tasks have no letters (\`unit test
T019f\` in a plan of T001–T006: another numbering), IDs in a plan
that defines no tasks (its tasks live in another document) or fewer tasks
than it names missing ones (five or more: it writes its tasks in a form not
read, and every message would be that one misreading), and an ID
written in another document's style (\`US1\` read out of \`AUTH-US1\` is not
a story reference).`,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {}
  },
  defaults: {},
  examples: {
    valid: [
      {
        title: 'Done tasks marked with a status mark before a bold ID',
        family: 'spec-kit',
        markdown: `# Tasks: Sign-up

## Phase 3.1: Setup

- [x] ✅ **T001 Create the project** (COMPLETED)
- [ ] T002 Add the sign-up form in src/signup.ts (after T001)
`
      },
      {
        title: 'Tasks as headings, some without a marker',
        family: 'spec-kit',
        markdown: `### T013 Unity ProfilerHandler.Start

### T014 [P] Unity ProfilerHandler.Stop

### T015 [P] Unity ProfilerHandler.GetStatus

**依存関係**: T013
`
      },
      {
        title: 'A phase of two stories, the second named its own way',
        family: 'spec-kit',
        markdown: `## Phase 3: User Story 1 + US6 - Create a lease with its rent schedule (Priority: P1)

- [ ] T010 [US1] Create the lease form in src/leases/form.tsx

## Dependencies & Execution Order

- US1+US6 (Phase 3) can start at once; User Story 6 ships with it.
`
      },
      {
        title: 'Tasks written as headings, with their markers',
        family: 'spec-kit',
        markdown: `## Phase 1: Setup

### T001 [P]: Initialize the extension project

### T002 [P] [US1] Configure TypeScript

## Next Steps

Start with T001, then T002.
`
      },
      {
        title: 'References to tasks that exist, dependencies in order',
        family: 'spec-kit',
        markdown: `## Phase 1: Setup

- [ ] T001 Create src/sync/index.ts
- [ ] T002 Add the queue in src/sync/queue.ts (depends on T001)

## Dependencies & Execution Order

- Phase 1 first; T001 and T002 run in order.
`
      },
      {
        title: 'A task line for a range of tasks',
        family: 'spec-kit',
        markdown: `## Phase 1: Setup

- [x] T001-T004 Scaffold the four services in services/
- [ ] T005 Wire the gateway to T003 in gateway/index.ts
`
      },
      {
        title: 'Test IDs of another numbering, past the plan\'s last task',
        markdown: `- [x] T001 Write failing unit test T019f in src/hooks/admission.rs (add after T019e)
- [x] T002 Verify T019f now passes
`
      },
      {
        title: 'A range of tasks planned past this plan\'s last one',
        family: 'spec-kit',
        markdown: `## Phase 1: Setup

- [ ] T001 Create the sync module in src/sync/index.ts

## Roadmap

| Phase | Tasks |
| --- | --- |
| 55 | T1389-T1440 |
`
      },
      {
        title: 'Story labels of the plan\'s own are not spec-kit story numbers',
        family: 'spec-kit',
        markdown: `## Phase 3: User Story AUTH-US1 - Sign up (Priority: P1)

- [ ] T015 [AUTH-US1] Add the form in src/auth/form.ts
- [ ] T016 [AUTH-US1] Add the API in src/auth/api.ts

## Dependencies & Execution Order

- AUTH-US2 comes after AUTH-US1; T016 after T015.
`
      }
    ],
    invalid: [
      {
        title: 'A missing task, a self-dependency, a cycle and a later dependency',
        family: 'spec-kit',
        markdown: `## Phase 1: Setup

- [ ] T001 Create src/sync/index.ts (depends on T003)
- [ ] T002 Add the queue in src/sync/queue.ts (depends on T002)
- [ ] T003 Wire the queue in src/app.ts (after T001, T041)
`,
        messages: [
          '3:49-3:53 warning Task "T001" depends on "T003", which comes later in the plan',
          '4:59-4:63 error Task "T002" depends on itself',
          '5:48-5:52 error Tasks depend on each other in a cycle: T001 → T003 → T001',
          '5:54-5:58 error Task "T041" does not exist in this plan'
        ]
      },
      {
        title: 'A dependency section that names a phase the plan lacks',
        family: 'spec-kit',
        markdown: `## Phase 1: Setup

- [ ] T001 Create src/sync/index.ts

## Dependencies & Execution Order

- Phase 2 starts after Phase 1.
`,
        messages: ['7:3-7:10 error "Phase 2" is named in Dependencies & Execution Order but the plan has no phase 2']
      }
    ]
  },
  check(plan, report) {
    checkIds(plan, report)
    if (plan.family.tasks?.dependencySection) checkDependencySection(plan, report)
  }
})

export default rule.plugin
