/**
 * The programmatic API, which the CLI uses as it is: `lint()` for one
 * document, `lintFiles()` for paths and globs.
 */
import {basename, dirname, join, relative, resolve} from 'node:path'
import {ConfigError, ConfigFinder, type LoadedConfig, loadConfigFile} from './config/load.js'
import {isIgnoredByConfig, type Resolved, type ResolveOptions, resolveSettings} from './config/resolve.js'
import {presetNameProblem, ruleSettingsProblem} from './config/validate.js'
import {familiesFor, findFamily} from './families.js'
import {getRule} from '../../rules/index.js'
import {type Budget, defaultBudget} from '../core/budget.js'
import {PlanlintError} from '../core/errors.js'
import {defaultPlanGlobs, discover, type PathProblem} from './discover.js'
import type {Root} from 'mdast'
import {type Detection, detect} from './detect.js'
import {availableParallelism} from 'node:os'
import {type CachedResult, cacheKey, LintCache} from './cache.js'
import {applyFixes} from './fix.js'
import {WorkerPool} from './workers.js'
import {readDocument, writeFix} from './files.js'
import {fileMessage, lintText, parseDocument} from './lint.js'
import {folderFileNames, readFromDisk, type SiblingReader} from '../core/plan/folder.js'
import {presets} from '../../presets/index.js'
import type {LintMessage, LintResult, RuleSetting, Settings} from '../core/types.js'

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
  /** With `fix`: write nothing; each result that a fix changes gets the fixed text as `output`. */
  fixDryRun?: boolean
  /** `lintFiles`: `false` reads no ignore file and no config `ignore` (`--no-ignore`); default true. */
  ignore?: boolean
  /** `lintFiles`: a cache file; unchanged files replay their results. */
  cache?: string
  /** `lintFiles`: worker threads; `auto` uses every core when there are enough files. Default 0. */
  workers?: number | 'auto'
  /** Seconds one file may take before it is reported as not checked (default 10; 0: no limit). */
  timeLimit?: number
  /** How deep block quotes and lists may nest before a file is reported as not checked (default 100). */
  maxNesting?: number
  /** `lintFiles` with `fix`: awaited after a fixed copy is written, before it replaces the file (tests pause here to edit the file). */
  beforeFixWrite?: (file: string) => Promise<void>
  /** `lintFiles`: called as files are done (cached ones first), with how many of how many. */
  onProgress?: (done: number, total: number) => void
  /**
   * Where the documents beside a file (its feature folder's spec.md,
   * plan.md, tasks.md) are read from, by absolute path; default: the disk.
   * The language server reads its open documents, `--staged` git's index.
   */
  readSibling?: SiblingReader
  /** Called with warnings that are not lint messages (an unreadable cache). */
  onWarning?: (warning: string) => void
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

/**
 * The config for each file, for runs over many files: a broken config stops
 * the files it governs, not the whole run, and is reported once in `problems`
 * however many files it governs (`undefined` then). A `--config` file that
 * cannot be used still throws: nothing can be linted.
 */
export function guardedConfigs(options: LintOptions, cwd: string) {
  const chooseConfig = configChooser({...options, cwd})
  const problems: PathProblem[] = []
  const reported = new Set<string>()
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
  return {configFor, problems}
}

function budgetOf(options: LintOptions): Budget {
  return {seconds: options.timeLimit ?? defaultBudget.seconds, nesting: options.maxNesting ?? defaultBudget.nesting}
}

function resolveOptions(options: LintOptions): ResolveOptions {
  return {preset: options.preset, rules: options.rules}
}

/**
 * The API's own settings are checked as a config's are, before any file is
 * read: a bad option is one clear error, not a message per file.
 */
