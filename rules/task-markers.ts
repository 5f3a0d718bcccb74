/**
 * task-markers: the family's task markers (spec-kit's `[P]` and `[USn]`) are
 * where and what they must be, tasks name their files, and task metadata
 * (spec-maestro's size and dependencies) is valid.
 */
import escapeStringRegexp from 'escape-string-regexp'
import type {RootContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {TaskConventions} from '../src/core/family.js'
import {dependencyList, filePath, notAPath, readPreposition, sequentialRange, sequentialWords, targetPreposition} from '../src/core/grammar.js'
import type {Plan, Section, Task} from '../src/core/plan/index.js'
import {defineRule, type Report} from '../src/core/rule.js'
import {nodesOf} from '../src/core/walk.js'

export interface TaskMarkersOptions extends Record<string, unknown> {
  /** A task that names no file path: spec-kit calls it wrong; many real plans do it. */
  filePaths: 'allow' | 'warn' | 'error'
  /**
   * A pattern across the plan (story tasks that all lack [USn], a phase
   * marked with another story, tags of the plan's own): one warning, or
   * silence (default: on real plans each was the plan's own convention).
   */
  patterns: 'allow' | 'warn'
}

const messages = {
  unknown: {text: 'Unknown task marker "[{marker}]": {family} tasks use {names}'},
  order: {text: 'Marker "[{parallel}]" goes before "[{story}]": write "[{parallel}] [{story}]"', fixable: true},
  storyMissing: {text: 'Task "{id}" is in User Story {story}: mark it [{expected}]'},
  storyWrong: {text: 'Task "{id}" is marked [{marker}] but is in User Story {story}'},
  storyMissingAll: {
    text: '{count} of the {total} tasks in user-story phases have no [USn] marker, from "{id}" on: mark each with its story (here [{expected}])',
    severity: 'warn'
  },
  storyWrongPhase: {text: 'Every marked task of "{phase}" is marked [{marker}], but the phase is User Story {story}: rename the phase or the markers', severity: 'warn'},
  unknownAll: {
    text: 'This plan\'s tasks carry markers {family} does not define ({markers}, on {count} tasks): {family} tasks use {names}',
    severity: 'warn'
  },
  storyInShared: {text: 'Task "{id}" is in the {phase} phase: a [{storyForm}] marker belongs to user-story phases only'},
  noFilePath: {text: 'Task "{id}" names no file path: say which file it changes', severity: 'warn'},
  parallelConflict: {text: 'Tasks "{first}" and "{id}" are both [P] in this phase but both change {path}: they cannot run in parallel'},
  size: {text: 'Task "{id}" has size "{size}": split it until every task is {sizes}'},
  dependencies: {text: 'Task "{id}" lists dependencies "{value}": write "None" or task IDs such as "T001, T002"'}
} as const

type Id = keyof typeof messages

/** The paths a task's text names (in code spans or not): files and folders. */
export function filePaths(task: Task): string[] {
  return [...task.description.matchAll(filePath)].map((match) => match[0].replace(/[.,;:)]+$/, '')).filter((path) => !notAPath.test(path))
}

/**
 * The files a task changes, as spec-kit writes them: "… in src/x.ts" (or to,
 * into, at). A file named otherwise ("per contracts/api.md") is read, not
 * changed, and neither is one read or run ("per", "with", "using"…);
 * without an "in", the last file named. Folders never conflict. A task
 * that names no file changes the unit it names after "in" or "to"
 * (`TokenServiceTests`), as code names it.
 */
/** JavaScript platforms and libraries whose names end in `.js`. */
const productNamedLikeFile = /^(?:Node|Deno|Vue|Next|Nuxt|Express|Nest|Ember|Angular|React|Backbone|Alpine|Solid|Chart|Three|D3|Moment|Day|Pixi|Babylon|Socket)\.js$/i

