/**
 * feature-folder: the documents of one feature (spec.md, plan.md, tasks.md)
 * agree — on its user stories, its requirements and which feature they are.
 */
import {defineRule, type MessageData, type Report} from '../src/core/rule.js'
import type {FeatureFolder} from '../src/core/plan/folder.js'
import type {Plan, Token} from '../src/core/plan/index.js'
import {requirementMentions, specModel, type SpecModel} from '../src/core/plan/spec.js'
import {type Layout, layoutOf} from '../src/core/plan/layout.js'
import {filePath, notAPath} from '../src/core/grammar.js'
import type {FolderConventions} from '../src/core/family.js'

const messages = {
  unknownStory: {text: '{what} names user story {story}, which {spec} does not have (its stories: {stories})'},
  otherStory: {text: 'Phase "{phase}" is for user story {story}, which {spec} calls "{title}": is it that story?', severity: 'warn'},
  storyWithoutTasks: {text: 'User story {story} of {spec} ("{title}") has no tasks here: no {marker} task and no phase for it', severity: 'warn'},
  unknownRequirement: {text: '{id} is not a requirement of {spec}{more}: cite one it defines, or add it there'},
  noScenarios: {text: 'User story {story} ("{title}") has no acceptance scenarios: write them (Given …, When …, Then …) so it can be tested on its own', severity: 'warn'},
  malformedRequirement: {text: '{id} is not written as the spec\'s other requirement IDs are ({example}): give it an ID of that form, which plans and tasks can cite'},
  duplicateRequirement: {text: '{id} is defined twice (first on line {line}): give each requirement its own ID'},
  uncoveredRequirements: {text: '{count} of {total} requirements are cited by neither {others}: {list}', severity: 'warn'},
  otherTitle: {text: 'The title names "{title}", which shares no word with the feature of {spec} ("{feature}"): name the feature this folder is for', severity: 'warn'},
  outsideLayout: {text: '{path} is outside the layout of {plan}\'s {section} ({nearest}){more}: add it there, or correct the path', severity: 'warn'},
  otherFeature: {text: '{field} names {named}, but this document is in {folder}', severity: 'warn'}
} as const

type Id = keyof typeof messages

export interface FeatureFolderOptions extends Record<string, unknown> {
  /** Task paths outside the plan's Project Structure: `allow` (default) or `warn`. */
  layout: 'allow' | 'warn'
}

/** `1, 2 and 3`, short: the first few and a count. */
function listed(items: string[], most = 8): string {
  if (items.length <= most) return items.join(', ')
  return `${items.slice(0, most).join(', ')} and ${items.length - most} more`
}

const storyMarkers = new Map<string, RegExp>()

/** The story numbers a task's markers name (`US2`, `US1/2/3`; `US1.5`, a story inserted after 1, is story 1's). */
function storiesOfMarker(text: string, pattern: string): string[] {
  let regex = storyMarkers.get(pattern)
  if (!regex) storyMarkers.set(pattern, (regex = new RegExp(`^(?:${pattern})$`)))
  if (!regex.test(text)) return []
  return [...text.replace(/\.\d+/g, '').matchAll(/\d+/g)].map((match) => String(Number(match[0])))
}

