/**
 * Feature folders checked as a whole, on the real spec-kit folders of the
 * corpus (../shared/corpus/folders): every finding on a spec.md and every
 * cross-document finding is reviewed by hand in tests/folders/review.json,
 * errors are true 95% of the time and warnings 80%, and inconsistencies
 * planted in those folders are each found. Skipped where there is no corpus.
 */
import {describe, expect, it} from 'vitest'
import type {LintMessage, RuleSetting} from '../src/core/types.js'
import {featureOf, findingKey, folderFindings, folderNames, foldersDir, materialise, readReview} from './folders/measure.js'

const storyHeading = /^#{2,4} +User Story (\d+)\b.*$/gm
const storyTag = /\[US(\d+)\]/g
const definition = /^(\s*[-*] +\*\*)((?:FR|SC)-\d{3})(\*\*)/gm

/** A planted defect: how to change the folder, and the message that must then be given. */
interface Plant {
  what: string
  edit: (name: string, text: string) => string
  expect: (found: Map<string, LintMessage[]>) => boolean
  /** Rule settings the check needs (an opt-in one). */
  rules?: Record<string, RuleSetting>
}

const reports = (found: Map<string, LintMessage[]>, file: string, id: string, text: string) =>
  (found.get(file) ?? []).some((message) => message.messageId === id && message.message.includes(text))

