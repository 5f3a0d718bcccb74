/**
 * no-placeholders: template placeholders and fill-in markers left in a plan.
 *
 * Works on mdast `text` nodes only, so code (inline and fenced), HTML
 * comments, link URLs and front matter are never looked at, and GFM
 * checkboxes, links and footnotes (parsed into their own nodes) are never
 * mistaken for placeholders.
 */
import escapeStringRegexp from 'escape-string-regexp'
import {htmlTagNames} from 'html-tag-names'
import type {Code, Html, InlineCode, Text} from 'mdast'
import type {Node} from 'unist'
import {toString} from 'mdast-util-to-string'
import {citesTaskNext, deferredDecision, headingKey} from '../src/core/grammar.js'
import type {Plan} from '../src/core/plan/index.js'
import {normaliseCode} from '../src/core/blocks.js'
import {tokenRange} from '../src/core/position.js'
import {templateCodeKeys, templateWords} from '../src/core/template-index.js'
import {defineRule, type Report} from '../src/core/rule.js'
import {nodesOf} from '../src/core/walk.js'

export interface NoPlaceholdersOptions extends Record<string, unknown> {
  /** Flag `[Bracketed text]`. */
  brackets: boolean
  /** Flag `<angle text>` that is not an HTML element, such as `<feature-name>`. */
  angles: boolean
  /**
   * Flag `{braced}` text: `upper` only `{UPPER_SNAKE}` and multi-word text,
   * `all` also single words such as `{Name}` or `{list}`, `off` none.
   */
  braces: 'off' | 'upper' | 'all'
  /** Bracket contents that are real markers, as regular expressions (whole content). */
  bracketMarkers: string[]
  /** Extra fill-in words, flagged as whole words (case-sensitive). */
  markers: string[]
  /** Tokens that are fine: an exact token such as `[TBD]`, or `/regex/`. */
  allow: string[]
  /**
   * Tokens that are fine under one section only, by heading text (case,
   * punctuation and leading numbers ignored): `{"Sign-off": ["[TBD]"]}`.
   */
  allowIn: Record<string, string[]>
  /** The family's template placeholders that are reported inside code too (exact tokens: spec-kit's `[###-feature-name]`). */
  inCode: string[]
}

/** Fill-in words every plan template family uses. */
const builtinMarkers = ['TBD', 'TODO', 'TKTK', 'FIXME', 'NEEDS CLARIFICATION', 'YYYY-MM-DD', '???']

/**
 * Bracket contents that are Markdown or task syntax, never placeholders:
 * checkboxes written in tables, footnote-looking text, numeric citations.
 */
const syntaxBrackets = /^(?:[ xX]|\^.*|\d+|!.*)$/

/**
 * Bracket contents that are code-like content: JSON arrays (`["dev"]`), object
 * lists (`[{name}]`), regex classes (`[a-zA-Z0-9_-]`), prompts (`[y/N]`),
 * alternatives in command syntax (`[files|folders|all]`), calls (`[Wikilink(target="a")]`) and lists of
 * identifiers (`[read, find, navigate]`), or of three values or more (`[Beginner, Intermediate, Advanced]`).
 */
