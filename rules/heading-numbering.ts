/**
 * heading-numbering: numbered headings run in sequence, without repeats,
 * going back, or (unless the family allows dropping sections) gaps.
 */
import {letterNumberHeading} from '../src/core/grammar.js'
import type {Plan, Section} from '../src/core/plan/index.js'
import {defineRule, type Report} from '../src/core/rule.js'

export interface HeadingNumberingOptions extends Record<string, unknown> {
  /**
   * Whether a number may be skipped (`## 3.` after `## 1.`): families that
   * drop sections that do not apply and keep the template's numbers allow it.
   */
  allowGaps: boolean
}

const messages = {
  back: {text: 'Heading number "{number}" goes back after "{previous}"'},
  repeat: {text: 'Heading number "{number}" repeats "{previous}"'},
  skip: {text: 'Heading number "{number}" skips from "{previous}": expected {expected}'},
  parent: {text: 'Heading "{number}" is numbered under section "{parent}"'},
  outlier: {text: 'Heading number "{number}" is out of sequence between "{previous}" and "{next}"'},
  letterN: {text: 'Heading "{heading}" keeps the template\'s "N" among numbered {series}s: number it{expected}'}
} as const

type Id = keyof typeof messages

interface Numbered {
  section: Section
  series: string
  parts: number[]
  suffix: boolean
}

function parse(section: Section): Numbered | undefined {
  return section.number ? {section, ...section.number} : undefined
}

function label(item: Numbered): string {
  const number = item.parts.join('.')
  return item.series ? `${item.series[0]!.toUpperCase()}${item.series.slice(1)} ${number}` : number
}

/**
 * One heading out of line between two that follow each other (`Phase 1`,
 * `Phase 4`, `Phase 3`; with gaps allowed, `3`, `9`, `5`): the one heading
 * that needs the change, reported once, rather than the run breaking at it
 * and again after it.
 */
function isOutlier(previous: Numbered, item: Numbered, next: Numbered | undefined, allowGaps: boolean): boolean {
  if (!next || next.suffix) return false
  const step = expectedAfter(previous, next)
  const last = (numbered: Numbered) => numbered.parts[numbered.parts.length - 1]!
  // A repeat is a repeat, whatever follows it.
  if (step === undefined || expectedAfter(previous, item) === undefined || last(item) === last(previous)) return false
  // previous → next must be in sequence on their own: one number between them, or any gap where gaps are allowed.
  const between = allowGaps ? last(next) > last(previous) : last(next) === step + 1
  // One equal to the next is the start of a repeat, which is the next one's to report.
  return between && (last(item) < last(previous) || last(item) > last(next))
}

/** Check one run of sibling headings of one series. */
function checkSeries(report: Report<Id>, items: Numbered[], allowGaps: boolean): void {
  let previous: Numbered | undefined
  items.forEach((item, index) => {
    // `Phase 8b` after `Phase 8`: an inserted heading, not a repeat.
    if (item.suffix) return
    if (!previous) {
      // A run may start anywhere: real plans number from their parent's
      // phase, continue another document's steps, or lose the first headings
      // to a fence left open (judged on real plans: never a defect).
      previous = item
      return
    }
    const expected = expectedAfter(previous, item)
    const current = item.parts[item.parts.length - 1]!
    if (expected !== undefined && current !== expected && isOutlier(previous, item, items[index + 1], allowGaps)) {
      const next = items[index + 1]!
      report('outlier', item.section.node, {number: label(item), previous: label(previous), next: label(next)})
      // The run goes on as if it had the number it should have: without gaps,
      // the one between; with gaps, any, so from the heading before it.
      if (!allowGaps) previous = {...item, parts: [...item.parts.slice(0, -1), expected]}
      return
    }
    if (expected === undefined) {
      // A new prefix (`3.1` after `2.4`): it must go forward and restart at 1.
      if (compare(item.parts, previous.parts) <= 0) {
        report('back', item.section.node, {number: label(item), previous: label(previous)})
      }
    } else if (current === expected - 1) {
      report('repeat', item.section.node, {number: label(item), previous: label(previous)})
    } else if (current < expected - 1) {
      report('back', item.section.node, {number: label(item), previous: label(previous)})
    } else if (current > expected && !allowGaps) {
      report('skip', item.section.node, {number: label(item), previous: label(previous), expected: [...item.parts.slice(0, -1), expected].join('.')})
    }
    previous = item
  })
}

