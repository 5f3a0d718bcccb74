/**
 * task-markers: spec-kit's `[P]` and `[USn]` markers are where and what they
 * must be, tasks name their files, and spec-maestro's task metadata is valid.
 */
import type {Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {VFile} from 'vfile'
import {sectionOf} from '../src/core/plan/outline.js'
import {type Task, type TaskStyle, tasks, type Token} from '../src/core/plan/tasks.js'
import {offsetSpan} from '../src/core/position.js'
import {defineRule, warn} from '../src/core/rule.js'

export interface TaskMarkersOptions extends Record<string, unknown> {
  style: TaskStyle
  /** A task that names no file path: spec-kit calls it wrong; many real plans do it. */
  filePaths: 'allow' | 'warn' | 'error'
}

const storyMarker = /^US(\d+)(?:\/US\d+)*$/
const parallel = /^P$/
// `src/sync/queue.ts`, `apps/api/`, `package.json`, `.gitignore`; a bare
// `Dockerfile`-like name is too vague to count: a path has a slash, an
// extension, or a leading dot.
const pathPattern = /(?:[\w.@-]+\/)+[\w.@*-]*|\b[\w-]+\.(?:[a-z]{1,6})\b|(?<![^\s`(])\.[a-z][\w-]*(?:\.[a-z]+)?\b/g

/** The paths a task's text names (in code spans or not): files and folders. */
export function filePaths(task: Task): string[] {
  return [...task.description.matchAll(pathPattern)]
    .map((match) => match[0].replace(/[.,;:)]+$/, ''))
    .filter((path) => !/^\d+(?:\.\d+)*$/.test(path) && !/^(?:e\.g|i\.e|etc)\.?$/i.test(path))
}

/**
 * The files a task changes, as spec-kit writes them: "… in src/x.ts" (or to,
 * into, at). A file named otherwise ("per contracts/api.md") is read, not
 * changed; without an "in", the last file named. Folders never conflict.
 */
function targetFiles(task: Task): string[] {
  const files: Array<{path: string; target: boolean}> = []
  for (const match of task.description.matchAll(pathPattern)) {
    const path = match[0].replace(/[.,;:)]+$/, '')
    if (!/\.[A-Za-z]{1,6}$/.test(path) || /^\d/.test(path)) continue
    const before = task.description.slice(Math.max(0, match.index - 8), match.index)
    files.push({path, target: /\b(?:in|to|into|at)\s+`?$/i.test(before)})
  }
  const targets = files.filter((file) => file.target).map((file) => file.path)
  return targets.length > 0 ? targets : files.slice(-1).map((file) => file.path)
}

function at(file: VFile, token: Token) {
  return offsetSpan(file, token.start, token.end)
}

