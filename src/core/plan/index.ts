/**
 * The plan model: a document read once, as its family describes it, that
 * every rule receives. The document's own part (outline, title, header
 * fields, task-ID mentions) is built once per tree; the family's part (its
 * tasks, the structure variant it matches, its conventions) once per tree
 * and family, however many rules ask.
 */
import type {Code, Heading, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Point} from 'unist'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {noFamily, type PresetSchema} from '../family.js'
import {headingKey, parseTaskId, tagFamily, tagLike, taskIdMention} from '../grammar.js'
import {nodesOf} from '../walk.js'
import {buildOutline, type Section} from './outline.js'
import {chooseVariant, type StructureMatch} from './structure.js'
import {templateWords} from '../template-index.js'
import {anyTasks, readTaskBlocks, readTasks, type Task, type TaskBlockComment, type Token} from './tasks.js'

export type {Section} from './outline.js'
export type {Task, TaskBlockComment, Token} from './tasks.js'

/** A bold label in the header, before the first second-level heading: `**Feature ID:** 042`. */
export interface HeaderField {
  /** The label's heading key (`feature id`). */
  key: string
  label: string
  /** The text after the label, trimmed. */
  value: string
  node: RootContent
}

/**
 * What the document itself does, learnt before it is judged: how it writes
 * task IDs, which bracket tags its tasks use, how it numbers its headings.
 */
export interface Conventions {
  taskIds: {
    /** How many tasks have an ID, and how many of those are `T` IDs of each digit count. */
    count: number
    digits: Map<number, number>
    /** Team prefixes used (`BE` of `BE-T005`), with how many tasks use each. */
    prefixes: Map<string, number>
    /** Whether the first task line writes its ID with a colon (`T001:`); undefined without task lines. */
    colon: boolean | undefined
  }
  /** The bracket markers on tasks (`P`, `US1`, `BILL`), with how many tasks carry each. */
  tags: Map<string, number>
  /** Tag families (`MODULE` of `[MODULE:auth]`, see `tagFamily`), with how many tasks carry one. */
  tagFamilies: Map<string, number>
  /** How many second-level sections there are, and how many of them are numbered. */
  numbering: {sections: number; numbered: number}
}

export interface Plan {
  tree: Root
  source: string
  /** The family the document is read as (`noFamily` for a rule used on its own). */
  family: PresetSchema
  /** The first-level heading. */
  title: Section | undefined
  /** Every top-level heading as a section, in document order. */
  sections: readonly Section[]
  fields: readonly HeaderField[]
  tasks: readonly Task[]
  /** Task block comments (`<!-- TASK:BEGIN id=T001 -->`), in order. */
  taskBlocks: readonly TaskBlockComment[]
  /** Task IDs mentioned in text (prose, tables, headings; not code), in order. */
  mentions: readonly Token[]
  conventions: Conventions
  /** The structure variant of the family the document follows, if the family has a structure. */
  structure: StructureMatch | undefined
  /** Whether that variant was named (`spec-kit/tasks`) rather than chosen from the document. */
  variantNamed: boolean
  /** The section a top-level heading starts (undefined for a nested heading). */
  sectionOf(heading: Heading): Section | undefined
  /** The nodes after a section's heading, subsections included. */
  body(section: Section): RootContent[]
  /** Text spilled out of a fenced block that closed early (see `Spill`). */
  spills: readonly Spill[]
  /** Whether a source offset is in spilled text. */
  inSpill(offset: number | undefined): boolean
  /** Line and column of a source offset. */
  pointAt(offset: number): Point | undefined
  /** Whether a bracket tag is one of the document's own conventions (on two tasks or more, or of a family of named tags that is). */
  isConventionalTag(tag: string): boolean
  /**
   * The user stories a section is for, by their numbers, as its heading
   * names them (the family's `storyPhase`): `Phase 3: User Story 1` is for
   * story 1, `User Stories 1 and 2` and `User Story 1 + US6` for two; none
   * for other sections, or where the family has no story phases.
   */
  storiesOf(section: Section | undefined): string[]
}

