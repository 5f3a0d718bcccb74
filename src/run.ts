/**
 * The programmatic API, which the CLI uses as it is: `lint()` for one
 * document, `lintFiles()` for paths and globs.
 */
import {dirname, relative, resolve} from 'node:path'
import {ConfigError, ConfigFinder, type LoadedConfig, loadConfigFile} from './config/load.js'
import {isIgnoredByConfig, type ResolveOptions, resolveSettings} from './config/resolve.js'
import {defaultPlanGlobs, discover, type PathProblem} from './discover.js'
import type {Root} from 'mdast'
import {type Detection, detect} from './detect.js'
import {applyFixes} from './fix.js'
import {readDocument, writeAtomically} from './files.js'
import {lintText, parseDocument} from './lint.js'
import type {LintMessage, LintResult, RuleSetting, Settings} from './types.js'

export interface LintOptions {
  /** Force a preset for every file. */
  preset?: string
  /** Rule settings applied over the preset and config. */
  rules?: Record<string, RuleSetting>
  /** Folder that relative paths and config lookup start from (default: process.cwd()). */
  cwd?: string
  /** A config file to use instead of looking one up; `false` to use none. */
  config?: string | false
  /** `lintFiles`: apply certain fixes to the files, then report what is left. */
  fix?: boolean
}

export interface LintOutput {
  preset: string
  messages: LintMessage[]
}

export interface LintFilesOutput {
  /** One result per linted file, in the order the files were named. */
  results: LintResult[]
  /** Paths the user named that could not be linted (missing, binary, …). */
  problems: PathProblem[]
}

/** Chooses the config for a file: the one given, none, or the nearest. */
function configChooser(options: LintOptions): (file: string) => LoadedConfig | null {
  if (options.config === false) return () => null
  if (typeof options.config === 'string') {
    const loaded = loadConfigFile(resolve(options.cwd ?? process.cwd(), options.config))
    return () => loaded
  }
  const finder = new ConfigFinder()
  return (file) => finder.find(dirname(file))
}

function resolveOptions(options: LintOptions): ResolveOptions {
  return {preset: options.preset, rules: options.rules}
}

/** Settings for a file once its tree is parsed: the tree is what detection reads. */
function settingsChooser(file: string | undefined, loaded: LoadedConfig | null, options: LintOptions) {
  return (tree: Root) => resolveSettings(file, loaded, resolveOptions(options), () => detect(tree).preset)
}

/**
 * The settings (preset and rules) planlint would use for `path`. When no
 * preset is named, the file is read and its family detected; a file that
 * does not exist gets `recommended`.
 */
export async function settingsFor(path: string, options: LintOptions = {}): Promise<Settings> {
  const file = resolve(options.cwd ?? process.cwd(), path)
  const loaded = configChooser(options)(file)
  const document = await readDocument(file)
  if (document.text === undefined) return resolveSettings(file, loaded, resolveOptions(options))
  return (await lintText(document.text, settingsChooser(file, loaded, options), path)).settings
}

/** How sure detection is about `path`'s family: every preset's score. */
export async function explainDetection(path: string, options: LintOptions = {}): Promise<Detection> {
  const file = resolve(options.cwd ?? process.cwd(), path)
  const document = await readDocument(file)
  if (document.problem !== undefined) throw new ReadError(path, document.problem)
  return detect(parseDocument(document.text, path).tree)
}

/** A file named for a single-file command that cannot be read. */
export class ReadError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string
  ) {
    super(`${path}: ${problem}`)
    this.name = 'ReadError'
  }
}

/** Lint one document given as text; a path, when given, selects the config. */
export async function lint(input: string | {path?: string; text: string}, options: LintOptions = {}): Promise<LintOutput> {
  const {path, text} = typeof input === 'string' ? {path: undefined, text: input} : input
  const cwd = options.cwd ?? process.cwd()
  const file = path === undefined ? undefined : resolve(cwd, path)
  const loaded = configChooser(options)(file ?? resolve(cwd, 'plan.md'))
  const {settings, messages} = await lintText(text, settingsChooser(file, loaded, options), path)
  return {preset: settings.preset, messages}
}

function fatal(message: string): LintMessage {
  return {ruleId: null, severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 1, message, fatal: true}
}

/**
 * Lint files named by paths, folders or globs; with no pattern, the plan
 * documents under `cwd`. Named files that cannot be read are `problems`;
 * discovered ones get a fatal message in their result instead.
 */
export async function lintFiles(patterns: string[], options: LintOptions = {}): Promise<LintFilesOutput> {
  const cwd = resolve(options.cwd ?? process.cwd())
  const chooseConfig = configChooser(options)
  const problems: PathProblem[] = []
  const reported = new Set<string>()
  // A broken config stops the files it governs, not the whole run; it is
  // reported once however many files it governs.
  const configFor = (file: string): LoadedConfig | null | undefined => {
    try {
      return chooseConfig(file)
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      if (!reported.has(error.message)) problems.push({path: relative(cwd, error.file), problem: error.problem})
      reported.add(error.message)
      return undefined
    }
  }

  const planGlobs = configFor(resolve(cwd, 'plan.md'))?.config.files ?? defaultPlanGlobs
  const discovered = await discover(patterns, cwd, planGlobs)
  problems.push(...discovered.problems)
  const named = new Set(patterns.map((pattern) => resolve(cwd, pattern)))

  const results: LintResult[] = []
  for (const file of discovered.files) {
    const loaded = configFor(file)
    if (loaded === undefined) continue
    if (isIgnoredByConfig(loaded, file)) continue
    const display = relative(cwd, file) || file
    const document = await readDocument(file)
    if (document.problem !== undefined) {
      if (named.has(file)) problems.push({path: display, problem: document.problem})
      else results.push({file: display, preset: null, messages: [fatal(`Cannot lint this file: ${document.problem}`)]})
      continue
    }
    const choose = settingsChooser(file, loaded, options)
    let {settings, messages} = await lintText(document.text, choose, display)
    let fixed = 0
    if (options.fix && messages.some((message) => message.fix)) {
      const result = applyFixes(document.text, messages)
      if (result.text !== document.text) {
        await writeAtomically(file, (document.bom ? '\uFEFF' : '') + result.text)
        fixed = result.applied
        ;({settings, messages} = await lintText(result.text, choose, display))
      }
    }
    results.push({file: display, preset: settings.preset, messages, ...(fixed > 0 ? {fixed} : {})})
  }
  return {results, problems}
}
