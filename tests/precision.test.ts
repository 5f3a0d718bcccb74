/**
 * The labels behind `npm run precision` (tests/precision/labels.json): each
 * names a corpus document and a finding, says TP or FP, and why; the
 * held-out third is a fixed part of the added repositories, never of the
 * ones the rules were first tuned on; every finding on the corpus has its
 * label, so a changed finding is noticed. Skipped where there is no corpus.
 */
import {describe, expect, it} from 'vitest'
import {corpusDir, corpusMissing} from './paths.js'
import {documents, findingKey, findings, heldOutRepos, readLabels} from './precision/measure.js'
import {plant} from './precision/planted.js'

describe.skipIf(corpusMissing !== undefined)('precision labels', () => {
  it('label findings of corpus documents, each TP or FP with a reason', () => {
    const known = new Set(documents(corpusDir!).map((document) => document.file))
    for (const [file, byKey] of Object.entries(readLabels())) {
      expect(known.has(file), file).toBe(true)
      for (const [key, label] of Object.entries(byKey)) {
        expect(key, file).toMatch(/^\d+:\d+ [\w-]+\/\w+/)
        expect(['TP', 'FP'], `${file} ${key}`).toContain(label.label)
        expect(label.reason.trim().length, `${file} ${key}`).toBeGreaterThan(3)
      }
    }
  })

  it('cover every finding planlint gives on the corpus: a new finding needs a label before it lands', async () => {
    const labels = readLabels()
    const unlabelled: string[] = []
    for (const document of documents(corpusDir!)) {
      for (const message of await findings(corpusDir!, document)) {
        if (!labels[document.file]?.[findingKey(message)]) unlabelled.push(`${document.file} ${findingKey(message)}`)
      }
    }
    expect(unlabelled).toEqual([])
  })

  it('finds 95% of planted structure defects (a required section removed, a heading renumbered), at the heading', async () => {
    const plants = (await plant(corpusDir!, documents(corpusDir!))).filter((p) => p.kind !== 'removed expected')
    const found = plants.filter((p) => p.found).length
    expect(plants.length).toBeGreaterThan(100)
    expect(found / plants.length).toBeGreaterThanOrEqual(0.95)
  }, 300_000)

  it('hold out a third of the added repositories, none of the tuned ones', () => {
    const all = documents(corpusDir!)
    const held = heldOutRepos(corpusDir!)
    const tuned = new Set(all.filter((document) => document.set === 'tuned').map((document) => document.repo))
    const added = new Set(all.filter((document) => document.set !== 'tuned').map((document) => document.repo))
    expect(held.size).toBeGreaterThan(0)
    expect([...held].filter((repo) => tuned.has(repo))).toEqual([])
    expect(Math.abs(held.size - [...added].filter((repo) => !tuned.has(repo)).length / 3)).toBeLessThanOrEqual(0.5)
  })
})