/** What rules are told about the document, beside its tree: set by the family plugin. */
export interface PlanContext {
  family: PresetSchema
  /** A structure variant forced by the preset name (`spec-kit/tasks`). */
  variant?: string
}

declare module 'vfile' {
  interface DataMap {
    planlint: PlanContext
  }
}

/** unified plugin: the family (and variant) the rules after it read the document as. */
export function planlintFamily(context: PlanContext = {family: noFamily}) {
  return (_tree: Root, file: VFile) => {
    file.data.planlint = context
  }
}

/**
 * A fenced block that holds a fence of its own (` ```markdown ` with a
 * ` ```bash ` inside) ends at the inner block's closing fence: what follows,
 * up to the next fence, is the rest of the block, spilled out as prose and
 * headings. CommonMark has it so; the author meant one block.
 */
export interface Spill {
  /** The block that closed early. */
  code: Code
  /** The inner opening fence's line, as written. */
  innerFence: string
  /** Source offsets of the spilled text: from the early close to the next fence. */
  start: number
  end: number
  /**
   * Whether the block is the fallout of an earlier spill: it opens at the
   * author's closing fence of the block that spilled (a bare fence), and
   * what it swallows is a block of its own that nests nothing (` ```bash `
   * and its closing fence). The earlier spill's message covers it.
   */
  fallout: boolean
  /** Whether the block ends at a bare fence the author meant to open an inner block (`innerFence` is that fence). */
  atOpening: boolean
}

interface DocumentPart {
  source: string
  pointAt(offset: number): Point | undefined
  sections: Section[]
  spills: Spill[]
  byHeading: Map<Heading, Section>
  title: Section | undefined
  fields: HeaderField[]
  plans: Map<PresetSchema, Map<string, Plan>>
}

const documents = new WeakMap<Root, DocumentPart>()

function headerFields(tree: Root): HeaderField[] {
  const fields: HeaderField[] = []
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth > 1) break
    if (node.type !== 'paragraph') continue
    for (const [index, child] of node.children.entries()) {
      if (child.type !== 'strong') continue
      const label = toString(child)
      const next = node.children[index + 1]
      const value = next && next.type === 'text' ? next.value.split('\n')[0]!.replace(/^\s*:?\s*/, '').trim() : ''
      fields.push({key: headingKey(label), label, value, node})
    }
  }
  return fields
}

function mentionsIn(tree: Root, source: string): Token[] {
  const found: Token[] = []
  for (const {node, parent} of nodesOf(tree)) {
    // Struck-through text (`~~T051~~ … removed`) is a record of what went, not a reference.
    if (node.type !== 'text' || parent?.type === 'delete') continue
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) continue
    // The source, not the value: an escaped or entity-encoded ID is not an ID.
    for (const match of source.slice(start, end).matchAll(taskIdMention)) {
      found.push({text: match[0], start: start + match.index, end: start + match.index + match[0].length})
    }
  }
  return found
}

function lazyLocator(source: string): (offset: number) => Point | undefined {
  let locator: ReturnType<typeof location> | undefined
  return (offset) => {
    locator ??= location(source)
    const point = locator.toPoint(offset)
    return point ? {line: point.line, column: point.column, offset} : undefined
  }
}

/**
 * The bare fence a Markdown block ends at where the author meant it to open
 * a block inside (a quoted file's "## Output Format" and its example): the
 * block's last line introduces something — a heading, a line ending in a
 * colon — that never comes, and the next block opens bare (the example's
 * closing fence). That fence, as written; undefined otherwise.
 */
function openedBare(code: Code, next: Code, source: string, end: number): string | undefined {
  if (!/^(?:markdown|md)$/i.test(code.lang ?? '')) return undefined
  // The example's own closing fence then opens the next block, bare, which the outer one's closes.
  const at = next.position!.start.offset!
  if (!/^ {0,3}(?:`{3,}|~{3,})[ \t]*(?:\n|$)/.test(source.slice(at, at + 40))) return undefined
  const closing = source.slice(source.lastIndexOf('\n', end - 1) + 1, end)
  if (!/^ {0,3}(?:`{3,}|~{3,})[ \t]*$/.test(closing)) return undefined
  const last = code.value.trimEnd().split('\n').at(-1) ?? ''
  return /^#{1,6} \S|:\s*$/.test(last) ? closing.trim() : undefined
}