/** The defects each real folder can take: only what its documents make meaningful. */
function plantsFor(texts: Record<string, string>): Plant[] {
  const spec = texts['spec.md'] ?? ''
  const tasks = texts['tasks.md'] ?? ''
  const plants: Plant[] = []
  const stories = [...spec.matchAll(storyHeading)]
  const tagged = new Set([...tasks.matchAll(storyTag)].map((match) => match[1]))
  const last = stories.at(-1)
  if (last && stories.length >= 2 && tagged.has(last[1])) {
    plants.push({
      what: `story ${last[1]} removed from the spec`,
      edit: (name, text) => (name === 'spec.md' ? text.replace(last[0], '### Notes') : text),
      expect: (found) => reports(found, 'tasks.md', 'unknownStory', `user story ${last[1]},`)
    })
  }
  if (stories.length > 0 && /^- \[[ xX]\] T\d{3}/m.test(tasks)) {
    plants.push({
      what: 'a [US9] task with no story 9',
      edit: (name, text) => (name === 'tasks.md' ? text.replace(/^(- \[[ xX]\] T\d{3}.*)$/m, '$1\n- [ ] T990 [US9] Planted task in src/planted.ts') : text),
      expect: (found) => reports(found, 'tasks.md', 'unknownStory', 'user story 9,')
    })
  }
  const cited = [...spec.matchAll(definition)].map((match) => match[2]!).find((id) => (texts['tasks.md'] ?? '').includes(id) || (texts['plan.md'] ?? '').includes(id))
  if (cited) {
    const renamed = `${cited.slice(0, 3)}9${cited.slice(4)}`
    plants.push({
      what: `requirement ${cited} renamed ${renamed} in the spec`,
      edit: (name, text) => (name === 'spec.md' ? text.replaceAll(cited, renamed) : text),
      expect: (found) => reports(found, 'tasks.md', 'unknownRequirement', cited) || reports(found, 'plan.md', 'unknownRequirement', cited)
    })
  }
  const first = [...spec.matchAll(definition)][0]
  if (first) {
    plants.push({
      what: `requirement ${first[2]} defined twice`,
      edit: (name, text) => (name === 'spec.md' ? text.replace(first[0], `${first[0]} first.\n${first[0]}`) : text),
      expect: (found) => reports(found, 'spec.md', 'duplicateRequirement', first[2]!)
    })
  }
  if (/^# /m.test(tasks) && /^# /m.test(spec)) {
    plants.push({
      what: "tasks.md titled for another feature",
      edit: (name, text) => (name === 'tasks.md' ? text.replace(/^# .*$/m, '# Tasks: Billing export') : text),
      expect: (found) => reports(found, 'tasks.md', 'otherTitle', 'Billing export')
    })
  }
  const input = /^\*\*(?:Input|Spec)\*\*:.*\/(\d{3}-[\w-]+)\/spec\.md/m.exec(texts['plan.md'] ?? '')
  if (input) {
    plants.push({
      what: `plan.md's ${input[0].slice(2, 7)} naming another feature's spec`,
      edit: (name, text) => (name === 'plan.md' ? text.replace(`${input[1]}/spec.md`, '999-other-feature/spec.md') : text),
      expect: (found) => reports(found, 'plan.md', 'otherFeature', '999-other-feature/spec.md')
    })
  }
  const phaseOf = last && new RegExp(`^## Phase \\d+: User Story ${last[1]} [-–—:] (.+?)(?: \\(|$)`, 'm').exec(tasks)
  if (last && phaseOf) {
    plants.push({
      what: `story ${last[1]} retitled in the spec`,
      edit: (name, text) => (name === 'spec.md' ? text.replace(last[0], `### User Story ${last[1]} - Zebra quarantine logistics (Priority: P9)`) : text),
      expect: (found) => reports(found, 'tasks.md', 'otherStory', `user story ${last[1]},`)
    })
  }
  const second = [...spec.matchAll(definition)][1]
  if (second) {
    const loose = `${second[2]!.slice(0, 3)}${Number(second[2]!.slice(3))}`
    plants.push({
      what: `requirement ${second[2]} written ${loose}`,
      edit: (name, text) => (name === 'spec.md' ? text.replace(second[0], `${second[1]}${loose}${second[3]}`) : text),
      expect: (found) => reports(found, 'spec.md', 'malformedRequirement', loose)
    })
  }
  const plan = texts['plan.md'] ?? ''
  if (/^## Project Structure[\s\S]*?```/m.test(plan) && /^- \[[ xX]\] T\d{3}/m.test(tasks)) {
    plants.push({
      what: 'a task path outside the Project Structure (layout: warn)',
      edit: (name, text) => (name === 'tasks.md' ? text.replace(/^(- \[[ xX]\] T\d{3}.*)$/m, '$1\n- [ ] T991 Add the planted module in zzplanted/module/planted.ts') : text),
      expect: (found) => reports(found, 'tasks.md', 'outsideLayout', 'zzplanted/module/planted.ts'),
      rules: {'feature-folder': ['error', {layout: 'warn'}]}
    })
  }
  return plants
}

describe.skipIf(foldersDir === undefined)('feature folders of real repositories', () => {
  const folders = foldersDir ? folderNames(foldersDir) : []

  it('give only reviewed findings, errors 95% and warnings 80% true', async () => {
    const review = readReview()
    const unreviewed: string[] = []
    const tally = {error: {tp: 0, all: 0}, warning: {tp: 0, all: 0}}
    for (const folder of folders) {
      for (const [name, messages] of await folderFindings(materialise(foldersDir!, folder))) {
        for (const message of messages) {
          const label = review[`${folder}/${name}`]?.[findingKey(message)]
          if (!label) {
            unreviewed.push(`${folder}/${name} ${findingKey(message)}: ${message.message}`)
            continue
          }
          tally[message.severity].all++
          if (label.label === 'TP') tally[message.severity].tp++
        }
      }
    }
    expect(unreviewed).toEqual([])
    expect(tally.error.tp).toBeGreaterThanOrEqual(0.95 * tally.error.all)
    expect(tally.warning.tp).toBeGreaterThanOrEqual(0.8 * tally.warning.all)
  })

  it('find every planted inconsistency, in the document that needs the change', async () => {
    const { readFileSync, existsSync } = await import('node:fs')
    const {join} = await import('node:path')
    const missed: string[] = []
    let planted = 0
    for (const folder of folders) {
      const texts: Record<string, string> = {}
      for (const name of ['spec.md', 'plan.md', 'tasks.md']) {
        const path = join(foldersDir!, folder, name)
        if (existsSync(path)) texts[name] = readFileSync(path, 'utf8')
      }
      for (const plant of plantsFor(texts)) {
        planted++
        if (!plant.expect(await folderFindings(materialise(foldersDir!, folder, plant.edit), plant.rules))) missed.push(`${featureOf(folder)}: ${plant.what}`)
      }
    }
    expect(planted).toBeGreaterThanOrEqual(30)
    expect(missed).toEqual([])
  })
})
