/**
 * `npm run bench:pathological`: how lint time grows on hostile input (issue
 * 13). Each pattern is written at 64 KB, 128 KB, … 1 MB and linted by the
 * CLI, one process per file; the table gives the wall time, the growth per
 * doubling of the size, and whether the file was stopped by its budget
 * (too deep, or over --time-limit). Writes bench/pathological.md.
 *
 *   npm run bench:pathological [-- --time-limit S] [-- --out FILE]
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

const project = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(project, 'dist/bin/cli.js')
const option = (name: string) => {
  const at = process.argv.indexOf(name)
  return at === -1 ? undefined : process.argv[at + 1]
}
const timeLimit = option('--time-limit') ?? '10'
const out = resolve(option('--out') ?? join(project, 'bench/pathological.md'))

/** A pattern: text of about `bytes` bytes. */
const repeat = (unit: string, head = '# Tasks: x\n\n') => (bytes: number) => head + unit.repeat(Math.ceil(bytes / unit.length))
const lines = (line: (index: number) => string, head = '# Tasks: x\n\n') => (bytes: number) => {
  const parts = [head]
  let size = head.length
  for (let index = 1; size < bytes; index++) {
    const next = line(index)
    parts.push(next)
    size += next.length
  }
  return parts.join('')
}

const patterns: Record<string, (bytes: number) => string> = {
  'one line of [': repeat('['),
  'one line of \\': repeat('\\'),
  'one line of `': repeat('`'),
  'one line of *a _b': repeat('*a _b '),
  'one line of [a](': repeat('[a]('),
  'one line of &amp;': repeat('&amp;'),
  'unclosed <!--': repeat('<!-- x ', ''),
  headings: lines((index) => `## Phase ${index}: Setup\n\n`, ''),
  'task lines': lines((index) => `- [ ] T${String(index).padStart(3, '0')} [P] Do thing in src/f${index}.py\n`, '# Tasks: x\n\n## Phase 1: Setup\n\n'),
  'table rows': lines((index) => `| T${index} | [Owner] | src/f${index}.py |\n`, '# Plan\n\n| ID | Owner | File |\n| --- | --- | --- |\n'),
  'nested block quotes': repeat('>', ''),
  'nested quotes and lists': repeat('> - ', '')
}

const sizes = [64, 128, 256, 512, 1024].map((kb) => kb * 1024)
const scratch = mkdtempSync(join(tmpdir(), 'planlint-pathological-'))
const rows: string[] = []
try {
  for (const [name, make] of Object.entries(patterns)) {
    const cells: string[] = []
    let previous: number | undefined
    let worst = 0
    for (const size of sizes) {
      const file = join(scratch, 'plan.md')
      writeFileSync(file, make(size))
      const started = process.hrtime.bigint()
      const run = spawnSync(process.execPath, [cli, '--no-config', '--format', 'json', '--time-limit', timeLimit, file], {encoding: 'utf8', maxBuffer: 256 * 1024 * 1024})
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      const messages = run.status === 0 || run.status === 1 || run.status === 2 ? ((JSON.parse(run.stdout || '[{"messages":[]}]')[0]?.messages ?? []) as Array<{message: string}>) : []
      const stopped = messages.find((message) => message.message.startsWith('Not checked'))
      const growth = previous !== undefined && !stopped ? seconds / previous : undefined
      if (growth !== undefined) worst = Math.max(worst, growth)
      cells.push(`${seconds.toFixed(2)} s${stopped ? ` (stopped: ${/too deeply nested/.test(stopped.message) ? 'too deep' : 'time limit'})` : growth !== undefined ? ` (×${growth.toFixed(1)})` : ''}`)
      previous = stopped ? undefined : seconds
      process.stderr.write(`${name} ${size / 1024} KB: ${cells[cells.length - 1]}\n`)
    }
    rows.push(`| ${name.replace(/\|/g, '\\|')} | ${cells.join(' | ')} | ${worst > 0 ? `×${worst.toFixed(1)}` : '—'} |`)
  }
} finally {
  rmSync(scratch, {recursive: true, force: true})
}

const table = [
  `# Pathological input`,
  '',
  `Lint time of one file by the CLI (wall, one process, startup included), ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, --time-limit ${timeLimit}.`,
  'In brackets: the growth over the size before (the goal is at most ×2.5 per doubling), or the budget that stopped the file.',
  '',
  `| pattern | ${sizes.map((size) => `${size / 1024} KB`).join(' | ')} | worst growth |`,
  `| --- | ${sizes.map(() => '---').join(' | ')} | --- |`,
  ...rows,
  ''
].join('\n')
writeFileSync(out, table)
process.stdout.write(table)
