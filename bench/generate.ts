/**
 * Writes the benchmark corpus: a reproducible (fixed-seed) set of filled
 * plans of all five template families.
 *
 *   tsx bench/generate.ts [DIR] [--seed N] [--files N]
 *
 * Layout under DIR:
 *   throughput/   1,000 plans (2 KB – 200 KB) in 'repositories' of one family each
 *   single/       one spec-kit tasks.md (the pre-commit case)
 *   big/          one ~1 MB spec-kit tasks.md with 3,000+ tasks
 *   scaling/      the same kind of document at 100, 200, 400 and 800 KB
 *   manifest.json what was written, with the kind and size of every file
 */
import {mkdirSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, relative} from 'node:path'
import {pathToFileURL} from 'node:url'
import {builders, type Kind, speckitTasks} from './lib/families.js'
import {Rng} from './lib/prng.js'
import {slugify} from './lib/text.js'

export const defaultSeed = 20260307

export interface ManifestFile {
  path: string
  kind: Kind
  bytes: number
}

export interface Manifest {
  seed: number
  root: string
  throughput: {dir: string; files: ManifestFile[]; bytes: number}
  single: ManifestFile
  big: ManifestFile & {tasks: number}
  scaling: Array<ManifestFile & {kb: number}>
  /** Throughput files the warm-cache case edits (10 of them). */
  changeable: string[]
}

/** Share of each kind in the throughput corpus. */
const mix: Array<[Kind, number]> = [
  ['spec-kit/tasks', 0.2],
  ['spec-kit/plan', 0.13],
  ['spec-kit/merged', 0.05],
  ['cdd/feature', 0.1],
  ['cdd/bug', 0.05],
  ['promptydumpty/plan', 0.15],
  ['ai-first-sdlc/full', 0.15],
  ['spec-maestro/v0', 0.08],
  ['spec-maestro/tasks', 0.09]
]

function pickKind(rng: Rng): Kind {
  let x = rng.next()
  for (const [kind, weight] of mix) {
    x -= weight
    if (x < 0) return kind
  }
  return mix[0]![0]
}

const KB = 1024

/**
 * Sizes of real plans are skewed: most are 2–15 KB (the filled fixtures are
 * 7–9 KB, the real corpus' median is 8 KB), a few tasks.md grow past 50 KB.
 * Log-normal around 3.5 KB (smaller than the real median, so that three tools
 * times three repetitions over 1,000 files fit the bench's time budget on
 * two cores), clipped to 2–200 KB, plus three big ones so the 150–200 KB end
 * is always represented.
 */
function sampleSize(rng: Rng, index: number): number {
  if (index % 333 === 7) return rng.int(150 * KB, 200 * KB)
  const size = Math.exp(Math.log(3.5 * KB) + 0.75 * rng.normal())
  return Math.round(Math.min(200 * KB, Math.max(2 * KB, size)))
}

/** The repository-relative path a real project would give this plan. */
function planPath(kind: Kind, text: string, n: number): string {
  const title = /^# [^:\-–]*[:\-–]\s*(.*)$/m.exec(text)?.[1] ?? `plan ${n}`
  const slug = slugify(title).split('-').slice(0, 6).join('-')
  const num = String(n).padStart(3, '0')
  switch (kind) {
    case 'spec-kit/tasks':
      return `specs/${num}-${slug}/tasks.md`
    case 'spec-kit/plan':
    case 'spec-kit/merged':
      return `specs/${num}-${slug}/plan.md`
    case 'cdd/feature':
      return `specs/tickets/feature-${slug}/plan.md`
    case 'cdd/bug':
      return `specs/tickets/bug-${slug}-${num}/plan.md`
    case 'promptydumpty/plan':
      return `docs/development/2026-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}-${slug}/IMPLEMENTATION-PLAN.md`
    case 'ai-first-sdlc/full':
      return `plan/${num}-${slug}-plan.md`
    case 'spec-maestro/v0':
    case 'spec-maestro/tasks':
      return `maestro/specs/${num}-${slug}/plan.md`
  }
}

/**
 * markdownlint-cli2's MD043 (required headings) for spec-kit tasks.md. Its
 * config is per folder, so it is written at the root of each spec-kit
 * repository (and applies to that repository's plan.md files too).
 */
export const md043Tasks = {
  MD043: {
    headings: ['?', '## Format: `[ID] [P?] [Story] Description`', '## Path Conventions', '+', '## Dependencies & Execution Order', '*', '## Implementation Strategy', '*', '## Notes']
  }
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), {recursive: true})
  writeFileSync(path, text)
}

/** The large spec-kit tasks.md: team-prefixed story phases once T999 is near. */
function bigTasks(seed: number, bytes: number): string {
  return speckitTasks(new Rng(seed), bytes, {teams: true})
}

