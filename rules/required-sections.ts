/**
 * required-sections: the family's sections are there, in order, at the
 * right level. One message per problem: no stop-at-first, no cascade.
 */
import {distance} from 'fastest-levenshtein'
import type {Plan, Section} from '../src/core/plan/index.js'
import {expectation, isRequired, type SectionOverrides, sectionOverridesSchema, type StructureMatch} from '../src/core/plan/structure.js'
import {exampleFamily} from '../src/core/plan/example-family.js'
import {defineRule, type Report} from '../src/core/rule.js'

export interface RequiredSectionsOptions extends Record<string, unknown> {
  /** Per-section required/optional overrides, by section title. */
  sections: SectionOverrides
  /** Whether headings the schema does not know are fine (else warnings). */
  allowUnknown: boolean
  /**
   * Whether a missing expected section (one the template has and most plans
   * keep) is a warning. Off by default: on real plans its absence was
   * deliberate every time it was judged.
   */
  expected: boolean
}

const messages = {
  noTitle: {text: 'Missing title: expected a first-level heading like "# {example}"'},
  level: {text: 'Section "{section}" should be a level-{level} heading, found level {found}'},
  order: {text: 'Section "{section}" should come before "{other}"'},
  typo: {text: 'Missing section "{section}" (found "{found}" — typo?)'},
  missing: {text: 'Missing section "{section}"{where}'},
  expected: {text: 'Missing section "{section}"{where}: the template has it and most plans keep it', severity: 'warn'},
  unknown: {text: 'Unexpected section "{section}": not part of the {variant} structure', severity: 'warn'}
} as const

type Id = keyof typeof messages

/** A near miss: same words but for a typo or two (`Risk Assesment`). */
function isNearMiss(a: string, b: string): boolean {
  const limit = Math.max(2, Math.floor(Math.min(a.length, b.length) * 0.2))
  return Math.abs(a.length - b.length) <= limit && distance(a, b) <= limit
}

/** Whether some heading names the topic of an expected section, so the document covers it under another name. */
function coveredElsewhere(topic: string | undefined, sections: readonly Section[]): boolean {
  if (topic === undefined) return false
  const regex = new RegExp(topic)
  return sections.some((section) => regex.test(section.key))
}

