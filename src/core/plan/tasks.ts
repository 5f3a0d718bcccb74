/**
 * The tasks of a plan, read from the tree once: list items (their checkbox
 * and the first text of their paragraph), task headings, and spec-maestro's
 * TASK:BEGIN/END comments. Each task knows its ID token and where it stands,
 * its bracket markers, the phase (H2 or H3) it is in, and the task IDs its
 * text refers to. The task rules read this; none of them re-walks the tree.
 */
import type {Heading, Html, ListItem, Root} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {nodesOf} from '../walk.js'
import {sectionOf, type Section} from './outline.js'

export type TaskStyle = 'spec-kit' | 'ai-first-sdlc' | 'spec-maestro' | 'generic'

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
  /** Bracket markers right after the ID (`[P]`, `[US1]`), in order. */
  markers: Token[]
  /** The task's text after ID and markers. */
  description: string
  /** The second-level section (phase) the task is in, and the nearest third-level one. */
  phase: Section | undefined
  subphase: Section | undefined
  /** Task IDs the task's text mentions (`depends on T012`). */
  references: Token[]
}

/** spec-kit, spec-maestro and generic IDs, canonical or not: `T012`, `t12`, `T-0012`, `BE-T005`, `T010a`. */
export const idLike = /^(?:[A-Z]{1,4}-)?[Tt]-?\d{1,5}[a-z]?\b/
const taskNumber = /^Task\s+(\d+)\.(\d+)\b/i
const referencePattern = /\b(?:[A-Z]{1,4}-)?T\d{3,4}[a-z]?\b/g

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

function readTask(node: ListItem | Heading, source: string, style: TaskStyle): Omit<Task, 'phase' | 'subphase'> | undefined {
  const lead = leadingText(node)
  if (!lead) return undefined
  const leading = lead.value.match(/^\s*/)![0].length
  let rest = lead.value.slice(leading)
  let at = lead.offset + leading
  let id: Token | undefined

  // ai-first-sdlc's compressed form puts markers first: `[P] Task 1.1: …`.
  const preMarkers: Token[] = []
  if (style === 'ai-first-sdlc') {
    for (let match = /^\[([^\]\s]{1,10})\]\s*/.exec(rest); match; match = /^\[([^\]\s]{1,10})\]\s*/.exec(rest)) {
      preMarkers.push({text: match[1]!, start: at + 1, end: at + 1 + match[1]!.length})
      at += match[0].length
      rest = rest.slice(match[0].length)
    }
  }

  const match = style === 'ai-first-sdlc' ? taskNumber.exec(rest) : idLike.exec(rest)
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
  for (let marker = /^\s*\[([^\]\n]{1,20})\]/.exec(rest); id && marker; marker = /^\s*\[([^\]\n]{1,20})\]/.exec(rest)) {
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
  if (id && start !== undefined && end !== undefined) {
    const from = id.end
    for (const reference of source.slice(from, end).matchAll(referencePattern)) {
      references.push({text: reference[0], start: from + reference.index, end: from + reference.index + reference[0].length})
    }
  }
  return {node, id, colon, markers, description, references}
}

/**
 * Whether a list item is a task line of this style (it may lack its ID): a
 * checkbox item, or — real plans drop checkboxes — a plain item in a phase
 * that starts with an ID and a description. `- T004, T005 can run in
 * parallel` under "Parallel Examples" mentions tasks; it defines none.
 */
function isTaskItem(node: ListItem, style: TaskStyle, phase: Section | undefined): boolean {
  const lead = leadingText(node)?.value.trim() ?? ''
  if (style === 'ai-first-sdlc') return /^(?:\[[^\]]+\]\s*)*Task\s+\d/i.test(lead)
  if (node.checked !== null && node.checked !== undefined) return true
  const inPhase = phase !== undefined && /^(?:phase|final phase)\b/.test(phase.key)
  return style !== 'generic' && inPhase && idLike.test(lead) && !/^\S+\s*[,/&–—-]/.test(lead)
}

function isTaskHeading(node: Heading, style: TaskStyle): boolean {
  const text = toString(node).trim()
  if (style === 'ai-first-sdlc') return node.depth >= 3 && taskNumber.test(text)
  return style !== 'generic' && node.depth >= 3 && /^[Tt]-?\d{1,5}[a-z]?\s*:/.test(text)
}

const cache = new WeakMap<Root, Map<TaskStyle, Task[]>>()

/** The tasks of `tree`, in document order; computed once per tree and style. */
export function tasks(tree: Root, source: string, style: TaskStyle): Task[] {
  let byStyle = cache.get(tree)
  if (!byStyle) {
    byStyle = new Map()
    cache.set(tree, byStyle)
  }
  const cached = byStyle.get(style)
  if (cached) return cached

  const found: Task[] = []
  let phase: Section | undefined
  let subphase: Section | undefined
  for (const {node} of nodesOf(tree)) {
    if (node.type === 'heading') {
      // Headings are visited in order: track the section we are in.
      const section = sectionOf(tree, node)
      if (section) {
        if (section.depth <= 2) {
          phase = section.depth === 2 ? section : undefined
          subphase = undefined
        } else if (section.depth === 3) {
          subphase = section
        }
      }
      if (isTaskHeading(node, style)) {
        const task = readTask(node, source, style)
        if (task) found.push({...task, phase, subphase})
      }
      continue
    }
    if (node.type === 'listItem' && isTaskItem(node, style, phase)) {
      const task = readTask(node, source, style)
      if (task && (task.id || style !== 'generic')) found.push({...task, phase, subphase})
    }
  }
  byStyle.set(style, found)
  return found
}

/**
 * The canonical form of a task ID, `t12` → `T012`, `T-0012` → `T012`
 * (`BE-T005` keeps its prefix); undefined when there is no sure form.
 */
export function correctedId(id: string): string | undefined {
  const match = /^(?:([A-Z]{1,4})-)?[Tt]-?(\d{1,5})([a-z]?)$/.exec(id)
  if (!match) return undefined
  const digits = String(Number(match[2]))
  if (digits.length > 3) return undefined
  return `${match[1] ? `${match[1]}-` : ''}T${digits.padStart(3, '0')}${match[3]}`
}

/** spec-maestro's `<!-- TASK:BEGIN id=T001 -->` and `<!-- TASK:END -->` comments. */
export interface TaskMarker {
  node: Html
  kind: 'begin' | 'end'
  id: string | undefined
}

export function taskMarkers(tree: Root): TaskMarker[] {
  const markers: TaskMarker[] = []
  for (const node of tree.children) {
    if (node.type !== 'html') continue
    const begin = /^<!--\s*TASK:BEGIN\b(?:\s+id=([^\s>]+))?\s*-->$/.exec(node.value.trim())
    if (begin) markers.push({node, kind: 'begin', id: begin[1]})
    else if (/^<!--\s*TASK:END\s*-->$/.test(node.value.trim())) markers.push({node, kind: 'end', id: undefined})
  }
  return markers
}

