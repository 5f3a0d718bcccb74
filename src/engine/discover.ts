/**
 * Which files a run lints: named files, folders and globs, or, with no path,
 * the plan documents under the current folder. `.gitignore`,
 * `.planlintignore` and the config's `ignore` are respected.
 */
import {existsSync, readFileSync, statSync} from 'node:fs'
import {dirname, join, relative, resolve, sep} from 'node:path'
import ignore, {type Ignore} from 'ignore'
import picomatch from 'picomatch'
import {glob, isDynamicPattern} from 'tinyglobby'

/** Plan documents by name, until auto-detection can tell them by content. */
// A spec-kit feature's spec.md is checked with its plan and tasks (feature-folder).
export const defaultPlanGlobs = ['**/*plan*.md', '**/tasks.md', '**/specs/**/spec.md']

const alwaysSkipped = ['**/node_modules/**', '**/.git/**']
const markdownGlob = '**/*.{md,markdown}'

export interface PathProblem {
  path: string
  problem: string
}

export interface Discovery {
  /** Absolute paths, in the order the user named them (globs sorted). */
  files: string[]
  problems: PathProblem[]
}

function toPosix(path: string): string {
  return path.split(sep).join('/')
}

type IgnoreScope = {dir: string; rules: Ignore}

function planlintIgnore(root: string): IgnoreScope[] {
  const planlintignore = join(root, '.planlintignore')
  return existsSync(planlintignore) ? [{dir: root, rules: ignore().add(readFileSync(planlintignore, 'utf8'))}] : []
}

function matcher(scopes: IgnoreScope[]): (file: string) => boolean {
  return (file) =>
    scopes.some(({dir, rules}) => {
      const path = relative(dir, file)
      return path !== '' && !path.startsWith('..') && rules.ignores(toPosix(path))
    })
}

/**
 * What git ignores above `root` too: the `.gitignore` files of its parent
 * folders up to the repository's top, and the repository's own
 * `.git/info/exclude` (patterns a user keeps out of every commit).
 */
function gitScopesAbove(root: string): IgnoreScope[] {
  const scopes: IgnoreScope[] = []
  for (let dir = root; ; dir = dirname(dir)) {
    if (dir !== root && existsSync(join(dir, '.gitignore'))) scopes.push({dir, rules: ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8'))})
    const exclude = join(dir, '.git', 'info', 'exclude')
    if (existsSync(join(dir, '.git'))) {
      if (existsSync(exclude)) scopes.push({dir, rules: ignore().add(readFileSync(exclude, 'utf8'))})
      return scopes
    }
    if (dirname(dir) === dir) return []
  }
}

/** `.gitignore` files anywhere under `root` and above it in its repository, `.git/info/exclude`, and `.planlintignore` at the root. */
async function loadIgnores(root: string): Promise<(file: string) => boolean> {
  const scopes: IgnoreScope[] = gitScopesAbove(root)
  const gitignores = await glob(['**/.gitignore'], {cwd: root, ignore: alwaysSkipped, dot: true})
  for (const path of gitignores) {
    scopes.push({dir: dirname(join(root, path)), rules: ignore().add(readFileSync(join(root, path), 'utf8'))})
  }
  return matcher([...scopes, ...planlintIgnore(root)])
}

/**
 * Of these files (absolute paths), the plan documents a bare `planlint` run
 * in `cwd` would pick: matching `planGlobs` (relative to `cwd`, any case, no dot folders) and
 * not in `.planlintignore`. Used for `--staged`, where git has already said
 * which files there are, so no folder is walked and `.gitignore` does not
 * apply (a staged file is tracked).
 */
export function planDocumentsAmong(files: string[], cwd: string, planGlobs: string[]): string[] {
  const isPlan = picomatch(planGlobs, {nocase: true})
  const isIgnored = matcher(planlintIgnore(cwd))
  return files.filter((file) => {
    const path = toPosix(relative(cwd, file))
    return !path.startsWith('../') && isPlan(path) && !isIgnored(file)
  })
}

async function globFiles(patterns: string[], cwd: string, isIgnored: (file: string) => boolean): Promise<string[]> {
  const found = await glob(patterns, {cwd, ignore: alwaysSkipped, absolute: true, caseSensitiveMatch: false})
  return found
    .map((path) => resolve(path))
    .filter((path) => !isIgnored(path))
    .sort()
}

/** `useIgnores: false` (`--no-ignore`) reads no ignore file; node_modules and .git are still skipped. */
export async function discover(patterns: string[], cwd: string, planGlobs: string[], useIgnores = true): Promise<Discovery> {
  // Ignore files matter only when something is expanded (no path, a folder, a
  // glob), and finding every .gitignore walks the whole tree: a pre-commit
  // hook naming one file must not pay for that, so they are loaded on demand.
  let ignores: Promise<(file: string) => boolean> | undefined
  const expand = async (globs: string[], from: string): Promise<string[]> =>
    globFiles(globs, from, await (ignores ??= useIgnores ? loadIgnores(cwd) : Promise.resolve(() => false)))

  if (patterns.length === 0) {
    return {files: await expand(planGlobs, cwd), problems: []}
  }

  const files: string[] = []
  const problems: PathProblem[] = []
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern)
    const info = existsSync(absolute) ? statSync(absolute) : undefined
    if (info?.isFile()) {
      // A file named on the command line is linted even if git ignores it.
      files.push(absolute)
    } else if (info?.isDirectory()) {
      const found = await expand([markdownGlob], absolute)
      if (found.length === 0) problems.push({path: pattern, problem: 'no Markdown files in this directory'})
      files.push(...found)
    } else if (isDynamicPattern(pattern)) {
      const found = await expand([pattern], cwd)
      if (found.length === 0) problems.push({path: pattern, problem: 'no files match this pattern'})
      files.push(...found)
    } else {
      problems.push({path: pattern, problem: 'no such file or directory'})
    }
  }
  return {files: [...new Set(files)], problems}
}