function targetFiles(task: Task): string[] {
  const files: Array<{path: string; target: boolean}> = []
  // A path in a code span is the whole span (`src/routes/(auth)/planning/+page.svelte`),
  // whatever characters its folders have.
  const spans = [...task.description.matchAll(/`([^`\s]+\/[^`\s]*)`/g)].map((span) => ({start: span.index + 1, end: span.index + 1 + span[1]!.length, path: span[1]!}))
  const inSpan = (index: number) => spans.find((span) => index >= span.start && index < span.end)
  // A path inside a code sample (`import {a} from "./lib.eligian"`) is the sample's, not a file the task changes.
  const samples = [...task.description.matchAll(/`[^`]+`/g)].filter((code) => /\s/.test(code[0])).map((code) => [code.index, code.index + code[0].length] as const)
  const seenSpans = new Set<unknown>()
  for (const match of task.description.matchAll(filePath)) {
    if (samples.some(([start, end]) => match.index > start && match.index < end)) continue
    const span = inSpan(match.index)
    if (span && seenSpans.has(span)) continue
    if (span) seenSpans.add(span)
    const written = span ? span.path : match[0].replace(/[.,;:)]+$/, '')
    if (!/\.[A-Za-z]{1,10}$/.test(written) || /^\d/.test(written)) continue
    // A platform or library named as it is spelled (`Initialize the Node.js project`, `Chart.js`) is no file.
    if (!span && productNamedLikeFile.test(written)) continue
    const at = span ? span.start - 1 : match.index
    const end = at + written.length + (span ? 2 : 0)
    const before = task.description.slice(Math.max(0, at - 16), at)
    // A file read or run ("per contracts/api.md", "with build-all.sh") is not changed,
    // nor one cited by its section ("— spec.md §9.14").
    if (readPreposition.test(before) || /^`?\s*§/.test(task.description.slice(end))) continue
    files.push({path: inFolder(task.description, at, end, written), target: targetPreposition.test(before)})
  }
  const targets = files.filter((file) => file.target).map((file) => file.path)
  if (targets.length > 0 || files.length > 0) return targets.length > 0 ? targets : files.slice(-1).map((file) => file.path)
  // No file: the unit it changes, named as code names it ("… in TokenServiceTests").
  return [...task.description.matchAll(targetUnit)].map((match) => match[1]!)
}

/**
 * A file named apart from its folder is that folder's file: "Initialize
 * packages/shared package.json", "\`src/index.ts\` in \`apps/backend\`",
 * "\`package.json\` for each application in \`apps/\`", "a \`README.md\` to
 * \`apps/backend\`" — so the
 * package.json of two packages are two files.
 */
function inFolder(text: string, start: number, end: number, path: string): string {
  const before = folderBefore.exec(text.slice(Math.max(0, start - 80), start))
  if (before) return `${before[1]!.replace(/\/$/, '')}/${path}`
  const after = folderAfter.exec(text.slice(end, end + 80))
  const folder = after?.[2] ?? after?.[3]
  // "… to `docs/api.md`" names another file, not a folder.
  if (folder && !/\.[A-Za-z]{1,10}\/?$/.test(folder)) return `${folder.replace(/\/$/, '')}/${after![1] ? '*/' : ''}${path}`
  return path
}

/** A folder path right before a file name: `packages/shared package.json`. */
const folderBefore = /`?((?:[\w.@-]+\/)+[\w@-]+\/?)`?\s+$/
/** A folder after a file name: `in apps/backend`, `for each application in apps/` (group 1: "each"). */
const folderAfter = /^`?\s+(?:in|to|into|for|under|inside|within)\s+(?:(each|every|all)\s+[\w-]+\s+(?:in|under)\s+)?(?:`([\w.@/-]*[\w@-]\/?)`|((?:[\w.@-]+\/)+[\w@-]*))(?=[\s.,;:)]|$)/

/** A unit a task changes, without a path: "in TokenServiceTests", "to `SyncQueue`" (two capitalised parts or more). */
const targetUnit = /\b(?:in|to|into)\s+`?((?:[A-Z][a-z0-9]+){2,}[A-Za-z0-9]*)\b/g

interface Compiled {
  parallel: RegExp | undefined
  story: RegExp | undefined
  sharedPhase: RegExp | undefined
  /** The sizes a task may have, as the first word of its `**Size:**`. */
  size: RegExp | undefined
}

const compiled = new WeakMap<TaskConventions, Compiled>()

/** A family's task conventions as regular expressions, compiled once per family. */
function compile(conventions: TaskConventions): Compiled {
  let result = compiled.get(conventions)
  if (!result) {
    const {markers, sizes} = conventions
    result = {
      parallel: markers ? new RegExp(`^(?:${markers.parallel})$`) : undefined,
      story: markers ? new RegExp(`^(?:${markers.story})$`) : undefined,
      sharedPhase: conventions.sharedPhase ? new RegExp(conventions.sharedPhase) : undefined,
      size: sizes ? new RegExp(`^(?:${sizes.map(escapeStringRegexp).join('|')})\\b`) : undefined
    }
    compiled.set(conventions, result)
  }
  return result
}

