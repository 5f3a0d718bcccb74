/**
 * `npm run precision`: precision per check and in all, on the documents the
 * rules were tuned on and on the held-out ones, from tests/precision/labels.json.
 *
 *   npm run precision                  the tables
 *   npm run precision -- --export DIR  also write each document's unlabelled
 *                                      findings to DIR, for labelling by hand
 *   npm run precision -- --misses      also list the planted defects not found
 *                                      (not of the held-out documents)
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {corpusDir, corpusMissing} from '../paths.js'
import {documents, findingKey, findings, measure, precision, readLabels, totals} from './measure.js'
import {plant} from './planted.js'

if (!corpusDir) {
  process.stderr.write(`precision: ${corpusMissing}\n`)
  process.exit(2)
}

const labels = readLabels()
const exportAt = process.argv.indexOf('--export')
if (exportAt !== -1) {
  const dir = process.argv[exportAt + 1]!
  mkdirSync(dir, {recursive: true})
  for (const document of documents(corpusDir)) {
    const open = (await findings(corpusDir, document)).filter((message) => !labels[document.file]?.[findingKey(message)])
    if (open.length === 0) continue
    const rows = open.map((message) => ({key: findingKey(message), severity: message.severity, message: message.message}))
    writeFileSync(join(dir, `${document.file.replace(/\//g, '__')}.json`), JSON.stringify({file: join(corpusDir, document.file), set: document.set, findings: rows}, null, 2))
  }
}

const sets = ['tuned', 'tuning', 'held-out'] as const
const table = await measure(corpusDir, labels, sets)
const checks = [...new Set(Object.values(table).flatMap((bySet) => Object.keys(bySet)))].sort()
const cell = (set: string, check: string) => {
  const tally = table[set]?.[check]
  return tally ? `${precision(tally)} (${tally.tp}/${tally.tp + tally.fp}${tally.unlabelled ? `, ${tally.unlabelled} unlabelled` : ''})` : ''
}
const lines = ['| check | ' + sets.join(' | ') + ' |', '| --- | --- | --- | --- |']
for (const check of checks) lines.push(`| ${check} | ${sets.map((set) => cell(set, check)).join(' | ')} |`)
for (const kind of ['errors', 'warnings'] as const) {
  lines.push(`| **${kind}** | ${sets.map((set) => {
    const tally = totals(table[set] ?? {})[kind]
    return `**${precision(tally)}** (${tally.tp}/${tally.tp + tally.fp}${tally.unlabelled ? `, ${tally.unlabelled} unlabelled` : ''})`
  }).join(' | ')} |`)
}
process.stdout.write(lines.join('\n') + '\n')

// Recall on planted structure defects (see planted.ts), per kind and set.
const plants = await plant(corpusDir, documents(corpusDir))
const recall = (list: typeof plants) => {
  const found = list.filter((p) => p.found).length
  return list.length === 0 ? '' : `${Math.round((100 * found) / list.length)}% (${found}/${list.length})`
}
const recallLines = ['', '| planted defect | ' + sets.join(' | ') + ' |', '| --- | --- | --- | --- |']
for (const kind of ['removed', 'renumbered', 'all', 'removed expected'] as const) {
  // The expected sections' warnings are opt-in: their row stands apart from "all".
  const ofKind = plants.filter((p) => (kind === 'all' ? p.kind !== 'removed expected' : p.kind === kind))
  recallLines.push(`| ${kind === 'all' ? '**all**' : kind === 'removed expected' ? 'removed expected (opt-in)' : kind} | ${sets.map((set) => recall(ofKind.filter((p) => p.set === set))).join(' | ')} |`)
}
if (process.argv.includes('--misses')) {
  for (const miss of plants.filter((p) => !p.found && p.set !== 'held-out')) recallLines.push(`missed: ${miss.file} ${miss.kind} ${miss.what}`)
}
process.stdout.write(recallLines.join('\n') + '\n')
