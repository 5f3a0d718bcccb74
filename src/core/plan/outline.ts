/**
 * The section outline of a plan, built once from the mdast tree: every
 * top-level heading with its level, text, matching key, leading number and
 * the nodes of its body. Headings inside code, lists or quotes are not
 * sections. Rules read this instead of re-walking the tree.
 */
import type {Heading, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {foldAccents} from '../blocks.js'

export interface Section {
  node: Heading
  depth: number
  /** The heading's plain text. */
  text: string
  /** Text for matching: see `headingKey`. */
  key: string
  /** Index of the heading in `tree.children`. */
  index: number
  /** Index in `tree.children` where the section ends (exclusive): the next heading of the same or higher rank. */
  end: number
}

// Words that real authors append to a heading to show progress; they are not
// part of the section's name (`## Phase 1: Setup ✅ COMPLETE`, `🎯 MVP`).
const statusWords = /(?: (?:complete|completed|done|mvp|wip|in progress|not started|blocked|optional|required|draft|updated))+$/

/**
 * A heading's identity for matching: case, accents, punctuation, emoji and
 * spacing ignored, `&` read as `and`, leading numbering (`11.`, `1.2`) and
 * trailing status words dropped. `## 11. Risks & Mitigation ✅` → `risks and mitigation`.
 */
export function headingKey(text: string): string {
  const folded = foldAccents(text).toLowerCase()
  // ASCII (most headings) needs no Unicode classes, which are slower.
  const ascii = !/[^\x00-\x7f]/.test(folded)
  return folded
    .replace(/&/g, ' and ')
    .replace(ascii ? /[^a-z0-9]+/g : /[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(?:\d+ )+(?=\p{L})/u, '')
    .replace(statusWords, '')
    .trim()
}

const outlines = new WeakMap<Root, Section[]>()
const sectionsByHeading = new WeakMap<Heading, Section>()

/** The outline of `tree`, computed once per tree however many rules ask. */
export function outline(tree: Root): Section[] {
  let sections = outlines.get(tree)
  if (sections) return sections
  sections = []
  const children: RootContent[] = tree.children
  // Sections still open: a heading closes every open section of its rank or lower.
  const open: Section[] = []
  children.forEach((node, index) => {
    if (node.type !== 'heading') return
    while (open.length > 0 && open[open.length - 1]!.depth >= node.depth) open.pop()!.end = index
    const text = toString(node)
    const section: Section = {node, depth: node.depth, text, key: headingKey(text), index, end: children.length}
    sections!.push(section)
    sectionsByHeading.set(node, section)
    open.push(section)
  })
  outlines.set(tree, sections)
  return sections
}

/** The section a top-level heading of `tree` starts (undefined for a nested heading). */
export function sectionOf(tree: Root, heading: Heading): Section | undefined {
  outline(tree)
  return sectionsByHeading.get(heading)
}

/** The body of a section: the nodes after its heading, subsections included. */
export function sectionBody(tree: Root, section: Section): RootContent[] {
  return tree.children.slice(section.index + 1, section.end)
}