const contentBrackets = /^(?:N\/A|n\/a|["'{(<].*|\S*(?:a-z|A-Z|0-9)\S*|[yY]\/[nN]|[\w.-]+(?:\|[\w.-]+)+|[a-z][\w-]*(?:,\s*[a-z][\w-]*)+|[A-Z][\w-]*(?:,\s*[A-Z][\w-]*){2,}|[A-Za-z_][\w.]*\(.*)$/

/**
 * A status note on a task, in capitals and a colon: `[BLOCKED: Xcode not
 * installed]`, `[DEFERRED: needs an API]`. The author wrote it; nothing is left to fill.
 */
/** A group's note on how its tasks run: `[ALL PARALLEL]`, `[SEQUENTIAL]`. */
const groupNote = /^(?:ALL )?(?:PARALLEL|PARALLELIZABLE|SEQUENTIAL|IN PARALLEL)$/
const statusNote = /^(?:BLOCKED|DEFERRED|DONE|SKIPPED|PARTIAL|WIP|NOTE|UPDATE|UPDATED|FIXED|CANCELLED|CANCELED|OBSOLETE|REMOVED|MOVED|DEPRECATED|OPTIONAL|COMPLETED?)\b\s*:/

/**
 * A field that names who or when, for a decision not made yet
 * (`**Assignee:** TBD` on a proposal, `Reviewer: TBD`): the plan records that
 * it is open, as a sign-off table keeps `[Pending]`; nothing was left unfilled.
 */
const pendingDecisionField = /(?:^|\n)\s*(?:[-*]\s+)?(?:assignee|assigned to|owners?|reviewers?|approvers?|approved by|due(?: date)?|eta|target (?:date|release|completion))\s*:\s*$/i
const pendingMarker = /^TB[DCA]$/

/** A marker as a label that says none are left: `**NEEDS CLARIFICATION**: none remaining`, `TODO: n/a`. */
const noneLeft = /^[*_`]*\s*[:：]\s*[*_]*\s*(?:none|n\/a|0\b|zero|nothing)\b/i

/**
 * Words around a marker that mean it is being talked about, not left in:
 * "All NEEDS CLARIFICATION resolved", "Remove TODO comments", "whose own
 * TODO promises a rewrite" (a marker in another's code, named as a thing).
 */
const mentionBefore = /\b(?:no|all|any|remove|removed|removing|resolve|resolved|resolving|without|zero|every|each|a|an|the|its|their|own|this|that|(?:scan|search|check|look|grep)(?:s|ed|ing)? for)\s+(?:the\s+|[`"'])?$/i
/** The same, in Chinese, Japanese and Korean: "所有 NEEDS CLARIFICATION 項目已解決", "全ての TODO", "모든 TODO". */
const mentionBeforeCjk = /(?:所有|全部|任何|沒有|没有|無|无|全ての|すべての|모든)\s*[「『"'`]?$/
const mentionAfter = /^(?:\/\w+)*[`"']?\s*(?:markers?|comments?|items?|resolved|remain(?:s|ing)?|left|count|tags?|entries|placeholders?)\b/i

// `[...]` not preceded by a word character (`arr[i]`), a hyphen (a CSS
// framework's arbitrary value, `min-h-[44px]`), a bracket or a
// backslash, and not followed by `(`, `[` or `:` (link syntax that did not resolve).
// A placeholder may wrap onto a second line of its paragraph.
const bracketPattern = /(?<![\w\]\\-])\[([^[\]\r\n]{1,200}(?:\r?\n[^[\]\r\n]{1,200})?)\](?![([:])/g
// `{...}` not preceded by a word character, `/` (`/items/{id}`), `$` or `{`
// (template literals, `{{mustache}}`) or `[` (`[{name}]`, JSON).
const bracePattern = /(?<![\w/${[])\{([^{}\r\n]{1,120})\}(?!\})/g
const upperBrace = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/
// Words, spaces and light punctuation. A comma must be followed by a space
// (`{app,ui}` is a brace expansion); no colon or quote (object literals).
const wordsBrace = /^[A-Za-z](?:[\w ./'’—–-]|, )*$/
// `{feature_id}`, `{asset.download_url}`: an identifier being interpolated;
// `{name, description}`: a set or object shape of identifiers.
const identifierBrace = /^[a-z][a-z0-9]*(?:[._][a-z0-9]+)+$|^[a-z_][\w]*(?:, [a-z_][\w]*)+$/

// `XXX` and `TXXX` are placeholders only as a value: after a colon, or alone.
const xxxPattern = /(?<![\w-])T?XXX(?![\w-])/g
const valueBefore = /(?:^|[:|=]\s*)$/
const valueAfter = /^\s*(?:$|[|,;)])/

// `<feature-name>`, `<your name>`, `<path-to-spec.yaml>`: lower-case words in
// angle brackets. Capitalised text (`List<String>`) is a type, and real HTML
// elements (`<br>`, `<details>`) are markup.
const anglePattern = /(?<![\w`<])<([a-z][a-z0-9]*(?:[-_ .|/][a-z0-9]+)*)>/g
const htmlElements = new Set(htmlTagNames)

/**
 * A paragraph that introduces the format of another document:
 * "Consolidate findings in research.md using format:". (A template's own
 * "use this format:" introduces slots to fill, and is not this.)
 */
const formatIntroduction = /\.(?:md|ya?ml|json)\b.*\bformat\s*:\s*$/i

// A route segment in a path (`app/items/[id]/page.tsx`, `[...slug]`,
// `[userId]`): web frameworks name files so. `src/[location]/[file].py` is
// still a placeholder.
const routeParameter = /^(?:\.\.\.)?\w*(?:id|Id|ID|slug|Slug|locale|lang)$|^\.\.\.\w+$/
// A part of a file name a tool generates (`Migrations/[timestamp]_Init.cs`).
const generatedPart = /^(?:timestamp|hash|date|version)$/i
// A path that is a pattern (`packages/[name]-{frt,srv}/`, `src/[module]/*.ts`):
// its bracket segments are the pattern's variables.
const pathPattern = /\{[^{}\s]*,[^{}\s]*\}|\*/

function isRouteSegment(value: string, index: number, token: string, content: string): boolean {
  const after = value[index + token.length]
  const inPath = value[index - 1] === '/' || after === '/'
  if (inPath && routeParameter.test(content)) return true
  if (value[index - 1] === '/' && generatedPart.test(content) && after !== undefined && /[_.-]/.test(after)) return true
  // The whole path, from the last space before the token to the first after it.
  const start = value.lastIndexOf(' ', index) + 1
  const end = value.indexOf(' ', index + token.length)
  const path = value.slice(start, end === -1 ? undefined : end)
  return path.includes('/') && pathPattern.test(path)
}

interface Finding {
  token: string
  index: number
  kind: 'placeholder' | 'marker'
}

function compileAllow(allow: string[]): (token: string) => boolean {
  const exact = new Set<string>()
  const patterns: RegExp[] = []
  for (const entry of allow) {
    const match = /^\/(.+)\/([a-z]*)$/.exec(entry)
    if (match) patterns.push(new RegExp(match[1]!, match[2]))
    else exact.add(entry)
  }
  return (token) => exact.has(token) || patterns.some((pattern) => pattern.test(token))
}

interface Matchers {
  markerPattern: RegExp
  /** A bracket's whole content that is a marker (`[NEEDS CLARIFICATION]`). */
  wholeMarker: RegExp
  candidate: RegExp
  bracketMarker: RegExp | undefined
  isAllowed: (token: string) => boolean
  /** Section key (see `sectionKey`) → what is allowed under it. */
  allowedIn: Map<string, (token: string) => boolean>
}


// Compiled once per options object (options objects are shared per run).
const compiled = new WeakMap<NoPlaceholdersOptions, Matchers>()

function matchersFor(options: NoPlaceholdersOptions): Matchers {
  let matchers = compiled.get(options)
  if (!matchers) {
    const words = [...builtinMarkers, ...options.markers].map(escapeStringRegexp)
    matchers = {
      // Whole words only: `TODOs` and `TBDs` are mentions, not markers.
      markerPattern: new RegExp(`(?<![\\w?])(?:${words.join('|')})(?![\\w?])`, 'g'),
      wholeMarker: new RegExp(`^(?:${words.join('|')})$`),
      // What every pattern below needs at least: most text has none of it,
      // and one test skips all the scans.
      candidate: new RegExp(`[[{<]|XXX|${words.join('|')}`),
      bracketMarker:
        options.bracketMarkers.length > 0
          ? new RegExp(`^(?:${options.bracketMarkers.join('|')})$`)
          : undefined,
      isAllowed: compileAllow(options.allow),
      allowedIn: new Map(Object.entries(options.allowIn).map(([heading, tokens]) => [headingKey(heading), compileAllow(tokens)]))
    }
    compiled.set(options, matchers)
  }
  return matchers
}

function isBracePlaceholder(content: string, style: NoPlaceholdersOptions['braces']): boolean {
  if (style === 'off') return false
  if (upperBrace.test(content)) return content.length > 1
  if (!wordsBrace.test(content) || identifierBrace.test(content)) return false
  const multiWord = /[ /]/.test(content.trim())
  return multiWord || style === 'all'
}

/**
 * Whether `index` falls inside a double-quoted string of `value`: brackets and
 * braces there are a message's format ("worktree for feature: {feature_id}").
 */
function isQuoted(value: string, index: number, token: string): boolean {
  const before = value.slice(0, index)
  const straight = before.split('"').length - 1
  const curly = before.split('“').length - before.split('”').length
  if (straight % 2 === 0 && curly <= 0) return false
  // `"[Exact error message]"`: the whole quote is the placeholder.
  const after = value.slice(index + token.length)
  return !(/["“]\s*$/.test(before) && /^\s*["”]/.test(after))
}

// One word, not in capitals: `[Details]`, `[dict]`, `[RealizeService]`.
const oneWord = /^(?![A-Z0-9_-]+$)[A-Za-z][A-Za-z0-9_-]*$/

const wordCounts = new WeakMap<Plan, Map<string, number>>()

/** How often the plan writes each one-word bracket (`[NEW]`), outside code. */
function bracketWordCounts(plan: Plan): Map<string, number> {
  let counts = wordCounts.get(plan)
  if (!counts) {
    counts = new Map()
    for (const {node} of nodesOf(plan.tree)) {
      if (node.type !== 'text') continue
      for (const match of node.value.matchAll(/\[([A-Z][A-Z0-9_-]*)\]/g)) counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + 1)
    }
    wordCounts.set(plan, counts)
  }
  return counts
}

/** A heading about a template the plan writes or changes. */
const aboutTemplate = /\btemplates?\b|\bplantillas?\b|\bmodelos?\b|模板|範本|テンプレート|템플릿/

/**
 * Marker words the plan uses as its own terms: named in a heading beside
 * other words (`### Phase 2: TODO基本機能`, `#### TODO CRUD API` in the plan
 * of a to-do app). A leftover marker is never part of a section's name;
 * `### Phase 3: TBD` still is one (the part after the colon is the marker alone).
 */
function markerTerms(plan: Plan, markerPattern: RegExp): Set<string> {
  const terms = new Set<string>()
  for (const {node} of nodesOf(plan.tree)) {
    if (node.type !== 'heading') continue
    const text = toString(node)
    for (const match of text.matchAll(markerPattern)) {
      const end = match.index + match[0].length
      const part = text.slice(text.lastIndexOf(':', match.index) + 1, match.index) + text.slice(end).split(':')[0]
      if (/\p{L}{2}/u.test(part) && text[end] !== ':') terms.add(match[0])
    }
  }
  return terms
}

/** Markers that name work to do, which an open checkbox tracks (`- [ ] TODO: …`). */
const workMarker = /^(?:TODO|FIXME)$/

function findInText(
  value: string,
  options: NoPlaceholdersOptions,
  matchers: Matchers,
  isTag: (content: string) => boolean = () => false,
  isTemplateWord: (word: string) => boolean = () => false,
  isLabel: (word: string) => boolean = () => false,
  closedTags: ReadonlySet<string> = new Set()
): Finding[] {
  if (!matchers.candidate.test(value)) return []
  const findings: Finding[] = []
  const covered: Array<[number, number]> = []

  if (options.brackets) {
    for (const match of value.matchAll(bracketPattern)) {
      const content = match[1]!
      if (!/\p{L}/u.test(content) && !/^[.…#]+/.test(content)) continue
      if (syntaxBrackets.test(content) || contentBrackets.test(content) || statusNote.test(content) || groupNote.test(content)) continue
      if (isQuoted(value, match.index, match[0])) continue
      // A marker named as a thing: "No [NEEDS CLARIFICATION] markers remain".
      if (isMention(value, match.index, match[0].length) && matchers.wholeMarker.test(content)) continue
      // A declared marker with a note (`[P after database]`) is that marker.
      if (matchers.bracketMarker?.test(content) || matchers.bracketMarker?.test(content.split(' ')[0]!) || isTag(content)) continue
      if (isRouteSegment(value, match.index, match[0], content)) continue
      // An elided array in a literal (`{tasks: [...]}`, `items = […]`) is data.
      if (/^(?:\.{3}|…)$/.test(content) && /[:=(,]\s*$/.test(value.slice(Math.max(0, match.index - 3), match.index))) continue
      // One word in brackets (`[Details]`, `[Authorize]`, `[dict]`) is a UI
      // label, an attribute or a type far more often than a leftover: it is
      // one only where the family's template writes that word so.
      if (oneWord.test(content) && !isTemplateWord(content)) continue
      // A word in capitals the plan writes three times or more (`[NEW]`,
      // `[MODIFY]` on its file list) is its own label, unless its template
      // writes it as a placeholder (`[FEATURE]`).
      if (/^[A-Z][A-Z0-9_-]*$/.test(content) && isLabel(content)) continue
      findings.push({token: match[0], index: match.index, kind: 'placeholder'})
      covered.push([match.index, match.index + match[0].length])
    }
  }

  for (const match of value.matchAll(bracePattern)) {
    if (!isBracePlaceholder(match[1]!, options.braces) || isQuoted(value, match.index, match[0])) continue
    findings.push({token: match[0], index: match.index, kind: 'placeholder'})
    covered.push([match.index, match.index + match[0].length])
  }

  if (options.angles) {
    for (const match of value.matchAll(anglePattern)) {
      if (htmlElements.has(match[1]!.split(/[ ]/)[0]!) || closedTags.has(match[1]!)) continue
      // A quoted format (`"Added subtree '<name>' at <prefix>"`): its variables, filled at run time.
      if (isQuoted(value, match.index, match[0]) || isFormatLine(lineAt(value, match.index))) continue
      findings.push({token: match[0], index: match.index, kind: 'placeholder'})
      covered.push([match.index, match.index + match[0].length])
    }
  }

  for (const match of value.matchAll(xxxPattern)) {
    if (covered.some(([from, to]) => match.index >= from && match.index < to)) continue
    const before = value.slice(0, match.index)
    const after = value.slice(match.index + match[0].length)
    if (valueBefore.test(before) || valueAfter.test(after)) {
      findings.push({token: match[0], index: match.index, kind: 'marker'})
    }
  }

  for (const match of value.matchAll(matchers.markerPattern)) {
    const start = match.index
    if (covered.some(([from, to]) => start >= from && start < to)) continue
    const after = value.slice(start + match[0].length, start + match[0].length + 40)
    // `**TODO (T136)**: …`: work tracked by a task, not a leftover.
    if (isMention(value, start, match[0].length) || citesTaskNext.test(after)) continue
    // `'TODO'` in a list of values (`enum ('TODO', 'IN_PROGRESS', 'DONE')`): a status the product names.
    if (/['"]$/.test(value.slice(0, start)) && /^['"]/.test(after) && /,/.test(value.slice(Math.max(0, start - 3), start + match[0].length + 3))) continue
    // `TODO.md`: a file's name. "Devuelve TODO el objeto": the Spanish and Portuguese word for "all".
    if (/^\.[A-Za-z]{1,4}\b/.test(after) || (match[0] === 'TODO' && /^\s+(?:el|la|los|las|lo|os|as)\s/.test(after))) continue
    // "design TBD during planning": a decision put off to a named time, not a blank.
    if (pendingMarker.test(match[0]) && deferredDecision.test(after)) continue
    findings.push({token: match[0], index: start, kind: 'marker'})
  }

  return findings.sort((a, b) => a.index - b.index)
}

/** The line of `text` an offset is on. */
function lineAt(text: string, offset: number): string {
  const end = text.indexOf('\n', offset)
  return text.slice(text.lastIndexOf('\n', offset - 1) + 1, end === -1 ? undefined : end)
}

/**
 * A line that is a format and nothing else: two angle slots or more joined
 * by punctuation (`<type>(<scope>): <subject>`, a commit message's form).
 */
function isFormatLine(line: string): boolean {
  const slots = line.match(/<[a-z][\w-]*>/g) ?? []
  const rest = line.replace(/<[a-z][\w-]*>/g, '').replace(/^\s*(?:[-*+]\s+)?/, '')
  return slots.length >= 2 && /[^\s\p{L}\p{N}]/u.test(rest) && !/[\p{L}\p{N}]/u.test(rest)
}

/** Whether an offset is inside a double-quoted string of its line. */
function inQuoteOnLine(source: string, offset: number): boolean {
  const before = source.slice(source.lastIndexOf('\n', offset - 1) + 1, offset)
  return (before.split('"').length - 1) % 2 === 1 || before.split('“').length > before.split('”').length
}

/** Whether the words around a token (a marker) talk about it rather than leave it in. */
function isMention(value: string, start: number, length: number): boolean {
  return mentionBeforeCjk.test(value.slice(Math.max(0, start - 12), start)) || mentionBefore.test(value.slice(Math.max(0, start - 40), start)) || mentionAfter.test(value.slice(start + length, start + length + 40))
}

/** The source right after a finding, across the node's end (`**TODO**: none` goes on after the bold). */
function sourceAfter(plan: Plan, node: Text | Html, finding: Finding): string {
  const start = node.position?.start.offset
  if (start === undefined) return ''
  const end = start + (node.value.length - node.value.trimStart().length) + finding.index + finding.token.length
  return plan.source.slice(end, end + 40)
}

/**
 * Whether a `TBD` is the whole value of a field of a pending decision: its
 * label is in the text before it or in the bold text just before its node
 * (`**Assignee:** TBD`, `**Owner**: TBD`).
 */
function isPendingDecision(value: string, finding: Finding, previous: Node | undefined): boolean {
  const label = (previous?.type === 'strong' ? toString(previous) : '') + value.slice(0, finding.index)
  return pendingDecisionField.test(label) && /^\s*(?:$|\n)/.test(value.slice(finding.index + finding.token.length))
}

const messages = {
  placeholder: {text: 'Unfilled placeholder "{token}": replace it with real content'},
  marker: {text: 'Fill-in marker "{token}" left in: resolve it or remove it'},
  openQuestions: {text: '{count} open questions ({marker}) where at most {max} are kept: settle the rest before planning'}
} as const

function report(plan: Plan, report: Report<keyof typeof messages>, node: Text | Html | InlineCode | Code, finding: Finding, fromOffset: number): number {
  const range = finding.token.includes('\n') ? wrappedRange(plan.source, node, finding.token, fromOffset) : tokenRange(plan.source, node, finding.token, fromOffset)
  if (!range) return fromOffset
  const flat = finding.token.replace(/\s*\n\s*/g, ' ')
  const shown = flat.length > 60 ? `${flat.slice(0, 58).trimEnd()}…${flat.at(-1)}` : flat
  report.span(finding.kind, range[0], range[1], {token: shown})
  return range[1]
}

/** A token that wraps onto the next line, found in the source, where that line may be indented (a list item's). */
function wrappedRange(source: string, node: Node, token: string, fromOffset: number): [number, number] | undefined {
  if (node.position?.start.offset === undefined || node.position.end.offset === undefined) return undefined
  const start = Math.max(node.position.start.offset, fromOffset)
  const end = node.position.end.offset
  const pattern = new RegExp(token.split('\n').map(escapeStringRegexp).join('[ \\t]*\\r?\\n[ \\t>]*'))
  const match = pattern.exec(source.slice(start, end))
  return match ? [start + match.index, start + match.index + match[0].length] : undefined
}

export const rule = defineRule<NoPlaceholdersOptions, keyof typeof messages>({
  id: 'no-placeholders',
  description: 'Disallow template placeholders and fill-in markers left in a plan',
  severity: 'error',
  messages,
  docs: `A plan copied from a template keeps placeholders such as \`[Feature Title]\`,
\`{FEATURE_ID}\` or \`NEEDS CLARIFICATION\` until somebody fills them in. An agent
that executes the plan reads them as instructions or as facts. This rule
reports each one with its line and column.

Only prose is checked: headings, paragraphs, list items, table cells and link
text. Code (inline or fenced), HTML comments, link URLs and front matter are
never checked, and GFM checkboxes, links and footnotes are Markdown, not
placeholders. Markers that are being talked about rather than left in ("All
NEEDS CLARIFICATION resolved", "Remove TODO comments") are not reported, and
neither are plurals such as \`TODOs\`.

Each preset sets the token style of its family: spec-kit plans use
\`[P]\` and \`[US1]\` as real task markers (\`bracketMarkers\`), spec-maestro
plans use \`{UPPER_SNAKE}\` and \`{lower words}\` placeholders (\`braces: all\`).

Not reported, because on real plans they were content every time they were
judged:

- a tag the document's tasks use as a convention (\`[CORE]\` on many tasks,
  \`[MODULE:auth]\` beside \`[MODULE:cli]\`); a tag used once still is;
- a route segment in a path (\`app/items/[id]/page.tsx\`, \`[...slug]\`), a
  generated part of a file name (\`Migrations/[timestamp]_Init.cs\`), a
  variable of a path pattern (\`packages/[name]-{frt,srv}/\`) —
  \`src/[location]/[entity].py\` still is reported;
- one word in brackets that the family's template does not write so
  (\`[Details]\` naming a UI panel, a C# attribute \`[Authorize]\`, a type
  \`[dict]\`): on real plans such a word was content every time, while the
  template's own one-word placeholders (spec-kit's \`[link]\`, \`[Entity]\`)
  are still reported; words in capitals (\`[DATE]\`) always are;
- struck-through text (\`~~T067 [FIXED] …~~\`), a record of what went;
- \`TBD\` as the whole value of a field that names who or when
  (\`**Assignee:** TBD\`, \`Reviewer: TBD\`, \`Target date: TBD\`): a decision
  the plan says is not made yet; \`Message queue: TBD\` still is reported;
- a word in capitals the plan writes three times or more and its template
  does not (\`[NEW]\`, \`[MODIFY]\` labelling a file list), and \`[N/A]\`;
- bracketed slots under a heading about a template (\`#### Create the Feature
  Plan Template\`): they describe the template the plan writes;
- alternatives in command syntax (\`[feature|bug|spike]\`), and an elided
  array in a literal (\`{tasks: [...]}\`);
- a fill-in word that cites the task tracking it (\`**TODO (T136)**\`);
- a fill-in word the plan names its sections with (\`#### TODO CRUD API\` in
  the plan of a to-do app): it is the plan's own term, wherever it stands;
- the entries of a format described for another document ("… in
  \`research.md\` using format: - Decision: [what was chosen]");
- text spilled out of a fenced block that closed early (a quoted template
  or command): \`no-broken-fences\` reports the block once.`,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      brackets: {type: 'boolean', description: 'Report `[Bracketed text]` placeholders.'},
      angles: {type: 'boolean', description: 'Report `<angle text>` placeholders that are not HTML elements.'},
      braces: {
        enum: ['off', 'upper', 'all'],
        description:
          'Report `{braced}` placeholders: `upper` for `{UPPER_SNAKE}` and multi-word text, `all` for any word.'
      },
      bracketMarkers: {
        type: 'array',
        items: {type: 'string', format: 'regex'},
        description: 'Regular expressions for bracket contents that are real markers, e.g. `P` or `US\\d+`.'
      },
      markers: {
        type: 'array',
        items: {type: 'string', minLength: 1},
        description: 'Extra fill-in words to report, matched as whole words.'
      },
      allow: {
        type: 'array',
        items: {type: 'string', minLength: 1},
        description: 'Tokens that are fine: an exact token such as `[TBD]`, or a `/regex/`.'
      },
      allowIn: {
        type: 'object',
        additionalProperties: {type: 'array', items: {type: 'string', minLength: 1}},
        description:
          'Tokens that are fine under one section only, by heading text (case, punctuation and leading numbers ignored), e.g. `{"Sign-off": ["[TBD]"]}`.'
      },
      inCode: {
        type: 'array',
        items: {type: 'string', minLength: 1},
        description: 'Template placeholders reported inside code too, as exact tokens (`[###-feature-name]`).'
      }
    }
  },
  defaults: {brackets: true, angles: true, braces: 'upper', bracketMarkers: [], markers: [], allow: [], allowIn: {}, inCode: []},
  examples: {
    valid: [
      {
        title: 'A type argument outside code',
        markdown: `- [x] T014 Set<string>を使った重複排除ロジックを追加する
`
      },
      {
        title: 'A plan format\'s own tags, a file named TODO.md, the Spanish word todo, a status value and a CSS class',
        markdown: `# Plan 01-03

<tasks>
- Add the parser.
</tasks>

- \`status\`: enum ('TODO', 'IN_PROGRESS', 'DONE')
- Inputs are at least min-h-[44px] tall.

Add a TODO.md entry when the step is done.

Devuelve TODO el objeto consolidado.
`
      },
      {
        title: 'A format line, a group\'s note on how its tasks run, a marker named in Chinese, a date in a template the plan writes',
        family: 'spec-kit',
        markdown: `# Tasks: Release

### Contract tests (T001-T004) [ALL PARALLEL]

Commit messages follow:

<type>(<scope>): <subject>

所有 NEEDS CLARIFICATION 項目已在 research.md 中解決。

## Progress report template

**Date**: YYYY-MM-DD
`
      },
      {
        title: 'A marker that says none are left, and one in another\'s code',
        markdown: `**NEEDS CLARIFICATION**: none remaining; two spikes are scheduled instead.

| Risk | Mitigation |
| --- | --- |
| The SDK drops its store | It is an internal module whose own TODO promises a rewrite: pin the version. |
`
      },
      {
        title: 'A decision not made yet: who or when, to be decided',
        markdown: `# Feature Proposal: Sync offline edits

**Status:** Proposed
**Assignee:** TBD
**Target date**: TBD
`
      },
      {
        title: 'Filled-in content, code, links and checkboxes',
        markdown: `# Implementation Plan: Offline sync

- [x] T001 Create \`src/sync/queue.ts\`
- [ ] Read items with \`arr[i]\` and call \`GET /items/{id}\`

See [the spec](spec.md). All NEEDS CLARIFICATION resolved.
`
      },
      {
        title: 'Links, reference links, footnotes and images are Markdown',
        markdown: `See [the spec][spec], the [design doc](docs/design.md) and ![the diagram](board.png).[^1]

[spec]: specs/001-board/spec.md
[^1]: Agreed with the design team.
`
      },
      {
        title: 'Code spans and fenced code are never checked',
        markdown: `Index with \`arr[i]\`, build \`f"{name}"\` and type it \`Record<string, {id: number}>\`.

\`\`\`json
{"id": "[FEATURE]", "owner": "{OWNER}", "status": "TBD"}
\`\`\`
`
      },
      {
        title: 'spec-kit task markers and their legend, with the preset\'s markers',
        options: {bracketMarkers: ['P\\??', 'US\\d+(?:/US\\d+)*', 'Story', 'ID']},
        markdown: `## Format: \`[ID] [P?] [Story] Description\`

- **[P]**: Can run in parallel
- [ ] T012 [P] [US2] Add the board column in src/board/Column.tsx
- [X] T013 [US7/US8/US10] Wire the shared toolbar in src/toolbar.ts
`
      },
      {
        title: 'Markers that are talked about, not left in',
        markdown: `All NEEDS CLARIFICATION resolved in research.md; no TODOs left in the code.

- [ ] T030 Remove TODO comments in src/x.ts
- [ ] **TODO (T136)**: Package management, tracked by its task
`
      },
      {
        title: 'HTML elements, generic types and mentions of `XXX` are content',
        markdown: `Returns a List<String>; see <details> below and the XXX-123 ticket.
`
      },
      {
        title: 'A format described for another document',
        markdown: `1. **Consolidate findings** in \`research.md\` using format:
   - Decision: [what was chosen]
   - Rationale: [why chosen]
`
      },
      {
        title: 'API paths, route segments, brace expansions and command alternatives are content',
        markdown: `#### GET /api/items/{id}

Files go in internal/{app,ui}; the page is app/items/[id]/page.tsx, the catch-all app/docs/[...slug].tsx.
Each package is packages/[name]-{frt,srv}/; the migration is Migrations/[timestamp]_Init.cs.

Run \`plan\` with [feature|bug|spike].
`
      },
      {
        title: 'A marker with a note, an open to-do, a call, struck-through text, a legend and an elided array',
        family: 'spec-kit',
        markdown: `- [ ] T010 Add the validators [P after database] in src/validate.ts
- [ ] TODO: configure the webhook secret
- [ ] T011 Parse links; expect [Wikilink(target="a")] for the sample note
- [x] ~~T012 [FIXED] Convert the dates to UTC~~

Markers: [P] runs in parallel, [US1/2/3] names the story.
The sync endpoint returns {has_updates: boolean, tasks: [...]}.
`
      },
      {
        title: 'A marker word that is the product\'s own term, named in a heading',
        markdown: `#### TODO CRUD API

- [ ] POST /api/todos creates a TODO with its tags
`
      },
      {
        title: 'A template the plan writes, described under its heading',
        markdown: `#### Step 1.1: Create the Bug Plan Template

The template lists its steps as "Step 1: [Action] - [Expected outcome]".
`
      },
      {
        title: 'One word in brackets the template does not use',
        family: 'spec-kit',
        markdown: `The console shows [Summary] and [Details] panels; guard the route with [Authorize] and [RealizeService].

- [MODIFY] src/wallet.ts
- [MODIFY] src/ledger.ts
- [MODIFY] src/ui.tsx
- [N/A] Principle IV
`
      },
      {
        title: 'Tags the plan\'s tasks use as a convention are labels',
        markdown: `- [ ] T004 [CORE] Add the config loader in src/config.ts
- [ ] T005 [CORE] Add the logger in src/log.ts
`
      },
      {
        title: 'Markers declared by the preset are not placeholders',
        options: {bracketMarkers: ['P', 'US\\d+']},
        markdown: `- [ ] T010 [P] [US1] Add the model in src/models/user.py
`
      },
      {
        title: 'Tokens allowed in one section only',
        options: {allowIn: {'Sign-off': ['[TBD]', '[YYYY-MM-DD]']}},
        markdown: `## 11. Sign-off

- Technical Lead: [TBD] - Date: [YYYY-MM-DD]
`
      },
      {
        title: 'Allowed tokens',
        options: {allow: ['[TBD]']},
        markdown: `| Role | Name |
| ---- | ---- |
| Reviewer | [TBD] |
`
      }
    ],
    invalid: [
      {
        title: 'The template\'s own placeholders in code, and one wrapped over two lines',
        options: {inCode: ['[###-feature-name]']},
        markdown: `**Branch**: \`[###-feature-name]\`

**Structure Decision**: [Document the selected structure and
reference the real directories captured above]
`,
        messages: [
          '1:14-1:32 error Unfilled placeholder "[###-feature-name]": replace it with real content',
          '3:25-4:47 error Unfilled placeholder "[Document the selected structure and reference the real di…]": replace it with real content'
        ]
      },
      {
        title: 'A placeholder in a path is still one',
        family: 'spec-kit',
        markdown: `- [ ] T012 Create the model in src/[location]/[entity].py
`,
        messages: [
          '1:36-1:46 error Unfilled placeholder "[location]": replace it with real content',
          '1:47-1:55 error Unfilled placeholder "[entity]": replace it with real content'
        ]
      },
      {
        title: 'Bracketed and braced template text',
        markdown: `# Implementation Plan: [Feature Title]

**Feature ID:** {FEATURE_ID}
`,
        messages: [
          '1:24-1:39 error Unfilled placeholder "[Feature Title]": replace it with real content',
          '3:17-3:29 error Unfilled placeholder "{FEATURE_ID}": replace it with real content'
        ]
      },
      {
        title: 'Fill-in markers',
        markdown: `**Storage**: NEEDS CLARIFICATION

Message queue: TBD
`,
        messages: [
          '1:14-1:33 error Fill-in marker "NEEDS CLARIFICATION" left in: resolve it or remove it',
          '3:16-3:19 error Fill-in marker "TBD" left in: resolve it or remove it'
        ]
      },
      {
        title: 'Single braced words with `braces: all`',
        options: {braces: 'all'},
        markdown: `- **Purpose:** {one sentence}
- **Current fields:** {list}
`,
        messages: [
          '1:16-1:30 error Unfilled placeholder "{one sentence}": replace it with real content',
          '2:23-2:29 error Unfilled placeholder "{list}": replace it with real content'
        ]
      },
      {
        title: 'Angle-bracket and `XXX` placeholders',
        markdown: `**Repos:** <repo-a>, <repo-b>

- [ ] TXXX Documentation updates in docs/
`,
        messages: [
          '1:12-1:20 error Unfilled placeholder "<repo-a>": replace it with real content',
          '1:22-1:30 error Unfilled placeholder "<repo-b>": replace it with real content',
          '3:7-3:11 error Fill-in marker "TXXX" left in: resolve it or remove it'
        ]
      },
      {
        title: 'Every bracket, brace and marker style',
        options: {braces: 'all'},
        markdown: `**Branch**: [###-feature-name] | **Date**: [YYYY-MM-DD]
**Auth**: [NEEDS CLARIFICATION: SSO or passwords?]
**Risk:** {L/M/H} for {task 1}
**Review by**: YYYY-MM-DD ??? TKTK
`,
        messages: [
          '1:13-1:31 error Unfilled placeholder "[###-feature-name]": replace it with real content',
          '1:44-1:56 error Unfilled placeholder "[YYYY-MM-DD]": replace it with real content',
          '2:11-2:51 error Unfilled placeholder "[NEEDS CLARIFICATION: SSO or passwords?]": replace it with real content',
          '3:11-3:18 error Unfilled placeholder "{L/M/H}": replace it with real content',
          '3:23-3:31 error Unfilled placeholder "{task 1}": replace it with real content',
          '4:16-4:26 error Fill-in marker "YYYY-MM-DD" left in: resolve it or remove it',
          '4:27-4:30 error Fill-in marker "???" left in: resolve it or remove it',
          '4:31-4:35 error Fill-in marker "TKTK" left in: resolve it or remove it'
        ]
      },
      {
        title: 'A token allowed in one section is still reported elsewhere',
        options: {allowIn: {'Sign-off': ['[YYYY-MM-DD]']}},
        markdown: `**Start Date:** [YYYY-MM-DD]

## Sign-off

- Product Owner: Dana Reyes - Date: [YYYY-MM-DD]
`,
        messages: ['1:17-1:29 error Unfilled placeholder "[YYYY-MM-DD]": replace it with real content']
      },
      {
        title: 'Extra markers',
        options: {markers: ['TKTK', 'PLACEHOLDER']},
        markdown: `Rollout date: PLACEHOLDER
`,
        messages: ['1:15-1:26 error Fill-in marker "PLACEHOLDER" left in: resolve it or remove it']
      }
    ]
  },
  familyDefaults: (family) => ({...family.placeholders}),
  check(plan, reporter, options) {
    const matchers = matchersFor(options)
    // A tag the document's tasks carry as a convention (`[CORE]` on twenty
    // tasks, `[MODULE:auth]` beside `[MODULE:scheduler]`) is a label, not a placeholder.
    // Where the family defines task markers, a bracket in a task's marker place
    // is task-markers' to judge: one message per defect.
    const judgedAsMarker = plan.family.tasks?.markers !== undefined
    const templates = plan.family.templates ?? []
    const isTemplateWord = (word: string) => templates.some((template) => templateWords(template).has(word))
    const isLabel = (word: string) => !isTemplateWord(word) && (bracketWordCounts(plan).get(word) ?? 0) >= 3
    const isTag = (content: string) =>
      plan.conventions.tags.has(content) && (judgedAsMarker || plan.isConventionalTag(content))
    // The headings the current node is under, outermost first.
    const sections: Array<{depth: number; key: string}> = []
    const allowedHere = (token: string) =>
      matchers.isAllowed(token) || sections.some(({key}) => matchers.allowedIn.get(key)?.(token) === true)
    // A list introduced by "… in research.md using format:" describes another document's
    // entries (`- Decision: [what was chosen]`): its brackets are that format.
    const formats: Array<[number, number]> = []
    const inFormat = (offset: number | undefined) => offset !== undefined && formats.some(([from, to]) => offset >= from && offset < to)
    // An open checkbox that starts with the marker (`- [ ] TODO: configure the
    // webhook`) is work the plan tracks, not a leftover.
    const openItemStarts = new Set<unknown>()
    const terms = markerTerms(plan, matchers.markerPattern)
    // Tags the plan closes (`<tasks>` … `</tasks>`) are its format's sections, not slots.
    const closedTags = new Set([...plan.source.matchAll(/<\/([a-z][\w-]*)>/g)].map((match) => match[1]!))
    // A spec's open questions (`[NEEDS CLARIFICATION: auth method?]`), up to
    // the few its family allows, are the spec's work in progress; past that,
    // one message for them all, at the first too many.
    const open = plan.structure?.variant.openQuestions
    const questions: Array<{node: Text | Html; finding: Finding}> = []
    for (const {node, parent} of nodesOf(plan.tree)) {
      if (node.type === 'listItem' && node.checked === false) {
        const first = node.children[0]
        if (first?.type === 'paragraph' && first.children[0]) openItemStarts.add(first.children[0])
      }
      if (node.type === 'list' && parent && node.position) {
        const before = parent.children[parent.children.indexOf(node as never) - 1]
        if (before?.type === 'paragraph' && formatIntroduction.test(toString(before))) {
          formats.push([node.position.start.offset!, node.position.end.offset!])
        }
      }
      if (node.type === 'heading' && parent?.type === 'root') {
        while (sections.length > 0 && sections[sections.length - 1]!.depth >= node.depth) sections.pop()
        sections.push({depth: node.depth, key: headingKey(toString(node))})
      }
      // The template's own placeholders are placeholders in code too
      // (`**Branch**: \`[###-feature-name]\``, a tree's `specs/[###-feature]/`).
      // A sample block left exactly as in the template is no-template-text's to
      // report, whole: one message per defect.
      if ((node.type === 'inlineCode' || node.type === 'code') && options.inCode.length > 0 && !plan.inSpill(node.position?.start.offset)) {
        if (node.type === 'code' && templateCodeKeys(plan.family.templates ?? []).has(normaliseCode(node.value))) continue
        const found: Finding[] = []
        for (const token of options.inCode) {
          for (let at = node.value.indexOf(token); at !== -1; at = node.value.indexOf(token, at + token.length)) {
            if (!allowedHere(token)) found.push({token, index: at, kind: 'placeholder'})
          }
        }
        let from = node.position?.start.offset ?? 0
        for (const finding of found.sort((a, b) => a.index - b.index)) from = report(plan, reporter, node, finding, from)
        continue
      }
      // Text, and HTML nodes that are a lone unknown tag (remark parses
      // `<feature-name>` as HTML); comments and real markup are skipped.
      if (node.type !== 'text' && !(node.type === 'html' && options.angles && /^<[a-z][^<>]*>$/.test(node.value.trim()))) {
        continue
      }
      // A type argument outside code (`Set<string>を使った…`): remark reads it as a tag.
      if (node.type === 'html' && /\w/.test(plan.source.charAt((node.position?.start.offset ?? 0) - 1))) continue
      // A tag in a quoted format (`"Added '<name>' at <prefix>"`), which remark splits off the quote's text.
      if (node.type === 'html' && inQuoteOnLine(plan.source, node.position?.start.offset ?? 0)) continue
      if (node.type === 'html' && isFormatLine(lineAt(plan.source, node.position?.start.offset ?? 0))) continue
      const textNode = node as Text | Html
      // Text spilled out of a fenced block that closed early is that block's
      // content (a template being written, say): no-broken-fences reports it once.
      // Struck-through text (`~~T067 [FIXED] …~~`) is a record of what went.
      if (plan.inSpill(textNode.position?.start.offset) || parent?.type === 'delete') continue
      let fromOffset = textNode.position?.start.offset ?? 0
      // Under a heading about a template (`#### Step 1.1: Create Feature Plan
      // Template`), bracketed slots describe the template being written.
      const describesFormat = inFormat(textNode.position?.start.offset) || sections.some(({key}) => aboutTemplate.test(key))
      const value = textNode.value.trim()
      for (const finding of findInText(value, options, matchers, isTag, isTemplateWord, isLabel, closedTags)) {
        // A date's format (`**Date**: YYYY-MM-DD`) in a template the plan writes is its slot too.
        if (allowedHere(finding.token) || (describesFormat && (finding.kind === 'placeholder' || finding.token === 'YYYY-MM-DD'))) continue
        if (finding.kind === 'marker' && terms.has(finding.token)) continue
        if (finding.kind === 'marker' && pendingMarker.test(finding.token) && isPendingDecision(value, finding, parent?.children[parent.children.indexOf(textNode as never) - 1])) continue
        if (finding.kind === 'marker' && noneLeft.test(sourceAfter(plan, textNode, finding))) continue
        if (workMarker.test(finding.token) && finding.index === 0 && openItemStarts.has(textNode)) continue
        if (open && finding.token.includes(open.marker)) {
          questions.push({node: textNode, finding})
          continue
        }
        fromOffset = report(plan, reporter, textNode, finding, fromOffset)
      }
    }
    const tooMany = open && questions[open.max]
    if (tooMany) {
      const range = tokenRange(plan.source, tooMany.node, tooMany.finding.token, 0)
      if (range) reporter.span('openQuestions', range[0], range[1], {count: questions.length, marker: open.marker, max: open.max})
    }
  }
})

export default rule.plugin
