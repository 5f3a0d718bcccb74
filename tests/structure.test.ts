/**
 * Structure: auto-detection over the whole corpus, and, per family, deleting
 * each required section of a filled plan gives exactly one message naming it.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {presets} from '../presets/index.js'
import {parseDocument} from '../src/engine/lint.js'
import {detect} from '../src/engine/detect.js'
import {outline} from '../src/core/plan/outline.js'
import {chooseVariant} from '../src/core/plan/structure.js'
import {lint} from '../src/engine/run.js'
import {corpusDocuments} from './corpus.js'
import {corpusDir, root, templatesDir} from './paths.js'

describe('auto-detection', () => {
  const documents = corpusDocuments(corpusDir, templatesDir)

  it.each(documents.map((d) => [d.key.replace(/^corpus\//, ''), d] as const))('%s', (_name, document) => {
    const {tree} = parseDocument(readFileSync(document.path, 'utf8'))
    expect(detect(tree).preset).toBe(document.preset)
  })

  it('leaves documents that are not plans to `recommended`', () => {
    for (const path of ['README.md', 'docs/rules/required-sections.md', '../shared/FAMILIES.md']) {
      const {tree} = parseDocument(readFileSync(join(root, path), 'utf8'))
      expect(detect(tree).preset, path).toBe('recommended')
    }
    // Four families title plans "Implementation Plan:": a title alone decides nothing.
    expect(detect(parseDocument('# Implementation Plan: Search\n\nSome notes.\n').tree).preset).toBe('recommended')
  })
})

const structured = presets.filter((preset) => preset.structure)

describe.each(structured.map((preset) => [preset.name, preset] as const))('%s: deleting a required section', (name, preset) => {
  const filled = readFileSync(join(root, 'fixtures/filled', `${name}.md`), 'utf8')
  const {tree} = parseDocument(filled)
  const match = chooseVariant(tree, preset.structure!)!
  const lines = filled.split('\n')
  const required = match.matches.filter(({spec}) => spec.required)

  it('the filled plan matches its structure with every required section', async () => {
    expect(required.length).toBeGreaterThan(0)
    const {messages} = await lint({path: `${name}.md`, text: filled}, {config: false})
    expect(messages).toEqual([])
  })

  it.each(required.map(({section, spec}) => [spec.title, section] as const))('without "%s"', async (title, section) => {
    // Cut the section out, heading and body, up to the next heading of its rank.
    const sections = outline(tree)
    const next = sections.find((other) => other.index >= section.end)
    const from = section.node.position!.start.line - 1
    const to = next ? next.node.position!.start.line - 1 : lines.length
    const repeated = required.filter((other) => other.spec.title === title).length > 1
    if (repeated) return // a repeatable section (one per phase) is still there
    const text = [...lines.slice(0, from), ...lines.slice(to)].join('\n')
    const {messages} = await lint({path: `${name}.md`, text}, {preset: `${name}/${match.variant.name}`, config: false})
    const structural = messages.filter((m) => m.ruleId === 'required-sections')
    expect(structural.map((m) => m.message)).toEqual([expect.stringMatching(new RegExp(`^Missing section "${escape(title)}"`))])
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
