/**
 * `npm run bench`: planlint against remark-cli and markdownlint-cli2 on a
 * generated corpus of plans (bench/generate.ts) and the real plans in
 * ../shared/corpus/real. Prints a table and writes bench/results.md.
 *
 *   npm run bench                      the full run (about 6 minutes on 2 cores)
 *   npm run bench -- --quick           200 files, one repetition (about 2 minutes); prints only, unless --out
 *                                      (so do --only and --reps: only a full run rewrites bench/results.md)
 *   npm run bench -- --reps 5          more repetitions
 *   npm run bench -- --only single,big run some cases: files-cold, files-cold-workers, files-cache-empty,
 *                                      files-warm, files-warm-10, startup, single, big, scale-100k … scale-800k, real,
 *                                      install, folder
 *   npm run bench -- --corpus DIR      write (and keep) the corpus in DIR instead of a temp folder
 *   npm run bench -- --out FILE        write the results elsewhere (default bench/results.md)
 *   npm run bench -- --timeout 300     seconds before a command is stopped and reported as "timeout"
 *   npm run bench -- --profile         also write a CPU profile of planlint on the 1,000 files and summarise it
 *
 * Build first (`npm run build`):
 * the bench runs dist/bin/cli.js as a user would.
 */
import {spawn, spawnSync} from 'node:child_process'
import {appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import {availableParallelism, cpus, loadavg, tmpdir, totalmem} from 'node:os'
import {basename, dirname, join, relative, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {generate, md043Tasks, type Manifest} from './generate.js'
import {installTable, measureInstall, type Installed} from './lib/install.js'
import {measureFolder} from './lib/folder.js'

const project = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(project, 'dist/bin/cli.js')
// The same code unbundled (tsc output): profiles attribute its time per package and file.
const unbundledCli = join(project, 'dist/src/front/cli.js')
const realCorpus = resolve(project, '../shared/corpus/real')
const timeBin = '/usr/bin/time'

// ---------------------------------------------------------------- options

const args = process.argv.slice(2)
function option(name: string): string | undefined {
  const i = args.indexOf(name)
  if (i < 0) return undefined
  const value = args[i + 1]
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`)
  return value
}
const quick = args.includes('--quick')
const profile = args.includes('--profile')
const repsOption = option('--reps')
const reps = repsOption ? Number(repsOption) : quick ? 1 : 3
const only = option('--only')?.split(',')
const caseNames = ['files-cold', 'files-cold-workers', 'files-cache-empty', 'files-warm', 'files-warm-10', 'startup', 'single', 'big', 'scale-100k', 'scale-200k', 'scale-400k', 'scale-800k', 'real', 'install', 'folder']
const unknownCase = only?.find((name) => !caseNames.includes(name))
if (unknownCase) throw new Error(`--only: unknown case "${unknownCase}" (cases: ${caseNames.join(', ')})`)
// A quick or partial run (--quick, --only, --reps) prints its table but leaves
// the committed bench/results.md alone unless --out says where.
const partial = quick || only !== undefined || repsOption !== undefined
const outOption = option('--out')
const outFile = outOption ? resolve(outOption) : partial ? undefined : join(project, 'bench/results.md')
const timeoutSeconds = Number(option('--timeout') ?? (quick ? 120 : 300))
const corpusOption = option('--corpus')
const fileCount = quick ? 200 : 1000

// ---------------------------------------------------------------- environment

function run(command: string, argv: string[], cwd = project): string {
  const result = spawnSync(command, argv, {cwd, encoding: 'utf8'})
  return `${result.stdout ?? ''}${result.stderr ?? ''}`.trim()
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8')) as {version: string}).version
  } catch {
    return 'missing'
  }
}

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path))
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

if (!existsSync(cli)) {
  console.error('bench: dist/bin/cli.js is missing: run `npm run build` first')
  process.exit(2)
}
const help = run(process.execPath, [cli, '--help'])
const hasCache = /--cache\b/.test(help) && /--cache-location\b/.test(help)
const hasWorkers = /--workers\b/.test(help)
const hasTime = existsSync(timeBin)
const stale = ['src', 'rules', 'presets'].some((dir) => newestMtime(join(project, dir)) > statSync(cli).mtimeMs)
const cliBuiltAt = statSync(cli).mtimeMs

const env = {
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  nproc: availableParallelism(),
  cpu: cpus()[0]?.model.trim() ?? 'unknown',
  memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
  node: process.version,
  planlint: run(process.execPath, [cli, '--version']),
  remarkCli: packageVersion('remark-cli'),
  remarkPreset: packageVersion('remark-preset-lint-recommended'),
  remarkGfm: packageVersion('remark-gfm'),
  markdownlintCli2: packageVersion('markdownlint-cli2'),
  markdownlint: packageVersion('markdownlint'),
  loadStart: loadavg()[0]!.toFixed(2),
  commit: run('git', ['rev-parse', '--short', 'HEAD']),
  dirty: run('git', ['status', '--porcelain', '--', 'src', 'rules', 'presets']).length > 0
}

// ---------------------------------------------------------------- tools

type ToolName = 'planlint' | 'remark-cli' | 'markdownlint-cli2'
const toolNames: ToolName[] = ['planlint', 'remark-cli', 'markdownlint-cli2']

/** What a tool is given: paths (files or folders), relative to `cwd`. */
interface Target {
  cwd: string
  paths: string[]
  /** markdownlint-cli2 takes globs, not folders. */
  globs: string[]
  /** How many Markdown files the target holds (checked against markdownlint-cli2's count). */
  files: number
}

function command(tool: ToolName, target: Target, extra: string[] = []): string[] {
  switch (tool) {
    case 'planlint':
      return [process.execPath, cli, '--format', 'json', ...extra, ...target.paths]
    case 'remark-cli':
      // Plugins by absolute path: remark resolves names from the cwd, a temp folder here.
      return [
        process.execPath,
        join(project, 'node_modules/remark-cli/cli.js'),
        '--use',
        join(project, 'node_modules/remark-preset-lint-recommended/index.js'),
        '--use',
        join(project, 'node_modules/remark-gfm/index.js'),
        '--frail',
        '--quiet',
        '--no-stdout',
        ...target.paths
      ]
    case 'markdownlint-cli2':
      return [process.execPath, join(project, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'), ...target.globs]
  }
}

interface Sample {
  wall: number
  cpu?: number
  rss?: number
  status: 'ok' | 'timeout' | 'failed'
  detail?: string
}

const scratch = mkdtempSync(join(tmpdir(), 'planlint-bench-run-'))

/** Run one command under /usr/bin/time; wall time from hrtime, CPU and peak RSS from time. */
function measure(tool: ToolName, argv: string[], cwd: string, expectFiles?: number): Promise<Sample> {
  const timeFile = join(scratch, 'time.txt')
  const outFile = join(scratch, 'stdout.txt')
  const errFile = join(scratch, 'stderr.txt')
  rmSync(timeFile, {force: true})
  const full = hasTime ? [timeBin, '-f', '%e %U %S %M', '-o', timeFile, ...argv] : argv
  return new Promise((done) => {
    // planlint's JSON goes to /dev/null as in a CI step that only needs the
    // exit code; markdownlint-cli2's stdout is its short banner (file count).
    const stdout = tool === 'planlint' || tool === 'remark-cli' ? 'ignore' : 'pipe'
    const started = process.hrtime.bigint()
    const child = spawn(full[0]!, full.slice(1), {cwd, stdio: ['ignore', stdout, 'pipe'], detached: true})
    let out = ''
    let err = ''
    child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => {
      if (err.length < 1 << 20) err += chunk.toString()
    })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // already gone
      }
    }, timeoutSeconds * 1000)
    child.on('close', (code) => {
      clearTimeout(timer)
      const wall = Number(process.hrtime.bigint() - started) / 1e9
      writeFileSync(outFile, out)
      writeFileSync(errFile, err)
      if (timedOut) return done({wall, status: 'timeout'})
      let cpu: number | undefined
      let rss: number | undefined
      if (hasTime && existsSync(timeFile)) {
        const last = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number)
        cpu = last[1]! + last[2]!
        rss = last[3]! / 1024
      }
      // Exit codes: 0 clean, 1 lint findings (all three tools); anything else is a broken run.
      let problem: string | undefined
      if (code !== 0 && code !== 1) problem = `exit code ${code}`
      else if (tool === 'remark-cli' && /Cannot process file|Cannot find (module|package)/.test(err)) problem = 'remark could not process a file'
      else if (tool === 'planlint' && /^planlint: (?!warning: )/m.test(err)) problem = err.split('\n').find((l) => l.startsWith('planlint:'))
      else if (tool === 'markdownlint-cli2' && expectFiles !== undefined) {
        const linted = Number(/Linting: (\d+) file/.exec(out)?.[1] ?? -1)
        if (linted !== expectFiles) problem = `linted ${linted} files, expected ${expectFiles}`
      }
      if (problem) {
        appendFileSync(join(scratch, 'failures.log'), `${tool} in ${cwd}: ${argv.join(' ')}\n${problem}\n${err.slice(0, 4000)}\n\n`)
        return done({wall, cpu, rss, status: 'failed', detail: problem})
      }
      done({wall, cpu, rss, status: 'ok'})
    })
  })
}

// ---------------------------------------------------------------- cases

interface Row {
  name: string
  label: string
  bytes: number
  files: number
  /** Medians per tool; a string when not measured ("n/a (no --cache)", "timeout", …). */
  results: Partial<Record<ToolName, Summary | string>>
  note?: string
}

interface Summary {
  wall: number
  cpu?: number
  rss?: number
  runs: number
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function summarise(samples: Sample[]): Summary | string {
  const bad = samples.find((s) => s.status !== 'ok')
  if (bad) return bad.status === 'timeout' ? `timeout (> ${timeoutSeconds} s)` : `failed: ${bad.detail}`
  const cpu = samples.map((s) => s.cpu).filter((v): v is number => v !== undefined)
  const rss = samples.map((s) => s.rss).filter((v): v is number => v !== undefined)
  return {wall: median(samples.map((s) => s.wall)), cpu: cpu.length ? median(cpu) : undefined, rss: rss.length ? median(rss) : undefined, runs: samples.length}
}

const rows: Row[] = []
const wanted = (name: string) => !only || only.includes(name)

function progress(text: string): void {
  process.stderr.write(`bench: ${text}\n`)
}

/** Time every tool on one target, alternating tools between repetitions. */
async function compare(name: string, label: string, target: Target, bytes: number, repetitions = reps): Promise<Row | undefined> {
  if (!wanted(name)) return undefined
  const samples: Record<ToolName, Sample[]> = {planlint: [], 'remark-cli': [], 'markdownlint-cli2': []}
  for (let r = 0; r < repetitions; r++) {
    const order = toolNames.map((_, i) => toolNames[(i + r) % toolNames.length]!)
    for (const tool of order) {
      // After a timeout or failure, later repetitions of that tool would say nothing new.
      if (samples[tool].some((s) => s.status !== 'ok')) continue
      const sample = await measure(tool, command(tool, target), target.cwd, tool === 'markdownlint-cli2' ? target.files : undefined)
      samples[tool].push(sample)
      progress(`${name} ${tool} #${r + 1}: ${sample.status === 'ok' ? `${sample.wall.toFixed(2)} s` : sample.status}`)
    }
  }
  const row: Row = {name, label, bytes, files: target.files, results: {}}
  for (const tool of toolNames) row.results[tool] = summarise(samples[tool])
  rows.push(row)
  return row
}

