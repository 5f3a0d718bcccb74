/**
 * Structure: auto-detection over the whole corpus, and, per family, deleting
 * each required section of a filled plan gives exactly one message naming it.
 */
import {existsSync, readFileSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {describe, expect, it} from 'vitest'
import {presets} from '../presets/index.js'
import {parseDocument} from '../src/engine/lint.js'
import {detect} from '../src/engine/detect.js'
import {documentOf} from '../src/core/plan/index.js'
import {chooseVariant} from '../src/core/plan/structure.js'
import {lint} from '../src/engine/run.js'
import {corpusDocuments} from './corpus.js'
import {corpusDir, corpusMissing, root, templatesDir} from './paths.js'

const structured = presets.filter((preset) => preset.structure)

describe.skipIf(corpusMissing !== undefined)('auto-detection on the real-plan corpus', () => {
  const documents = corpusDir ? corpusDocuments(corpusDir, templatesDir) : []

  it.each(documents.map((d) => [d.key.replace(/^corpus\//, ''), d] as const))('%s', (_name, document) => {
    const text = readFileSync(document.path, 'utf8')
    expect(detect(parseDocument(text).tree, text).preset).toBe(document.preset)
  })
})

describe('auto-detection', () => {
  it('detects each family in the plan written from its template', () => {
    for (const preset of structured) {
      const text = readFileSync(join(root, 'fixtures/filled', `${preset.name}.md`), 'utf8')
      expect(detect(parseDocument(text).tree, text).preset, preset.name).toBe(preset.name)
    }
  })

  it('detects localised spec-kit plans and task lists', () => {
    const plan = '# 实施计划：离线同步\n\n## 摘要\n\n离线时排队。\n\n## 技术背景\n\nTypeScript 5\n\n## 宪章检查\n\n通过。\n\n## 项目结构\n\nsrc/sync/\n'
    const tasks = '# 任务：离线同步\n\n## 阶段 1：设置\n\n- [ ] T001 创建 src/sync/index.ts\n\n## 阶段 2：基础\n\n- [ ] T002 添加队列 src/sync/queue.ts\n'
    for (const text of [plan, tasks]) expect(detect(parseDocument(text).tree, text).preset).toBe('spec-kit')
  })

  it('leaves documents that are not plans to `recommended`', () => {
    const families = resolve(root, '../shared/FAMILIES.md')
    for (const path of ['README.md', 'docs/rules/required-sections.md', ...(existsSync(families) ? [families] : [])]) {
      const text = readFileSync(resolve(root, path), 'utf8')
      expect(detect(parseDocument(text).tree, text).preset, path).toBe('recommended')
    }
    // Four families title plans "Implementation Plan:": a title alone decides nothing.
    const notes = '# Implementation Plan: Search\n\nSome notes.\n'
    expect(detect(parseDocument(notes).tree, notes).preset).toBe('recommended')
  })
})

describe.each(structured.map((preset) => [preset.name, preset] as const))('%s: deleting a required section', (name, preset) => {
  const filled = readFileSync(join(root, 'fixtures/filled', `${name}.md`), 'utf8')
  const {tree} = parseDocument(filled)
  const {sections} = documentOf(tree, filled)
  const match = chooseVariant(sections, preset.structure!)!
  const lines = filled.split('\n')
  const required = match.matches.filter(({spec}) => spec.required)

  it('the filled plan matches its structure with every required section', async () => {
    expect(required.length).toBeGreaterThan(0)
    const {messages} = await lint({path: `${name}.md`, text: filled}, {config: false})
    expect(messages).toEqual([])
  })

  // A section that may repeat (one per phase) is missing only when every
  // one of its sections is cut out.
  const titles = [...new Set(required.map(({spec}) => spec.title))]

  it.each(titles)('without "%s"', async (title) => {
    const cut = new Set<number>()
    for (const {section} of required.filter(({spec}) => spec.title === title)) {
      // Cut the section out, heading and body, up to the next heading of its rank.
      const next = sections.find((other) => other.index >= section.end)
      const to = next ? next.node.position!.start.line - 1 : lines.length
      for (let line = section.node.position!.start.line - 1; line < to; line++) cut.add(line)
    }
    const text = lines.filter((_line, index) => !cut.has(index)).join('\n')
    const {messages} = await lint({path: `${name}.md`, text}, {preset: `${name}/${match.variant.name}`, config: false})
    const structural = messages.filter((m) => m.ruleId === 'required-sections')
    expect(structural.map((m) => m.message)).toEqual([expect.stringMatching(new RegExp(`^Missing section "${escape(title)}"`))])
  })
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
