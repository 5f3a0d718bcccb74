/**
 * Precision and recall on real plans: every document of the corpus
 * (tests/paths.ts; skipped where there is none) and each family's template, linted with its family's preset, gives exactly the
 * findings recorded (and reviewed) in tests/corpus-expectations.json.
 * After a deliberate change: `npm run corpus:record`, then review the diff.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {corpusDocuments, findings} from './corpus.js'
import {corpusDir, corpusMissing, root, templatesDir} from './paths.js'

interface Expectation {
  preset: string
  kind: 'filled' | 'template'
  note: string
  findings: Record<string, string[]>
}

const expectations = JSON.parse(readFileSync(join(root, 'tests/corpus-expectations.json'), 'utf8')) as Record<
  string,
  Expectation
>
const documents = corpusDir ? corpusDocuments(corpusDir, templatesDir) : []

describe.skipIf(corpusMissing !== undefined)('real-plan corpus', () => {
  it('has an expectation, reviewed, for every document and none for a missing one', () => {
    expect(Object.keys(expectations).sort()).toEqual(documents.map((d) => d.key).sort())
    for (const expectation of Object.values(expectations)) expect(expectation.note).toMatch(/^(Reviewed|Template)/)
  })

  it.each(documents.map((d) => [d.key.replace(/^corpus\//, ''), d] as const))('%s', async (_name, document) => {
    const expected = expectations[document.key]!
    expect(expected.preset).toBe(document.preset)
    expect(await findings(document)).toEqual(expected.findings)
  })

  it('finds placeholders in every template and none in most filled plans', () => {
    const total = (key: string) => (expectations[key]!.findings['no-placeholders'] ?? []).length
    for (const document of documents.filter((d) => d.kind === 'template')) {
      expect(total(document.key), document.key).toBeGreaterThan(0)
    }
    const filled = documents.filter((d) => d.kind === 'filled')
    const clean = filled.filter((d) => total(d.key) === 0)
    expect(clean.length / filled.length).toBeGreaterThan(0.7)
  })
})
