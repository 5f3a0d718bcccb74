/**
 * The grammar of plan documents, in one place: how task IDs, task lines,
 * task references, dependency phrases, heading keys and heading numbers are
 * written. Rules and the plan model use these and write no task-ID or
 * heading pattern of their own; what differs between families (which ID
 * form, which markers, which phases) is data in presets/.
 */
import {foldAccents} from './blocks.js'

// --- Task IDs ---------------------------------------------------------------

/**
 * An ID at the start of text that runs straight on into a word (`T008の
 * contract test passes`, `T008's test`): the text is about that task, it
 * defines none. A full-width colon or space after the ID still starts a task.
 */
export const idRunningIntoWord = /^(?:[A-Z]{1,4}-)?[Tt]-?\d{1,5}[a-zA-Z]?(?:[’']s\b|(?=[^\s\x00-\x7F\u3000\uFF1A]))/

/**
 * A `T` ID at the start of a task's text, canonical or not: `T012`, `t12`,
 * `T-0012`, `BE-T005` (a team prefix), `T010a` (a letter suffix).
 */
export const taskIdAtStart = /^(?:[A-Z]{1,4}-)?[Tt]-?\d{1,5}(?:[a-zA-Z]|[-.]\d{1,2}(?![\w-]))?\b/

/**
 * The canonical form: an optional prefix, `T`, three digits, and optionally
 * a letter (either case) or a sub-number for a task inserted later (`T010a`,
 * `T037A`, `T158-1`, `T007.1`).
 */
export const canonicalTaskId = /^(?:([A-Z]{1,4})-)?T(\d{3})([a-zA-Z]|[-.]\d{1,2})?$/

/** A range of task IDs, its two numbers captured: `T1389-T1440`, `T012–T015`, `T030~T036`. */
export const taskIdRange = /(?:[A-Z]{1,4}-)?T(\d{3,4})\s*[-–~]\s*(?:[A-Z]{1,4}-)?T(\d{3,4})/

/** The start of a `T` ID as written, its prefix and `T` (`BE-T`, `t-`), then its digits. */
export const taskIdWriting = /^((?:[A-Z]{1,4}-)?[Tt]-?)(\d+)/

/** Any spelling of a `T` ID, whole, with its parts captured. */
const anyTaskId = /^(?:([A-Z]{1,4})-)?[Tt]-?(\d{1,5})([a-zA-Z]|[-.]\d{1,2})?$/

/** ai-first-sdlc's `Task N.M` at the start of a task's text: N the phase, M the step. */
export const phaseStepIdAtStart = /^Task\s+(\d+)\.(\d+)\b/i

/** A task ID mentioned in prose (`depends on T012`, `BE-T005`, `T0012`). */
export const taskIdMention = /\b(?:[A-Z]{1,4}-)?T\d{3,4}(?:[a-zA-Z]|\.\d{1,2}(?!\d))?\b/g

/**
 * The canonical form of a task ID, `t12` → `T012`, `T-0012` → `T012`
 * (`BE-T005` keeps its prefix); undefined when there is no sure form.
 */
export function correctedTaskId(id: string): string | undefined {
  const match = anyTaskId.exec(id)
  if (!match) return undefined
  const digits = String(Number(match[2]))
  if (digits.length > 3) return undefined
  return `${match[1] ? `${match[1]}-` : ''}T${digits.padStart(3, '0')}${match[3] ?? ''}`
}

export interface ParsedTaskId {
  prefix: string
  number: number
  suffix: string
  /** How many digits the ID is written with (`T12` 2, `T0012` 4). */
  digits: number
}

/** The parts of a `T` ID in any spelling, or undefined when it is not one. */
export function parseTaskId(id: string): ParsedTaskId | undefined {
  const match = anyTaskId.exec(id)
  if (!match) return undefined
  return {prefix: match[1] ?? '', number: Number(match[2]), suffix: match[3] ?? '', digits: match[2]!.length}
}

/** Text that goes on to cite a task: `TODO (T136)`, `TBD (BE-T005)`. */
export const citesTaskNext = /^\**\s*\(\s*(?:[A-Z]{1,4}-)?T\d{3}/

/** One key for every spelling of an ID (`t12`, `T012`, `T-012`). */
export function taskIdKey(id: string): string {
  return correctedTaskId(id) ?? id
}

/** `Task 1.2` → phase 1, step 2. */
export function parsePhaseStepId(id: string): {phase: number; step: number} | undefined {
  const match = /(\d+)\.(\d+)/.exec(id)
  return match ? {phase: Number(match[1]), step: Number(match[2])} : undefined
}

// --- Task lines --------------------------------------------------------------

/**
 * A status word before a task's ID: `- [x] SKIP: T039 (not needed)`. The
 * task is still T039; the word says what became of it.
 */
export const statusBeforeId = /^([A-Z]{2,12}):\s+(?=(?:[A-Z]{1,4}-)?[Tt]-?\d)/

/**
 * The family of a tag, what a document's convention is made of: `CORE`,
 * `MODULE` of `MODULE:auth`, `AUTH` of `AUTH-US1`, `US` of `US3`.
 */
export function tagFamily(tag: string): string {
  return tag.replace(/[\s:_/-].*$/, '').replace(/\d+$/, '')
}

/**
 * Tags are written in capitals (`CORE`, `BILL`, `AUTH-US1`); a capitalised
 * word (`[Description]`, `[Story]`) repeated on sample tasks is a
 * template's placeholder, not a convention.
 */
export const tagLike = /^[A-Z][A-Z0-9]+$/

/** A bracket marker right after a task ID: `[P]`, `[US1]`, `[BILL]`. */
export const markerAfterId = /^\s*\[([^\]\r\n]{1,20})\]/

/** A bracket marker before an ID (ai-first-sdlc's compressed `[P] Task 1.1`). */
export const markerBeforeId = /^\[([^\]\s]{1,10})\]\s*/

/** A list item that starts with a `Task N.M`, markers before it allowed. */
export const phaseStepTaskLine = /^(?:\[[^\]]+\]\s*)*Task\s+\d/i

