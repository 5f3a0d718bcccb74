/**
 * The one path every front end takes: text + settings → messages. The CLI,
 * the API and (through `pluginsFor`) the remark presets all end up here.
 */
import type {Root} from 'mdast'
import remarkParse from 'remark-parse'
import {type Processor, unified} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {PresetSchema} from '../core/family.js'
import {documentsOf, messageIdOf} from '../core/rule.js'
import {type Budget, defaultBudget, nestingProblem, OverBudget} from '../core/budget.js'
import {type FolderSource, folderFileNames, hasSibling, parseAt} from '../core/plan/folder.js'
import {presets} from '../../presets/index.js'
import type {LintMessage, Settings} from '../core/types.js'
import type {Resolved} from './config/resolve.js'
import {pluginsFor} from './plugins.js'

// A frozen processor per distinct settings: building one costs more than
// linting a small file, and a run usually needs one or two.
const processors = new Map<string, Processor>()

// Rule options mostly come straight from a preset (the same object for every
// file): their JSON is made once, not per file (structure specs are large).
const optionsJson = new WeakMap<object, string>()

function jsonOf(options: object): string {
  let json = optionsJson.get(options)
  if (json === undefined) {
    json = JSON.stringify(options)
    optionsJson.set(options, json)
  }
  return json
}

// A family's key is its content (a config's own family is loaded again by
// each lint() call, in the language server), made once per family object
// and kept short: the processor key is built for every file.
const familyKeys = new WeakMap<PresetSchema, string>()
const familyIds = new Map<string, string>()

function familyKey(family: PresetSchema): string {
  let key = familyKeys.get(family)
  if (key === undefined) {
    const json = jsonOf(family)
    key = familyIds.get(json)
    if (key === undefined) {
      key = `family${familyIds.size}`
      familyIds.set(json, key)
    }
    familyKeys.set(family, key)
  }
  return key
}

function processorFor(family: PresetSchema, settings: Settings): Processor {
  const key = [
    `${familyKey(family)}:${settings.variant ?? ''}`,
    ...Object.entries(settings.rules).map(([id, rule]) => `${id}:${rule.severity}:${jsonOf(rule.options)}`)
  ].join('\n')
  let processor = processors.get(key)
  if (!processor) {
    processor = unified().use(remarkParse).use({plugins: pluginsFor(family, settings)}).freeze() as unknown as Processor
    processors.set(key, processor)
  }
  return processor
}

/**
 * A rule offers a certain fix by setting `actual` (the text at the message's
 * place) and a single `expected` replacement, as remark-lint's rules do.
 */
function fixOf(message: VFileMessage): LintMessage['fix'] {
  const place = message.place
  if (!place || !('start' in place) || message.expected?.length !== 1 || message.actual === undefined) return undefined
  const {start, end} = place
  if (start.offset === undefined || end.offset === undefined) return undefined
  return {range: [start.offset, end.offset], text: message.expected[0]!}
}

export function toLintMessage(message: VFileMessage): LintMessage {
  const start = message.place && 'start' in message.place ? message.place.start : message.place
  const end = message.place && 'end' in message.place ? message.place.end : start
  const fix = fixOf(message)
  const messageId = messageIdOf(message)
  const documents = documentsOf(message)
  return {
    ...(fix ? {fix} : {}),
    ...(messageId ? {messageId} : {}),
    ruleId: message.ruleId ?? null,
    severity: message.fatal ? 'error' : 'warning',
    line: start?.line ?? 1,
    column: start?.column ?? 1,
    endLine: end?.line ?? start?.line ?? 1,
    endColumn: end?.column ?? start?.column ?? 1,
    message: message.reason,
    ...(documents ? {documents} : {})
  }
}

function byPosition(a: LintMessage, b: LintMessage): number {
  return a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId))
}


/** Settings and family, or a function that chooses them from the parsed tree (auto-detection). */
export type SettingsChoice = Resolved | ((tree: Root, text: string) => Resolved)

export interface TextResult {
  settings: Settings
  messages: LintMessage[]
}