/** planlint alone (cache and worker cases), with an optional step before each repetition. */
async function planlintOnly(
  name: string,
  label: string,
  target: Target,
  bytes: number,
  extra: string[],
  options: {before?: (rep: number) => void; missing?: string; others?: string; repetitions?: number} = {}
): Promise<Row | undefined> {
  if (!wanted(name)) return undefined
  const row: Row = {name, label, bytes, files: target.files, results: {}}
  const others = options.others ?? 'not run'
  row.results['remark-cli'] = others
  row.results['markdownlint-cli2'] = others
  if (options.missing) {
    row.results.planlint = options.missing
    rows.push(row)
    return row
  }
  const samples: Sample[] = []
  for (let r = 0; r < (options.repetitions ?? reps); r++) {
    options.before?.(r)
    const sample = await measure('planlint', command('planlint', target, extra), target.cwd)
    samples.push(sample)
    progress(`${name} planlint #${r + 1}: ${sample.status === 'ok' ? `${sample.wall.toFixed(2)} s` : sample.status}`)
    if (sample.status !== 'ok') break
  }
  row.results.planlint = summarise(samples)
  rows.push(row)
  return row
}

function countMarkdown(dir: string): number {
  let count = 0
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    if (entry.isDirectory()) count += countMarkdown(join(dir, entry.name))
    else if (entry.name.endsWith('.md')) count++
  }
  return count
}

