/**
 * Templates as an index of their blocks. The shipped ones are indexed by
 * `npm run docs` into presets/template-blocks.json (a test keeps it in sync),
 * so linting never parses them at run time; a template a preset file names
 * by path is read and indexed once per process, when a rule first needs it.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {resolve} from 'node:path'
import {PlanlintError} from './errors.js'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {type BlockKind, extractBlocks} from './blocks.js'
import {syntaxPlugins} from './syntax.js'

export interface TemplateBlock {
  kind: BlockKind
  key: string
  line: number
}

/** Template name (file name without `.md`) → its blocks. */
export type TemplateIndex = Record<string, TemplateBlock[]>

function indexText(text: string): TemplateBlock[] {
  const tree = unified().use(remarkParse).use({plugins: syntaxPlugins}).parse(text)
  return extractBlocks(tree)
    .filter((block) => block.key !== '')
    .map((block) => ({kind: block.kind, key: block.key, line: block.node.position?.start.line ?? 0}))
}

export function indexTemplates(dir: URL): TemplateIndex {
  const index: TemplateIndex = {}
  const names = readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .map((file) => file.slice(0, -'.md'.length))
  for (const name of names.sort()) index[name] = indexText(readFileSync(new URL(`${name}.md`, dir), 'utf8'))
  return index
}

/** Whether a template is named by path (`./docs/plan-template.md`) rather than as a shipped one. */
export function isTemplatePath(template: string): boolean {
  return /[\\/]/.test(template) || template.endsWith('.md')
}

const byPath = new Map<string, TemplateBlock[]>()

/** The blocks of a template: a shipped one by name, or a Markdown file by path. */
export function templateBlocks(template: string): TemplateBlock[] {
  if (!isTemplatePath(template)) return templateIndex()[template] ?? []
  const path = resolve(template)
  let blocks = byPath.get(path)
  if (!blocks) {
    let text: string
    try {
      text = readFileSync(path, 'utf8')
    } catch (error) {
      throw new PlanlintError(`template ${template}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {cause: error})
    }
    blocks = indexText(text)
    byPath.set(path, blocks)
  }
  return blocks
}

const codeKeys = new WeakMap<readonly string[], Set<string>>()

/**
 * The keys of the code blocks of some templates (see `normaliseCode`), once
 * per list: a code block of a plan with one of them is the template's sample,
 * left unchanged (no-template-text reports it whole).
 */
export function templateCodeKeys(templates: readonly string[]): Set<string> {
  let keys = codeKeys.get(templates)
  if (!keys) {
    keys = new Set(templates.flatMap((template) => templateBlocks(template).filter((block) => block.kind === 'code').map((block) => block.key)))
    codeKeys.set(templates, keys)
  }
  return keys
}

let loaded: TemplateIndex | undefined

/** Names of the shipped templates, for option checks. */
export function templateNames(): string[] {
  return Object.keys(templateIndex())
}

/** The generated index, read once per process and only by the rule that needs it. */
export function templateIndex(): TemplateIndex {
  if (!loaded) {
    // From src/core/ (tests) or dist/src/core/ (built): the JSON stays in presets/.
    for (const candidate of ['../../presets/template-blocks.json', '../../../presets/template-blocks.json']) {
      try {
        loaded = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as TemplateIndex
        break
      } catch {
        // Try the next level up.
      }
    }
    if (!loaded) throw new Error('planlint: presets/template-blocks.json is missing; run `npm run docs`')
  }
  return loaded
}

const tokensOf = new Map<string, Set<string>>()

/**
 * The one-word bracket placeholders a template uses (`[Entity]`, `[name]`,
 * `[link]`): in a plan, such a word is a placeholder left in only where the
 * family's template has it. Read from the template's text once per process.
 */
export function templateWords(template: string): Set<string> {
  let words = tokensOf.get(template)
  if (!words) {
    words = new Set()
    for (const text of templateTexts(template)) for (const match of text.matchAll(/\[([A-Za-z][\w-]*)\]/g)) words.add(match[1]!)
    tokensOf.set(template, words)
  }
  return words
}

function templateTexts(template: string): string[] {
  if (isTemplatePath(template)) {
    try {
      return [readFileSync(resolve(template), 'utf8')]
    } catch {
      return []
    }
  }
  // From src/core/ (tests) or dist/src/core/ (built): the templates stay in presets/.
  for (const candidate of [`../../presets/templates/${template}.md`, `../../../presets/templates/${template}.md`]) {
    try {
      return [readFileSync(new URL(candidate, import.meta.url), 'utf8')]
    } catch {
      // Try the next level up.
    }
  }
  return []
}
