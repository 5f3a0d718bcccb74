/**
 * The section outline of a plan, built once from the mdast tree: every
 * top-level heading with its level, text, matching key, leading number and
 * the nodes of its body. Headings inside code, lists or quotes are not
 * sections. Rules read this instead of re-walking the tree.
 */
import type {Heading, Root, RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {headingKey, numberedHeading} from '../grammar.js'

export interface Section {
  node: Heading
  depth: number
  /** The heading's plain text. */
  text: string
  /** Text for matching: see `headingKey`. */
  key: string
  /** The key without a trailing aside: `Technical Context (RiskInsure Stack)` → `technical context`. */
  bareKey: string
  /** The trailing aside's own key, where a localised heading gives the template's name there: `헌장 준수 검증 (Constitution Check)` → `constitution check`. */
  asideKey?: string
  /** Index of the heading in `tree.children`. */
  index: number
  /** Index in `tree.children` where the section ends (exclusive): the next heading of the same or higher rank. */
  end: number
  /** The heading's number (`## 2.`, `### Phase 3.2:`), if it has one. */
  number: SectionNumber | undefined
}

export interface SectionNumber {
  /** The series word, lower case (`phase`, `step`), or `` for a bare number. */
  series: string
  parts: number[]
  /** `Phase 8b`: a letter after the number. */
  suffix: boolean
}

/** A parenthetical at the end of a heading, ASCII or full-width: `(RiskInsure Stack)`, `（共享基礎設施）`. */
const trailingAside = /\s*[(（][^()（）]*[)）]\s*$/

function numberOf(text: string): SectionNumber | undefined {
  const match = numberedHeading.exec(text.trim())
  if (!match) return undefined
  return {series: (match[1] ?? '').toLowerCase(), parts: match[2]!.split('.').map(Number), suffix: match[3] !== undefined}
}

/** The outline of `tree`: its top-level headings as sections, in order. */
export function buildOutline(tree: Root): Section[] {
  const sections: Section[] = []
  const children: RootContent[] = tree.children
  // Sections still open: a heading closes every open section of its rank or lower.
  const open: Section[] = []
  children.forEach((node, index) => {
    if (node.type !== 'heading') return
    while (open.length > 0 && open[open.length - 1]!.depth >= node.depth) open.pop()!.end = index
    // A setext heading spans lines: its text is one line, whatever the line endings.
    const text = toString(node).replace(/\s*\r?\n\s*/g, ' ')
    const key = headingKey(text)
    const bare = text.replace(trailingAside, '')
    const aside = bare === text ? undefined : headingKey(text.slice(bare.length).replace(/^\s*[(（]|[)）]\s*$/g, ''))
    const section: Section = {
      node,
      depth: node.depth,
      text,
      key,
      bareKey: bare === text ? key : headingKey(bare),
      ...(aside ? {asideKey: aside} : {}),
      index,
      end: children.length,
      number: numberOf(text)
    }
    sections.push(section)
    open.push(section)
  })
  return sections
}
