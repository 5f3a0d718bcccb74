/**
 * What a feature's documents say of its spec: the user stories a spec
 * defines (`### User Story 2 - Title (Priority: P1)`), the requirement IDs it
 * defines (`- **FR-001**: …`), and the requirement IDs any document cites.
 */
import type {Heading} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {FolderConventions} from '../family.js'
import {nodesOf} from '../walk.js'
import type {Plan, Token} from './index.js'

export interface Story {
  number: string
  title: string
  priority: number | undefined
  heading: Heading
  /** Whether its text has acceptance scenarios (`Given … When … Then`), where the family says how they read. */
  scenarios: boolean | undefined
}

export interface SpecModel {
  stories: Story[]
  /** Requirements as the spec defines them (the ID leading a list item, a table row or a heading), by ID, in order. */
  definitions: Map<string, Token[]>
  /** Every requirement ID the spec writes, defined or cited. */
  named: Set<string>
  /** Requirements defined with an ID written otherwise than the family's form (`FR-1`, `FR001`). */
  malformed: Token[]
}

const compiledOf = new WeakMap<FolderConventions, Compiled>()

interface Compiled {
  story: RegExp
  priority: RegExp
  requirement: RegExp
  scenario: RegExp | undefined
}

function compile(conventions: FolderConventions): Compiled {
  let compiled = compiledOf.get(conventions)
  if (!compiled) {
    compiled = {
      story: new RegExp(conventions.story, 'i'),
      priority: new RegExp(conventions.priority, 'i'),
      requirement: new RegExp(conventions.requirement, 'g'),
      scenario: conventions.scenario ? new RegExp(conventions.scenario) : undefined
    }
    compiledOf.set(conventions, compiled)
  }
  return compiled
}

/**
 * The requirement IDs a document cites in its text, in order: prose, lists,
 * tables and headings, not code (a sample) nor struck-through text (what went).
 */
export function requirementMentions(plan: Plan, conventions: FolderConventions): Token[] {
  const {requirement} = compile(conventions)
  const found: Token[] = []
  for (const {node, parent} of nodesOf(plan.tree)) {
    if (node.type !== 'text' || parent?.type === 'delete') continue
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined || plan.inSpill(start)) continue
    for (const match of plan.source.slice(start, end).matchAll(requirement)) {
      found.push({text: match[0], start: start + match.index, end: start + match.index + match[0].length})
    }
  }
  return found
}

const models = new WeakMap<Plan, SpecModel>()

/** The spec's stories and requirements, read once per spec document. */
export function specModel(plan: Plan, conventions: FolderConventions): SpecModel {
  let model = models.get(plan)
  if (model) return model
  const {story, priority, scenario} = compile(conventions)
  const stories: Story[] = []
  for (const section of plan.sections) {
    const match = story.exec(section.text.trim())
    if (!match) continue
    const ranked = priority.exec(section.text)
    const text = plan.body(section).map((node) => toString(node)).join('\n')
    stories.push({
      number: String(Number(match[1])),
      title: match[2]!.trim(),
      priority: ranked ? Number(ranked[1]) : undefined,
      heading: section.node,
      scenarios: scenario ? scenario.test(text) : undefined
    })
  }
  const definitions = new Map<string, Token[]>()
  const named = new Set<string>()
  for (const token of requirementMentions(plan, conventions)) {
    named.add(token.text)
    if (!definesRequirement(plan, token)) continue
    const list = definitions.get(token.text) ?? []
    list.push(token)
    definitions.set(token.text, list)
  }
  const malformed: Token[] = []
  if (conventions.requirementLike) {
    const strict = new RegExp(`^(?:${conventions.requirement})$`)
    for (const token of requirementMentions(plan, {...conventions, requirement: conventions.requirementLike})) {
      if (!strict.test(token.text) && definesRequirement(plan, token)) malformed.push(token)
    }
  }
  model = {stories, definitions, named, malformed}
  models.set(plan, model)
  return model
}

/**
 * Whether an ID is where a spec defines it: first on its line (`- **FR-001**:`,
 * `| FR-001 | …`, `### FR-001: …`, `FR-001: …`), marks and bullets aside.
 */
function definesRequirement(plan: Plan, token: Token): boolean {
  const lineStart = plan.source.lastIndexOf('\n', token.start - 1) + 1
  return /^[\s>]*(?:[-*+]\s+|\d+[.)]\s+|#{1,6}\s+|\|\s*)?(?:\[[ xX]\]\s+)?[*_`]*$/.test(plan.source.slice(lineStart, token.start))
}

/** A heading's text, for messages. */
export function headingText(heading: Heading): string {
  return toString(heading).trim()
}
