#!/usr/bin/env node
/**
 * The `planlint` command: parse arguments → lint → report → exit code.
 * Exit codes: 0 clean (warnings within --max-warnings), 1 lint errors or too
 * many warnings, 2 usage, configuration or I/O failure.
 */
import {existsSync, mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {dirname, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {createTwoFilesPatch} from 'diff'
import {parse as parseYaml} from 'yaml'
import {PlanlintError} from '../core/errors.js'
import {version} from '../core/meta.js'
import type {LintResult, RuleSetting} from '../core/types.js'
import {defaultCacheLocation} from '../engine/cache.js'
import {ruleSettingsProblem} from '../engine/config/validate.js'
import {decodeDocument} from '../engine/files.js'
import {autoWorkersFrom, autoWorkersFromCores, explainDetection, lint, lintFiles, settingsFor, type LintOptions} from '../engine/run.js'
import {lintStaged} from '../engine/staged.js'
import {presetList, ruleMetadata} from '../engine/registry.js'
import {format, formatNames} from './reporters/index.js'

const help = `Usage: planlint [options] [paths or globs...]

Lint Markdown implementation plans. With no path, lints the plan documents
under the current folder (files named like *plan*.md and tasks.md, or the
config's "files"), respecting .gitignore and .planlintignore.

Options:
  --preset NAME            use this preset for every file (${presetList().map((preset) => preset.name).join(', ')})
  -c, --config PATH        use this config file instead of looking one up
  --no-config              use no config file
  -f, --format NAME        output format: ${formatNames.join(', ')} (default: stylish)
  -q, --quiet              report errors only
  --max-warnings N         exit with 1 when there are more than N warnings
  --fix                    apply the fixes that are certain (${ruleMetadata().filter((rule) => rule.fixable).map((rule) => rule.id).join(', ')})
  --fix-dry-run            show what --fix would change, as a unified diff, without writing
  --rule 'RULE: SEVERITY'  set a rule for this run (repeatable; YAML: 'task-id: [error, {suffixes: allow}]')
  -o, --output-file FILE   write the report to FILE; a one-line summary stays on the terminal
  --cache                  skip files unchanged since the last run (same content,
                           config and planlint version) and replay their results
  --cache-location PATH    the cache file (default: ${defaultCacheLocation}, or
                           .planlintcache where there is no node_modules folder)
  --no-ignore              read no ignore file (.gitignore, .planlintignore) and no
                           config "ignore"; node_modules and .git are still skipped
  --workers N              worker threads (default: one per core on ${autoWorkersFromCores}+ cores, from ${autoWorkersFrom} files and 4 MB; 0: none)
  --time-limit SECONDS     stop checking a file after this long and report it as not
                           checked (default: 10; 0: no limit)
  --stdin                  lint standard input
  --stdin-filename NAME    name (and config lookup path) for standard input
  --staged                 lint the plan documents staged in git, as staged
  --color, --no-color      force colours on or off in stylish output (default: on for a
                           terminal; NO_COLOR and FORCE_COLOR are honoured)
  --list-presets           list the presets and exit
  --print-config FILE      print the resolved preset and rule settings for FILE
  --explain-detection FILE print how FILE scores against each family
  --debug                  print the stack of an internal error
  -v, --version            print the version
  -h, --help               print this help

Exit codes: 0 no errors, 1 lint errors (or too many warnings), 2 usage,
configuration or file errors.
`

/** A problem with how planlint was called: exit 2. */
class UsageError extends PlanlintError {}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        preset: {type: 'string'},
        config: {type: 'string', short: 'c'},
        'no-config': {type: 'boolean'},
        format: {type: 'string', short: 'f', default: 'stylish'},
        quiet: {type: 'boolean', short: 'q'},
        'max-warnings': {type: 'string'},
        stdin: {type: 'boolean'},
        fix: {type: 'boolean'},
        'fix-dry-run': {type: 'boolean'},
        rule: {type: 'string', multiple: true},
        'output-file': {type: 'string', short: 'o'},
        cache: {type: 'boolean'},
        'cache-location': {type: 'string'},
        workers: {type: 'string'},
        'time-limit': {type: 'string'},
        'stdin-filename': {type: 'string'},
        staged: {type: 'boolean'},
        color: {type: 'boolean'},
        'no-color': {type: 'boolean'},
        'no-ignore': {type: 'boolean'},
        'list-presets': {type: 'boolean'},
        'print-config': {type: 'string'},
        'explain-detection': {type: 'string'},
        version: {type: 'boolean', short: 'v'},
        help: {type: 'boolean', short: 'h'},
        debug: {type: 'boolean'}
      }
    })
  } catch (error) {
    // Node's message explains positional arguments at length: its first sentence says what is wrong.
    const first = (error as Error).message.split('\n')[0]!.split(/\.\s/)[0]!.replace(/\.$/, '')
    throw new UsageError(`${first.charAt(0).toLowerCase()}${first.slice(1)} (see planlint --help)`)
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  const document = decodeDocument(Buffer.concat(chunks))
  if (document.problem !== undefined) throw new UsageError(`<stdin>: ${document.problem}`)
  return document.text
}

