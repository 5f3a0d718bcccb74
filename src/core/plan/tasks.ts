/**
 * The tasks of a plan, read from the tree once: list items (their checkbox
 * and the first text of their paragraph), task headings, and task block
 * comments, as the family's task conventions say tasks are written. Each
 * task knows its ID token and where it stands, its bracket markers, the
 * phase (H2 or H3) it is in, and the task IDs its text mentions.
 */
import type {Heading, Html, ListItem, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {TaskConventions} from '../family.js'
import {
  idListLine,
  markerAfterId,
  markerBeforeId,
  phaseKey,
  phaseStepIdAtStart,
  phaseStepTaskLine,
  statusBeforeId,
  taskBlockBegin,
  taskBlockEnd,
  taskHeading,
  bareTaskHeading,
  idRunningIntoWord,
  taskIdAtStart,
  taskIdMention,
  gluedTask
} from '../grammar.js'
import {nodesOf} from '../walk.js'
import type {Section} from './outline.js'

/** A token in the source: its text and start/end offsets. */
export interface Token {
  text: string
  start: number
  end: number
}

export interface Task {
  node: ListItem | Heading
  /** The ID as written (`T012`, `t12`, `T-012`, `BE-T005`, `Task 1.2`), or undefined for a task line without one. */
  id: Token | undefined
  /** `T012:` rather than `T012` (spec-kit's merged template). */
  colon: boolean
  /** Bracket markers right after the ID (`[P]`, `[US1]`), in order; before it where the family writes them so. */
  markers: Token[]
  /** The task's text after its ID (the whole item, for a file path or a reference). */
  description: string
  /** The second-level section (phase) the task is in, and the nearest third-level one. */
  phase: Section | undefined
  subphase: Section | undefined
  /** Task IDs the task's text mentions (`depends on T012`). */
  references: Token[]
  /** A status word written before the ID (`SKIP: T039`), upper case. */
  status?: string
  /** A checkbox written escaped (`- \\[ \\] T135`), which renders as text: its source span. */
  escapedCheckbox?: Token
  /** Tasks written on this task's line (`… errors- [ ] T050A Add …`, a lost line break): their IDs. */
  glued?: Token[]
}

/** The conventions of a family that says nothing of its tasks. */
export const anyTasks: TaskConventions = {id: 'any'}

interface Located {
  value: string
  offset: number
}

/**
 * The leading text of a list item's first paragraph (or a heading), with
 * where it starts in the source. Strong text counts (`**Task 1.2**:`);
 * inline code ends it.
 */
function leadingText(node: ListItem | Heading): Located | undefined {
  const block = node.type === 'listItem' ? node.children[0] : node
  if (!block || (block.type !== 'paragraph' && block.type !== 'heading')) return undefined
  let value = ''
  let offset: number | undefined
  for (const child of block.children) {
    // `- [x] ✅ **T001 …**`: a status mark before a bold task is not its text.
    if (offset === undefined && child.type === 'text' && statusMarkAlone.test(child.value)) continue
    if (child.type === 'text' || child.type === 'strong' || child.type === 'emphasis') {
      const start = child.position?.start.offset
      if (offset === undefined) {
        if (start === undefined) return undefined
        // `**Task 1.2**`: the text starts after the two markers.
        offset = child.type === 'text' ? start : start + 2
      }
      value += toString(child)
      if (child.type !== 'text' && value.length > 40) break
    } else {
      break
    }
  }
  return offset === undefined ? undefined : {value, offset}
}

function idPattern(conventions: TaskConventions): RegExp {
  return conventions.id === 'phase.step' ? phaseStepIdAtStart : taskIdAtStart
}

function readTask(node: ListItem | Heading, source: string, conventions: TaskConventions): Omit<Task, 'phase' | 'subphase'> | undefined {
  const lead = leadingText(node)
  if (!lead) return undefined
  const leading = lead.value.match(/^\s*/)![0].length
  let rest = lead.value.slice(leading)
  let at = lead.offset + leading
  let id: Token | undefined

  // `- \[ \] T135 …`: a checkbox escaped (by an editor or a converter) is
  // text, but the line is still the task it was meant to be.
  const escaped = node.type === 'listItem' ? escapedBox.exec(source.slice(at, at + 12)) : null
  let escapedCheckbox: Token | undefined
  if (escaped) {
    escapedCheckbox = {text: escaped[0].trimEnd(), start: at, end: at + escaped[0].trimEnd().length}
    rest = rest.replace(/^\[[ xX]\]\s+/, '')
    at += escaped[0].length
  }
  // `- [x] ✅ T001 …`: a status mark before the ID.
  const mark = statusMark.exec(rest)
  if (mark) {
    rest = rest.slice(mark[0].length)
    at += mark[0].length
  }
  // `- [~] T012 …`: a checkbox state of the plan's own (partly done, dropped).
  const state = node.type === 'listItem' ? statusBox.exec(rest) : null
  if (state) {
    rest = rest.slice(state[0].length)
    at += state[0].length
  }

  const preMarkers: Token[] = []
  // Markers before the ID where the family writes them so, or where a plain
  // item puts them in the checkbox's place (`- [P] **T002** …`).
  if (conventions.markersBeforeId || (conventions.plainItems && markedIdAtStart(rest))) {
    for (let match = markerBeforeId.exec(rest); match; match = markerBeforeId.exec(rest)) {
      preMarkers.push({text: match[1]!, start: at + 1, end: at + 1 + match[1]!.length})
      at += match[0].length
      rest = rest.slice(match[0].length)
    }
  }

  const statusMatch = conventions.id === 'phase.step' ? null : statusBeforeId.exec(rest)
  const status = statusMatch?.[1]
  if (statusMatch) {
    rest = rest.slice(statusMatch[0].length)
    at += statusMatch[0].length
  }
  const match = idPattern(conventions).exec(rest)
  if (match) {
    id = {text: match[0], start: at, end: at + match[0].length}
    rest = rest.slice(match[0].length)
    at += match[0].length
  }
  const colon = /^\s*:/.test(rest)
  if (colon) {
    const skip = rest.indexOf(':') + 1
    rest = rest.slice(skip)
    at += skip
  }

  const markers = [...preMarkers]
  for (let marker = markerAfterId.exec(rest); id && marker; marker = markerAfterId.exec(rest)) {
    const start = at + marker[0].indexOf('[') + 1
    markers.push({text: marker[1]!, start, end: start + marker[1]!.length})
    rest = rest.slice(marker[0].length)
    at += marker[0].length
  }

  // The source of the whole item, for references (`depends on T012`) and file paths in code.
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  const description = start !== undefined && end !== undefined && id ? source.slice(id.end, end) : rest
  const references: Token[] = []
  const glued: Token[] = []
  if (id && start !== undefined && end !== undefined) {
    const from = id.end
    for (const task of source.slice(from, end).matchAll(gluedTask)) {
      const at = from + task.index + task[0].length - task[1]!.length
      glued.push({text: task[1]!, start: at, end: at + task[1]!.length})
    }
    for (const reference of source.slice(from, end).matchAll(taskIdMention)) {
      const place = from + reference.index
      if (glued.some((task) => task.start === place)) continue
      references.push({text: reference[0], start: place, end: place + reference[0].length})
    }
  }
  return {
    node,
    id,
    colon,
    markers,
    description,
    references,
    ...(status ? {status} : {}),
    ...(escapedCheckbox ? {escapedCheckbox} : {}),
    ...(glued.length > 0 ? {glued} : {})
  }
}

/**
 * Whether a list item is a task line (it may lack its ID): a checkbox item,
 * or — real plans drop checkboxes — where the family allows it, a plain item
 * in a phase that starts with an ID and a description. `- T004, T005 can run
 * in parallel` under "Parallel Examples" mentions tasks; it defines none.
 */
function isTaskItem(node: ListItem, conventions: TaskConventions, phase: Section | undefined): boolean {
  const lead = leadingText(node)?.value.trim() ?? ''
  if (conventions.id === 'phase.step') return phaseStepTaskLine.test(lead)
  if (node.checked !== null && node.checked !== undefined) return true
  if (/^\[[ xX]\]\s/.test(lead) && taskIdAtStart.test(lead.slice(3).trimStart())) return true
  if (statusBox.test(lead) && taskIdAtStart.test(lead.replace(statusBox, ''))) return true
  const inPhase = phase !== undefined && phaseKey.test(phase.key)
  return conventions.plainItems === true && inPhase && (taskIdAtStart.test(lead) || markedIdAtStart(lead)) && !idListLine.test(lead) && !idRunningIntoWord.test(lead)
}

/** A checkbox state of a plan's own, written where a checkbox goes: `[~]`, `[-]`, `[/]`. */
const statusBox = /^\[[~\-/>!?]\]\s+/
/** A status mark written before a task (done, not done, in progress, blocked). */
const statusMark = /^[✅☑✔✓❌✗⬜🔲⏳🚧🔄⏸]\uFE0F?\s+/u
const statusMarkAlone = /^\s*[✅☑✔✓❌✗⬜🔲⏳🚧🔄⏸]\uFE0F?\s*$/u

/** An escaped checkbox at the start of a list item's source: `\\[ \\] `, `\\[x\\] `. */
const escapedBox = /^\\\[[ xX]\\\]\s+/

/** Whether text starts with bracket markers and then a task ID: `[P] T002 …`. */
function markedIdAtStart(text: string): boolean {
  let rest = text
  // A mark without a letter or digit (`[~]`, `[-]`) is a checkbox's state, not a marker.
  for (let match = markerBeforeId.exec(rest); match && /\w/.test(match[1]!); match = markerBeforeId.exec(rest)) rest = rest.slice(match[0].length)
  return rest !== text && taskIdAtStart.test(rest)
}

function isTaskHeading(node: Heading, conventions: TaskConventions, bareAt: ReadonlySet<number> = new Set()): boolean {
  if (!conventions.headings || node.depth < 3) return false
  const text = toString(node).trim()
  if (conventions.id === 'phase.step') return phaseStepIdAtStart.test(text)
  return taskHeading.test(text) || (bareAt.has(node.depth) && bareTaskHeading.test(text))
}

/**
 * The heading levels where a plan writes two tasks or more as headings
 * (`### T002 [P] Node handler`): there, a heading that starts with an ID and
 * goes straight on to its description (`### T013 Unity ProfilerHandler.Start`)
 * is a task too. Alone, such a heading may be any section.
 */
function bareTaskHeadingLevels(tree: Root, conventions: TaskConventions): Set<number> {
  const counts = new Map<number, number>()
  if (conventions.headings && conventions.id !== 'phase.step') {
    for (const {node} of nodesOf(tree)) if (node.type === 'heading' && isTaskHeading(node, conventions)) counts.set(node.depth, (counts.get(node.depth) ?? 0) + 1)
  }
  return new Set([...counts].filter(([, count]) => count >= 2).map(([depth]) => depth))
}

/** The tasks of `tree`, in document order. */
export function readTasks(
  tree: Root,
  source: string,
  conventions: TaskConventions,
  sectionOf: (heading: Heading) => Section | undefined
): Task[] {
  const found: Task[] = []
  let phase: Section | undefined
  let subphase: Section | undefined
  const bareAt = bareTaskHeadingLevels(tree, conventions)
  for (const {node} of nodesOf(tree)) {
    if (node.type === 'heading') {
      // Headings are visited in order: track the section we are in.
      const section = sectionOf(node)
      if (section) {
        if (section.depth <= 2) {
          phase = section.depth === 2 ? section : undefined
          subphase = undefined
        } else if (section.depth === 3) {
          subphase = section
        }
      }
      if (isTaskHeading(node, conventions, bareAt)) {
        const task = readTask(node, source, conventions)
        if (task) found.push({...task, phase, subphase})
      }
      continue
    }
    if (node.type === 'listItem' && isTaskItem(node, conventions, phase)) {
      const task = readTask(node, source, conventions)
      // A checkbox item without an ID is a task only where the family writes IDs.
      if (task && (task.id || conventions.id !== 'any')) found.push({...task, phase, subphase})
    }
  }
  return withoutCitations(found)
}

/**
 * A checklist that closes a plan cites the tasks it verifies (`- [x] T061:
 * client uses SHA-256` under "Validation Checklist"): an item outside the
 * phases with the ID of a task defined in one is that citation, not a
 * second task.
 */
function withoutCitations(tasks: Task[]): Task[] {
  const inPhase = (task: Task) => task.phase !== undefined && phaseKey.test(task.phase.key)
  const defined = new Set(tasks.filter((task) => task.id && inPhase(task)).map((task) => task.id!.text.toUpperCase()))
  // Inside a phase too, a summary item that repeats an earlier task's ID in
  // another style than the plan's tasks (`- [x] T028.1: model chosen (see above)`
  // among `- [x] T028.1 Implement …` lines) cites it.
  const style = tasks.find((task) => task.id && task.node.type === 'listItem')?.colon
  const seen = new Set<string>()
  return tasks.filter((task) => {
    if (!task.id) return true
    const id = task.id.text.toUpperCase()
    // `- [x] T030.2~T030.6: …` sums up a range of tasks listed elsewhere.
    const range = /^\s*(?:~|–|—|to\b)\s*(?:[A-Z]{1,4}-)?T\d/.test(task.description)
    const cites = (!inPhase(task) && defined.has(id)) || (seen.has(id) && (task.colon !== style || range))
    seen.add(id)
    return !cites
  })
}

/** A task block comment: `<!-- TASK:BEGIN id=T001 -->` or `<!-- TASK:END -->`. */
export interface TaskBlockComment {
  node: Html
  kind: 'begin' | 'end'
  id: string | undefined
}

export function readTaskBlocks(tree: Root): TaskBlockComment[] {
  const comments: TaskBlockComment[] = []
  for (const node of tree.children) {
    if (node.type !== 'html') continue
    const value = node.value.trim()
    const begin = taskBlockBegin.exec(value)
    if (begin) comments.push({node, kind: 'begin', id: begin[1]})
    else if (taskBlockEnd.test(value)) comments.push({node, kind: 'end', id: undefined})
  }
  return comments
}
