/**
 * The text blocks of a document that can be template text: paragraphs
 * (including those in list items and quotes), table body rows, HTML comments
 * and code blocks. Headings are structure, not text, and are left out.
 * The same extraction indexes the shipped templates and reads a plan, so the
 * two always agree on what a block is.
 */
import type {Code, Html, Paragraph, Root, TableRow} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {nodesOf} from './walk.js'

export type BlockKind = 'paragraph' | 'row' | 'comment' | 'code'

export interface Block {
  kind: BlockKind
  /** Normalised text: what two blocks are compared by. */
  key: string
  node: Paragraph | TableRow | Html | Code
}

/** NFKD decomposition, skipped for ASCII text, which it never changes (most plans). */
export function foldAccents(text: string): string {
  return /[^\x00-\x7f]/.test(text) ? text.normalize('NFKD') : text
}

/**
 * Case, punctuation, emoji, Markdown syntax and spacing are not what makes
 * text template text; the words are. Accents are folded so that mojibake
 * emoji and real emoji both vanish.
 */
export function normalise(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

/** Code is compared line by line, ignoring indentation and trailing space. */
export function normaliseCode(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n')
}

const commentPattern = /^<!--([\s\S]*?)-->$/

export function extractBlocks(tree: Root): Block[] {
  const blocks: Block[] = []
  for (const {node, parent} of nodesOf(tree)) {
    switch (node.type) {
      case 'paragraph':
        blocks.push({kind: 'paragraph', key: normalise(toString(node)), node})
        break
      case 'table':
        // The header row is the table's structure; body rows are content.
        for (const row of node.children.slice(1)) {
          blocks.push({kind: 'row', key: normalise(row.children.map((cell) => toString(cell)).join(' | ')), node: row})
        }
        break
      case 'html': {
        const comment = commentPattern.exec(node.value.trim())
        // A comment inside a paragraph or a table cell is content, not a block.
        if (comment && parent?.type !== 'paragraph' && parent?.type !== 'tableCell') {
          blocks.push({kind: 'comment', key: normalise(comment[1]!), node})
        }
        break
      }
      case 'code':
        blocks.push({kind: 'code', key: normaliseCode(node.value), node})
        break
      default:
        break
    }
  }
  return blocks
}