/**
 * `T004, T005 can run in parallel`, `T010/T011`, `T020 – T024`: a line that
 * lists IDs mentions tasks; it defines none.
 */
export const idListLine = /^\S+\s*[,/&–—-]/

/** A task written after other text on a task's line: `… errors- [ ] T050A Add …` (group 1: its ID). */
export const gluedTask = /(?<=\S[ \t]*)-[ \t]\[[ xX]\][ \t]+((?:[A-Z]{1,4}-)?T\d{2,5}[A-Za-z]?)\b/g

/** A task heading: `### T001: Add the board`, `### T001 [P]: Init`, `### T001 [US1] Add`, `### T001 – Add`. */
export const taskHeading = /^[Tt]-?\d{1,5}[a-z]?(?:(?:\s*\[[^\]\r\n]{1,20}\])+|\s*:|\s+[-–—]\s)/

/** A task heading with its description right after the ID (`### T013 Unity ProfilerHandler.Start`): a task where the plan's other task headings are. */
export const bareTaskHeading = /^[Tt]-?\d{2,5}[a-z]?\s+\S/

/** spec-maestro's task block comments, `<!-- TASK:BEGIN id=T001 -->` and `<!-- TASK:END -->`. */
export const taskBlockBegin = /^<!--\s*TASK:BEGIN\b(?:\s+id=([^\s>]+))?\s*-->$/
export const taskBlockEnd = /^<!--\s*TASK:END\s*-->$/

/** Machine-readable comments (`<!-- TASK:BEGIN … -->`, `<!-- SECTION:END -->`): structure, not text. */
export const machineComment = /^<!--\s*[A-Z][A-Z_-]*:[A-Z][A-Z_-]*\b/

/**
 * The normalised words (see blocks.ts) of a task line: `t001 …` or
 * `task 1 2 …`. A template's sample tasks look like this.
 */
export const normalisedTaskLine = /^(?:t\d{3}[a-z]? |task \d+ \d+ )/

/**
 * "depends on T012, T013", "after T004", "requires T001 and T002",
 * "blocked by T020", "Dependencies: T001, T002": the IDs are in group 1.
 */
export const dependencyPhrase =
  /\b(?:depends? on|after|requires|blocked by|dependencies|depends)\b\s*:?\**\s*:?\s*((?:(?:[A-Z]{1,4}-)?T\d{3}[a-z]?(?:\s*(?:,|and|&|\/|or|-|–)\s*)?)+)/gi

/** The IDs in a dependency list (group 1 of `dependencyPhrase`). */
export const dependencyId = /\b(?:[A-Z]{1,4}-)?T\d{3}[a-z]?\b/g

/** A `**Dependencies:**` value: `None`, or task IDs separated by commas. */
export const dependencyList = /^(?:none\b|(?:(?:[A-Z]{1,4}-)?T\d{3}[a-z]?)(?:\s*,\s*(?:[A-Z]{1,4}-)?T\d{3}[a-z]?)*\s*$)/i

/**
 * A path a task names: `src/sync/queue.ts`, `apps/api/`, `package.json`,
 * `.gitignore`, `app/api/invoices/[invoice_id]/route.ts` (a route segment). A bare name like `Dockerfile` is too vague to count: a path
 * has a slash, an extension, or a leading dot.
 */
