/**
 * The labels behind `npm run precision` (tests/precision/labels.json): each
 * names a corpus document and a finding, says TP or FP, and why; the
 * held-out third is a fixed part of the added repositories, never of the
 * ones the rules were first tuned on. Skipped where there is no corpus.
 */
import {describe, expect, it} from 'vitest'
import {corpusDir, corpusMissing} from './paths.js'
import {documents, heldOutRepos, readLabels} from './precision/measure.js'

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
