/**
 * task-references: every task ID the plan mentions exists, dependencies have
 * no cycles, and the phases and stories the dependency section names exist.
 */
import type {Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {outline, sectionBody, sectionOf} from '../src/core/plan/outline.js'
import {correctedId, type Task, type TaskStyle, tasks, type Token} from '../src/core/plan/tasks.js'
import {offsetSpan} from '../src/core/position.js'
import {defineRule, warn} from '../src/core/rule.js'
import {nodesOf, walk} from '../src/core/walk.js'

export interface TaskReferencesOptions extends Record<string, unknown> {
  style: TaskStyle
}

const idPattern = /\b(?:[A-Z]{1,4}-)?T\d{3}[a-z]?\b/g
// "depends on T012, T013", "after T004", "requires T001 and T002",
// "blocked by T020", "Dependencies: T001, T002".
const dependencyPhrase =
  /\b(?:depends? on|after|requires|blocked by|dependencies|depends)\b\s*:?\**\s*:?\s*((?:(?:[A-Z]{1,4}-)?T\d{3}[a-z]?(?:\s*(?:,|and|&|\/|or|-|–)\s*)?)+)/gi

/** One key for every spelling of an ID (`t12`, `T012`). */
function normalise(id: string): string {
  return correctedId(id) ?? id
}

/** The text a task's dependencies are written in: its line, or a task heading's whole section. */
function taskSource(tree: Root, file: VFile, task: Task): {text: string; offset: number} {
  const source = String(file.value)
  let start = task.id?.end ?? task.node.position?.start.offset ?? 0
  let end = task.node.position?.end.offset ?? start
  if (task.node.type === 'heading') {
    const section = sectionOf(tree, task.node)
    const body = section ? sectionBody(tree, section) : []
    const last = body.filter((node) => node.type !== 'heading').at(-1)
    end = last?.position?.end.offset ?? end
  } else {
    // Only the item's own paragraph: nested lists are other tasks.
    const paragraph = task.node.children[0]
    end = paragraph?.position?.end.offset ?? end
  }
  start = Math.min(start, end)
  return {text: source.slice(start, end), offset: start}
}

function dependencies(text: string, offset: number): Token[] {
  const found: Token[] = []
  for (const phrase of text.matchAll(dependencyPhrase)) {
    const listStart = phrase.index + phrase[0].length - phrase[1]!.length
    for (const id of phrase[1]!.matchAll(idPattern)) {
      const start = offset + listStart + id.index
      found.push({text: id[0], start, end: start + id[0].length})
    }
  }
  return found
}

function checkIds(tree: Root, file: VFile, list: Task[]): void {
  const defined = new Map<string, Task>()
  for (const task of list) if (task.id && !defined.has(normalise(task.id.text))) defined.set(normalise(task.id.text), task)
  if (defined.size === 0) return
  const ids = new Set(list.map((task) => task.id?.start))

  // Every mention, in prose, tables and headings (not code): it exists.
  const source = String(file.value)
  for (const {node} of nodesOf(tree)) {
    if (node.type !== 'text') continue
    const start = node.position?.start.offset
    if (start === undefined) continue
    const raw = source.slice(start, node.position!.end.offset)
    for (const match of raw.matchAll(idPattern)) {
      const at = start + match.index
      if (ids.has(at) || defined.has(normalise(match[0]))) continue
      const place = offsetSpan(file, at, at + match[0].length)
      if (place) file.message(`Task "${match[0]}" does not exist in this plan`, {place})
    }
  }

  // Dependencies: not on itself, not in a cycle; on a later task is suspicious.
  const order = new Map(list.map((task, index) => [task, index]))
  const edges = new Map<Task, Array<{target: Task; token: Token}>>()
  for (const task of list) {
    if (!task.id) continue
    const {text, offset} = taskSource(tree, file, task)
    for (const token of dependencies(text, offset)) {
      const target = defined.get(normalise(token.text))
      if (!target) continue
      const place = offsetSpan(file, token.start, token.end)
      if (!place) continue
      if (target === task) {
        file.message(`Task "${task.id.text}" depends on itself`, {place})
        continue
      }
      edges.set(task, [...(edges.get(task) ?? []), {target, token}])
      if (order.get(target)! > order.get(task)!) {
        warn(file, `Task "${task.id.text}" depends on "${target.id!.text}", which comes later in the plan`, {place})
      }
    }
  }
  reportCycles(file, list, edges)
}

function reportCycles(file: VFile, list: Task[], edges: Map<Task, Array<{target: Task; token: Token}>>): void {
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
        const place = offsetSpan(file, token.start, token.end)
        if (!reported.has(key) && place) {
          reported.add(key)
          const path = [...cycle, target].map((member) => member.id!.text).join(' → ')
          file.message(`Tasks depend on each other in a cycle: ${path}`, {place})
        }
      } else if (!state.has(target)) {
        visitTask(target)
      }
    }
    stack.pop()
    state.set(task, 'done')
  }
  for (const task of list) if (task.id && !state.has(task)) visitTask(task)
}