/** Markers, story phases and parallel conflicts, where the family defines markers. */
function checkMarkers(plan: Plan, report: Report<Id>, conventions: TaskConventions, patterns: TaskMarkersOptions['patterns']): void {
  const markers = conventions.markers!
  const compiledConventions = compile(conventions)
  const {sharedPhase} = compiledConventions
  const parallel = compiledConventions.parallel!
  const storyPattern = compiledConventions.story!
  const storyMarker = markers.storyMarker ?? 'US{n}'
  const parallelFiles = new Map<string, Task>()
  // Unknown markers and story markers are judged once the whole plan is read:
  // a plan that leaves [USn] off its story tasks, marks a whole phase with
  // another story, or tags its tasks its own way did that once, not per task.
  const unknown: Array<{task: Task; marker: Task['markers'][number]}> = []
  const missing: Array<{task: Task; number: string}> = []
  const wrong: Array<{task: Task; story: Task['markers'][number]; number: string}> = []
  let storyTasks = 0
  // Read only when two [P] tasks meet on one file: most plans never need it.
  let sharesFiles: boolean | undefined
  const markingSubsections = subsectionsMarkingStories(plan, storyPattern)
  for (const task of plan.tasks) {
    if (!task.id) continue
    const story = task.markers.find((marker) => storyPattern.test(marker.text))
    const p = task.markers.find((marker) => parallel.test(marker.text))
    const phaseKey = task.phase?.key ?? ''

    for (const marker of task.markers) {
      // A tag the document uses as its own convention (`[CORE]` on many tasks) is not unknown.
      if (!storyPattern.test(marker.text) && !parallel.test(marker.text) && !plan.isConventionalTag(marker.text)) unknown.push({task, marker})
    }

    if (story && p && story.start < p.start) {
      const actual = plan.source.slice(story.start - 1, p.end + 1)
      const data = {parallel: p.text, story: story.text}
      report.span('order', story.start - 1, p.end + 1, data, {fix: {actual, expected: `[${p.text}] [${story.text}]`}})
    }

    // The story a task belongs to: its subsection's where that names one
    // (`### User Story 4` inside "Phase 3: User Story 1 + 4"), else its phase's,
    // which may name several.
    const subphaseStories = plan.storiesOf(task.subphase)
    const phaseNumbers = subphaseStories.length > 0 ? subphaseStories : plan.storiesOf(task.phase)
    const inShared = sharedPhase?.exec(phaseKey)
    if (phaseNumbers.length > 0) {
      storyTasks++
      const number = phaseNumbers[0]!
      const numbers = task.markers.flatMap((marker) => (storyPattern.test(marker.text) ? marker.text.split('/').map((part) => /\d+/.exec(part)?.[0]) : []))
      if (!story) {
        // A subsection of the phase that no task in it marks with a story
        // (`### MVP Verification`) holds the phase's own tasks.
        const phaseOwn = subphaseStories.length === 0 && task.subphase !== undefined && !markingSubsections.has(task.subphase)
        if (!phaseOwn) missing.push({task, number})
      } else if (!numbers.some((marked) => marked !== undefined && phaseNumbers.includes(marked))) wrong.push({task, story, number})
    } else if (inShared && story) {
      report.span('storyInShared', story.start, story.end, {id: task.id.text, phase: inShared[1]!, storyForm: storyMarker.replace('{n}', 'n')})
    }

    if (p) {
      for (const path of new Set(targetFiles(task))) {
        const key = `${task.phase?.index ?? -1}:${path}`
        const other = parallelFiles.get(key)
        if (!other) parallelFiles.set(key, task)
        else if (other.id && !(sharesFiles ??= parallelSharesFiles(plan)) && !sequentialTogether(plan, other.id.text, task.id.text)) {
          report.span('parallelConflict', p.start, p.end, {first: other.id.text, id: task.id.text, path})
        }
      }
    }
  }
  // A pattern is the plan's own way (silent by default), or one warning.
  reportStories(plan, report, patterns, {storyMarker, isStory: (text) => storyPattern.test(text)}, storyTasks, missing, wrong)
  reportUnknown(plan, report, patterns, markers.names, unknown)
}

/**
 * Whether the plan says its [P] tasks may share a file ("[P] tasks … live in
 * disjoint files or disjoint test cases within the same file", "T005-T011 can
 * run in parallel (different test cases)"): its own definition of parallel,
 * which the plan is judged by.
 */