/** The next last part after `previous`, or undefined when the prefix changed. */
function expectedAfter(previous: Numbered, item: Numbered): number | undefined {
  if (previous.parts.length !== item.parts.length) return undefined
  const samePrefix = previous.parts.slice(0, -1).every((part, index) => part === item.parts[index])
  return samePrefix ? previous.parts[previous.parts.length - 1]! + 1 : undefined
}

function compare(a: number[], b: number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? -1) - (b[index] ?? -1)
    if (difference !== 0) return difference
  }
  return 0
}

function check(plan: Plan, report: Report<Id>, options: HeadingNumberingOptions): void {
  // Group numbered headings by parent section, depth and series.
  const groups = new Map<string, Numbered[]>()
  const parents: Section[] = []
  // Headings that keep a template's letter (`Phase N`), with their group's key and where the `N` is.
  const lettered: Array<{section: Section; key: string; series: string; letterAt: number}> = []
  const keyOf = (parent: Section | undefined, section: Section, series: string) => `${parent?.index ?? -1}:${section.depth}:${series}`
  for (const section of plan.sections) {
    while (parents.length > 0 && parents[parents.length - 1]!.depth >= section.depth) parents.pop()
    const parent = parents[parents.length - 1]
    const item = parse(section)
    const letter = item ? null : letterNumberHeading.exec(section.text)
    if (letter) {
      const series = letter[1]!.toLowerCase()
      lettered.push({section, key: keyOf(parent, section, series), series, letterAt: letter[0].length - 1})
    }
    if (item) {
      const parentItem = parent ? parse(parent) : undefined
      // `### 2.1` under `## 1.`: a sub-number must extend its parent's number.
      if (parentItem && parentItem.series === '' && item.series === '' && item.parts.length === parentItem.parts.length + 1) {
        const prefix = item.parts.slice(0, -1).join('.')
        if (prefix !== parentItem.parts.join('.')) {
          report('parent', section.node, {number: label(item), parent: label(parentItem)})
        }
      }
      const key = keyOf(parent, section, item.series)
      const group = groups.get(key)
      if (group) group.push(item)
      else groups.set(key, [item])
    }
    parents.push(section)
  }
  // Gaps are the template's numbers kept after dropping a section: bare
  // section numbers (`## 13. Acceptance Criteria`). Phases and steps are the
  // author's own, and a gap there is a lost phase.
  // A run of phases or steps whose every heading names a higher-ranked
  // section of the plan (`### Phase 3.2` … under "Parallel Examples", for the
  // `## Phase 3.2` above) refers to those sections: it is no numbering of its own.
  const labels = new Map<string, Numbered[]>()
  for (const items of groups.values()) {
    for (const item of items) {
      const same = labels.get(label(item))
      if (same) same.push(item)
      else labels.set(label(item), [item])
    }
  }
  const refersElsewhere = (items: Numbered[]) =>
    items[0]!.series !== '' && items.every((item) => labels.get(label(item))!.some((other) => other.section.depth < item.section.depth))
  for (const items of groups.values()) {
    if (refersElsewhere(items)) continue
    checkSeries(report, items, options.allowGaps && items[0]!.series === '')
  }
  // `## Phase N: Polish` among numbered phases: the template's letter was
  // kept. Alone (a document about the template), it is the template's notation.
  for (const {section, key, series, letterAt} of lettered) {
    const siblings = groups.get(key)
    if (!siblings) continue
    const before = siblings.filter((item) => item.section.index < section.index).at(-1)
    const start = section.node.position?.start.offset
    const at = start === undefined ? -1 : plan.source.indexOf(section.text, start)
    if (at === -1) continue
    const letter = at + letterAt
    const expected = before ? ` ${[...before.parts.slice(0, -1), before.parts.at(-1)! + 1].join('.')} (after "${label(before)}")` : ''
    report.span('letterN', letter, letter + 1, {heading: section.text, series, expected})
  }
}