function checkOptions(options: LintOptions, loaded?: LoadedConfig | null): void {
  const problem =
    (options.preset === undefined ? undefined : presetNameProblem(options.preset, ['preset'], familiesFor(loaded))) ??
    ruleSettingsProblem(options.rules, ['rules'])
  if (problem) throw new PlanlintError(problem)
  for (const [name, value] of [['timeLimit', options.timeLimit], ['maxNesting', options.maxNesting]] as const) {
    if (value !== undefined && !(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
      throw new PlanlintError(`${name}: expected a number of at least 0, got ${JSON.stringify(value)}`)
    }
  }
}

/** Settings for a file once its tree is parsed: the tree is what detection reads. */
function settingsChooser(file: string | undefined, loaded: LoadedConfig | null, options: LintOptions) {
  return (tree: Root, text: string) => resolveSettings(file, loaded, resolveOptions(options), () => detect(tree, text, familiesFor(loaded)).preset)
}

/**
 * The settings (preset and rules) planlint would use for `path`. When no
 * preset is named, the file is read and its family detected; a file that
 * does not exist gets `recommended`.
 */
export async function settingsFor(path: string, options: LintOptions = {}): Promise<Settings> {
  const file = resolve(options.cwd ?? process.cwd(), path)
  const loaded = configChooser(options)(file)
  checkOptions(options, loaded)
  const document = readDocument(file)
  if (document.text === undefined) return effectiveSettings(resolveSettings(file, loaded, resolveOptions(options)))
  const {settings} = await lintText(document.text, settingsChooser(file, loaded, options), path)
  return effectiveSettings({settings, family: findFamily(settings.preset, loaded)!})
}

/** Settings as the rules see them: each rule's options with what its family's data implies under the config's. */
function effectiveSettings({settings, family}: Resolved): Settings {
  const rules = Object.fromEntries(
    Object.entries(settings.rules).map(([id, rule]) => [id, {...rule, options: {...getRule(id)?.familyDefaults?.(family), ...rule.options}}])
  )
  return {...settings, rules}
}

/** How sure detection is about `path`'s family (every preset's score), and the documents of its feature folder read beside it. */
export async function explainDetection(path: string, options: LintOptions = {}): Promise<Detection & {folder?: string[]}> {
  const file = resolve(options.cwd ?? process.cwd(), path)
  const loaded = configChooser(options)(file)
  const document = readDocument(file)
  if (document.problem !== undefined) throw new ReadError(path, document.problem)
  const detection = detect(parseDocument(document.text, path).tree, document.text, familiesFor(loaded))
  const family = findFamily(options.preset ?? detection.preset, loaded)
  const names = Object.values(family?.folder?.files ?? {})
  if (!names.includes(basename(file))) return detection
  // What feature-folder checks the file against: the folder's other documents that are there.
  const read = options.readSibling ?? readFromDisk
  return {...detection, folder: names.filter((name) => name !== basename(file) && read(join(dirname(file), name)) !== undefined)}
}

/** A file named for a single-file command that cannot be read. */
export class ReadError extends PlanlintError {
  constructor(
    readonly path: string,
    readonly problem: string
  ) {
    super(`${path}: ${problem}`)
    this.name = 'ReadError'
  }
}

/** Lint one document's text for `file` under its config: the unit a worker runs. */
export async function lintDocument(
  text: string,
  file: string,
  display: string,
  loaded: LoadedConfig | null,
  options: LintOptions
): Promise<CachedResult> {
  const {settings, messages} = await lintText(text, settingsChooser(file, loaded, options), display, budgetOf(options), {path: file, read: options.readSibling})
  return {preset: settings.preset, messages}
}

/**
 * Below this many files, or this much text, starting workers costs more than
 * it saves (measured: 1 MB over 62 files is faster on one thread).
 */
export const autoWorkersFrom = 32
export const autoWorkersFromBytes = 4 * 1024 * 1024
/**
 * Nor on fewer cores: one thread already keeps two cores busy, V8's garbage
 * collector running on the second. Measured on 2 cores (bench/results.md):
 * 1,000 plans took as long with two workers as on one thread, with 35% more
 * CPU time and 100 MB more memory.
 */
export const autoWorkersFromCores = 3

/** How many worker threads a run starts: `auto` decides from the work and the machine. */
export function workersFor(requested: number | 'auto', run: {files: number; bytes: number; cores: number}): number {
  if (requested !== 'auto') return requested
  const enough = run.files >= autoWorkersFrom && run.bytes >= autoWorkersFromBytes && run.cores >= autoWorkersFromCores
  return enough ? run.cores : 0
}

/** Lint one document given as text; a path, when given, selects the config. */
export async function lint(input: string | {path?: string; text: string}, options: LintOptions = {}): Promise<LintOutput> {
  const {path, text} = typeof input === 'string' ? {path: undefined, text: input} : input
  const cwd = options.cwd ?? process.cwd()
  const file = path === undefined ? undefined : resolve(cwd, path)
  const loaded = configChooser(options)(file ?? resolve(cwd, 'plan.md'))
  checkOptions(options, loaded)
  const folder = file === undefined ? undefined : {path: file, read: options.readSibling}
  const {settings, messages} = await lintText(text, settingsChooser(file, loaded, options), path, budgetOf(options), folder)
  return {preset: settings.preset, messages}
}

const folderFiles = [...folderFileNames(presets)].sort()

/** The texts of the documents beside a feature folder's file (`''` for one missing), which its result depends on. */
function siblingsOf(file: string): string[] | undefined {
  if (!folderFiles.includes(basename(file))) return undefined
  return folderFiles.filter((name) => name !== basename(file)).map((name) => readFromDisk(join(dirname(file), name)) ?? '')
}

/**
 * Lint files named by paths, folders or globs; with no pattern, the plan
 * documents under `cwd`. Named files that cannot be read are `problems`;
 * discovered ones get a fatal message in their result instead.
 */
export async function lintFiles(patterns: string[], options: LintOptions = {}): Promise<LintFilesOutput> {
  const cwd = resolve(options.cwd ?? process.cwd())
  const {configFor, problems} = guardedConfigs(options, cwd)
  // A preset of the config's own may be named too (`--preset ours`).
  const here = configFor(resolve(cwd, 'plan.md'))
  checkOptions(options, here)
  const planGlobs = here?.config.files ?? defaultPlanGlobs
  const discovered = await discover(patterns, cwd, planGlobs, options.ignore !== false)
  problems.push(...discovered.problems)
  const named = new Set(patterns.map((pattern) => resolve(cwd, pattern)))

  const cache = options.cache ? await LintCache.open(options.cache) : undefined
  if (cache?.warning) options.onWarning?.(`${relative(cwd, options.cache!) || options.cache}: ${cache.warning}`)
  // Everything a result depends on besides the file and its config.
  const keyOptions = {preset: options.preset, rules: options.rules}

  // Read, configure and look up every file here; lint only the misses.
  const slots: Array<LintResult | undefined> = []
  type Job = {slot: number; file: string; display: string; text: string; bom: boolean; loaded: LoadedConfig | null; key: string}
  const jobs: Job[] = []
  for (const file of discovered.files) {
    const loaded = configFor(file)
    if (loaded === undefined) continue
    if (options.ignore !== false && isIgnoredByConfig(loaded, file)) continue
    const display = relative(cwd, file) || file
    const document = readDocument(file)
    if (document.problem !== undefined) {
      if (named.has(file)) problems.push({path: display, problem: document.problem})
      else slots.push({file: display, preset: null, messages: [fileMessage(`Cannot lint this file: ${document.problem}`)]})
      continue
    }
    const key = cacheKey({options: keyOptions, config: loaded, text: document.text, siblings: siblingsOf(file)})
    const hit = cache?.cache.get(file, key)
    // A cached result with fixes to apply is linted again: the fix needs the tree's offsets fresh.
    if (hit && !(options.fix && hit.messages.some((message) => message.fix))) {
      slots.push({file: display, ...hit})
      continue
    }
    jobs.push({slot: slots.length, file, display, text: document.text, bom: document.bom, loaded, key})
    slots.push(undefined)
  }

  const bytes = jobs.reduce((total, job) => total + job.text.length, 0)
  const workerCount = workersFor(options.workers ?? 0, {files: jobs.length, bytes, cores: availableParallelism()})
  const pool = workerCount >= 2 ? new WorkerPool(Math.min(workerCount, jobs.length)) : undefined
  const shared: LintOptions = {
    preset: options.preset,
    rules: options.rules,
    cwd: options.cwd,
    config: options.config,
    timeLimit: options.timeLimit,
    maxNesting: options.maxNesting
  }
  try {
    // On one thread, one file at a time: starting them all at once would
    // hold every parse tree in memory before the first rule runs.
    const lintJob = (job: Job) =>
      (pool
        ? pool.run({text: job.text, file: job.file, display: job.display, loaded: job.loaded, options: shared})
        : lintDocument(job.text, job.file, job.display, job.loaded, shared)
      ).catch((error: unknown) =>
        error instanceof PlanlintError ? error : new Error(String((error as Error).message ?? error).split('\n')[0])
      )
    const linted: Array<CachedResult | Error> = []
    const total = slots.length
    let done = total - jobs.length
    const counted = (outcome: CachedResult | Error) => {
      options.onProgress?.(++done, total)
      return outcome
    }
    if (pool) linted.push(...(await Promise.all(jobs.map((job) => lintJob(job).then(counted)))))
    else for (const job of jobs) linted.push(counted(await lintJob(job)))
    for (const [index, job] of jobs.entries()) {
      const outcome = linted[index]!
      // One file that breaks planlint is reported as that file's error; the rest still count.
      if (outcome instanceof Error) {
        const reason = outcome instanceof PlanlintError ? `Cannot lint this file: ${outcome.message}` : `Internal error while linting this file: ${outcome.message}`
        slots[job.slot] = {file: job.display, preset: null, messages: [fileMessage(reason)]}
        continue
      }
      let result: CachedResult = outcome
      let fixed = 0
      let output: string | undefined
      let key = job.key
      if (options.fix && result.messages.some((message) => message.fix)) {
        const applied = applyFixes(job.text, result.messages)
        if (applied.text !== job.text) {
          const notFixed = options.fixDryRun ? undefined : await writeFix(job.file, job, applied.text, options.beforeFixWrite && (() => options.beforeFixWrite!(job.file)))
          if (notFixed !== undefined) {
            // Its messages are those of the text it was linted as; nothing is cached.
            slots[job.slot] = {file: job.display, ...result, messages: [fileMessage(`Not fixed: ${notFixed}`), ...result.messages]}
            continue
          }
          fixed = applied.applied
          if (options.fixDryRun) output = applied.text
          const again = await lintJob({...job, text: applied.text})
          if (again instanceof Error) {
            slots[job.slot] = {file: job.display, preset: null, fixed, messages: [fileMessage(`Internal error while linting this file after fixing it: ${again.message}`)]}
            continue
          }
          result = again
          key = cacheKey({options: keyOptions, config: job.loaded, text: applied.text, siblings: siblingsOf(job.file)})
        }
      }
      // A file not checked (over its budget) is tried again next time.
      if (!result.messages.some((message) => message.fatal) && !options.fixDryRun) cache?.cache.set(job.file, key, result)
      slots[job.slot] = {file: job.display, ...result, ...(fixed > 0 ? {fixed} : {}), ...(output !== undefined ? {output} : {})}
    }
  } finally {
    await pool?.close()
  }
  // Results are never lost to a cache that cannot be written: say so and go on.
  try {
    await cache?.cache.save()
  } catch (error) {
    options.onWarning?.(`${relative(cwd, options.cache!) || options.cache}: cannot write the cache: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  const results = slots.filter((slot): slot is LintResult => slot !== undefined)
  return {results, problems}
}