/**
 * Files done of total on standard error, for a run that takes a while on a
 * terminal: after a second, at most ten times a second, erased at the end.
 * Never in CI logs or pipes, where it would be noise.
 */
function progressLine(): LintOptions['onProgress'] {
  if (!process.stderr.isTTY || process.env['CI']) return undefined
  const started = Date.now()
  let shown = 0
  return (done, total) => {
    const now = Date.now()
    if (done === total) {
      if (shown > 0) process.stderr.write('\r\u001b[K')
      return
    }
    if (now - started < 1000 || now - shown < 100) return
    shown = now
    process.stderr.write(`\rplanlint: ${done} of ${total} files`)
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

/** Colours: the flags, else FORCE_COLOR (0 is off), else a terminal without NO_COLOR. */
function colorWanted(values: {color?: boolean; 'no-color'?: boolean}): boolean {
  if (values['no-color']) return false
  if (values.color !== undefined) return values.color
  const force = process.env['FORCE_COLOR']
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false'
  return process.stdout.isTTY === true && !process.env['NO_COLOR']
}

/** `--rule 'RULE: SEVERITY'` values, each a line of YAML; checked with the other options. */
function parseRuleOptions(values: string[]): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {}
  for (const value of values) {
    let parsed: unknown
    try {
      parsed = parseYaml(value)
    } catch (error) {
      throw new UsageError(`--rule '${value}': not "RULE: SEVERITY" (${(error as Error).message.split('\n')[0]})`)
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new UsageError(`--rule '${value}': expected "RULE: SEVERITY", as 'task-id: warn'`)
    const problem = ruleSettingsProblem(parsed, [])
    if (problem) throw new UsageError(`--rule '${value}': ${problem.replace(/^: /, '')}`)
    Object.assign(rules, parsed)
  }
  return rules
}

/** What --fix-dry-run shows: a unified diff per file a fix would change. */
function fixDiffs(results: LintResult[]): string {
  return results
    .filter((result) => result.output !== undefined)
    .map((result) => {
      const before = decodeDocument(readFileSync(resolve(result.file))).text ?? ''
      return createTwoFilesPatch(`a/${result.file}`, `b/${result.file}`, before, result.output!, undefined, undefined, {context: 3})
    })
    .join('')
}

/** The report, written whole: a reader of FILE never sees half of it. */
function writeReport(path: string, report: string): void {
  try {
    mkdirSync(dirname(resolve(path)), {recursive: true})
    const temporary = `${resolve(path)}.planlint-${process.pid}.tmp`
    writeFileSync(temporary, report)
    renameSync(temporary, resolve(path))
  } catch (error) {
    throw new UsageError(`--output-file ${path}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
}

function withoutWarnings(results: LintResult[]): LintResult[] {
  return results.map((result) => ({...result, messages: result.messages.filter((m) => m.severity === 'error')}))
}

async function main(argv: string[]): Promise<number> {
  const {values, positionals} = parse(argv)

  if (values.help) {
    process.stdout.write(help)
    return 0
  }
  if (values.version) {
    process.stdout.write(`${version}\n`)
    return 0
  }
  if (values['list-presets']) {
    const presets = presetList()
    const width = Math.max(...presets.map((preset) => preset.name.length))
    process.stdout.write(presets.map((p) => `${p.name.padEnd(width)}  ${p.description}`).join('\n') + '\n')
    return 0
  }

  const formatName = values.format!
  if (!formatNames.includes(formatName)) {
    throw new UsageError(`unknown format "${formatName}" (expected one of ${formatNames.join(', ')})`)
  }
  let maxWarnings = Infinity
  if (values['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(values['max-warnings'])) {
      throw new UsageError(`--max-warnings expects a whole number, got "${values['max-warnings']}"`)
    }
    maxWarnings = Number(values['max-warnings'])
  }
  if (values['stdin-filename'] !== undefined && !values.stdin) {
    throw new UsageError('--stdin-filename needs --stdin')
  }
  if (values.stdin && positionals.length > 0) {
    throw new UsageError('--stdin takes no paths: give the name with --stdin-filename')
  }
  if (values.staged && (values.stdin || positionals.length > 0)) {
    throw new UsageError('--staged takes no paths and no --stdin: it lints the staged plan documents (the config\'s "files" chooses them)')
  }

  if ((values.fix || values['fix-dry-run']) && (values.stdin || values.staged)) {
    throw new UsageError(`--${values.fix ? 'fix' : 'fix-dry-run'} works on files: it cannot be combined with --stdin or --staged`)
  }
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run: choose one')
  const rules = values.rule === undefined ? undefined : parseRuleOptions(values.rule)

  let workers: number | 'auto' = 'auto'
  if (values.workers !== undefined) {
    if (!/^\d+$/.test(values.workers)) throw new UsageError(`--workers expects a whole number, got "${values.workers}"`)
    workers = Number(values.workers)
  }
  let timeLimit: number | undefined
  if (values['time-limit'] !== undefined) {
    if (!/^\d+(?:\.\d+)?$/.test(values['time-limit'])) throw new UsageError(`--time-limit expects a number of seconds, got "${values['time-limit']}"`)
    timeLimit = Number(values['time-limit'])
  }
  if (values['cache-location'] !== undefined && !values.cache) {
    throw new UsageError('--cache-location needs --cache')
  }

  const options: LintOptions = {
    preset: values.preset,
    config: values['no-config'] ? false : values.config,
    fix: values.fix === true || values['fix-dry-run'] === true,
    fixDryRun: values['fix-dry-run'],
    rules,
    cache: values.cache ? resolve(values['cache-location'] ?? (existsSync('node_modules') ? defaultCacheLocation : '.planlintcache')) : undefined,
    ignore: !values['no-ignore'],
    workers,
    timeLimit,
    onProgress: progressLine(),
    onWarning: (warning) => process.stderr.write(`planlint: warning: ${warning}\n`)
  }

  if (values['print-config'] !== undefined) {
    const file = values['print-config']
    process.stdout.write(JSON.stringify({file, ...(await settingsFor(file, options))}, null, 2) + '\n')
    return 0
  }

  if (values['explain-detection'] !== undefined) {
    const {preset, scores, bar, margin, folder} = await explainDetection(values['explain-detection'], options)
    const width = Math.max(...scores.map((score) => `${score.preset}/${score.variant}`.length))
    const rows = scores.map((score) => `  ${`${score.preset}/${score.variant}`.padEnd(width)}  ${score.score.toFixed(2)}`)
    process.stdout.write(
      [
        `${values['explain-detection']}: ${preset}`,
        ...rows,
        `(a family needs ${bar} and a lead of ${margin} over the next)`,
        ...(folder ? [`feature folder: checked against ${folder.length > 0 ? folder.join(', ') : 'no other document (none beside it)'}`] : [])
      ].join('\n') + '\n'
    )
    return 0
  }

  let results: LintResult[]
  let failedPaths = 0
  if (values.stdin) {
    const name = values['stdin-filename']
    const output = await lint({path: name, text: await readStdin()}, options)
    results = [{file: name ?? '<stdin>', ...output}]
  } else {
    const output = values.staged ? await lintStaged(options) : await lintFiles(positionals, options)
    results = output.results
    for (const {path, problem} of output.problems) process.stderr.write(`planlint: ${path}: ${problem}\n`)
    failedPaths = output.problems.length
  }

  const warnings = results.reduce((n, r) => n + r.messages.filter((m) => m.severity === 'warning').length, 0)
  const errors = results.reduce((n, r) => n + r.messages.filter((m) => m.severity === 'error').length, 0)
  const shown = values.quiet ? withoutWarnings(results) : results
  const outputFile = values['output-file']
  const color = outputFile === undefined && colorWanted(values)
  if (values['fix-dry-run'] && formatName !== 'json') process.stdout.write(fixDiffs(results))
  const report = await format(formatName, shown, {color, rules: ruleMetadata()})
  if (outputFile === undefined) process.stdout.write(report)
  else {
    writeReport(outputFile, report)
    const files = new Set(results.filter((result) => result.messages.length > 0).map((result) => result.file)).size
    process.stderr.write(`planlint: ${count(errors, 'error')}, ${count(warnings, 'warning')} in ${count(files, 'file')}; report written to ${outputFile}\n`)
  }
  const fixedFiles = results.filter((result) => result.fixed)
  if (fixedFiles.length > 0) {
    const problems = fixedFiles.reduce((total, result) => total + result.fixed!, 0)
    process.stderr.write(`planlint: ${values['fix-dry-run'] ? 'would fix' : 'fixed'} ${count(problems, 'problem')} in ${count(fixedFiles.length, 'file')}\n`)
  }

  // A file planlint could not lint (unreadable, or a bug while linting it) is a failure, not a lint error.
  if (failedPaths > 0 || results.some((result) => result.messages.some((message) => message.fatal))) return 2
  if (errors > 0) return 1
  if (!values.quiet && warnings > maxWarnings) {
    process.stderr.write(`planlint: too many warnings (${warnings}; --max-warnings is ${maxWarnings})\n`)
    return 1
  }
  return 0
}

const argv = process.argv.slice(2)
main(argv).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof PlanlintError) {
      process.stderr.write(`planlint: ${error.message}\n`)
      process.exitCode = error.exitCode
      return
    }
    // A bug in planlint: one line, the stack with --debug; never exit 1, which means "lint errors".
    const debug = argv.includes('--debug')
    const detail = debug ? ((error as Error).stack ?? String(error)) : `${String((error as Error).message ?? error).split('\n')[0]} (run with --debug for the stack)`
    process.stderr.write(`planlint: internal error: ${detail}\n`)
    process.exitCode = 2
  }
)
