/**
 * Checks that the generated corpus is what it claims to be: every plan is
 * detected as its family, and planlint finds (almost) nothing in it, as in a
 * well-kept repository of filled plans.
 *
 *   tsx bench/check-corpus.ts [DIR]     (DIR as written by bench/generate.ts)
 */
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = process.argv[2] ?? join(tmpdir(), 'planlint-bench-corpus')
const project = resolve(fileURLToPath(import.meta.url), '../..')
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as {
  throughput: {files: Array<{path: string; kind: string}>}
  single: {path: string}
  big: {path: string}
  scaling: Array<{path: string}>
}

interface Result {
  file: string
  preset: string
  messages: Array<{ruleId: string | null; severity: string; message: string; line: number}>
}

function lint(paths: string[]): Result[] {
  let out: string
  try {
    out = execFileSync(process.execPath, [join(project, 'dist/bin/cli.js'), '--format', 'json', ...paths], {cwd: root, maxBuffer: 1 << 30, encoding: 'utf8'})
  } catch (error) {
    out = (error as {stdout: string}).stdout
  }
  return JSON.parse(out) as Result[]
}

const kinds = new Map(manifest.throughput.files.map((f) => [f.path, f.kind]))
const results = lint(['throughput', manifest.single.path, manifest.big.path, ...manifest.scaling.map((s) => s.path)])
let wrongFamily = 0
const byRule = new Map<string, {count: number; files: Set<string>; example: string}>()
for (const result of results) {
  const kind = kinds.get(result.file) ?? 'spec-kit/tasks'
  if (!result.preset.startsWith(kind.split('/')[0]!)) {
    wrongFamily++
    if (wrongFamily <= 5) console.log(`detected ${result.preset}, generated ${kind}: ${result.file}`)
  }
  for (const m of result.messages) {
    const key = `${m.ruleId} (${m.severity})`
    const entry = byRule.get(key) ?? {count: 0, files: new Set(), example: `${result.file}:${m.line} ${m.message}`}
    entry.count++
    entry.files.add(result.file)
    byRule.set(key, entry)
  }
}
console.log(`${results.length} files linted; ${wrongFamily} detected as another family`)
for (const [rule, entry] of byRule) console.log(`${rule}: ${entry.count} messages in ${entry.files.size} files, e.g. ${entry.example}`)
process.exitCode = wrongFamily > 0 || [...byRule.keys()].some((k) => k.endsWith('(error)')) ? 1 : 0