function bytesOf(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) total += bytesOf(path)
    else if (entry.name.endsWith('.md')) total += statSync(path).size
  }
  return total
}

function fileTarget(path: string): Target {
  return {cwd: dirname(path), paths: [basename(path)], globs: [basename(path)], files: 1}
}

// ---------------------------------------------------------------- profile

/** Where a profile sample's self time belongs: a broad category and a finer group. */
function classify(url: string, fn: string): [category: string, group: string] {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1]
  if (pkg) {
    if (/^(micromark|mdast-util-from-markdown|mdast-util-gfm|mdast-util-frontmatter|decode-named|character-entities|remark-parse)/.test(pkg)) return ['parsing (micromark, mdast-util-from-markdown)', pkg]
    if (/^(unist-util|mdast-util-to-string|vfile|unified|trough|bail|devlop)/.test(pkg)) return ['unified, vfile and tree walking (unist-util-*)', pkg]
    return ['other packages', pkg]
  }
  const dist = url.indexOf('/dist/')
  if (dist >= 0) {
    const file = url.slice(dist + 6)
    return [file.startsWith('rules/') ? 'planlint rules (dist/rules)' : 'planlint core (dist/src, dist/presets)', `planlint ${file}`]
  }
  if (url.startsWith('node:internal/modules') || /^(compileSourceTextModule|wrapSafe|internalModuleStat)$/.test(fn)) return ['loading modules', url || fn]
  if (url.startsWith('node:')) return ['other Node.js internals', url]
  if (fn === '(garbage collector)') return ['garbage collection', fn]
  if (fn === '(idle)' || fn === '(program)') return ['idle and VM', fn]
  return ['native calls (file system, …)', `(${fn})`]
}