function spillsIn(tree: Root, source: string): Spill[] {
  const codes = nodesOf(tree)
    .map(({node}) => node)
    .filter((node): node is Code => node.type === 'code' && node.position?.start.offset !== undefined)
  const spills: Spill[] = []
  codes.forEach((code, index) => {
    const start = code.position!.start.offset!
    const end = code.position!.end.offset!
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(source.slice(start, start + 40))?.[1]
    if (!fence) return
    const inner = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[^\\s\`~][^\\n]*$`, 'm').exec(code.value)
    if (!inner) {
      const next = codes[index + 1]
      const opening = next && openedBare(code, next, source, end)
      if (opening) {
        spills.push({code, innerFence: opening, start: end, end: next?.position?.start.offset ?? source.length, fallout: false, atOpening: true})
      }
      return
    }
    // The inner blocks that follow still pair up (an opening fence with its
    // language, a bare closing one); the author's closing fence of the outer
    // block is the first bare fence read as an opening one: the spill ends there.
    const next = codes.slice(index + 1).find((other) => {
      const at = other.position!.start.offset!
      return at >= end && /^ {0,3}(?:`{3,}|~{3,})[ \t]*$/m.test(source.slice(at, source.indexOf('\n', at) === -1 ? undefined : source.indexOf('\n', at)))
    })
    // The fence line after the inner opening one: a bare one closes it, and that inner block nests nothing.
    const afterInner = /^ {0,3}(?:`{3,}|~{3,})([^\n]*)$/m.exec(code.value.slice(inner.index + inner[0].length))
    const bareOpening = /^ {0,3}(?:`{3,}|~{3,})[ \t]*$/.test(source.slice(start, source.indexOf('\n', start) === -1 ? undefined : source.indexOf('\n', start)))
    const fallout = spills.length > 0 && bareOpening && (afterInner === null || afterInner[1]!.trim() === '')
    spills.push({code, innerFence: inner[0].trim(), start: end, end: next?.position?.start.offset ?? source.length, fallout, atOpening: false})
  })
  return spills
}

function documentPart(tree: Root, source: string): DocumentPart {
  let part = documents.get(tree)
  // Built once per tree, with its source (a part built without one has no spills).
  if (!part || (source !== '' && part.source !== source)) {
    const spills = source ? spillsIn(tree, source) : []
    // Spilled headings stay sections: which of them the author meant as the
    // plan's own cannot be told, and the structure rules judge what is there.
    const sections = buildOutline(tree)
    part = {
      source,
      pointAt: lazyLocator(source),
      spills,
      sections,
      byHeading: new Map(sections.map((section) => [section.node, section])),
      title: sections.find((section) => section.depth === 1),
      fields: headerFields(tree),
      plans: new Map()
    }
    documents.set(tree, part)
  }
  return part
}

function count<T>(map: Map<T, number>, key: T): void {
  map.set(key, (map.get(key) ?? 0) + 1)
}

function conventionsOf(tasks: readonly Task[], sections: readonly Section[]): Conventions {
  const digits = new Map<number, number>()
  const prefixes = new Map<string, number>()
  const tags = new Map<string, number>()
  const tagFamilies = new Map<string, number>()
  let identified = 0
  for (const task of tasks) {
    for (const marker of task.markers) count(tags, marker.text)
    for (const family of new Set(task.markers.map((marker) => tagFamily(marker.text)))) count(tagFamilies, family)
    if (!task.id) continue
    identified++
    const parsed = parseTaskId(task.id.text)
    if (!parsed) continue
    count(digits, parsed.digits)
    if (parsed.prefix) count(prefixes, parsed.prefix)
  }
  const firstLine = tasks.find((task) => task.id && task.node.type === 'listItem')
  const second = sections.filter((section) => section.depth === 2)
  return {
    taskIds: {count: identified, digits, prefixes, colon: firstLine?.colon},
    tags,
    tagFamilies,
    numbering: {sections: second.length, numbered: second.filter((section) => section.number).length}
  }
}

const storyPhases = new WeakMap<PresetSchema, RegExp | undefined>()

/** The family's `storyPhase`, compiled once per family. */
function storyPhaseOf(family: PresetSchema): RegExp | undefined {
  if (!storyPhases.has(family)) storyPhases.set(family, family.tasks?.storyPhase ? new RegExp(family.tasks.storyPhase) : undefined)
  return storyPhases.get(family)
}

/** A tag written as one capitalised word: `[Future]`, `[Polish]`. */
const capitalisedTag = /^[A-Z][a-z]+$/

/** The plan of `tree` read as `family`; built once per tree, family and variant. */
export function buildPlan(tree: Root, source: string, context: PlanContext = {family: noFamily}): Plan {
  const part = documentPart(tree, source)
  const {family, variant} = context
  let byVariant = part.plans.get(family)
  if (!byVariant) {
    byVariant = new Map()
    part.plans.set(family, byVariant)
  }
  const cached = byVariant.get(variant ?? '')
  if (cached) return cached

  const sectionOf = (heading: Heading) => part.byHeading.get(heading)
  const tasks = readTasks(tree, source, family.tasks ?? anyTasks, sectionOf)
  let mentions: Token[] | undefined
  const plan: Plan = {
    tree,
    source,
    family,
    title: part.title,
    sections: part.sections,
    fields: part.fields,
    tasks,
    taskBlocks: family.tasks?.blockComments ? readTaskBlocks(tree) : [],
    get mentions() {
      mentions ??= mentionsIn(tree, source)
      return mentions
    },
    conventions: conventionsOf(tasks, part.sections),
    structure: family.structure ? chooseVariant(part.sections, family.structure, variant) : undefined,
    variantNamed: variant !== undefined,
    sectionOf,
    body: (section) => tree.children.slice(section.index + 1, section.end),
    spills: part.spills,
    inSpill: (offset) => offset !== undefined && part.spills.some((spill) => offset >= spill.start && offset < spill.end),
    pointAt: part.pointAt,
    isConventionalTag: (tag) => {
      // `[CORE]` on two tasks or more, or one of a family of named tags
      // (`[MODULE:auth]` beside `[MODULE:cli]`); a bare `[US]` among `[US1]`s is not.
      // A capitalised word is a convention on three tasks or more (`[Setup]`
      // on a phase's tasks, `[Future]` on deferred ones), unless the family's
      // template writes it as a placeholder (`[Description]`).
      const templates = plan.family.templates ?? []
      const onThree = (plan.conventions.tags.get(tag) ?? 0) >= 3 && !templates.some((template) => templateWords(template).has(tag))
      if (capitalisedTag.test(tag)) return onThree
      // Any label of its own on three tasks or more (`[Foundation-US6]`, `[Code Review]`) is the plan's convention.
      if (onThree && /^[\p{L}\d][\p{L}\d :_/.-]*$/u.test(tag)) return true
      if (!tagLike.test(tagFamily(tag))) return false
      if ((plan.conventions.tags.get(tag) ?? 0) >= 2) return true
      return tag !== tagFamily(tag) && /[:_/-]/.test(tag) && (plan.conventions.tagFamilies.get(tagFamily(tag)) ?? 0) >= 2
    },
    storiesOf: (section) => {
      const pattern = storyPhaseOf(family)
      const named = section && pattern?.exec(section.key)?.[1]
      return named ? named.split(/\D+/).filter(Boolean) : []
    }
  }
  byVariant.set(variant ?? '', plan)
  return plan
}

/** The plan a rule receives: the tree read as the family the file was given (see `planlintFamily`). */
export function planOf(tree: Root, file: VFile): Plan {
  const context = file.data.planlint
  return buildPlan(tree, String(file.value), context)
}

/** What a document says before it is read as any family: its outline and header fields (detection, tests). */
export function documentOf(tree: Root, source: string): {sections: readonly Section[]; fields: readonly HeaderField[]} {
  return documentPart(tree, source)
}