function checkStories(plan: Plan, spec: SpecModel, specName: string, report: Report<Id>): void {
  if (spec.stories.length === 0) return
  const relied = {documents: [specName]}
  const known = new Set(spec.stories.map((story) => story.number))
  const storiesText = listed(spec.stories.map((story) => story.number))
  const markers = plan.family.tasks?.markers
  // Where tasks.md names each story: its phases, then its tasks' markers.
  const named = new Map<string, {phase?: Plan['sections'][number]; tags: Token[]}>()
  const entry = (story: string) => {
    let found = named.get(story)
    if (!found) named.set(story, (found = {tags: []}))
    return found
  }
  for (const section of plan.sections) {
    if (section.depth !== 2) continue
    for (const story of plan.storiesOf(section)) entry(String(Number(story))).phase ??= section
  }
  if (markers) {
    for (const task of plan.tasks) {
      for (const marker of task.markers) for (const story of storiesOfMarker(marker.text, markers.story)) entry(story).tags.push(marker)
    }
  }
  if (named.size === 0) return
  for (const [story, {phase, tags}] of named) {
    if (known.has(story)) continue
    const data: MessageData = {story, spec: specName, stories: storiesText}
    const marked = tags.length === 0 ? '' : ` (with ${tags.length} task${tags.length === 1 ? '' : 's'} marked [${tags[0]!.text}])`
    if (phase) report('unknownStory', phase.node, {...data, what: `Phase "${phase.text.trim()}"${marked}`}, relied)
    else report.span('unknownStory', tags[0]!.start, tags[0]!.end, {...data, what: `[${tags[0]!.text}]${tags.length > 1 ? ` (on ${tags.length} tasks)` : ''}`}, relied)
  }
  // A phase for one story whose title shares no word with that story's in the spec: the stories were renumbered.
  const byNumber = new Map(spec.stories.map((story) => [story.number, story]))
  for (const [number, {phase}] of named) {
    const story = byNumber.get(number)
    if (!phase || !story || plan.storiesOf(phase).length !== 1) continue
    const title = phaseTitle(phase.text)
    if (title === '' || sharesWord(title, story.title)) continue
    report('otherStory', phase.node, {phase: phase.text.trim(), story: number, spec: specName, title: story.title}, relied)
  }
  const marker = markers?.storyMarker ?? 'US{n}'
  const at = plan.title?.node ?? plan.tree.children[0]
  if (!at) return
  for (const story of spec.stories) {
    if (named.has(story.number)) continue
    report('storyWithoutTasks', at, {story: story.number, spec: specName, title: story.title, marker: `[${marker.replace('{n}', story.number)}]`}, relied)
  }
}

/** An ID range (`FR-001–FR-005`, `FR-001 to FR-010`): the IDs between two cited ones count as cited. */
const rangeBetween = /^\s*(?:[-–—~]|\.\.\.?|…|to|through|thru|bis|até|a|〜|～|から)\s*$/

function withRanges(source: string, tokens: Token[]): Set<string> {
  const cited = new Set(tokens.map((token) => token.text))
  for (let index = 1; index < tokens.length; index++) {
    const [from, to] = [tokens[index - 1]!, tokens[index]!]
    const a = /^([A-Z]+)-(\d+)$/.exec(from.text)
    const b = /^([A-Z]+)-(\d+)$/.exec(to.text)
    if (!a || !b || a[1] !== b[1] || !rangeBetween.test(source.slice(from.end, to.start))) continue
    for (let n = Number(a[2]) + 1; n < Number(b[2]); n++) cited.add(`${a[1]}-${String(n).padStart(a[2]!.length, '0')}`)
  }
  return cited
}

/** The kind of a requirement ID: `FR` of `FR-001`. */
const kindOf = (id: string) => id.split('-')[0]!

/** A feature folder's name, as paths write it (`003-user-auth`). */
const featureFolderName = /\b\d{3}-[\p{L}\d][\p{L}\d_-]*/gu

function checkCitations(plan: Plan, folder: FeatureFolder, spec: SpecModel, specName: string, conventions: FolderConventions, report: Report<Id>): void {
  const kinds = new Set([...spec.named].map(kindOf))
  const unknown = new Map<string, Token[]>()
  for (const token of requirementMentions(plan, conventions)) {
    if (spec.named.has(token.text) || !kinds.has(kindOf(token.text))) continue
    // A line that names another feature (`see 002-billing FR-004`) cites that feature's spec.
    const lineStart = plan.source.lastIndexOf('\n', token.start) + 1
    const lineEnd = plan.source.indexOf('\n', token.end)
    const line = plan.source.slice(lineStart, lineEnd === -1 ? undefined : lineEnd)
    if ([...line.matchAll(featureFolderName)].some((match) => match[0] !== folder.name)) continue
    const list = unknown.get(token.text) ?? []
    list.push(token)
    unknown.set(token.text, list)
  }
  for (const [id, tokens] of unknown) {
    const more = tokens.length > 1 ? ` (cited ${tokens.length} times here)` : ''
    report.span('unknownRequirement', tokens[0]!.start, tokens[0]!.end, {id, spec: specName, more}, {documents: [specName]})
  }
}

