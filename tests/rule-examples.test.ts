/**
 * Every example of every rule, exactly as documented: valid examples are
 * clean, invalid ones produce exactly the listed messages.
 */
import {basename} from 'node:path'
import type {Root} from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {removePosition} from 'unist-util-remove-position'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {getPreset} from '../presets/index.js'
import {rules} from '../rules/index.js'
import {noFamily, type PresetSchema} from '../src/core/family.js'
import {planlintFamily} from '../src/core/plan/index.js'
import type {Rule, RuleExample} from '../src/core/rule.js'
import {syntaxPlugins} from '../src/core/syntax.js'

// planlint's own syntax, or (as a remark user may configure it) with
// remark-gfm on top, which adds autolink literals: the messages are the same.
function familyOf(example: Pick<RuleExample, 'family'>): PresetSchema {
  if (example.family === undefined) return noFamily
  if (typeof example.family !== 'string') return example.family
  const family = getPreset(example.family)
  if (!family) throw new Error(`example family "${example.family}" is no preset`)
  return family
}

function parser(withRemarkGfm: boolean, example: Pick<RuleExample, 'family'> = {}) {
  const processor = unified().use(remarkParse).use({plugins: syntaxPlugins})
  const withFamily = processor.use(planlintFamily, {family: familyOf(example)})
  return withRemarkGfm ? withFamily.use(remarkGfm) : withFamily
}

/** The example as a file; one in a feature folder is that folder's, and its siblings are the example's own. */
function exampleFile(example: RuleExample): VFile {
  const file = new VFile({value: example.markdown, path: example.path ? `/examples/001-offline-sync/${example.path}` : undefined})
  if (example.path) file.data.planlintFolder = {path: file.path, read: (path) => example.folder?.[basename(path)]}
  return file
}

async function run(rule: Rule, example: RuleExample, withRemarkGfm = false): Promise<string[]> {
  const {options} = example
  const processor = parser(withRemarkGfm, example).use(rule.plugin, options ? [rule.severity, options] : undefined)
  const file = exampleFile(example)
  await processor.run(processor.parse(file), file)
  // In document order, as every reporter shows them (ties keep report order).
  const byPosition = [...file.messages].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
  )
  return byPosition.map((message) => {
    expect(message.ruleId).toBe(rule.id)
    expect(message.source).toBe('planlint')
    const place = message.place
    // A range is `line:column-endLine:endColumn`; a point (a missing section) `line:column`.
    const where =
      place && 'start' in place
        ? `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
        : `${place?.line}:${place?.column}`
    return `${where} ${message.fatal ? 'error' : 'warning'} ${message.reason}`
  })
}

describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (_id, rule) => {
  it('documents itself', () => {
    expect(rule.description).toMatch(/^[A-Z].*[^.]$/)
    expect(rule.docs.length).toBeGreaterThan(100)
    expect(rule.examples.valid.length).toBeGreaterThan(0)
    expect(rule.examples.invalid.length).toBeGreaterThan(0)
  })

  it.each(rule.examples.valid.map((example) => [example.title, example] as const))('ok: %s', async (_title, example) => {
    expect(await run(rule, example)).toEqual([])
  })

  it.each(rule.examples.invalid.map((example) => [example.title, example] as const))(
    'not ok: %s',
    async (_title, example) => {
      expect(example.messages?.length).toBeGreaterThan(0)
      expect(await run(rule, example)).toEqual(example.messages)
    }
  )

  it('says the same with remark-gfm added (bare URLs parsed as links)', async () => {
    for (const example of [...rule.examples.valid, ...rule.examples.invalid]) {
      expect(await run(rule, example, true)).toEqual(example.messages ?? [])
    }
  })

  it('reports nothing, and does not crash, on a tree without positions', async () => {
    for (const example of rule.examples.invalid) {
      const processor = parser(false, example).use(rule.plugin, example.options ? [rule.severity, example.options] : undefined)
      const tree = processor.parse(example.markdown) as Root
      removePosition(tree, {force: true})
      const file = new VFile({value: example.markdown})
      await processor.run(tree, file)
      expect(file.messages).toEqual([])
    }
  })

  it('is off with severity "off" and a warning with "warn"', async () => {
    const example = rule.examples.invalid[0]!
    const off = parser(false, example).use(rule.plugin, ['off', example.options])
    const offFile = exampleFile(example)
    await off.run(off.parse(offFile), offFile)
    expect(offFile.messages).toEqual([])

    const warn = parser(false, example).use(rule.plugin, ['warn', example.options])
    const warnFile = exampleFile(example)
    await warn.run(warn.parse(warnFile), warnFile)
    expect(warnFile.messages.length).toBeGreaterThan(0)
    expect(warnFile.messages.every((message) => message.fatal === false)).toBe(true)
  })
})
