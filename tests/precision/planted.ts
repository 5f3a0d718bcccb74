/**
 * Recall on planted structure defects: real corpus plans, each changed in one
 * place, linted as a user runs planlint (auto-detected), and whether the
 * change is reported where it was made.
 *
 * - removed: a section the document's structure requires or expects, and
 *   the document has once, is deleted with its subsections; a
 *   required-sections message must name it (by its name or an alias). An
 *   expected section ('removed expected') is linted with the rule's
 *   \`expected\` option on, which is off by default. Not
 *   planted after a fence that closed early, where the plan may be read as
 *   code: no-broken-fences reports that, and what is missing there cannot
 *   be told.
 * - renumbered: the middle heading of a run of three or more numbered
 *   siblings that run in sequence (`Phase 1`, `Phase 2`, `Phase 3`) gets a
 *   number two higher (`Phase 4`); a heading-numbering message must stand
 *   on that heading's line.
 *
 * Shared by `npm run precision` and tests/precision.test.ts.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {getPreset} from '../../presets/index.js'
import {buildPlan, documentOf, type Section} from '../../src/core/plan/index.js'
import {chooseVariant, expectation} from '../../src/core/plan/structure.js'
import {detect} from '../../src/engine/detect.js'
import {parseDocument} from '../../src/engine/lint.js'
import {lint} from '../../src/engine/run.js'
import type {LintMessage, RuleSetting} from '../../src/core/types.js'
import type {Document} from './measure.js'

export interface Plant {
  file: string
  set: Document['set']
  kind: 'removed' | 'removed expected' | 'renumbered'
  /** The section removed, or the heading renumbered (`Phase 2 → Phase 4`). */
  what: string
  found: boolean
}

/** At most this many renumbered runs per document: the runs of one document are alike. */
const runsPerDocument = 3

interface Change {
  kind: Plant['kind']
  what: string
  text: string
  /** What a message must do to find it. */
  finds: (message: LintMessage) => boolean
}

function removals(text: string, sections: readonly Section[], ends: number[]): Change[] {
  const {tree} = parseDocument(text)
  const detected = getPreset(detect(tree, text).preset)
  const match = detected?.structure ? chooseVariant(sections, detected.structure) : undefined
  if (!match) return []
  const spills = buildPlan(tree, text, {family: detected!}).spills
  const broken = Math.min(...spills.map((spill) => spill.code.position?.start.offset ?? 0))
  const changes: Change[] = []
  match.variant.sections.forEach((spec, order) => {
    const want = expectation(spec, {})
    if (spec.repeat || want === 'optional') return
    const found = match.matches.filter((m) => m.spec.order === order)
    if (found.length !== 1) return
    const section = found[0]!.section
    const start = section.node.position!.start.offset!
    // After a fence that closed early the plan may be read as code: what is
    // missing there cannot be told, and no-broken-fences reports the fence.
    if (start > broken) return
    const names = [spec.title, ...(spec.aliases ?? [])]
    const end = ends[section.index]!
    changes.push({
      kind: want === 'required' ? 'removed' : 'removed expected',
      what: spec.title,
      text: text.slice(0, start) + text.slice(end),
      // A message may name it by an alias: the document may be read as another
      // variant without it, which calls it so (spec-maestro's two generations).
      finds: (message) => message.ruleId === 'required-sections' && names.some((name) => message.message.includes(`"${name}"`))
    })
  })
  return changes
}

function renumberings(text: string, sections: readonly Section[]): Change[] {
  // Sibling runs of one series, as heading-numbering groups them.
  const runs = new Map<string, Section[]>()
  const parents: Section[] = []
  for (const section of sections) {
    while (parents.length > 0 && parents[parents.length - 1]!.depth >= section.depth) parents.pop()
    if (section.number && !section.number.suffix) {
      const key = `${parents.at(-1)?.index ?? -1}:${section.depth}:${section.number.series}`
      runs.set(key, [...(runs.get(key) ?? []), section])
    }
    parents.push(section)
  }
  const changes: Change[] = []
  for (const run of runs.values()) {
    if (changes.length === runsPerDocument) break
    const middle = Math.floor(run.length / 2)
    const [before, item, after] = [run[middle - 1], run[middle], run[middle + 1]]
    if (!before || !item || !after) continue
    const last = (section: Section) => section.number!.parts.at(-1)!
    const prefix = (section: Section) => section.number!.parts.slice(0, -1).join('.')
    if (prefix(before) !== prefix(item) || prefix(item) !== prefix(after)) continue
    if (last(item) !== last(before) + 1 || last(after) !== last(item) + 1) continue
    const {start, end} = item.node.position!
    const heading = text.slice(start.offset, end.offset)
    const number = item.number!.parts.join('.')
    const renumbered = [...item.number!.parts.slice(0, -1), last(item) + 2].join('.')
    const at = new RegExp(`(?<![\\d.])${number.replace(/\./g, '\\.')}(?!\\d)`).exec(heading)
    if (!at) continue
    const changed = heading.slice(0, at.index) + renumbered + heading.slice(at.index + number.length)
    changes.push({
      kind: 'renumbered',
      what: `${number} → ${renumbered}`,
      text: text.slice(0, start.offset) + changed + text.slice(end.offset),
      finds: (message) => message.ruleId === 'heading-numbering' && message.line === start.line
    })
  }
  return changes
}

/** Where each top-level section's text ends, by its index in the tree: the start of the node after it. */
function sectionEnds(text: string, sections: readonly Section[], children: ReadonlyArray<{position?: {start: {offset?: number}}}>): number[] {
  const ends: number[] = []
  for (const section of sections) ends[section.index] = children[section.end]?.position?.start.offset ?? text.length
  return ends
}

export async function plant(corpusDir: string, documents: readonly Document[]): Promise<Plant[]> {
  const plants: Plant[] = []
  for (const document of documents) {
    const path = join(corpusDir, document.file)
    const text = readFileSync(path, 'utf8')
    const {tree} = parseDocument(text)
    const {sections} = documentOf(tree, text)
    // A change is judged against the messages the document already has: one
    // already standing where the change is made does not find it.
    const before = new Set((await lint({path, text}, {config: false})).messages.map((m) => `${m.line} ${m.ruleId} ${m.message}`))
    for (const change of [...removals(text, sections, sectionEnds(text, sections, tree.children)), ...renumberings(text, sections)]) {
      const rules = change.kind === 'removed expected' ? {'required-sections': ['error', {expected: true}] as RuleSetting} : undefined
      const {messages} = await lint({path, text: change.text}, {config: false, ...(rules ? {rules} : {})})
      const found = messages.some((message) => change.finds(message) && !before.has(`${message.line} ${message.ruleId} ${message.message}`))
      plants.push({file: document.file, set: document.set, kind: change.kind, what: change.what, found})
    }
  }
  return plants
}
