/**
 * Each family's main template (presets/templates/<family>.md): linting a template reports every
 * placeholder line outside code, and every code block left as it is; a plan
 * written from each template (fixtures/filled/) reports nothing.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {visit} from 'unist-util-visit'
import {describe, expect, it} from 'vitest'
import {presets} from '../presets/index.js'
import {lint} from '../src/engine/run.js'
import {syntaxPlugins} from '../src/core/syntax.js'
import {familyTemplates} from './corpus.js'
import {root, templatesDir} from './paths.js'

const families = familyTemplates(templatesDir).map((template) => template.preset)

function parse(text: string): Root {
  return unified().use(remarkParse).use({plugins: syntaxPlugins}).parse(text)
}

// A deliberately loose, independent notion of "this line has a placeholder":
// any bracketed or braced text with a letter, or a fill-in word, in prose.
const loosePlaceholder = /\[[^\]\n]*[A-Za-z][^\]\n]*\]|\{[A-Za-z][^}\n]*\}|NEEDS CLARIFICATION|\bTBD\b|\bTODO\b|\bTXXX\b/g
// spec-kit's task markers are content, not placeholders.
const realMarkers = /\[(?:P\??|US\d+|Story|ID)\]/g

function placeholderLines(tree: Root): number[] {
  const lines = new Set<number>()
  visit(tree, 'text', (node) => {
    const value = node.value.replace(realMarkers, '')
    const start = node.position!.start.line
    for (const match of value.matchAll(loosePlaceholder)) {
      lines.add(start + (value.slice(0, match.index).match(/\n/g)?.length ?? 0))
    }
  })
  return [...lines].sort((a, b) => a - b)
}

function codeBlockLines(tree: Root): number[] {
  const lines: number[] = []
  visit(tree, 'code', (node) => {
    if (node.value.split('\n').filter((line) => line.trim() !== '').length >= 2) lines.push(node.position!.start.line)
  })
  return lines
}

it('every family with a structure has its template', () => {
  expect(families.length).toBe(presets.filter((preset) => preset.structure).length)
})

describe.each(families.map((family) => [family]))('%s template', (family) => {
  const text = readFileSync(join(templatesDir, `${family}.md`), 'utf8')
  const tree = parse(text)

  it('reports every placeholder line outside code (no-placeholders)', async () => {
    const {messages} = await lint({path: `${family}.md`, text}, {preset: family, config: false})
    const reported = new Set(messages.filter((m) => m.ruleId === 'no-placeholders').map((m) => m.line))
    const expected = placeholderLines(tree)
    expect(expected.length).toBeGreaterThan(5)
    expect(expected.filter((line) => !reported.has(line))).toEqual([])
  })

  it('reports every code block left as the template has it (no-template-text)', async () => {
    const {messages} = await lint({path: `${family}.md`, text}, {preset: family, config: false})
    const reported = new Set(messages.filter((m) => m.ruleId === 'no-template-text').map((m) => m.line))
    expect(codeBlockLines(tree).filter((line) => !reported.has(line))).toEqual([])
  })

  it('a plan written from it reports nothing (fixtures/filled)', async () => {
    const filled = readFileSync(join(root, 'fixtures/filled', `${family}.md`), 'utf8')
    const {messages} = await lint({path: `${family}.md`, text: filled}, {preset: family, config: false})
    expect(messages).toEqual([])
  })
})