export const rule = defineRule<HeadingNumberingOptions, keyof typeof messages>({
  id: 'heading-numbering',
  description: 'Require numbered headings to run in sequence',
  severity: 'error',
  messages,
  docs: `Plans number their sections (\`## 1.\` … \`## 8.\`, \`### 1.1\`), steps
(\`### Step 1\`), decisions, error scenarios and phases (\`## Phase 3:\`,
spec-kit's early \`## Phase 3.1\` … \`3.5\`). A repeated or backward number
usually means a section was copied or moved without renumbering, and an agent
that walks "step 3" next lands somewhere else.

Sibling headings of one kind (bare numbers, or one word such as Step or
Phase) are checked together: each must follow the one before it. A sub-number
must extend its parent's (\`### 2.1\` belongs under \`## 2.\`). A letter suffix
(\`Phase 8b\`) is an inserted heading, not a repeat.

One heading out of line between two that follow each other (\`Phase 1\`,
\`Phase 4\`, \`Phase 3\`) is reported once, at that heading, and the run goes
on from the one before it.

Families whose authors drop sections that do not apply and keep the
template's numbers (PromptyDumpty, spec-maestro) allow gaps in bare section
numbers (\`allowGaps\`): there only repeats, numbers that go back and
out-of-line headings are reported. Phases and steps are the author's own
numbering, so a gap there (\`Phase 2\`, \`Phase 4\`) is a lost phase even then.

A phase or step that keeps the template's letter (\`## Phase N: Polish\`)
among numbered ones has no number an agent can follow: it is reported at the
\`N\`, with the number it should have. A document whose phases are all
\`Phase N\` writes the template's notation, and is not.

Not reported: where a run starts (plans number from their parent's phase,
continue another document's steps, or lose the first headings to a fence
left open), and a letter suffix (an inserted heading).`,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      allowGaps: {type: 'boolean', description: 'Allow skipped bare section numbers (`## 3.` after `## 1.`); repeats, going back, and gaps in phases and steps are still reported.'}
    }
  },
  defaults: {allowGaps: false},
  examples: {
    valid: [
      {
        title: 'Sections, sub-sections and steps in sequence',
        markdown: `## 1. Overview

### 1.1 Scope

### 1.2 Non-goals

## 2. Implementation Steps

### Step 1: Add the queue

### Step 2: Replay on reconnect

## Phase 1: Setup

## Phase 2: Sync

## Phase 2b: Conflict banner
`
      },
      {
        title: 'Headings that name phases numbered above are no run of their own',
        markdown: `## Phase 3.1: Setup

## Phase 3.2: Tests

## Phase 3.3: Core

## Parallel Examples

### Phase 3.1 - setup in parallel

### Phase 3.3 - models in parallel
`
      },
      {
        title: 'Dropped sections keep their numbers, with `allowGaps`',
        options: {allowGaps: true},
        markdown: `## 1. Overview

## 4. Implementation Steps

## 13. Acceptance Criteria
`
      }
    ],
    invalid: [
      {
        title: 'A phase that keeps the template\'s "N"',
        family: 'spec-kit',
        markdown: `## Phase 4: User Story 2 - Export (Priority: P2)

## Phase N: Polish & Cross-Cutting Concerns
`,
        messages: ['3:10-3:11 error Heading "Phase N: Polish & Cross-Cutting Concerns" keeps the template\'s "N" among numbered phases: number it 5 (after "Phase 4")']
      },
      {
        title: 'A repeat, a gap and a number that goes back',
        markdown: `### Step 1: Add the queue

### Step 2: Replay on reconnect

### Step 2: Show progress

### Step 4: Ship

### Step 3: Document
`,
        messages: [
          '5:1-5:26 error Heading number "Step 2" repeats "Step 2"',
          '7:1-7:17 error Heading number "Step 4" skips from "Step 2": expected 3',
          '9:1-9:21 error Heading number "Step 3" goes back after "Step 4"'
        ]
      },
      {
        title: 'One heading out of line, reported at that heading',
        markdown: `## Phase 1: Setup

## Phase 4: Sync

## Phase 3: Polish
`,
        messages: ['3:1-3:17 error Heading number "Phase 4" is out of sequence between "Phase 1" and "Phase 3"']
      },
      {
        title: 'A gap in phases, even where section numbers may have gaps',
        options: {allowGaps: true},
        markdown: `## 1. Overview

## 4. Implementation Phases

### Phase 1: Setup

### Phase 3: Sync
`,
        messages: ['7:1-7:18 error Heading number "Phase 3" skips from "Phase 1": expected 2']
      },
      {
        title: 'A sub-number under the wrong section',
        markdown: `## 1. Overview

### 2.1 Scope
`,
        messages: ['3:1-3:14 error Heading "2.1" is numbered under section "1"']
      },
      {
        title: 'Repeats are errors even with `allowGaps`',
        options: {allowGaps: true},
        markdown: `## 1. Overview

## 3. Testing

## 3. Rollout
`,
        messages: ['5:1-5:14 error Heading number "3" repeats "3"']
      }
    ]
  },
  check
})

export default rule.plugin
