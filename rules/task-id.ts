/**
 * task-id: every task has a well-formed, unique ID, and IDs increase
 * through the document.
 */
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {headingKey} from '../src/core/plan/outline.js'
import {correctedId, type Task, type TaskStyle, taskMarkers, tasks, type Token} from '../src/core/plan/tasks.js'
import {offsetSpan} from '../src/core/position.js'
import {defineRule, warn} from '../src/core/rule.js'

type Strictness = 'allow' | 'warn' | 'error'

export interface TaskIdOptions extends Record<string, unknown> {
  /** How the family writes tasks (set by the preset). */
  style: TaskStyle
  /** A skipped number (`T006` → `T010`). */
  gaps: Strictness
  /** A letter-suffixed ID inserted later (`T010a`). */
  suffixes: Strictness
}

const canonical = /^(?:([A-Z]{1,4})-)?T(\d{3})([a-z]?)$/

interface Parsed {
  prefix: string
  number: number
  suffix: string
}

function parseId(text: string): Parsed | undefined {
  const match = canonical.exec(correctedId(text) ?? text)
  return match ? {prefix: match[1] ?? '', number: Number(match[2]), suffix: match[3]!} : undefined
}

function report(file: VFile, strictness: Strictness, reason: string, token: Token): void {
  const place = offsetSpan(file, token.start, token.end)
  if (!place || strictness === 'allow') return
  if (strictness === 'warn') warn(file, reason, {place})
  else file.message(reason, {place})
}

function line(file: VFile, token: Token): number | undefined {
  return offsetSpan(file, token.start, token.end)?.start.line
}

/** spec-kit, spec-maestro and generic tasks: `T012`. */
function checkTIds(file: VFile, list: Task[], options: TaskIdOptions): void {
  const seen = new Map<string, Token>()
  const previous = new Map<string, Parsed & {token: Token}>()
  const withColon = list.filter((task) => task.id && task.node.type === 'listItem').map((task) => task.colon)
  const colonStyle = withColon[0]

  for (const task of list) {
    const id = task.id
    if (!id) continue
    if (options.style !== 'generic' && !canonical.test(id.text)) {
      const fix = correctedId(id.text)
      const place = offsetSpan(file, id.start, id.end)
      if (place) {
        const message = file.message(
          fix ? `Task ID "${id.text}" is not in the form T000: write "${fix}"` : `Task ID "${id.text}" is not in the form T000`,
          {place}
        )
        if (fix) {
          message.actual = id.text
          message.expected = [fix]
        }
      }
    }
    if (options.style === 'spec-kit' && task.node.type === 'listItem' && colonStyle !== undefined && task.colon !== colonStyle) {
      report(file, 'error', `Task ID "${id.text}" is written ${task.colon ? 'with' : 'without'} a colon; this plan writes IDs ${colonStyle ? 'with' : 'without'} one`, id)
    }

    const parsed = parseId(id.text)
    if (!parsed) continue
    const key = `${parsed.prefix}-${parsed.number}${parsed.suffix}`
    const first = seen.get(key)
    if (first) {
      report(file, 'error', `Duplicate task ID "${id.text}" (first at line ${line(file, first)})`, id)
      continue
    }
    seen.set(key, id)

    const before = previous.get(parsed.prefix)
    previous.set(parsed.prefix, {...parsed, token: id})
    if (parsed.suffix) {
      report(file, options.suffixes, `Task ID "${id.text}" has a letter suffix: renumber when the plan settles`, id)
    }
    if (!before) continue
    if (parsed.number < before.number || (parsed.number === before.number && parsed.suffix <= before.suffix)) {
      report(file, 'error', `Task ID "${id.text}" comes after "${before.token.text}": IDs must increase through the plan`, id)
    } else if (parsed.number > before.number + 1) {
      report(file, options.gaps, `Task IDs skip from "${before.token.text}" to "${id.text}"`, id)
    }
  }

  // A task line with no ID, among task lines that have one.
  const lists = new Map<unknown, Task[]>()
  for (const task of list) {
    if (task.node.type !== 'listItem') continue
    const key = task.node.position?.start.column === undefined ? task.node : `${task.phase?.index}:${task.subphase?.index}`
    lists.set(key, [...(lists.get(key) ?? []), task])
  }
  for (const group of lists.values()) {
    const identified = group.filter((task) => task.id).length
    if (identified === 0 || identified < group.length / 2) continue
    for (const task of group) {
      if (!task.id && task.node.position) file.message('Task line without a task ID (e.g. "T012")', task.node)
    }
  }
}