function checkSpec(plan: Plan, folder: FeatureFolder, spec: SpecModel, conventions: FolderConventions, report: Report<Id>): void {
  for (const [id, definitions] of spec.definitions) {
    const first = plan.pointAt(definitions[0]!.start)
    for (const again of definitions.slice(1)) report.span('duplicateRequirement', again.start, again.end, {id, line: first?.line ?? 0})
  }
  // `FR-1` among `FR-001`s: an ID of the spec's own form, where it writes one (two of that kind or more).
  for (const token of spec.malformed) {
    const kind = /^[A-Za-z]+/.exec(token.text)?.[0].toUpperCase() ?? ''
    const examples = [...spec.definitions.keys()].filter((id) => kindOf(id) === kind)
    if (examples.length >= 2) report.span('malformedRequirement', token.start, token.end, {id: token.text, example: examples.slice(0, 2).join(', ')})
  }
  for (const story of spec.stories) {
    if (story.scenarios === false) report('noScenarios', story.heading, {story: story.number, title: story.title})
  }
  // Where the other documents trace requirements, the ones they skip are likely gaps.
  const others = [folder.plan, folder.tasks].filter((document) => document !== undefined)
  if (!folder.tasks) return
  const cited = new Set<string>()
  for (const document of others) for (const id of withRanges(document.plan.source, requirementMentions(document.plan, conventions))) cited.add(id)
  const byKind = new Map<string, string[]>()
  for (const id of spec.definitions.keys()) byKind.set(kindOf(id), [...(byKind.get(kindOf(id)) ?? []), id])
  for (const [, ids] of byKind) {
    const covered = ids.filter((id) => cited.has(id))
    const skipped = ids.filter((id) => !cited.has(id))
    // Four in five cited: the documents trace that kind, and a skipped one is
    // likely forgotten. Citing half (a task names the criteria it touches)
    // says nothing of the rest, which other tasks may well implement.
    if (skipped.length === 0 || covered.length < 0.8 * ids.length) continue
    const first = spec.definitions.get(skipped[0]!)![0]!
    report.span('uncoveredRequirements', first.start, first.end, {
      count: skipped.length,
      total: ids.length,
      others: others.map((document) => conventions.files[document.role]).join(' nor '),
      list: listed(skipped)
    }, {documents: others.map((document) => conventions.files[document.role])})
  }
}

/**
 * Where a task's path may be without the plan's layout naming it: the
 * feature's own documents (`specs/`, `contracts/`), the repository's
 * documentation and tooling folders.
 */
const besideLayout = new Set(['docs', 'doc', 'specs', 'contracts', '.github', '.gitlab', '.vscode', '.devcontainer', '.specify', '.claude'])

/** Whether a path falls under a layout: by its root, or as a path relative to a folder the layout has (`api/index.ts` in `src/domains/products/`). */
function underLayout(path: string, layout: Layout): boolean {
  const segments = path.split('/')
  if (layout.roots.has(segments[0]!) || besideLayout.has(segments[0]!)) return true
  for (const known of layout.paths) if (known.endsWith(`/${path}`) || known.includes(`/${segments[0]}/`) || known.endsWith(`/${segments[0]}`)) return true
  return false
}

/** The layout's path nearest to one outside it: the longest shared start, else its roots. */
function nearest(path: string, layout: Layout): string {
  const segments = path.split('/')
  let best = ''
  let shared = 0
  for (const known of layout.paths) {
    const parts = known.split('/')
    let n = 0
    while (n < parts.length && n < segments.length && parts[n] === segments[n]) n++
    if (n > shared) [best, shared] = [known, n]
  }
  return best ? `nearest: ${best}${layout.folders.has(best) ? '/' : ''}` : `it has ${listed([...layout.roots].map((root) => `${root}${layout.folders.has(root) ? '/' : ''}`), 5)}`
}