function checkSpecKit(file: VFile, list: Task[], options: TaskMarkersOptions): void {
  const parallelFiles = new Map<string, {task: Task; phase: number | undefined}>()
  for (const task of list) {
    if (!task.id) continue
    const story = task.markers.find((marker) => storyMarker.test(marker.text))
    const p = task.markers.find((marker) => parallel.test(marker.text))
    const phaseKey = task.phase?.key ?? ''

    for (const marker of task.markers) {
      if (!storyMarker.test(marker.text) && !parallel.test(marker.text)) {
        const place = at(file, marker)
        if (place) file.message(`Unknown task marker "[${marker.text}]": spec-kit tasks use [P] and [USn]`, {place})
      }
    }

    if (story && p && story.start < p.start) {
      const span = offsetSpan(file, story.start - 1, p.end + 1)
      if (span) {
        const actual = String(file.value).slice(story.start - 1, p.end + 1)
        const message = file.message(`Marker "[P]" goes before "[${story.text}]": write "[P] [${story.text}]"`, {place: span})
        message.actual = actual
        message.expected = [`[P] [${story.text}]`]
      }
    }

    const storyPhase = /\buser story (\d+)\b/.exec(phaseKey)
    const sharedPhase = /^(?:phase [\d.]+ |final phase )?(?:setup|foundational|polish)\b/.exec(phaseKey)
    if (storyPhase) {
      const expected = `US${storyPhase[1]}`
      if (!story) {
        const place = at(file, task.id)
        if (place) file.message(`Task "${task.id.text}" is in User Story ${storyPhase[1]}: mark it [${expected}]`, {place})
      } else if (!story.text.split('/').includes(expected)) {
        const place = at(file, story)
        if (place) file.message(`Task "${task.id.text}" is marked [${story.text}] but is in User Story ${storyPhase[1]}`, {place})
      }
    } else if (sharedPhase && story) {
      const place = at(file, story)
      if (place) file.message(`Task "${task.id.text}" is in the ${sharedPhase[0].replace(/^.* /, '')} phase: a [USn] marker belongs to user-story phases only`, {place})
    }

    const paths = filePaths(task)
    if (paths.length === 0 && options.filePaths !== 'allow') {
      const place = at(file, task.id)
      const reason = `Task "${task.id.text}" names no file path: say which file it changes`
      if (place && options.filePaths === 'warn') warn(file, reason, {place})
      else if (place) file.message(reason, {place})
    }

    if (p) {
      for (const path of new Set(targetFiles(task))) {
        const key = `${task.phase?.index ?? -1}:${path}`
        const other = parallelFiles.get(key)
        if (other && other.task.id) {
          const place = at(file, p)
          if (place) {
            file.message(`Tasks "${other.task.id.text}" and "${task.id.text}" are both [P] in this phase but both change ${path}: they cannot run in parallel`, {place})
          }
        } else {
          parallelFiles.set(key, {task, phase: task.phase?.index})
        }
      }
    }
  }
}

/** `- **Size:** S` style metadata lines between a task heading and the next heading. */
function metadata(tree: Root, task: Task): Map<string, {value: string; node: RootContent}> {
  const fields = new Map<string, {value: string; node: RootContent}>()
  const section = task.node.type === 'heading' ? sectionOf(tree, task.node) : undefined
  if (!section) return fields
  for (const node of tree.children.slice(section.index + 1, section.end)) {
    if (node.type !== 'list') continue
    for (const item of node.children) {
      const paragraph = item.children[0]
      if (paragraph?.type !== 'paragraph') continue
      const label = paragraph.children[0]
      if (label?.type !== 'strong') continue
      const name = toString(label).replace(/:$/, '').trim().toLowerCase()
      const value = toString(paragraph).slice(toString(label).length).replace(/^\s*:?\s*/, '').trim()
      fields.set(name, {value, node: item})
    }
  }
  return fields
}

function checkMaestro(tree: Root, file: VFile, list: Task[]): void {
  for (const task of list) {
    if (task.node.type !== 'heading' || !task.id) continue
    const fields = metadata(tree, task)
    const size = fields.get('size')
    if (size && !/^(?:XS|S)\b/.test(size.value)) {
      file.message(`Task "${task.id.text}" has size "${size.value}": split it until every task is XS or S`, size.node)
    }
    const dependencies = fields.get('dependencies')
    if (dependencies && !/^(?:none\b|(?:(?:[A-Z]{1,4}-)?T\d{3}[a-z]?)(?:\s*,\s*(?:[A-Z]{1,4}-)?T\d{3}[a-z]?)*\s*$)/i.test(dependencies.value)) {
      file.message(`Task "${task.id.text}" lists dependencies "${dependencies.value}": write "None" or task IDs such as "T001, T002"`, dependencies.node)
    }
  }
}