export function generate(root: string, options: {seed?: number; files?: number} = {}): Manifest {
  const seed = options.seed ?? defaultSeed
  const count = options.files ?? 1000
  rmSync(root, {recursive: true, force: true})
  mkdirSync(root, {recursive: true})
  const rng = new Rng(seed)

  // Throughput: repositories of one family each, 1–40 plans per repository.
  const throughputDir = join(root, 'throughput')
  const files: ManifestFile[] = []
  let repo = 0
  while (files.length < count) {
    repo++
    const kind = pickKind(rng)
    const family = kind.split('/')[0]!
    const repoDir = join(throughputDir, `repo-${String(repo).padStart(3, '0')}-${family}`)
    if (family === 'spec-kit') write(join(repoDir, '.markdownlint.jsonc'), JSON.stringify(md043Tasks, null, 2) + '\n')
    const plans = Math.min(count - files.length, rng.int(1, 40))
    for (let i = 0; i < plans; i++) {
      // Stay in the family; vary the kind within it.
      const sibling = i === 0 ? kind : rng.pick(mix.filter(([k]) => k.startsWith(`${family}/`)).map(([k]) => k))
      const target = sampleSize(rng, files.length)
      const text = builders[sibling](rng.fork(), target)
      const path = join(repoDir, planPath(sibling, text, i + 1))
      write(path, text)
      files.push({path, kind: sibling, bytes: Buffer.byteLength(text)})
    }
  }
  write(join(throughputDir, '.markdownlint-cli2.jsonc'), JSON.stringify({config: {default: true}}, null, 2) + '\n')

  // The pre-commit case: one typical tasks.md.
  const singleText = speckitTasks(new Rng(seed + 1), 14 * KB)
  const singlePath = join(root, 'single', 'specs', '042-single', 'tasks.md')
  write(singlePath, singleText)
  write(join(root, 'single', '.markdownlint.jsonc'), JSON.stringify(md043Tasks, null, 2) + '\n')

  // The 1 MB file.
  const bigText = bigTasks(seed + 2, 1000 * KB)
  const bigPath = join(root, 'big', 'specs', '900-platform-rewrite', 'tasks.md')
  write(bigPath, bigText)
  write(join(root, 'big', '.markdownlint.jsonc'), JSON.stringify(md043Tasks, null, 2) + '\n')
  const bigTaskCount = (bigText.match(/^- \[[ xX]\] (?:[A-Z]{1,4}-)?T\d{3}/gm) ?? []).length

  // Scaling: the same kind of document (team-prefixed spec-kit tasks.md).
  const scaling = [100, 200, 400, 800].map((kb) => {
    const text = bigTasks(seed + 3, kb * KB)
    const path = join(root, 'scaling', `${kb}k`, 'tasks.md')
    write(path, text)
    write(join(root, 'scaling', `${kb}k`, '.markdownlint.jsonc'), JSON.stringify(md043Tasks, null, 2) + '\n')
    return {path, kind: 'spec-kit/tasks' as Kind, bytes: Buffer.byteLength(text), kb}
  })

  const changeable = files.filter((_, i) => i % Math.floor(count / 10) === 3).slice(0, 10).map((f) => f.path)
  const manifest: Manifest = {
    seed,
    root,
    throughput: {dir: throughputDir, files, bytes: files.reduce((sum, f) => sum + f.bytes, 0)},
    single: {path: singlePath, kind: 'spec-kit/tasks', bytes: Buffer.byteLength(singleText)},
    big: {path: bigPath, kind: 'spec-kit/tasks', bytes: Buffer.byteLength(bigText), tasks: bigTaskCount},
    scaling,
    changeable
  }
  writeFileSync(join(root, 'manifest.json'), JSON.stringify({...manifest, throughput: {...manifest.throughput, files: files.map((f) => ({...f, path: relative(root, f.path)}))}}, null, 2))
  return manifest
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2)
  const flag = (name: string) => {
    const i = args.indexOf(name)
    return i >= 0 ? args.splice(i, 2)[1] : undefined
  }
  const seed = flag('--seed')
  const filesArg = flag('--files')
  const root = args[0] ?? join(tmpdir(), 'planlint-bench-corpus')
  const started = Date.now()
  const m = generate(root, {seed: seed ? Number(seed) : undefined, files: filesArg ? Number(filesArg) : undefined})
  const sizes = m.throughput.files.map((f) => f.bytes).sort((a, b) => a - b)
  const kb = (n: number) => `${(n / KB).toFixed(1)} KB`
  console.log(`wrote ${root} in ${Date.now() - started} ms`)
  console.log(`throughput: ${sizes.length} files, ${(m.throughput.bytes / KB / KB).toFixed(1)} MB; min ${kb(sizes[0]!)}, median ${kb(sizes[sizes.length >> 1]!)}, p90 ${kb(sizes[Math.floor(sizes.length * 0.9)]!)}, max ${kb(sizes.at(-1)!)}`)
  console.log(`single: ${kb(m.single.bytes)}; big: ${kb(m.big.bytes)} with ${m.big.tasks} tasks; scaling: ${m.scaling.map((s) => kb(s.bytes)).join(', ')}`)
}