function checkLayout(plan: Plan, folder: FeatureFolder, conventions: FolderConventions, report: Report<Id>): void {
  const other = folder.plan?.plan
  const section = other?.structure?.matches.find((match) => match.spec.title === conventions.structureSection)?.section
  const layout = other && section && layoutOf(other, section)
  if (!layout) return
  // One message per folder the layout lacks, at its first path: a folder
  // left out of the layout is one omission however many tasks name it.
  const outside = new Map<string, Array<{path: string; start: number}>>()
  for (const task of plan.tasks) {
    if (!task.id) continue
    for (const match of task.description.matchAll(filePath)) {
      const path = match[0].replace(/[.,;:)]+$/, '')
      // A relative path with a folder: not absolute (`/Users/…`), not a URL or a host (`github.com/…`), not a package (`@scope/name`).
      if (/[/\\:~]$/.test(task.description.slice(0, match.index)) || !path.includes('/') || /^[.~@]|\.\.|^[\w-]+\.(?:com|org|net|io|dev)\//.test(path)) continue
      if (notAPath.test(path) || !/\.[A-Za-z]{1,10}$/.test(path) || underLayout(path, layout)) continue
      const root = path.split('/')[0]!
      outside.set(root, [...(outside.get(root) ?? []), {path, start: task.id.end + match.index}])
    }
  }
  for (const [root, paths] of outside) {
    const [first] = paths
    const others = new Set(paths.map((entry) => entry.path)).size - 1
    report.span('outsideLayout', first!.start, first!.start + first!.path.length, {
      path: first!.path,
      plan: conventions.files.plan,
      section: section.text.trim(),
      nearest: nearest(first!.path, layout),
      more: others > 0 ? `, as ${others} more paths under ${root}/ are` : ''
    }, {documents: [conventions.files.plan]})
  }
}

/** A title's feature name: what follows its kind (`Tasks: Offline sync` → `Offline sync`). */
const featureName = (title: string) => title.replace(/^[^:：]*[:：]\s*/, '').trim()

/** A name's words, and the character pairs of its words in scripts without spaces (`健身紀錄` → 健身, 身紀, 紀錄). */
function wordsOf(name: string): Set<string> {
  const words = new Set<string>()
  // Runs of one script: `组件API适配` is 组件, api and 适配.
  for (const [word] of name.toLowerCase().matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[\p{L}\p{N}]+?(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[^\p{L}\p{N}]|$)/gu)) {
    if (/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u.test(word)) {
      for (let i = 0; i + 1 < word.length; i++) words.add(word.slice(i, i + 2))
      if (word.length === 1) words.add(word)
    } else if (word.length > 1) words.add(word)
  }
  return words
}