function parallelSharesFiles(plan: Plan): boolean {
  for (const {node} of nodesOf(plan.tree)) {
    if (node.type !== 'paragraph') continue
    for (const sentence of toString(node).split(/(?<=[.;])\s/)) {
      if (sameFileParallel.test(sentence) && !/\b(?:not|no|never|avoid|must not)\b[^.]*\bsame file/i.test(sentence)) return true
    }
  }
  return false
}

const sequentialSets = new WeakMap<Plan, Array<Set<string>>>()

/**
 * Whether the plan says two tasks run one after another ("T040a〜g は
 * sequential (core/permissions.py 単一 file)"): it knows they share a file,
 * and its [P] marks say they run beside other work.
 */
function sequentialTogether(plan: Plan, a: string, b: string): boolean {
  let sets = sequentialSets.get(plan)
  if (!sets) {
    sets = []
    for (const line of plan.source.split('\n')) {
      if (!sequentialWords.test(line)) continue
      // The range is what runs in sequence: the word follows it ("T040a〜g は sequential"),
      // unlike "Number tasks sequentially (T001-T042)".
      for (const range of line.matchAll(sequentialRange)) {
        if (sequentialWords.test(line.slice(range.index + range[0].length, range.index + range[0].length + 16))) sets.push(idsOf(range))
      }
    }
    sequentialSets.set(plan, sets)
  }
  return sets.some((ids) => ids.has(a) && ids.has(b))
}

/** The IDs a range names: `T040a〜g` → T040a … T040g, `T020–T025` → T020 … T025. */
function idsOf(range: RegExpMatchArray): Set<string> {
  const [, from, firstLetter, to, lastLetter] = range
  const ids = new Set<string>()
  const width = from!.length
  if (firstLetter && lastLetter && (!to || to === from)) {
    for (let code = firstLetter.charCodeAt(0); code <= lastLetter.charCodeAt(0); code++) ids.add(`T${from}${String.fromCharCode(code)}`)
  } else if (to && !firstLetter && !lastLetter) {
    for (let n = Number(from); n <= Number(to) && n - Number(from) < 200; n++) ids.add(`T${String(n).padStart(width, '0')}`)
  }
  return ids
}

const sameFileParallel = /(?:\[P\]|\bparallel\b)[^.]*\b(?:(?:within|in) the same file|different (?:test cases|tests|examples|sections|functions|methods|cases))\b/i

/** The subsections some task of which carries a story marker, in one pass over the tasks. */
function subsectionsMarkingStories(plan: Plan, storyPattern: RegExp): Set<Section> {
  const marking = new Set<Section>()
  for (const task of plan.tasks) {
    if (task.subphase && task.markers.some((marker) => storyPattern.test(marker.text))) marking.add(task.subphase)
  }
  return marking
}

/** A pattern, not a slip: most of the cases it could be, three or more. */
function systematic(count: number, of: number): boolean {
  return count >= 3 && count >= 0.8 * of
}

function reportStories(
  plan: Plan,
  report: Report<Id>,
  patterns: TaskMarkersOptions['patterns'],
  {storyMarker, isStory}: {storyMarker: string; isStory: (marker: string) => boolean},
  storyTasks: number,
  missing: Array<{task: Task; number: string}>,
  wrong: Array<{task: Task; story: Task['markers'][number]; number: string}>
): void {
  if (systematic(missing.length, storyTasks)) {
    const [{task, number}] = missing as [(typeof missing)[number]]
    const data = {count: missing.length, total: storyTasks, id: task.id!.text, expected: storyMarker.replace('{n}', number)}
    report.span('storyMissingAll', task.id!.start, task.id!.end, data, {severity: patterns})
  } else {
    for (const {task, number} of missing) {
      report.span('storyMissing', task.id!.start, task.id!.end, {id: task.id!.text, story: number, expected: storyMarker.replace('{n}', number)})
    }
  }
  // A phase whose marked tasks all carry one other story: the phase and the
  // spec number their stories differently, once for the phase.
  const byPhase = new Map<Section | undefined, typeof wrong>()
  for (const entry of wrong) {
    const entries = byPhase.get(entry.task.phase)
    if (entries) entries.push(entry)
    else byPhase.set(entry.task.phase, [entry])
  }
  for (const [phase, entries] of byPhase) {
    const marked = plan.tasks.filter((task) => task.phase === phase && task.markers.some((marker) => isStory(marker.text))).length
    const one = new Set(entries.map((entry) => entry.story.text)).size === 1
    if (phase && one && entries.length >= 2 && entries.length === marked) {
      report('storyWrongPhase', phase.node, {phase: phase.text, marker: entries[0]!.story.text, story: entries[0]!.number}, {severity: patterns})
      continue
    }
    for (const {task, story, number} of entries) report.span('storyWrong', story.start, story.end, {id: task.id!.text, marker: story.text, story: number})
  }
}

