/**
 * `npm run corpus:record`: print the current corpus findings as JSON. A
 * document whose findings are unchanged keeps its note; one whose findings
 * changed gets a note that starts "Changed" and lists what was added and
 * removed, which the corpus test refuses until somebody reads the document,
 * judges each changed finding and writes the note again ("Reviewed: …").
 */
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {corpusDocuments, findings} from './corpus.js'
import {corpusDir, corpusMissing, root, templatesDir} from './paths.js'

interface Expectation {
  preset: string
  kind: string
  note?: string
  findings: Record<string, string[]>
}

if (!corpusDir || corpusMissing) {
  process.stderr.write(`corpus:record: ${corpusMissing}\n`)
  process.exit(2)
}

function flat(byRule: Record<string, string[]>): string[] {
  return Object.entries(byRule).flatMap(([rule, list]) => list.map((finding) => `${rule} ${finding}`))
}

const file = join(root, 'tests/corpus-expectations.json')
const previous: Record<string, Expectation> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}
const next: Record<string, Expectation> = {}
for (const document of corpusDocuments(corpusDir, templatesDir)) {
  const now = await findings(document)
  const before = previous[document.key]
  const was = new Set(before ? flat(before.findings) : [])
  const is = new Set(flat(now))
  const added = [...is].filter((finding) => !was.has(finding))
  const removed = [...was].filter((finding) => !is.has(finding))
  const note =
    before?.note && added.length === 0 && removed.length === 0
      ? before.note
      : `Changed: review each finding, then write "Reviewed: …". Added: ${added.join('; ') || 'none'}. Removed: ${removed.join('; ') || 'none'}.`
  next[document.key] = {preset: document.preset, kind: document.kind, note, findings: now}
}
process.stdout.write(JSON.stringify(next, null, 2) + '\n')