function check(plan: Plan, report: Report<Id>, options: RequiredSectionsOptions, match: StructureMatch): void {
  const {variant, title, matches} = match
  const {sections, tree, source} = plan

  if (!title) {
    const place = tree.children[0]?.position?.start
    if (place) report('noTitle', place, {example: variant.titleExample})
  }

  // A heading spilled out of a fenced block that closed early is part of a
  // quoted document: no-broken-fences reports it; it neither is the plan's
  // section nor says where the plan's sections are.
  const own = matches.filter((m) => !plan.inSpill(m.section.node.position?.start.offset))

  // Wrong level and wrong order, in document order. A second section of a
  // kind already seen (a closing "Summary") is not an order problem.
  let furthest: (typeof matches)[number] | undefined
  const seen = new Set<number>()
  for (const current of own) {
    const repeated = seen.has(current.spec.order) && !current.spec.repeat
    seen.add(current.spec.order)
    const level = current.spec.level ?? 2
    if (current.section.depth !== level) {
      report('level', current.section.node, {section: current.spec.title, level, found: current.section.depth})
    }
    // Optional sections come and go between template generations, in either
    // order (`## Complexity Tracking` before or after `## Phase 0`): only the
    // required ones keep an order.
    if (repeated || current.spec.anywhere || !isRequired(current.spec, options.sections)) continue
    if (variant.ordered && furthest && current.spec.order < furthest.spec.order) {
      report('order', current.section.node, {section: current.section.text, other: furthest.section.text})
    } else if (!furthest || current.spec.order > furthest.spec.order) {
      furthest = current
    }
  }

  // Missing sections: one message each, where the section belongs; an error
  // for a required one, a warning for one most plans keep. Only where the
  // document follows the structure — it has at least half of the sections
  // the structure wants — or its kind was named (`spec-kit/tasks`): a
  // document with a structure of its own (its title matched, its sections
  // did not) would get a list of every section, and which structure it
  // follows cannot be told.
  const present = new Set(own.map((m) => m.spec.order))
  const wanted = variant.sections.map((spec, order) => ({spec, order, want: expectation(spec, options.sections)})).filter((entry) => entry.want !== 'optional')
  const kept = wanted.filter((entry) => present.has(entry.order)).length
  const follows = plan.variantNamed || 2 * kept >= wanted.length
  const matched = new Set<Section>(own.map((m) => m.section))
  const broken = Math.min(...plan.spills.map((spill) => spill.code.position?.start.offset ?? 0))
  for (const {spec, order, want} of follows ? wanted : []) {
    if (present.has(order)) continue
    // An expected section the config does not name is judged only where asked.
    if (want === 'expected' && ((!options.expected && options.sections[spec.title] === undefined) || coveredElsewhere(spec.topic, sections))) continue
    const before = own.filter((m) => m.spec.order < order).at(-1)
    const after = own.find((m) => m.spec.order > order && (!before || m.section.index > before.section.index))
    // Where a fence closed early, the plan after it may have been read as
    // code: a section that belongs there may be lost in it, not missing.
    if ((after?.section.node.position?.start.offset ?? source.length) > broken) continue
    const level = spec.level ?? 2
    if (spec.pattern === undefined) {
      const names = [spec.title, ...(spec.aliases ?? [])].map((name) => name.toLowerCase())
      const nearMiss = sections.find(
        (section) =>
          section.depth === level &&
          !matched.has(section) &&
          !plan.inSpill(section.node.position?.start.offset) &&
          names.some((name) => isNearMiss(section.key, name))
      )
      if (nearMiss) {
        report('typo', nearMiss.node, {section: spec.title, found: nearMiss.text})
        continue
      }
    }
    const where = before ? ` (expected after "${before.section.text}")` : after ? ` (expected before "${after.section.text}")` : ''
    // Where the section belongs: at the section it should precede, else at
    // the one it should follow, else at the title. (A point after the last
    // node would fall outside the document, where message control drops it.)
    const anchor = after?.section.node ?? before?.section.node ?? title?.node ?? tree.children[0]
    if (anchor?.position) report(want === 'required' ? 'missing' : 'expected', anchor.position.start, {section: spec.title, where})
  }

  if (!options.allowUnknown) {
    for (const section of sections) {
      if (section.depth === 2 && !matched.has(section)) report('unknown', section.node, {section: section.text, variant: variant.name})
    }
  }
}