export const rule = defineRule<TaskMarkersOptions>({
  id: 'task-markers',
  description: 'Require spec-kit task markers in their place and tasks that name their files',
  severity: 'error',
  fixable: true,
  docs: `spec-kit calls its task format required: \`- [ ] T012 [P] [US1] Description
with file path\`. Agents schedule \`[P]\` tasks in parallel and group tasks by
story, so a wrong marker breaks the run.

- Markers come right after the ID, \`[P]\` before \`[USn]\` (\`--fix\` swaps them).
- A task in a \`User Story N\` phase carries \`[USN]\`, that phase's number;
  tasks in Setup, Foundational and Polish phases carry none.
- A bracket marker other than \`[P]\` and \`[USn]\` is reported.
- A task names at least one file path (a warning by default: many real plans
  omit it; \`filePaths\`: \`allow\`, \`warn\` or \`error\`).
- Two \`[P]\` tasks of one phase that change the same file ("… in
  src/x.ts") cannot run in parallel.
- spec-maestro: a task's \`**Size:**\` is XS or S (the template rejects M and
  L), and its \`**Dependencies:**\` are \`None\` or task IDs.`,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      style: {enum: ['spec-kit', 'ai-first-sdlc', 'spec-maestro', 'generic'], description: 'How the family writes tasks; set by each preset.'},
      filePaths: {enum: ['allow', 'warn', 'error'], description: 'A task that names no file path.'}
    }
  },
  defaults: {style: 'generic', filePaths: 'warn'},
  examples: {
    valid: [
      {
        title: 'Markers in order, in the right phases, with paths',
        options: {style: 'spec-kit'},
        markdown: `## Phase 1: Setup

- [x] T001 [P] Create the sync module in src/sync/index.ts

## Phase 3: User Story 1 - Edit offline (Priority: P1)

- [ ] T002 [P] [US1] Queue edits in \`src/sync/queue.ts\`
- [ ] T003 [P] [US1] Replay the queue in \`src/sync/replay.ts\`
`
      },
      {
        title: 'spec-maestro metadata',
        options: {style: 'spec-maestro'},
        markdown: `### T002: Add drag and drop

- **Size:** S
- **Dependencies:** T001
`
      }
    ],
    invalid: [
      {
        title: 'Marker order, story numbers and phases',
        options: {style: 'spec-kit'},
        markdown: `## Phase 1: Setup

- [ ] T001 [US1] Create the sync module in src/sync/index.ts

## Phase 3: User Story 1 - Edit offline (Priority: P1)

- [ ] T002 [US1] [P] Queue edits in src/sync/queue.ts
- [ ] T003 [US2] Replay the queue in src/sync/replay.ts
- [ ] T004 Show a banner in src/ui/banner.tsx
- [ ] T005 [Later] Add metrics in src/sync/metrics.ts
`,
        messages: [
          '3:13-3:16 Task "T001" is in the setup phase: a [USn] marker belongs to user-story phases only',
          '7:12-7:21 Marker "[P]" goes before "[US1]": write "[P] [US1]"',
          '8:13-8:16 Task "T003" is marked [US2] but is in User Story 1',
          '9:7-9:11 Task "T004" is in User Story 1: mark it [US1]',
          '10:7-10:11 Task "T005" is in User Story 1: mark it [US1]',
          '10:13-10:18 Unknown task marker "[Later]": spec-kit tasks use [P] and [USn]'
        ]
      },
      {
        title: 'No file path, and parallel tasks on one file',
        options: {style: 'spec-kit'},
        markdown: `## Phase 2: Foundational

- [ ] T006 Decide the retry policy
- [ ] T007 [P] Add the clock in src/sync/clock.ts
- [ ] T008 [P] Use the clock for retries in src/sync/clock.ts
`,
        messages: [
          '3:7-3:11 Task "T006" names no file path: say which file it changes',
          '5:13-5:14 Tasks "T007" and "T008" are both [P] in this phase but both change src/sync/clock.ts: they cannot run in parallel'
        ]
      },
      {
        title: 'spec-maestro sizes and dependencies',
        options: {style: 'spec-maestro'},
        markdown: `### T003: Rewrite the board

- **Size:** M
- **Dependencies:** the board refactor
`,
        messages: [
          '3:1-3:14 Task "T003" has size "M": split it until every task is XS or S',
          '4:1-4:39 Task "T003" lists dependencies "the board refactor": write "None" or task IDs such as "T001, T002"'
        ]
      }
    ]
  },
  check(tree, file, options) {
    const list = tasks(tree, String(file.value), options.style)
    if (options.style === 'spec-kit') checkSpecKit(file, list, options)
    if (options.style === 'spec-maestro') checkMaestro(tree, file, list)
  }
})

export default rule.plugin