function reportUnknown(plan: Plan, report: Report<Id>, patterns: TaskMarkersOptions['patterns'], names: string, found: Array<{task: Task; marker: Task['markers'][number]}>): void {
  // A plan that writes bold labels on its tasks (`**[Red]**`, `**[Code Review]**`,
  // on three tasks or more) annotates them so: a bold label is its own, not a marker.
  const bold = (marker: Task['markers'][number]) => plan.source.slice(Math.max(0, marker.start - 3), marker.start + 1).includes('*')
  const labelsInBold = plan.tasks.filter((task) => task.markers.some(bold)).length >= 3
  const unknown = labelsInBold ? found.filter((entry) => !bold(entry.marker)) : found
  if (unknown.length === 0) return
  const tasks = new Set(unknown.map((entry) => entry.task))
  const withMarkers = plan.tasks.filter((task) => task.markers.length > 0).length
  if (tasks.size >= 3 && tasks.size >= 0.3 * withMarkers) {
    const shown = [...new Set(unknown.map((entry) => `[${entry.marker.text}]`))]
    const first = unknown[0]!.marker
    const markers = shown.length > 3 ? `${shown.slice(0, 3).join(', ')}…` : shown.join(', ')
    report.span('unknownAll', first.start, first.end, {family: plan.family.name, markers, count: tasks.size, names}, {severity: patterns})
    return
  }
  for (const {marker} of unknown) report.span('unknown', marker.start, marker.end, {marker: marker.text, family: plan.family.name, names})
}

function checkFilePaths(plan: Plan, report: Report<Id>, options: TaskMarkersOptions): void {
  for (const task of plan.tasks) {
    if (task.id && filePaths(task).length === 0) {
      report.span('noFilePath', task.id.start, task.id.end, {id: task.id.text}, {severity: options.filePaths})
    }
  }
}

/** `- **Size:** S` style metadata lines between a task heading and the next heading. */
function metadata(plan: Plan, task: Task): Map<string, {value: string; node: RootContent}> {
  const fields = new Map<string, {value: string; node: RootContent}>()
  const section = task.node.type === 'heading' ? plan.sectionOf(task.node) : undefined
  if (!section) return fields
  for (const node of plan.body(section)) {
    if (node.type !== 'list') continue
    for (const item of node.children) {
      const paragraph = item.children[0]
      if (paragraph?.type !== 'paragraph') continue
      const label = paragraph.children[0]
      if (label?.type !== 'strong') continue
      const name = toString(label).replace(/:$/, '').trim().toLowerCase()
      const value = toString(paragraph).slice(toString(label).length).replace(/^\s*:?\s*/, '').trim()
      fields.set(name, {value, node: item})
    }
  }
  return fields
}

function checkMetadata(plan: Plan, report: Report<Id>, conventions: TaskConventions): void {
  const sizes = conventions.sizes
  const {size: sizePattern} = compile(conventions)
  for (const task of plan.tasks) {
    if (task.node.type !== 'heading' || !task.id) continue
    const fields = metadata(plan, task)
    const size = fields.get('size')
    if (sizes && sizePattern && size && !sizePattern.test(size.value)) {
      report('size', size.node, {id: task.id.text, size: size.value, sizes: sizes.join(' or ')})
    }
    const dependencies = fields.get('dependencies')
    if (conventions.dependencyField && dependencies && !dependencyList.test(dependencies.value)) {
      report('dependencies', dependencies.node, {id: task.id.text, value: dependencies.value})
    }
  }
}