/** ai-first-sdlc: `Task N.M` with N the phase number and M counting from 1. */
function checkTaskNumbers(file: VFile, list: Task[]): void {
  const seen = new Map<string, Token>()
  let previous: {phase: number; step: number} | undefined
  for (const task of list) {
    if (!task.id) continue
    const [, phaseText, stepText] = /(\d+)\.(\d+)/.exec(task.id.text) ?? []
    const phase = Number(phaseText)
    const step = Number(stepText)
    const heading = [task.subphase, task.phase].find((section) => section && /^phase \d+/.test(section.key))
    const phaseNumber = heading ? Number(/^phase (\d+)/.exec(headingKey(heading.text))![1]) : undefined
    if (phaseNumber !== undefined && phase !== phaseNumber) {
      report(file, 'error', `Task "${task.id.text}" is in Phase ${phaseNumber}: number it ${phaseNumber}.${step}`, task.id)
    }
    const key = `${phase}.${step}`
    const first = seen.get(key)
    if (first) {
      report(file, 'error', `Duplicate task ID "${task.id.text}" (first at line ${line(file, first)})`, task.id)
      continue
    }
    seen.set(key, task.id)
    if (previous && previous.phase === phase && step <= previous.step) {
      report(file, 'error', `Task "${task.id.text}" comes after Task ${previous.phase}.${previous.step}: numbers must increase`, task.id)
    }
    previous = {phase, step}
  }
}

/** spec-maestro: each `### T001:` task is wrapped in BEGIN/END markers naming its ID. */
function checkMaestroMarkers(tree: Root, file: VFile, list: Task[]): void {
  const markers = taskMarkers(tree)
  let open: (typeof markers)[number] | undefined
  for (const marker of markers) {
    if (marker.kind === 'begin') {
      if (open) file.message('TASK:BEGIN without a TASK:END before the next TASK:BEGIN', open.node)
      open = marker
      const heading = list.find((task) => task.node.type === 'heading' && (task.node.position?.start.offset ?? 0) > (marker.node.position?.end.offset ?? 0))
      if (heading?.id && marker.id !== undefined && correctedId(marker.id) !== correctedId(heading.id.text)) {
        file.message(`TASK:BEGIN id=${marker.id} does not match the task heading "${heading.id.text}"`, marker.node)
      } else if (marker.id === undefined) {
        file.message('TASK:BEGIN has no id=…', marker.node)
      }
    } else {
      if (!open) file.message('TASK:END without a TASK:BEGIN', marker.node)
      open = undefined
    }
  }
  if (open) file.message('TASK:BEGIN without a TASK:END', open.node)
}

