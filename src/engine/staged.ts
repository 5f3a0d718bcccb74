/**
 * `planlint --staged`: lint what is about to be committed. The staged plan
 * documents are read from git's index, not the working tree, so a file with
 * unstaged edits is checked as it will be committed (husky hooks run on the
 * working tree as it is, unlike pre-commit, which stashes unstaged changes).
 */
import {PlanlintError} from '../core/errors.js'
import {spawnSync} from 'node:child_process'
import {posix, relative, resolve, sep} from 'node:path'
import {isIgnoredByConfig} from './config/resolve.js'
import {defaultPlanGlobs, planDocumentsAmong} from './discover.js'
import {decodeDocument, maxFileBytes, type ReadOutcome} from './files.js'
import {guardedConfigs, lint, type LintFilesOutput, type LintOptions} from './run.js'
import type {LintResult} from '../core/types.js'

/** git is missing, or this is not a repository: the CLI exits with 2. */
export class GitError extends PlanlintError {}

function git(args: string[], cwd: string): Buffer {
  // The environment is passed on as it is: in a hook, GIT_INDEX_FILE may
  // name the index `git commit <paths>` is about to commit.
  const run = spawnSync('git', args, {cwd, maxBuffer: maxFileBytes + 1024 * 1024})
  if (run.error) {
    const code = (run.error as NodeJS.ErrnoException).code
    throw new GitError(code === 'ENOENT' ? '--staged needs git, which is not on the PATH' : `git ${args[0]}: ${run.error.message}`)
  }
  if (run.status !== 0) {
    const reason = run.stderr.toString('utf8').trim().split('\n')[0] ?? ''
    if (/not a git repository/i.test(reason)) throw new GitError('--staged: not in a git repository')
    throw new GitError(`git ${args[0]} failed: ${reason}`)
  }
  return run.stdout
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** The staged content of `name` (relative to the repository's top). */
function readStaged(name: string, cwd: string): ReadOutcome {
  // `:0:` is "stage 0 of the index"; plain `:name` would misread a name like `1:plan.md`.
  const spec = `:0:${name}`
  const size = Number(git(['cat-file', '-s', spec], cwd).toString('utf8').trim())
  if (size > maxFileBytes) return {problem: `file too large (${megabytes(size)}; the limit is ${megabytes(maxFileBytes)})`}
  return decodeDocument(git(['show', spec], cwd))
}

/**
 * A document beside a staged one (its feature folder's spec.md), as it will
 * be committed: from the index; none where the index has none (a file not added).
 */
function readStagedSibling(path: string, prefix: string, cwd: string): string | undefined {
  const name = posix.join(prefix, relative(cwd, path).split(sep).join('/'))
  try {
    const document = readStaged(name, cwd)
    return document.problem === undefined ? document.text : undefined
  } catch (error) {
    if (error instanceof GitError) return undefined
    throw error
  }
}

/**
 * Lint the plan documents staged for commit (added, copied, modified or
 * renamed), as `lintFiles()` would pick them under `cwd`: the config's
 * `files` globs or the default plan names, minus `.planlintignore` and the
 * config's `ignore`. Results are reported under each file's path.
 */
export async function lintStaged(options: LintOptions = {}): Promise<LintFilesOutput> {
  const cwd = resolve(options.cwd ?? process.cwd())
  // Paths from `git diff` are relative to the repository's top; the prefix
  // is where cwd sits below it, so no symlink-sensitive absolute paths are compared.
  const prefix = git(['rev-parse', '--show-prefix'], cwd).toString('utf8').trim()
  const staged = git(['diff', '--cached', '--name-only', '--diff-filter=ACMR', '-z'], cwd)
    .toString('utf8')
    .split('\0')
    .filter((name) => name !== '')
  const toTop = new Map(staged.map((name) => [resolve(cwd, posix.relative(prefix, name)), name]))

  // A --config that cannot be used throws ConfigError; a broken config found
  // on the way stops the files it governs, reported once (as in lintFiles()).
  const {configFor, problems} = guardedConfigs(options, cwd)

  const planGlobs = configFor(resolve(cwd, 'plan.md'))?.config.files ?? defaultPlanGlobs
  const results: LintResult[] = []
  for (const file of planDocumentsAmong([...toTop.keys()], cwd, planGlobs)) {
    const name = toTop.get(file)
    const loaded = configFor(file)
    if (name === undefined || loaded === undefined || isIgnoredByConfig(loaded, file)) continue
    const display = relative(cwd, file)
    const document = readStaged(name, cwd)
    if (document.problem !== undefined) {
      problems.push({path: display, problem: document.problem})
      continue
    }
    results.push({file: display, ...(await lint({path: file, text: document.text}, {...options, cwd, readSibling: (path) => readStagedSibling(path, prefix, cwd)}))})
  }
  return {results, problems}
}