/** spec-kit: the phases and user stories the dependency section names exist. */
function checkDependencySection(tree: Root, file: VFile): void {
  const sections = outline(tree)
  const phases = new Set<string>()
  const stories = new Set<string>()
  for (const section of sections) {
    const phase = /^phase (\d+(?: \d+)*)\b/.exec(section.key)
    if (phase && section.depth === 2) phases.add(phase[1]!.replace(/ /g, '.'))
    const story = /\buser story (\d+)\b/.exec(section.key)
    if (story && section.depth === 2) stories.add(story[1]!)
  }
  if (phases.size === 0) return
  const dependencySection = sections.find((section) => section.depth === 2 && /^dependenc/.test(section.key))
  if (!dependencySection) return
  for (const node of sectionBody(tree, dependencySection)) {
    walk(node, (text) => {
      const start = text.position?.start.offset
      if (text.type !== 'text' || start === undefined) return
      for (const match of text.value.matchAll(/\bPhase (\d+(?:\.\d+)*)\b|\b(?:User Story |US)(\d+)\b/g)) {
        const [whole, phase, story] = match
        const missing = phase !== undefined ? !phases.has(phase) : !stories.has(story!)
        if (!missing) continue
        const index = String(file.value).indexOf(whole, start + match.index)
        const place = index === -1 ? undefined : offsetSpan(file, index, index + whole.length)
        const what = phase !== undefined ? `phase ${phase}` : `user story ${story}`
        if (place) file.message(`"${whole}" is named in ${toString(dependencySection.node)} but the plan has no ${what}`, {place})
      }
    })
  }
}

export const rule = defineRule<TaskReferencesOptions>({
  id: 'task-references',
  description: 'Require task references to name existing tasks, without dependency cycles',
  severity: 'error',
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
  exist.`,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      style: {enum: ['spec-kit', 'ai-first-sdlc', 'spec-maestro', 'generic'], description: 'How the family writes tasks; set by each preset.'}
    }
  },
  defaults: {style: 'generic'},
  examples: {
    valid: [
      {
        title: 'References to tasks that exist, dependencies in order',
        options: {style: 'spec-kit'},
        markdown: `## Phase 1: Setup

- [ ] T001 Create src/sync/index.ts
- [ ] T002 Add the queue in src/sync/queue.ts (depends on T001)

## Dependencies & Execution Order

- Phase 1 first; T001 and T002 run in order.
`
      }
    ],
    invalid: [
      {
        title: 'A missing task, a self-dependency, a cycle and a later dependency',
        options: {style: 'spec-kit'},
        markdown: `## Phase 1: Setup

- [ ] T001 Create src/sync/index.ts (depends on T003)
- [ ] T002 Add the queue in src/sync/queue.ts (depends on T002)
- [ ] T003 Wire the queue in src/app.ts (after T001, T041)
`,
        messages: [
          '3:49-3:53 Task "T001" depends on "T003", which comes later in the plan',
          '4:59-4:63 Task "T002" depends on itself',
          '5:48-5:52 Tasks depend on each other in a cycle: T001 → T003 → T001',
          '5:54-5:58 Task "T041" does not exist in this plan'
        ]
      },
      {
        title: 'A dependency section that names a phase the plan lacks',
        options: {style: 'spec-kit'},
        markdown: `## Phase 1: Setup

- [ ] T001 Create src/sync/index.ts

## Dependencies & Execution Order

- Phase 2 starts after Phase 1.
`,
        messages: ['7:3-7:10 "Phase 2" is named in Dependencies & Execution Order but the plan has no phase 2']
      }
    ]
  },
  check(tree, file, options) {
    const list = tasks(tree, String(file.value), options.style)
    checkIds(tree, file, list)
    if (options.style === 'spec-kit') checkDependencySection(tree, file)
  }
})

export default rule.plugin