export const rule = defineRule<TaskMarkersOptions, keyof typeof messages>({
  id: 'task-markers',
  description: 'Require spec-kit task markers in their place and tasks that name their files',
  severity: 'error',
  messages,
  docs: `spec-kit calls its task format required: \`- [ ] T012 [P] [US1] Description
with file path\`. Agents schedule \`[P]\` tasks in parallel and group tasks by
story, so a wrong marker breaks the run.

- Markers come right after the ID, \`[P]\` before \`[USn]\` (\`--fix\` swaps them).
- A task in a \`User Story N\` phase carries \`[USN]\`, that phase's number;
  tasks in Setup, Foundational and Polish phases carry none.
- A bracket marker other than \`[P]\` and \`[USn]\` is reported, unless
  the document uses it as its own convention (\`[CORE]\` on two tasks or
  more, or one of a family of named tags such as \`[MODULE:auth]\`).
- With \`filePaths: warn\` (or \`error\`), a task names at least one file
  path. Off by default: spec-kit asks for paths, but a task that names a
  unit ("in SyncQueueService"), a command ("run the suite") or a
  cross-cutting change is not wrong, and on real plans this warning was
  right only a quarter of the time.
- Two \`[P]\` tasks of one phase that change the same file ("… in
  src/x.ts") cannot run in parallel. A file a task reads or runs ("per
  contracts/api.md", "with build-all.sh") is not one it changes.
- Two \`[P]\` tasks of one phase that name no file but change the same unit
  ("… in TokenServiceTests", a name of two capitalised parts or more after
  "in" or "to") cannot either.
- spec-maestro: a task's \`**Size:**\` is XS or S (the template rejects M and
  L), and its \`**Dependencies:**\` are \`None\` or task IDs.

A pattern across the plan is one decision, not a defect per task: when four
in five of the story phases' tasks (three or more) lack \`[USn]\`, when every
marked task of a phase carries one other story (the phases and the spec
number stories differently), or when a third of the marked tasks (three or
more) carry markers of the plan's own vocabulary. By default it is silent: on
real plans, judged by hand, each such pattern was the plan's own convention
(0 of 3 warnings true). \`patterns: warn\` makes it one warning.

Not reported: \`[P]\` tasks on one file where the plan says its parallel
tasks may share one ("[P] tests … live in disjoint test cases within the same
file": the plan's own definition); \`[P]\` tasks of different phases on one file (phases run one
after another); folders, which two tasks may well share; files of one name
in different folders, also when the folder is named apart ("packages/shared
package.json", "a \`README.md\` to \`apps/backend\`"); paths inside a code
sample; a platform or library whose name ends in \`.js\` ("the Node.js
project", "Chart.js"), which is no file; a unit named in lower case or in one word ("in the queue"), which is
too often prose; a marker of the plan's own on three tasks or more
(\`[Foundation-US6]\`, \`[Code Review]\`), and any bold label in a plan that
writes bold labels on three tasks or more (\`**[Red]**\`, \`**[Fix]**\`); a
file cited by its section (\`— spec.md §9.14\`), which is read, not changed.`,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      filePaths: {enum: ['allow', 'warn', 'error'], description: 'A task that names no file path.'},
      patterns: {
        enum: ['allow', 'warn'],
        description: 'A pattern across the plan (story tasks that all lack [USn], a phase marked with another story, tags of its own): silent (default), or one warning.'
      }
    }
  },
  defaults: {filePaths: 'allow', patterns: 'allow'},
  familyDefaults: (family) => (family.tasks?.filePaths ? {filePaths: family.tasks.filePaths} : {}),
  examples: {
    valid: [
      {
        title: 'Tasks on one file the plan says run one after another',
        family: 'spec-kit',
        markdown: `## Phase 2: Foundational

- [ ] T040a [P] Add the role enum in core/permissions.py
- [ ] T040b [P] Add the permission check in core/permissions.py
- [ ] T050 [P] Add the audit log in core/audit.py

**Not parallel**: T040a〜b are sequential (one file, core/permissions.py).
`
      },
      {
        title: 'Bold labels of the plan\'s own, and a file cited by its section',
        family: 'spec-kit',
        markdown: `## Phase 3: User Story 1 - Count attendees (Priority: P1)

- [ ] T013 [US1] **[Red]** Write the failing count test in src/count.test.ts
- [ ] T014 [US1] **[Green]** Deduplicate with a Set in src/count.ts
- [ ] T015 [US1] **[Refactor]** Extract the counter in src/count.ts
- [ ] T016 [US1] **[Fix]** Handle an empty group in src/group.ts
- [ ] T017 [P] [US1] Audit the date format in src/dates.ts — spec.md §9.14
- [ ] T018 [P] [US1] Audit the offline cache in src/cache.ts — spec.md §9.15
`
      },
      {
        title: 'A platform named like a file is no file',
        family: 'spec-kit',
        markdown: `## Phase 1: Setup

- [ ] T004 [P] Initialize the Node.js project in admin-ui/ with package.json
- [ ] T008 [P] Create docker/admin-ui.Dockerfile for the Node.js build
`
      },
      {
        title: 'A phase of two stories, the second named its own way',
        family: 'spec-kit',
        markdown: `## Phase 3: User Story 1 + US6 - Create a lease with its rent schedule (Priority: P1)

- [ ] T010 [US1] Create the lease form in src/leases/form.tsx
- [ ] T011 [US6] Create the rent schedule in src/leases/schedule.ts
`
      },
      {
        title: 'Parallel tasks on files of one name in different folders',
        family: 'spec-kit',
        markdown: `## Phase 3: User Story 1 - Navigate (Priority: P1)

- [ ] T021 [P] [US1] Create the Planning page in \`src/routes/(auth)/planning/+page.svelte\`
- [ ] T022 [P] [US1] Create the Archive page in \`src/routes/(auth)/archive/+page.svelte\`
- [ ] T023 [P] [US1] Implement the payment route in app/api/payments/[payment_id]/route.ts
- [ ] T024 [P] [US1] Implement the invoice route in app/api/invoices/[invoice_id]/route.ts
`
      },
      {
        title: 'A plan\'s own pattern is its convention, by default',
        family: 'spec-kit',
        markdown: `## Phase 3: User Story 1 - Edit offline (Priority: P1)

- [ ] T010 Queue edits in src/sync/queue.ts
- [ ] T011 Replay the queue in src/sync/replay.ts
- [ ] T012 Show a banner in src/ui/banner.tsx
`
      },
      {
        title: 'Parallel tasks on one file, where the plan says they may share one',
        family: 'spec-kit',
        markdown: `## Phase 3: User Story 1 - Sign in (Priority: P1)

- [ ] T010 [P] [US1] Failing test for expiry in tests/token.test.ts
- [ ] T011 [P] [US1] Failing test for refresh in tests/token.test.ts
- [~] T012 [US1] Partly done: the clock skew test in tests/clock.test.ts

## Parallel Opportunities

Test tasks marked [P] can be written in parallel: they are disjoint test cases within the same file.
`
      },
      {
        title: 'Markers in order, in the right phases, with paths',
        family: 'spec-kit',
        markdown: `## Phase 1: Setup

- [x] T001 [P] Create the sync module in src/sync/index.ts

## Phase 3: User Story 1 - Edit offline (Priority: P1)

- [ ] T002 [P] [US1] Queue edits in \`src/sync/queue.ts\`
- [ ] T003 [P] [US1] Replay the queue in \`src/sync/replay.ts\`
`
      },
      {
        title: 'Files of one name in different packages, named apart from their folders',
        family: 'spec-kit',
        markdown: `## Phase 2: Foundational

- [ ] T011 [P] Initialize packages/shared package.json with the Zod dependency
- [ ] T014 [P] Initialize packages/backend package.json with Express
- [ ] T031 [P] Add a \`README.md\` to \`apps/backend\`
- [ ] T032 [P] Add a \`README.md\` to \`apps/frontend\`
- [ ] T040 [P] Create \`package.json\` for each library in \`packages/\`
`
      },
      {
        title: 'A story inserted between two, numbered as a decimal',
        family: 'spec-kit',
        markdown: `## Phase 5: User Story 1.5 - Authenticate (Priority: P1)

- [ ] T085 [US1.5] Check that no API key is set in cloud-init.yaml
- [ ] T086 [P] [US1.5] Create the AuthInstructions component in src/components/AuthInstructions.tsx
`
      },
      {
        title: 'Tags the plan uses as its own convention',
        family: 'spec-kit',
        markdown: `## Phase 2: Foundational

- [ ] T004 [CORE] Add the config loader in src/config.ts
- [ ] T005 [CORE] Add the logger in src/log.ts
- [ ] T006 [MODULE:auth] Add the token check in src/auth/token.ts
- [ ] T007 [MODULE:cli] Add the login command in src/cli/login.ts
`
      },
      {
        title: 'spec-maestro metadata',
        family: 'spec-maestro',
        markdown: `### T002: Add drag and drop

- **Size:** S
- **Dependencies:** T001
`
      }
    ],
    invalid: [
      {
        title: 'Marker order, story numbers and phases',
        family: 'spec-kit',
        markdown: `## Phase 1: Setup

- [ ] T001 [US1] Create the sync module in src/sync/index.ts

## Phase 3: User Story 1 - Edit offline (Priority: P1)

- [ ] T002 [US1] [P] Queue edits in src/sync/queue.ts
- [ ] T003 [US2] Replay the queue in src/sync/replay.ts
- [ ] T004 Show a banner in src/ui/banner.tsx
- [ ] T005 [Later] Add metrics in src/sync/metrics.ts
`,
        messages: [
          '3:13-3:16 error Task "T001" is in the setup phase: a [USn] marker belongs to user-story phases only',
          '7:12-7:21 error Marker "[P]" goes before "[US1]": write "[P] [US1]"',
          '8:13-8:16 error Task "T003" is marked [US2] but is in User Story 1',
          '9:7-9:11 error Task "T004" is in User Story 1: mark it [US1]',
          '10:7-10:11 error Task "T005" is in User Story 1: mark it [US1]',
          '10:13-10:18 error Unknown task marker "[Later]": spec-kit tasks use [P] and [USn]'
        ]
      },
      {
        title: 'No file path (with `filePaths: warn`), and parallel tasks on one file',
        family: 'spec-kit',
        options: {filePaths: 'warn'},
        markdown: `## Phase 2: Foundational

- [ ] T006 Decide the retry policy
- [ ] T007 [P] Add the clock in src/sync/clock.ts
- [ ] T008 [P] Use the clock for retries in src/sync/clock.ts
`,
        messages: [
          '3:7-3:11 warning Task "T006" names no file path: say which file it changes',
          '5:13-5:14 error Tasks "T007" and "T008" are both [P] in this phase but both change src/sync/clock.ts: they cannot run in parallel'
        ]
      },
      {
        title: 'Story tasks that all lack [USn]: one warning, with `patterns: warn`',
        family: 'spec-kit',
        options: {patterns: 'warn'},
        markdown: `## Phase 3: User Story 1 - Edit offline (Priority: P1)

- [ ] T010 Queue edits in src/sync/queue.ts
- [ ] T011 Replay the queue in src/sync/replay.ts
- [ ] T012 Show a banner in src/ui/banner.tsx
`,
        messages: [
          '3:7-3:11 warning 3 of the 3 tasks in user-story phases have no [USn] marker, from "T010" on: mark each with its story (here [US1])'
        ]
      },
      {
        title: 'A phase marked with another story, and tags of the plan\'s own: once each, with `patterns: warn`',
        family: 'spec-kit',
        options: {patterns: 'warn'},
        markdown: `## Phase 4: User Story 2 - Resolve conflicts (Priority: P2)

- [ ] T013 [US3] Detect conflicts in src/sync/merge.ts
- [ ] T014 [US3] Ask the user in src/ui/conflict.tsx

## Phase 5: Polish

- [ ] T015 [Docs] Document the protocol in docs/sync.md
- [ ] T016 [Ops] Add a dashboard in ops/sync.json
- [ ] T017 [Perf] Measure replay in bench/replay.ts
`,
        messages: [
          '1:1-1:60 warning Every marked task of "Phase 4: User Story 2 - Resolve conflicts (Priority: P2)" is marked [US3], but the phase is User Story 2: rename the phase or the markers',
          '8:13-8:17 warning This plan\'s tasks carry markers spec-kit does not define ([Docs], [Ops], [Perf], on 3 tasks): spec-kit tasks use [P] and [USn]'
        ]
      },
      {
        title: 'Parallel tasks on one unit named without a path',
        family: 'spec-kit',
        markdown: `## Phase 3: User Story 1 - Sign in (Priority: P1)

- [ ] T010 [P] [US1] Add the expiry test in TokenServiceTests
- [ ] T011 [P] [US1] Add the refresh test in TokenServiceTests
`,
        messages: [
          '4:13-4:14 error Tasks "T010" and "T011" are both [P] in this phase but both change TokenServiceTests: they cannot run in parallel'
        ]
      },
      {
        title: 'spec-maestro sizes and dependencies',
        family: 'spec-maestro',
        markdown: `### T003: Rewrite the board

- **Size:** M
- **Dependencies:** the board refactor
`,
        messages: [
          '3:1-3:14 error Task "T003" has size "M": split it until every task is XS or S',
          '4:1-4:39 error Task "T003" lists dependencies "the board refactor": write "None" or task IDs such as "T001, T002"'
        ]
      }
    ]
  },
  check(plan, report, options) {
    const conventions = plan.family.tasks
    if (conventions?.markers) checkMarkers(plan, report, conventions, options.patterns)
    if (options.filePaths !== 'allow') checkFilePaths(plan, report, options)
    if (conventions?.sizes || conventions?.dependencyField) checkMetadata(plan, report, conventions)
  }
})

export default rule.plugin