/** Share of self time per category of the 1,000-file profile, for the "why" under the targets. */
const profileShares = new Map<string, number>()

/** Self time by category and by package (or planlint file) from a V8 .cpuprofile. */
function summariseProfile(file: string, shares?: Map<string, number>): string[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: Array<{id: number; callFrame: {functionName: string; url: string}}>
    samples: number[]
    timeDeltas: number[]
  }
  const byId = new Map(data.nodes.map((n) => [n.id, n]))
  const byCategory = new Map<string, number>()
  const byGroup = new Map<string, number>()
  let total = 0
  data.samples.forEach((id, i) => {
    const node = byId.get(id)
    const dt = Math.max(0, data.timeDeltas[i] ?? 0)
    total += dt
    const [category, group] = classify(node?.callFrame.url ?? '', node?.callFrame.functionName ?? '')
    byCategory.set(category, (byCategory.get(category) ?? 0) + dt)
    byGroup.set(group, (byGroup.get(group) ?? 0) + dt)
  })
  for (const [category, time] of byCategory) shares?.set(category, time / total)
  const top = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `| ${k.replace(/\|/g, '\\|')} | ${(v / 1e6).toFixed(2)} s | ${((v / total) * 100).toFixed(1)}% |`)
  return [
    `Sampled ${(total / 1e6).toFixed(1)} s on the main thread (the profiler slows the run down).`,
    '',
    '| category (self time) | time | share |',
    '| --- | --- | --- |',
    ...top(byCategory, 10),
    '',
    '| package or planlint file (self time) | time | share |',
    '| --- | --- | --- |',
    ...top(byGroup, 12)
  ]
}

function cpuProfile(name: string, argv: string[], cwd: string, shares?: Map<string, number>): string[] {
  const dir = join(scratch, `profile-${name}`)
  mkdirSync(dir, {recursive: true})
  spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, ...argv], {cwd, stdio: 'ignore', timeout: timeoutSeconds * 1000})
  const prof = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
  return prof ? summariseProfile(join(dir, prof), shares) : ['(no profile was written)']
}

// ---------------------------------------------------------------- main

const started = Date.now()
const root = corpusOption ? resolve(corpusOption) : join(scratch, 'corpus')
progress(`generating the corpus in ${root}`)
const manifest: Manifest = generate(root, {files: fileCount})
// A copy of the real corpus, with markdownlint-cli2's MD043 config for its spec-kit folder.
const realCopy = join(root, 'real')
if (existsSync(realCorpus)) {
  rmSync(realCopy, {recursive: true, force: true})
  cpSync(realCorpus, realCopy, {recursive: true})
  const speckit = readdirSync(realCopy).find((d) => /speckit|spec-kit/i.test(d))
  if (speckit) writeFileSync(join(realCopy, speckit, '.markdownlint.jsonc'), JSON.stringify(md043Tasks, null, 2) + '\n')
}

progress(`${reps} repetition(s) per tool and case; timeout ${timeoutSeconds} s; --cache ${hasCache ? 'yes' : 'no'}; --workers ${hasWorkers ? 'yes' : 'no'}`)
if (stale) progress('warning: src/, rules/ or presets/ are newer than dist/: results are for the last build')

const throughput: Target = {cwd: manifest.throughput.dir, paths: ['.'], globs: ['**/*.md'], files: manifest.throughput.files.length}
const throughputLabel = `${fileCount.toLocaleString('en')} files, cold`

await compare('files-cold', throughputLabel, throughput, manifest.throughput.bytes)

if (hasWorkers) {
  // The default uses workers only from 3 cores (src/engine/run.ts): this row shows
  // what one worker per core does here, whichever the default is.
  const cores = availableParallelism()
  await planlintOnly('files-cold-workers', `${fileCount.toLocaleString('en')} files, cold, \`--workers ${cores}\` (one per core)`, throughput, manifest.throughput.bytes, ['--workers', String(cores)])
}