export const filePath = /(?:(?:[\w.@-]+|\[[\w.@-]+\])\/)+[\w.@*-]*|\b[\w-]+\.(?:[a-z]{1,6})\b|(?<![^\s`(])\.[a-z][\w-]*(?:\.[a-z]+)?\b/g

/** Dots and words that end a sentence or an abbreviation, not a path: `1.2`, `e.g.`. */
export const notAPath = /^(?:\d+(?:\.\d+)*|(?:e\.g|i\.e|etc)\.?)$/i

/** The words before a path that make it the file a task changes: "… in src/x.ts". */
export const targetPreposition = /(?:\b(?:in|to|into|at)\s+|在\s*)`?$/i

/** The words before a path that make it a file a task reads or runs: "per contracts/api.md", "with build.sh". */
export const readPreposition = /\b(?:per|from|using|with|via|run|runs|running|execute|executing|see|following|against|according to)\s+`?$/i

// --- Headings ------------------------------------------------------------------

// Words that real authors append to a heading to show progress; they are not
// part of the section's name (`## Phase 1: Setup ✅ COMPLETE`, `🎯 MVP`).
const statusWords = /(?: (?:complete|completed|done|mvp|wip|in progress|not started|blocked|optional|required|draft|updated))+$/

// Combining marks left by NFKD: `Résumé` → `Re´sume´` → `Resume`.
const combiningMarks = /\p{M}+/gu

/**
 * A heading's identity for matching, the one key every rule and option uses
 * (`allowIn`, section overrides, structure): case, accents, punctuation,
 * emoji and spacing ignored, `&` read as `and`, leading numbering (`11.`,
 * `1.2`) and trailing status words dropped.
 * `## 11. Risks & Mitigation ✅` → `risks and mitigation`; `Résumé` → `resume`.
 */
export function headingKey(text: string): string {
  const lower = text.toLowerCase()
  // ASCII (most headings) needs no Unicode classes, which are slower.
  if (!/[^\x00-\x7f]/.test(lower)) {
    return finishKey(lower.replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' '))
  }
  const folded = foldAccents(lower).replace(combiningMarks, '')
  return finishKey(folded.replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' '))
}

function finishKey(spaced: string): string {
  return spaced
    .trim()
    .replace(/^(?:\d+ )+(?=\p{L})/u, '')
    .replace(statusWords, '')
    .trim()
}

/** A phase section's key: `phase 3 user story 1 …`, `final phase polish`. */
export const phaseKey = /^(?:phase|final phase)\b/

/** The number of a phase, from its key: `phase 3 2 …` → `3 2`. */
export const phaseNumberKey = /^phase (\d+(?: \d+)*)\b/

/** A heading that keeps a template's number letter, `## Phase N: Polish` (group 1: the series word). */
export const letterNumberHeading = /^(phase|step|stage)\s+N\b/i

/** A dependency section, from its key: `dependencies and execution order`. */
export const dependencySectionKey = /^dependenc/

/**
 * A phase or a user story named in prose: `Phase 3.2`, `User Story 2`, `US2`;
 * not after a hyphen (`AUTH-US2` is the plan's own label, not story 2).
 */
export const phaseOrStoryMention = /\bPhase (\d+(?:\.\d+)*)\b|(?<!-)\b(?:User Story |US)(\d+)\b/g

/**
 * A numbered heading: `## 2. Testing`, `### 1.2 Scope`, `### Step 3: …`,
 * `## Phase 3.2: …`, `### Decision 1:`, `## Phase 8b:`. Group 1 is the
 * series word, group 2 the number, group 3 a letter suffix.
 */
export const numberedHeading =
  /^(?:(step|decision|phase|error scenario|integration|milestone|stage|part|iteration|sprint|epic)\s+)?(\d+(?:\.\d+)*)([a-z])?(?=[\s.:)+—–-]|$)/i

/** When a `TBD` decision will be made: "TBD during planning", "TBD after the spike", "TBD in Phase 2". */
export const deferredDecision = /^\s+(?:during|after|before|until|at|in|by)\s+(?:the\s+)?(?:planning|design|implementation|review|phase\b|sprint\b|spike\b|research\b|kick-?off\b|milestone\b|\/\w+)/i

/** A line that says some tasks run one after another: "T040a〜g は sequential", "T020–T025 in order". */
export const sequentialWords = /\b(?:sequential(?:ly)?|in sequence|one (?:after|at a time)|sequencial|sequenziell|nacheinander)\b|順次|逐次|直列|순차/i

/** A range of task IDs on such a line: `T040a〜g`, `T040a-T040g`, `T020–T025` (groups: number, first letter, last number, last letter). */
export const sequentialRange = /\bT(\d{2,4})([a-z])?\s*(?:[〜~–—-]|\.\.|to|bis)\s*(?:T?(\d{2,4}))?([a-z])?\b/g