export const rule = defineRule<TaskIdOptions>({
  id: 'task-id',
  description: 'Require well-formed, unique task IDs that increase through the plan',
  severity: 'error',
  fixable: true,
  docs: `Agents execute a plan task by task and refer to tasks by ID. A duplicate
ID, a task line without one, or \`T12\` where every other task is \`T012\`
breaks that. Tasks are read from the tree: list items (checkbox or not) whose
text starts with an ID, task headings (\`### T001: …\`, \`#### Task 1.2:\`), and
spec-maestro's \`TASK:BEGIN\`/\`TASK:END\` comments.

- spec-kit and spec-maestro IDs are \`T\` and three digits; \`T12\`, \`T0012\`,
  \`T-012\` and \`t012\` are reported with the corrected form, which \`--fix\`
  writes. Team prefixes (\`BE-T005\`) are fine and counted separately.
- A checkbox task line without an ID, in a list whose other tasks have IDs.
- A duplicate (reported at the second, naming the line of the first).
- IDs increase through the document: going back or repeating is an error;
  a gap (\`T006\` → \`T010\`) and a letter suffix (\`T010a\`, inserted later)
  are warnings (\`gaps\`, \`suffixes\`: \`allow\`, \`warn\` or \`error\`).
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
      style: {enum: ['spec-kit', 'ai-first-sdlc', 'spec-maestro', 'generic'], description: 'How the family writes tasks; set by each preset.'},
      gaps: {enum: ['allow', 'warn', 'error'], description: 'A skipped ID number (`T006` → `T010`).'},
      suffixes: {enum: ['allow', 'warn', 'error'], description: 'A letter-suffixed ID (`T010a`).'}
    }
  },
  defaults: {style: 'generic', gaps: 'warn', suffixes: 'warn'},
  examples: {
    valid: [
      {
        title: 'spec-kit tasks with a gap allowed and an inserted task allowed',
        options: {style: 'spec-kit', gaps: 'allow', suffixes: 'allow'},
        markdown: `## Phase 1: Setup

- [x] T001 Create the sync module in src/sync/index.ts
- [ ] T002 [P] Add the queue in src/sync/queue.ts
- [ ] T005 Wire the queue in src/app.ts
- [ ] T005a Log queue size in src/sync/log.ts
`
      },
      {
        title: 'ai-first-sdlc task numbers follow their phase',
        options: {style: 'ai-first-sdlc'},
        markdown: `### Phase 2: Deployment

- [ ] **Task 2.1**: Add the gitignore deployment
- [ ] **Task 2.2**: Run a test deployment
`
      }
    ],
    invalid: [
      {
        title: 'Malformed, duplicate, missing and backward IDs',
        options: {style: 'spec-kit'},
        markdown: `## Phase 1: Setup

- [ ] T001 Create the sync module in src/sync/index.ts
- [ ] T2 Add the queue in src/sync/queue.ts
- [ ] T002 Wire the queue in src/app.ts
- [ ] Add logging in src/sync/log.ts
- [ ] T001 Document the queue in docs/sync.md
`,
        messages: [
          '4:7-4:9 Task ID "T2" is not in the form T000: write "T002"',
          '5:7-5:11 Duplicate task ID "T002" (first at line 4)',
          '6:1-6:37 Task line without a task ID (e.g. "T012")',
          '7:7-7:11 Duplicate task ID "T001" (first at line 3)'
        ]
      },
      {
        title: 'Gaps and suffixes are warnings by default; going back is an error',
        options: {style: 'spec-kit'},
        markdown: `- [ ] T001 Create src/a.ts
- [ ] T004 Create src/b.ts
- [ ] T004a Create src/c.ts
- [ ] T003 Create src/d.ts
`,
        messages: [
          '2:7-2:11 Task IDs skip from "T001" to "T004"',
          '3:7-3:12 Task ID "T004a" has a letter suffix: renumber when the plan settles',
          '4:7-4:11 Task ID "T003" comes after "T004a": IDs must increase through the plan'
        ]
      },
      {
        title: 'ai-first-sdlc task in the wrong phase',
        options: {style: 'ai-first-sdlc'},
        markdown: `### Phase 2: Deployment

- [ ] **Task 1.3**: Add the gitignore deployment
`,
        messages: ['3:9-3:17 Task "Task 1.3" is in Phase 2: number it 2.3']
      },
      {
        title: 'spec-maestro markers that do not match',
        options: {style: 'spec-maestro'},
        markdown: `<!-- TASK:BEGIN id=T002 -->

### T001: Add the board view

<!-- TASK:BEGIN id=T002 -->

### T002: Add drag and drop
`,
        messages: [
          '1:1-1:28 TASK:BEGIN id=T002 does not match the task heading "T001"',
          '1:1-1:28 TASK:BEGIN without a TASK:END before the next TASK:BEGIN',
          '5:1-5:28 TASK:BEGIN without a TASK:END'
        ]
      }
    ]
  },
  check(tree, file, options) {
    const list = tasks(tree, String(file.value), options.style)
    if (options.style === 'ai-first-sdlc') checkTaskNumbers(file, list)
    else checkTIds(file, list, options)
    if (options.style === 'spec-maestro') checkMaestroMarkers(tree, file, list)
  }
})

export default rule.plugin