const cacheFile = join(scratch, 'cache', 'planlint-cache.json')
const cacheArgs = ['--cache', '--cache-location', cacheFile]
const noCache = hasCache ? undefined : 'n/a (no --cache)'
const noCacheOthers = 'n/a (no cache)'
// One run: it is the cold case plus writing the cache, and it fills the cache for the next two.
await planlintOnly('files-cache-empty', `${fileCount.toLocaleString('en')} files, \`--cache\`, empty cache (1 run)`, throughput, manifest.throughput.bytes, cacheArgs, {
  missing: noCache,
  others: noCacheOthers,
  repetitions: 1,
  before: () => rmSync(dirname(cacheFile), {recursive: true, force: true})
})
if (hasCache && !wanted('files-cache-empty') && (wanted('files-warm') || wanted('files-warm-10'))) {
  progress('filling the cache')
  await measure('planlint', command('planlint', throughput, cacheArgs), throughput.cwd)
}
await planlintOnly('files-warm', `${fileCount.toLocaleString('en')} files, warm cache, nothing changed`, throughput, manifest.throughput.bytes, cacheArgs, {missing: noCache, others: noCacheOthers})
let edit = 0
await planlintOnly('files-warm-10', `${fileCount.toLocaleString('en')} files, warm cache, 10 changed`, throughput, manifest.throughput.bytes, cacheArgs, {
  missing: noCache,
  others: noCacheOthers,
  before: () => {
    edit++
    for (const file of manifest.changeable) appendFileSync(file, `\nRevision ${edit}: reviewed again on 2026-04-${String(edit).padStart(2, '0')}.\n`)
  }
})

// What one file costs before any linting: Node.js itself, then planlint's modules (--version loads them all).
if (wanted('startup')) {
  for (const [name, label, argv] of [
    ['startup-node', 'start-up: Node.js alone (`node -e 0`)', [process.execPath, '-e', '0']],
    ['startup-planlint', 'start-up: `planlint --version` (loads, lints nothing)', [process.execPath, cli, '--version']]
  ] as const) {
    const samples: Sample[] = []
    for (let r = 0; r < (quick ? 1 : 5); r++) samples.push(await measure('planlint', [...argv], project))
    progress(`${name}: ${median(samples.map((x) => x.wall)).toFixed(2)} s`)
    rows.push({name, label, bytes: 0, files: 0, results: {planlint: summarise(samples), 'remark-cli': 'not run', 'markdownlint-cli2': 'not run'}})
  }
}

await compare('single', 'one file, cold (pre-commit)', fileTarget(manifest.single.path), manifest.single.bytes, quick ? 1 : Math.max(reps, 5))
await compare('big', `one ${Math.round(manifest.big.bytes / 1024)} KB tasks.md (${manifest.big.tasks.toLocaleString('en')} tasks)`, fileTarget(manifest.big.path), manifest.big.bytes)
for (const point of manifest.scaling) {
  await compare(`scale-${point.kb}k`, `scaling: ${point.kb} KB tasks.md`, fileTarget(point.path), point.bytes)
}
if (existsSync(realCopy)) {
  const files = countMarkdown(realCopy)
  await compare('real', `../shared/corpus/real (${files} files)`, {cwd: realCopy, paths: ['.'], globs: ['**/*.md'], files}, bytesOf(realCopy))
}

const profiles: Array<{title: string; lines: string[]}> = []
if (profile) {
  const oneThread = hasWorkers ? ['--workers', '0'] : []
  progress(`profiling planlint (node --cpu-prof) on ${fileCount} files${hasWorkers ? ' with --workers 0' : ''}`)
  profiles.push({
    title: `${fileCount.toLocaleString('en')} files, cold${hasWorkers ? ', `--workers 0` (all work on the profiled thread)' : ''}`,
    lines: cpuProfile('files', [unbundledCli, '--format', 'json', ...oneThread, '.'], throughput.cwd, profileShares)
  })
  progress('profiling planlint on one file')
  const single = fileTarget(manifest.single.path)
  profiles.push({title: 'one file, cold (pre-commit)', lines: cpuProfile('single', [unbundledCli, '--format', 'json', ...single.paths], single.cwd)})
}

// ---------------------------------------------------------------- report