export const rule = defineRule<RequiredSectionsOptions, keyof typeof messages>({
  id: 'required-sections',
  description: 'Require the sections of the plan’s template family, in order and at the right level',
  severity: 'error',
  messages,
  docs: `A plan without its Implementation Steps or its Testing Strategy is not a
plan. Each family preset describes its documents' structure — the title form
and the sections, each required or optional, in order, with the names real
authors use for them — and this rule checks a plan against it. When a family
has several kinds of document (spec-kit's \`plan.md\` and \`tasks.md\`, CDD's
feature, bug, enhancement and spike plans), the one the plan matches best is
used.

Reported, one message per problem:

- a missing required section (an error), at the place it belongs, naming the
  section it should follow (or precede);
- with \`expected: true\` (or a section set to \`expected\` in \`sections\`), a
  missing expected section (a warning): one the family's template has and
  most real plans keep (PromptyDumpty's Testing Strategy, spec-kit's
  Dependencies & Execution Order in tasks.md). Off by default: on real
  plans, judged by hand, such a section was left out on purpose every time
  (0 of 5 warnings true);
- a heading that is a near miss of a missing section: \`Missing section "Risk
  Mitigation" (found "Risk Assesment" — typo?)\`;
- a required section out of order, naming both sections (optional ones
  come and go between template generations, in either order);
- a section at the wrong heading level;
- a document without a title heading.

Not reported, and why:

- missing sections when a document has fewer than half of the required and
  expected sections of the kind it was matched to by its title (unless that
  kind is named, \`spec-kit/plan\`): it follows a structure of its own, and
  a list of every section would be noise;
- an expected section whose topic another heading names, at any level
  (\`### Dependencies (Existing)\` under Integration Points): the plan covers
  it under another name;
- missing sections that belong after a fenced block that closed early, and
  headings spilled out of one: the plan there may be read as code, and
  no-broken-fences reports the fence once;
- the order of optional and expected sections, which come and go between
  template generations in either order.

Matching forgives what real authors do: case, \`&\` for "and", leading
numbers (\`## 11. Risks & Mitigation\`), trailing emoji and status words
(\`✅ COMPLETE\`, \`🎯 MVP\`), dashes, a trailing aside (\`Technical Context
(RiskInsure Stack)\`), and each section's aliases. Headings
inside code are not sections, so a fence left open that swallows a heading
really does lose that section. Sections the schema does not know are fine;
\`allowUnknown: false\` makes them warnings.

Which sections are required follows each family's own instructions (see the
comments in \`presets/<family>.ts\`); \`sections\` overrides it per section.`,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      sections: sectionOverridesSchema,
      allowUnknown: {type: 'boolean', description: 'Allow sections the structure does not list (default), or warn about them.'},
      expected: {
        type: 'boolean',
        description: 'Warn about missing expected sections, those the template has and most plans keep (off by default: on real plans their absence was deliberate).'
      }
    }
  },
  defaults: {sections: {}, allowUnknown: true, expected: false},
  examples: {
    valid: [
      {
        title: 'Localised headings that give the template\'s name in parentheses',
        family: 'spec-kit',
        markdown: `# 구현 계획 (Implementation Plan): ISBN 검색

## 요약 (Summary)

ISBN으로 책을 찾는다.

## 기술 컨텍스트 (Technical Context)

**Language/Version**: Java 21

## 헌장 준수 검증 (Constitution Check)

- [x] 테스트 우선

## 프로젝트 구조 (Project Structure)

\`\`\`text
src/
\`\`\`
`
      },
      {
        title: 'A Japanese task list: its phases are フェーズ N',
        family: 'spec-kit',
        markdown: `# タスク: 出席者数の表示

## フェーズ1: セットアップ

- [ ] T001 プロジェクトを作成する

## 依存関係と実行順序

- フェーズ1 から順に実行する
`
      },
      {
        title: 'Every required section, with real-world spellings',
        family: exampleFamily,
        markdown: `# Implementation Plan: Offline sync

## 1. Summary ✅ COMPLETE

Queue edits while offline.

## Risks & Mitigations

Conflicts are resolved last-writer-wins.
`
      },
      {
        title: 'An expected section whose topic another heading covers',
        family: exampleFamily,
        options: {expected: true},
        markdown: `# Rollout Plan: Offline sync

## Steps

Enable the flag for 5% of users, then for all.

### Metrics to watch

Replay failures per hour.

## Rollback

Turn the flag off.
`
      }
    ],
    invalid: [
      {
        title: 'A section most plans keep, missing: a warning, when asked',
        family: exampleFamily,
        options: {expected: true},
        markdown: `# Rollout Plan: Offline sync

## Steps

Enable the flag for 5% of users, then for all.

## Rollback

Turn the flag off.
`,
        messages: ['7:1 warning Missing section "Monitoring" (expected after "Steps"): the template has it and most plans keep it']
      },
      {
        title: 'A missing section, reported where it belongs',
        family: exampleFamily,
        markdown: `# Implementation Plan: Offline sync

## Summary

Queue edits while offline.

## Rollout

Behind a flag.
`,
        messages: ['3:1 error Missing section "Risks and Mitigations" (expected after "Summary")']
      },
      {
        title: 'A typo in a required heading',
        family: exampleFamily,
        markdown: `# Implementation Plan: Offline sync

## Summary

Queue edits while offline.

## Risks and Mitgations

None.
`,
        messages: ['7:1-7:24 error Missing section "Risks and Mitigations" (found "Risks and Mitgations" — typo?)']
      },
      {
        title: 'A required section out of order',
        family: exampleFamily,
        markdown: `# Implementation Plan: Offline sync

## Risks and Mitigations

Conflicts are resolved last-writer-wins.

## Summary

Queue edits while offline.
`,
        messages: ['7:1-7:11 error Section "Summary" should come before "Risks and Mitigations"']
      },
      {
        title: 'A section at the wrong level',
        family: exampleFamily,
        markdown: `# Implementation Plan: Offline sync

### Summary

Queue edits while offline.

## Risks and Mitigations

Conflicts are resolved last-writer-wins.
`,
        messages: ['3:1-3:12 error Section "Summary" should be a level-2 heading, found level 3']
      },
      {
        title: 'No title',
        family: exampleFamily,
        markdown: `## Summary

Queue edits while offline.

## Risks and Mitigations

None.
`,
        messages: ['1:1 error Missing title: expected a first-level heading like "# Implementation Plan: …"']
      }
    ]
  },
  check(plan, report, options) {
    if (plan.structure) check(plan, report, options, plan.structure)
  }
})

export default rule.plugin
