/**
 * `npm run corpus:record`: print the current corpus findings as JSON, keeping
 * the notes already in tests/corpus-expectations.json. Review every changed
 * finding by reading the document before committing the new file: each one
 * must be a real leftover, or a bug to fix in the rule.
 */
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {corpusDocuments, findings} from './corpus.js'
import {root, corpusDir, templatesDir} from './paths.js'

interface Expectation {
  preset: string
  kind: string
  note?: string
  findings: Record<string, string[]>
}

const file = join(root, 'tests/corpus-expectations.json')
const previous: Record<string, Expectation> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}
const next: Record<string, Expectation> = {}
for (const document of corpusDocuments(corpusDir, templatesDir)) {
  next[document.key] = {
    preset: document.preset,
    kind: document.kind,
    note: previous[document.key]?.note ?? 'TODO: review',
    findings: await findings(document)
  }
}
process.stdout.write(JSON.stringify(next, null, 2) + '\n')