const seconds = (s: number) => (s < 10 ? s.toFixed(2) : s.toFixed(1))
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`)
const cell = (value: Summary | string | undefined, field: 'wall' | 'cpu' | 'rss') => {
  if (value === undefined) return '—'
  if (typeof value === 'string') return field === 'wall' ? value : '—'
  const v = value[field]
  if (v === undefined) return 'n/a'
  return field === 'rss' ? `${Math.round(v)}` : `${seconds(v)} s`
}
const ratio = (row: Row, tool: ToolName) => {
  const own = row.results[tool]
  const base = row.results.planlint
  if (typeof own !== 'object' || typeof base !== 'object') return '—'
  return `${(own.wall / base.wall).toFixed(2)}×`
}

const byName = new Map(rows.map((r) => [r.name, r]))
const wall = (name: string, tool: ToolName = 'planlint') => {
  const v = byName.get(name)?.results[tool]
  return typeof v === 'object' ? v.wall : undefined
}
const rssOf = (name: string) => {
  const v = byName.get(name)?.results.planlint
  return typeof v === 'object' ? v.rss : undefined
}
const whyMissing = (name: string, tool: ToolName = 'planlint') => {
  const v = byName.get(name)?.results[tool]
  return typeof v === 'string' ? v : 'not measured'
}

interface Goal {
  what: string
  measured: string
  limit: string
  met: boolean | undefined
  gap?: string
}
const targets: Goal[] = []
/** How far a measurement is past its limit: "34% over the limit". */
const over = (value: number, limit: number) => `${Math.max(1, Math.round((value / limit - 1) * 100))}% over the limit`
function ratioTarget(what: string, a: number | undefined, b: number | undefined, limit: number, missing: string, strict = false): void {
  if (a === undefined || b === undefined) {
    targets.push({what, measured: missing, limit: `≤ ${limit}`, met: undefined})
    return
  }
  const r = a / b
  const met = strict ? r < limit : r <= limit
  targets.push({what, measured: `${r.toFixed(2)} (${seconds(a)} s / ${seconds(b)} s)`, limit: `${strict ? '<' : '≤'} ${limit}`, met, gap: met ? undefined : over(r, limit)})
}
const N = fileCount.toLocaleString('en')
ratioTarget(`${N} files cold: planlint ÷ markdownlint-cli2`, wall('files-cold'), wall('files-cold', 'markdownlint-cli2'), 0.5, whyMissing('files-cold', 'markdownlint-cli2'))
ratioTarget(`${N} files cold: planlint ÷ remark-cli`, wall('files-cold'), wall('files-cold', 'remark-cli'), 0.35, whyMissing('files-cold', 'remark-cli'))
ratioTarget(`${N} files, warm cache ÷ cold`, wall('files-warm'), wall('files-cold'), 0.1, whyMissing('files-warm'))
ratioTarget('one file: planlint ÷ markdownlint-cli2', wall('single'), wall('single', 'markdownlint-cli2'), 1, whyMissing('single', 'markdownlint-cli2'))
{
  const one = wall('single')
  targets.push({what: 'one file: planlint wall time', measured: one === undefined ? whyMissing('single') : `${seconds(one)} s`, limit: '< 0.5 s', met: one === undefined ? undefined : one < 0.5, gap: one !== undefined && one >= 0.5 ? over(one, 0.5) : undefined})
}
ratioTarget('800 KB ÷ 100 KB (planlint)', wall('scale-800k'), wall('scale-100k'), 10, whyMissing('scale-800k'))
{
  const rss = rssOf('files-cold')
  targets.push({
    what: `peak memory, ${N} files cold (planlint)`,
    measured: rss === undefined ? (hasTime ? whyMissing('files-cold') : 'n/a (no /usr/bin/time)') : `${Math.round(rss)} MB`,
    limit: '≤ 300 MB',
    met: rss === undefined ? undefined : rss <= 300,
    gap: rss !== undefined && rss > 300 ? over(rss, 300) : undefined
  })
}

// Installed size (issue 14): the packed tarball beside markdownlint-cli2, each in an empty project.
let installed: Installed[] | undefined
if (wanted('install')) {
  progress('install: packing planlint and installing it and markdownlint-cli2 into empty projects')
  try {
    installed = measureInstall(project)
  } catch (error) {
    progress(`install: ${(error as Error).message.split('\n')[0]}`)
  }
  const [ours, theirs] = installed ?? []
  for (const [what, of] of [['disk', (r: Installed) => r.kb], ['packages', (r: Installed) => r.packages]] as const) {
    const met = ours && theirs ? of(ours) <= of(theirs) : undefined
    targets.push({
      what: `installed from the tarball into an empty project: ${what}, planlint ÷ markdownlint-cli2`,
      measured: ours && theirs ? `${(of(ours) / of(theirs)).toFixed(2)} (${what === 'disk' ? `${(ours.kb / 1024).toFixed(1)} MB / ${(theirs.kb / 1024).toFixed(1)} MB` : `${ours.packages} / ${theirs.packages}`})` : 'not measured (npm install failed)',
      limit: '≤ 1',
      met,
      gap: met === false ? over(of(ours!), of(theirs!)) : undefined
    })
  }
}

// A feature folder checked as a whole (issue 16): three 50 KB documents as a folder ÷ the three alone.
if (wanted('folder')) {
  progress('folder: one feature folder of three 50 KB documents, as a folder and alone')
  const timing = await measureFolder(project, quick ? 7 : 21)
  const ratio = timing.folder / timing.alone
  targets.push({
    what: `one feature folder of three 50 KB documents ÷ the three alone (in one process, medians)`,
    measured: `${ratio.toFixed(2)} (${timing.folder.toFixed(0)} ms / ${timing.alone.toFixed(0)} ms)`,
    limit: '< 1.2',
    met: ratio < 1.2,
    gap: ratio >= 1.2 ? over(ratio, 1.2) : undefined
  })
}

const out: string[] = []
out.push('# planlint benchmark results', '')
out.push(`Written by \`npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}\` (bench/run.ts) on ${env.date}, in ${Math.round((Date.now() - started) / 1000)} s.`, '')
out.push('| | |', '| --- | --- |')
out.push(`| machine | ${env.nproc} cores (\`nproc\`), ${env.cpu}, ${env.memory} |`)
out.push(`| load average | ${env.loadStart} at the start, ${loadavg()[0]!.toFixed(2)} at the end (1 min) |`)
out.push(`| node | ${env.node} |`)
out.push(`| planlint | ${env.planlint}, commit ${env.commit}${env.dirty ? ' plus uncommitted changes' : ''}${stale ? ' (**dist/ older than the sources**)' : ''}${statSync(cli).mtimeMs !== cliBuiltAt ? ' (**dist/ was rebuilt during the run**)' : ''}; \`--cache\`: ${hasCache ? 'yes' : 'no'}; \`--workers\`: ${hasWorkers ? 'yes' : 'no'} |`)
out.push(`| remark-cli | ${env.remarkCli}, with remark-preset-lint-recommended ${env.remarkPreset} and remark-gfm ${env.remarkGfm} |`)
out.push(`| markdownlint-cli2 | ${env.markdownlintCli2} (markdownlint ${env.markdownlint}), default rules plus MD043 for spec-kit tasks.md |`)
out.push(`| corpus | seed ${manifest.seed}: ${manifest.throughput.files.length} plans of five families, ${size(manifest.throughput.bytes)}; one ${size(manifest.big.bytes)} tasks.md; scaling points ${manifest.scaling.map((s) => size(s.bytes)).join(', ')} |`)
out.push(`| repetitions | ${reps} per tool and case (one file: ${quick ? 1 : Math.max(reps, 5)}), tools alternating; medians shown |`)
out.push('')
out.push('## Targets (issues 7 and 14)', '')
out.push('| target | measured | limit | met? |', '| --- | --- | --- | --- |')
for (const t of targets) out.push(`| ${t.what} | ${t.measured} | ${t.limit} | ${t.met === undefined ? 'not measured' : t.met ? 'met' : `**not met** (${t.gap})`} |`)
out.push('')
if (targets.some((t) => t.met === false)) {
  // Why, from this run's own figures: the profile and the workers row.
  const share = (category: string) => `${(((profileShares.get(category) ?? 0) * 100)).toFixed(0)}%`
  const why: string[] = []
  if (profileShares.size > 0) {
    why.push(
      `parsing (micromark, mdast-util-from-markdown) is ${share('parsing (micromark, mdast-util-from-markdown)')} of planlint's CPU time on the ${fileCount.toLocaleString('en')} files and garbage collection ${share('garbage collection')}, planlint's own code and rules ${share('planlint core (dist/src, dist/presets)')} and ${share('planlint rules (dist/rules)')} (profile below, without the bundle's parser patches), so what is left to gain is in micromark's tokenizer`
    )
  }
  const cold = rows.find((row) => row.name === 'files-cold')?.results.planlint
  const workers = rows.find((row) => row.name === 'files-cold-workers')
  if (typeof cold === 'object' && typeof workers?.results.planlint === 'object') {
    why.push(
      `${workers.label.replace(/^.*?(`--workers \d+`).*$/, '$1')} took ${workers.results.planlint.wall.toFixed(1)} s, the default ${cold.wall.toFixed(1)} s, on ${env.nproc} cores`
    )
  }
  if (why.length > 0) out.push(`Where a target is not met: ${why.join('; ')}.`, '')
}
out.push('## Wall time', '')
out.push('Whole process, median. The last two columns are each tool\'s time divided by planlint\'s (above 1: planlint is faster).', '')
out.push('| case | size | planlint | remark-cli | markdownlint-cli2 | remark-cli ÷ planlint | markdownlint-cli2 ÷ planlint |', '| --- | --- | --- | --- | --- | --- | --- |')
for (const row of rows) {
  out.push(`| ${row.label} | ${row.bytes ? size(row.bytes) : '—'} | ${cell(row.results.planlint, 'wall')} | ${cell(row.results['remark-cli'], 'wall')} | ${cell(row.results['markdownlint-cli2'], 'wall')} | ${ratio(row, 'remark-cli')} | ${ratio(row, 'markdownlint-cli2')} |`)
}
out.push('')
out.push('## CPU time and peak memory', '')
out.push(`CPU is user + system time, peak memory the maximum resident set size in MB (${hasTime ? '`/usr/bin/time -f "%e %U %S %M"`' : 'n/a: /usr/bin/time is missing'}), medians.`, '')
out.push('| case | planlint CPU | planlint MB | remark-cli CPU | remark-cli MB | markdownlint-cli2 CPU | markdownlint-cli2 MB |', '| --- | --- | --- | --- | --- | --- | --- |')
for (const row of rows) {
  const r = row.results
  out.push(`| ${row.label} | ${cell(r.planlint, 'cpu')} | ${cell(r.planlint, 'rss')} | ${cell(r['remark-cli'], 'cpu')} | ${cell(r['remark-cli'], 'rss')} | ${cell(r['markdownlint-cli2'], 'cpu')} | ${cell(r['markdownlint-cli2'], 'rss')} |`)
}
if (installed) out.push('', '## Installed size', '', ...installTable(installed))
if (profiles.length) {
  out.push('', "## Where planlint's time goes (`node --cpu-prof`)")
  for (const p of profiles) out.push('', `### ${p.title}`, '', ...p.lines)
}
out.push('')
out.push('## How it was measured', '')
out.push(
  '- The corpus is written by bench/generate.ts from a fixed seed into a temp folder: filled plans of the five families (spec-kit tasks, plan and merged plan; CDD feature and bug; PromptyDumpty; ai-first-sdlc; spec-maestro v0 and tasks) with the structure of fixtures/filled/*.md, laid out as in real repositories. `tsx bench/check-corpus.ts DIR` checks that planlint detects each as its family and reports no errors.',
  '- planlint: `node dist/bin/cli.js --format json PATHS > /dev/null`, presets auto-detected. remark-cli: `remark --use remark-preset-lint-recommended --use remark-gfm --frail --quiet --no-stdout PATHS`. markdownlint-cli2: `markdownlint-cli2 "**/*.md"` with `{"config": {"default": true}}`, and MD043 (required headings of a spec-kit tasks.md) in a `.markdownlint.jsonc` at the root of each spec-kit repository; markdownlint-cli2 configures by folder, so the spec-kit plan.md files there are checked against it too.',
  '- Folders are given as folders to planlint and remark-cli and as a `**/*.md` glob to markdownlint-cli2, from the folder itself. A run counts only when the tool exits with 0 or 1 and reports no unreadable file; markdownlint-cli2 must report the expected number of files.',
  `- Warm-cache cases: \`--cache --cache-location FILE\`; the cache is filled by the "empty cache" runs; "10 changed" appends a line to 10 plans before each repetition. remark-cli and markdownlint-cli2 have no cache.`,
  '- Start-up rows: `node -e 0` is the floor for any Node.js tool; `planlint --version` loads all of planlint\'s modules and lints nothing.',
  '- "Where planlint\'s time goes" (with `--profile`): `node --cpu-prof` self time of one extra run of the unbundled build (`dist/src/front/cli.js`, the code dist/bin/ bundles), so time can be attributed per package; it is not part of the timings above. Module loading weighs more there than in the bundle, and parsing too: the parser patches of the bundle (scripts/parser-patches.ts) are not in it.',
  '- Feature folder: bench/lib/folder.ts, one spec.md, plan.md and tasks.md of about 50 KB each, linted with the API in one process as one folder and each alone (in a folder of its own), alternating, each run with text changed by a line (parsed anew); also `npm run bench:folder`.',
  '- Installed size: `npm pack` of dist/ as built and `markdownlint-cli2@VERSION` (the lockfile\'s), each `npm install`ed into an empty project; `du -sk node_modules` and the packages package-lock.json lists (bench/lib/install.ts, also `npm run bench:install`).',
  '- Other work on the machine adds noise: the load average above says how busy it was.'
)
const report = out.join('\n') + '\n'
if (outFile) {
  mkdirSync(dirname(outFile), {recursive: true})
  writeFileSync(outFile, report)
}
process.stdout.write(report)
const failures = join(scratch, 'failures.log')
if (existsSync(failures)) progress(`some runs failed; see ${relative(process.cwd(), failures)}`)
if (!existsSync(failures)) rmSync(scratch, {recursive: true, force: true})
progress(`${outFile ? `wrote ${relative(process.cwd(), outFile)}` : 'done'} in ${Math.round((Date.now() - started) / 1000)} s`)