/** What a story phase's heading calls its story: after the story's number and a dash or colon, its priority and marks aside. */
function phaseTitle(text: string): string {
  const after = /stor(?:y|ies)\b[^-–—:：]*[-–—:：]\s*(.+)$/i.exec(text)?.[1] ?? ''
  return after.replace(/[(（].*$/, '').replace(/[🎯✅].*$/u, '').trim()
}

function sharesWord(a: string, b: string): boolean {
  const ours = wordsOf(a)
  const theirs = wordsOf(b)
  return ours.size === 0 || theirs.size === 0 || [...ours].some((word) => theirs.has(word))
}

function checkTitle(plan: Plan, spec: Plan, specName: string, report: Report<Id>): void {
  if (!plan.title || !spec.title) return
  const title = featureName(plan.title.text)
  const feature = featureName(spec.title.text)
  const ours = wordsOf(title)
  const theirs = wordsOf(feature)
  if (ours.size === 0 || theirs.size === 0 || [...ours].some((word) => theirs.has(word))) return
  report('otherTitle', plan.title.node, {title, spec: specName, feature}, {documents: [specName]})
}

/** The header fields that name the spec a document was made from (`**Input**: … from /specs/003-x/spec.md`). */
const specFields = new Set(['spec', 'input', 'feature spec', 'specification', 'feature specification'])

function checkFeatureNamed(plan: Plan, folder: FeatureFolder, conventions: FolderConventions, report: Report<Id>): void {
  const specFile = conventions.files.spec.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const named = new RegExp(`([^\\s/\\\\()\`'"\\[\\]]+)/${specFile}\\b`, 'g')
  for (const field of plan.fields) {
    if (!specFields.has(field.key) || !field.node.position) continue
    const start = field.node.position.start.offset!
    const lineEnd = plan.source.indexOf('\n', plan.source.indexOf(field.label, start))
    const text = plan.source.slice(start, lineEnd === -1 ? field.node.position.end.offset : lineEnd)
    for (const match of text.matchAll(named)) {
      const name = match[1]!
      if (name === folder.name || name === '.' || name === '..' || /^\d{3}-/.test(name) === false) continue
      report.span('otherFeature', start + match.index, start + match.index + match[0].length, {field: `**${field.label}**`, named: `${name}/${conventions.files.spec}`, folder: folder.name})
    }
  }
}

export const rule = defineRule<FeatureFolderOptions, Id>({
  id: 'feature-folder',
  description: 'Require the documents of one feature folder (spec, plan, tasks) to agree',
  severity: 'error',
  messages,
  docs: `spec-kit keeps one feature's documents together (\`specs/003-user-auth/\`:
\`spec.md\`, \`plan.md\`, \`tasks.md\`), and an agent implements from all three.
This rule checks each of them against the others that exist beside it, and
reports at the line that needs the change:

- in tasks.md, a \`[USn]\` marker or a "User Story N" phase naming a story
  spec.md does not have (an error: once per story, where it is first named),
  a story of spec.md that no task and no phase is for (a warning, where
  the task list marks stories at all), and a phase for one story whose title
  shares no word with that story's title in spec.md (a warning: the stories
  were renumbered, or the tasks planned against another spec);
- in plan.md and tasks.md, a requirement ID (\`FR-012\`, \`SC-003\`) that
  spec.md never writes, where spec.md has IDs of that kind (an error, once
  per ID);
- in spec.md, a user story with no acceptance scenarios (a warning: spec-kit
  asks each story to be testable on its own), a requirement ID defined twice
  or written otherwise than the spec's others (\`FR-7\` among \`FR-001\`s:
  errors), and requirements
  that neither plan.md nor tasks.md cites, where those cite four in five of
  that kind or more (one warning for them all);
- in plan.md and tasks.md, a \`**Spec**:\` or \`**Input**:\` field that names
  another feature's \`spec.md\`, and a title whose feature shares no word
  with the spec's (warnings: real folders word their three titles
  differently, \`Ant Design 6 现代化改造\` for \`前端框架升级到Ant Design 6\`,
  but always share some).

With \`layout: warn\`, a task's path (\`app/Models/User.php\`) under no
folder of plan.md's Project Structure trees is a warning, once per folder
the layout lacks, with the nearest path it has. It is off by default: on
real folders it was right 5 times in 8 (tasks name paths relative to a
folder of the layout, test data, helper scripts), under the 80% a warning
needs. Paths under \`docs/\`, \`specs/\`, \`contracts/\` and \`.github/\`,
absolute paths and URLs are never reported.

The siblings are read as the editor, the index (\`--staged\`) or the disk
holds them, parsed once per run. A folder with only some of the documents
checks what it has and says nothing of the missing ones.

Not reported: the order of the story phases (spec-kit lays them out by
priority, but authors order them by dependency on purpose: the one phase
out of priority order in 24 real folders was so); a requirement cited on a line that names another feature
(\`see 002-billing FR-004\`); the IDs inside a range (\`FR-001–FR-005\`)
count as cited; stories of a spec that numbers none (spec-kit's first
version writes one "Primary User Story"); a document that is not in a
feature folder.`,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      layout: {enum: ['allow', 'warn'], description: "Task paths outside the layout of plan.md's Project Structure."}
    }
  },
  defaults: {layout: 'allow'},
  examples: {
    valid: [
      {
        title: 'Tasks for every story of the spec, citing its requirements',
        family: 'spec-kit',
        path: 'tasks.md',
        folder: {
          'spec.md': `# Feature Specification: Offline sync

## User Scenarios & Testing

### User Story 1 - Work offline (Priority: P1)

1. **Given** no network, **When** a user edits a note, **Then** the edit is queued.

### User Story 2 - Resolve conflicts (Priority: P2)

1. **Given** two edits of one note, **When** both sync, **Then** both are shown.

## Requirements

- **FR-001**: The app MUST queue edits made offline.
- **FR-002**: The app MUST show conflicting edits side by side.

## Success Criteria

- **SC-001**: Edits made offline are never lost.
`
        },
        markdown: `# Tasks: Offline sync

## Phase 3: User Story 1 - Work offline

- [ ] T001 [US1] Queue offline edits in src/sync/queue.ts (FR-001, SC-001)

## Phase 4: User Story 2 - Resolve conflicts

- [ ] T002 [US2] Show conflicts in src/sync/conflicts.tsx (FR-002)
`
      }
    ],
    invalid: [
      {
        title: 'A story and a requirement the spec does not have, and a story with no tasks',
        family: 'spec-kit',
        path: 'tasks.md',
        folder: {
          'spec.md': `# Feature Specification: Offline sync

## User Scenarios & Testing

### User Story 1 - Work offline (Priority: P1)

### User Story 2 - Resolve conflicts (Priority: P2)

## Requirements

- **FR-001**: The app MUST queue edits made offline.

## Success Criteria

- **SC-001**: Edits made offline are never lost.
`
        },
        markdown: `# Tasks: Offline sync

## Phase 3: User Story 1 - Work offline

- [ ] T001 [US1] Queue offline edits in src/sync/queue.ts (FR-001)
- [ ] T002 [US3] Sync in the background in src/sync/worker.ts (FR-004)
`,
        messages: [
          '1:1-1:22 warning User story 2 of spec.md ("Resolve conflicts") has no tasks here: no [US2] task and no phase for it',
          '6:13-6:16 error [US3] names user story 3, which spec.md does not have (its stories: 1, 2)',
          '6:64-6:70 error FR-004 is not a requirement of spec.md: cite one it defines, or add it there'
        ]
      },
      {
        title: 'A story with no acceptance scenarios, a requirement defined twice, and one whose ID is of another form',
        family: 'spec-kit',
        path: 'spec.md',
        markdown: `# Feature Specification: Offline sync

## User Scenarios & Testing

### User Story 1 - Work offline (Priority: P1)

A user keeps working on a train.

## Requirements

- **FR-001**: The app MUST queue edits made offline.
- **FR-001**: The app MUST show conflicting edits side by side.
- **FR-002**: The app MUST sync within 5 seconds.
- **FR-3**: The app MUST keep a log.
`,
        messages: [
          '5:1-5:47 warning User story 1 ("Work offline") has no acceptance scenarios: write them (Given …, When …, Then …) so it can be tested on its own',
          '12:5-12:11 error FR-001 is defined twice (first on line 11): give each requirement its own ID',
          "14:5-14:9 error FR-3 is not written as the spec's other requirement IDs are (FR-001, FR-002): give it an ID of that form, which plans and tasks can cite"
        ]
      },
      {
        title: 'A task path outside the plan\'s layout (with `layout: warn`)',
        family: 'spec-kit',
        path: 'tasks.md',
        options: {layout: 'warn'},
        folder: {
          'plan.md': `# Implementation Plan: Offline sync

## Project Structure

\`\`\`text
src/
├── sync/
│   └── queue.ts
└── app.ts
tests/
\`\`\`
`
        },
        markdown: `# Tasks: Offline sync

## Phase 1: Setup

- [ ] T001 Queue edits in src/sync/queue.ts
- [ ] T002 Add the worker in worker/sync.ts
`,
        messages: ["6:30-6:44 warning worker/sync.ts is outside the layout of plan.md's Project Structure (it has src/, tests/): add it there, or correct the path"]
      },
      {
        title: 'A plan made from another feature\'s spec',
        family: 'spec-kit',
        path: 'plan.md',
        folder: {'spec.md': '# Feature Specification: Offline sync\n'},
        markdown: `# Implementation Plan: Offline sync

**Input**: Feature specification from \`/specs/002-offline/spec.md\`
`,
        messages: ['3:47-3:66 warning **Input** names 002-offline/spec.md, but this document is in 001-offline-sync']
      }
    ]
  },
  check(plan, report, options, context) {
    const conventions = plan.family.folder
    if (!conventions) return
    const folder = context.folder()
    if (!folder) return
    if (folder.self === 'spec') {
      checkSpec(plan, folder, specModel(plan, conventions), conventions, report)
      return
    }
    checkFeatureNamed(plan, folder, conventions, report)
    if (folder.self === 'tasks' && options.layout === 'warn') checkLayout(plan, folder, conventions, report)
    if (!folder.spec) return
    const spec = specModel(folder.spec.plan, conventions)
    const specName = conventions.files.spec
    checkTitle(plan, folder.spec.plan, specName, report)
    if (folder.self === 'tasks') checkStories(plan, spec, specName, report)
    checkCitations(plan, folder, spec, specName, conventions, report)
  }
})

export default rule.plugin