/**
 * The document's file and tree, as every rule sees them. Parsing is the
 * same for every preset (the presets add the same syntax extensions), so a
 * document is parsed once, before its settings are known: auto-detection
 * reads the tree. A document of a feature folder is parsed once however
 * many of its siblings read it (`folder`, the file's absolute path).
 */
export function parseDocument(text: string, path?: string, folder?: FolderSource): {file: VFile; tree: Root} {
  const file = new VFile({path, value: text})
  if (folder) file.data.planlintFolder = folder
  // Kept for its siblings only where it has some: a run of plans alone keeps no trees.
  return {file, tree: parseAt(folder && hasSibling(folder.path, folderFiles) ? folder.path : undefined, text)}
}

// The names of the documents a feature folder holds: only those are kept parsed for their siblings.
const folderFiles = folderFileNames(presets)

/**
 * Lint one document's text: parse once, choose the settings, run the rules.
 * A byte order mark is not content: the text is linted without it, so lines
 * and columns are those an editor shows, and fix offsets are moved past it
 * to stay offsets into the text given.
 */
export async function lintText(
  text: string,
  choice: SettingsChoice,
  path?: string,
  budget: Budget = defaultBudget,
  folder?: FolderSource
): Promise<TextResult> {
  const started = performance.now()
  const bom = text.charCodeAt(0) === 0xfeff
  // Old Mac line endings (a lone CR) become LF: the same length, so every
  // offset still holds, and the rules see the lines CommonMark sees.
  const body = (bom ? text.slice(1) : text).replace(/\r(?!\n)/g, '\n')
  // A file not checked: its settings as detection gives them without a tree, and one message.
  const notChecked = (reason: string): TextResult => ({settings: resolvedOf(choice, undefined, body).settings, messages: [fileMessage(reason)]})
  const tooDeep = nestingProblem(body, budget)
  if (tooDeep) return notChecked(tooDeep)
  let messages: LintMessage[]
  let settings: Settings
  try {
    const {file, tree} = parseDocument(body, path, folder)
    if (budget.seconds > 0) file.data['deadline'] = {at: started + budget.seconds * 1000, seconds: budget.seconds}
    const resolved = resolvedOf(choice, tree, body)
    settings = resolved.settings
    messages = await lintTree(tree, file, body, resolved.family, settings)
  } catch (error) {
    // Past the budget, or nesting the guard above did not foresee (inline
    // markup): one message for the file, and the run goes on.
    if (error instanceof OverBudget) return notChecked(error.message)
    if (error instanceof RangeError && /call stack/.test(error.message)) return notChecked('Not checked: too deeply nested to check')
    throw error
  }
  if (bom) for (const message of messages) if (message.fix) message.fix = {...message.fix, range: [message.fix.range[0] + 1, message.fix.range[1] + 1]}
  return {settings, messages}
}

/** The settings for a text; with no tree (a text not parsed), what detection gives an empty one. */
function resolvedOf(choice: SettingsChoice, tree: Root | undefined, text: string): Resolved {
  return typeof choice === 'function' ? choice(tree ?? {type: 'root', children: []}, text) : choice
}

/** A message about the whole file, which could not be linted (or fixed) as asked: at its top, fatal. */
export function fileMessage(message: string): LintMessage {
  return {ruleId: null, severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 1, message, fatal: true}
}

async function lintTree(tree: Root, file: VFile, text: string, family: PresetSchema, settings: Settings): Promise<LintMessage[]> {
  if (text.trim() === '') {
    return [
      {
        ruleId: null,
        severity: 'warning',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        message: 'Empty file: there is no plan to check'
      }
    ]
  }

  const processor = processorFor(family, settings)
  try {
    await processor.run(tree, file)
  } catch (error) {
    // `file.fail` (e.g. an unknown `<!-- planlint foo -->` keyword) has already
    // put its message on the file; anything else is a bug worth surfacing.
    if (!file.messages.includes(error as VFileMessage)) throw error
  }
  return file.messages.map(toLintMessage).sort(byPosition)
}
