/**
 * required-sections: the family's sections are there, in order, at the
 * right level. One message per problem: no stop-at-first, no cascade.
 */
import {distance} from 'fastest-levenshtein'
import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {outline, type Section} from '../src/core/plan/outline.js'
import {
  chooseVariant,
  isRequired,
  type SectionOverrides,
  type StructureMatch,
  type StructureSpec,
  structureOptionProperties
} from '../src/core/plan/structure.js'
import {exampleStructure} from '../src/core/plan/example-structure.js'
import {defineRule, warn} from '../src/core/rule.js'

export interface RequiredSectionsOptions extends Record<string, unknown> {
  /** The family's structure (set by the preset). */
  structure?: StructureSpec
  /** Force a variant by name (`plan`, `tasks`…); default: the best match. */
  variant?: string
  /** Per-section required/optional overrides, by section title. */
  sections: SectionOverrides
  /** Whether headings the schema does not know are fine (else warnings). */
  allowUnknown: boolean
}

/** A near miss: same words but for a typo or two (`Risk Assesment`). */
function isNearMiss(a: string, b: string): boolean {
  const limit = Math.max(2, Math.floor(Math.min(a.length, b.length) * 0.2))
  return Math.abs(a.length - b.length) <= limit && distance(a, b) <= limit
}

function check(tree: Root, file: VFile, options: RequiredSectionsOptions, match: StructureMatch): void {
  const {variant, title, matches} = match
  const sections = outline(tree)

  if (!title) {
    const place = tree.children[0]?.position?.start
    if (place) file.message(`Missing title: expected a first-level heading like "# ${variant.titleExample}"`, {place})
  }

  // Wrong level and wrong order, in document order. A second section of a
  // kind already seen (a closing "Summary") is not an order problem.
  let furthest: (typeof matches)[number] | undefined
  const seen = new Set<number>()
  for (const current of matches) {
    const repeated = seen.has(current.spec.order) && !current.spec.repeat
    seen.add(current.spec.order)
    const level = current.spec.level ?? 2
    if (current.section.depth !== level) {
      file.message(
        `Section "${current.spec.title}" should be a level-${level} heading, found level ${current.section.depth}`,
        current.section.node
      )
    }
    if (repeated || current.spec.anywhere) continue
    if (variant.ordered && furthest && current.spec.order < furthest.spec.order) {
      file.message(
        `Section "${current.section.text}" should come before "${furthest.section.text}"`,
        current.section.node
      )
    } else if (!furthest || current.spec.order > furthest.spec.order) {
      furthest = current
    }
  }

  // Missing required sections: one message each, where the section belongs.
  const present = new Set(matches.map((m) => m.spec.order))
  const matched = new Set<Section>(matches.map((m) => m.section))
  const specs = variant.sections
  specs.forEach((spec, order) => {
    if (present.has(order) || !isRequired(spec, options.sections)) return
    const level = spec.level ?? 2
    if (spec.pattern === undefined) {
      const wanted = [spec.title, ...(spec.aliases ?? [])].map((name) => name.toLowerCase())
      const nearMiss = sections.find(
        (section) => section.depth === level && !matched.has(section) && wanted.some((name) => isNearMiss(section.key, name))
      )
      if (nearMiss) {
        file.message(`Missing section "${spec.title}" (found "${nearMiss.text}" — typo?)`, nearMiss.node)
        return
      }
    }
    const before = matches.filter((m) => m.spec.order < order).at(-1)
    const after = matches.find((m) => m.spec.order > order && (!before || m.section.index > before.section.index))
    const where = before ? ` (expected after "${before.section.text}")` : after ? ` (expected before "${after.section.text}")` : ''
    // Where the section belongs: at the section it should precede, else at
    // the one it should follow, else at the title. (A point after the last
    // node would fall outside the document, where message control drops it.)
    const anchor = after?.section.node ?? before?.section.node ?? title?.node ?? tree.children[0]
    if (anchor?.position) file.message(`Missing section "${spec.title}"${where}`, {place: anchor.position.start})
  })

  if (!options.allowUnknown) {
    for (const section of sections) {
      if (section.depth === 2 && !matched.has(section)) {
        warn(file, `Unexpected section "${section.text}": not part of the ${variant.name} structure`, section.node)
      }
    }
  }
}

export const rule = defineRule<RequiredSectionsOptions>({
  id: 'required-sections',
  description: 'Require the sections of the plan’s template family, in order and at the right level',
  severity: 'error',
  docs: `A plan without its Implementation Steps or its Testing Strategy is not a
plan. Each family preset describes its documents' structure — the title form
and the sections, each required or optional, in order, with the names real
authors use for them — and this rule checks a plan against it. When a family
has several kinds of document (spec-kit's \`plan.md\` and \`tasks.md\`, CDD's
feature, bug, enhancement and spike plans), the one the plan matches best is
used.

Reported, one message per problem:

- a missing required section, at the place it belongs, naming the section it
  should follow (or precede);
- a heading that is a near miss of a missing section: \`Missing section "Risk
  Mitigation" (found "Risk Assesment" — typo?)\`;
- a section out of order, naming both sections;
- a section at the wrong heading level;
- a document without a title heading.

Matching forgives what real authors do: case, \`&\` for "and", leading
numbers (\`## 11. Risks & Mitigation\`), trailing emoji and status words
(\`✅ COMPLETE\`, \`🎯 MVP\`), dashes, and each section's aliases. Headings
inside code are not sections, so a fence left open that swallows a heading
really does lose that section. Sections the schema does not know are fine;
\`allowUnknown: false\` makes them warnings.

Which sections are required follows each family's own instructions (see the
comments in \`presets/<family>.ts\`); \`sections\` overrides it per section.`,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      ...structureOptionProperties,
      allowUnknown: {type: 'boolean', description: 'Allow sections the structure does not list (default), or warn about them.'}
    }
  },
  defaults: {sections: {}, allowUnknown: true},
  examples: {
    valid: [
      {
        title: 'Every required section, with real-world spellings',
        options: {structure: exampleStructure},
        markdown: `# Implementation Plan: Offline sync

## 1. Summary ✅ COMPLETE

Queue edits while offline.

## Risks & Mitigations

Conflicts are resolved last-writer-wins.
`
      }
    ],
    invalid: [
      {
        title: 'A missing section, reported where it belongs',
        options: {structure: exampleStructure},
        markdown: `# Implementation Plan: Offline sync

## Summary

Queue edits while offline.

## Rollout

Behind a flag.
`,
        messages: ['3:1 Missing section "Risks and Mitigations" (expected after "Summary")']
      },
      {
        title: 'A typo in a required heading',
        options: {structure: exampleStructure},
        markdown: `# Implementation Plan: Offline sync

## Summary

Queue edits while offline.

## Risks and Mitgations

None.
`,
        messages: ['7:1-7:24 Missing section "Risks and Mitigations" (found "Risks and Mitgations" — typo?)']
      },
      {
        title: 'Out of order and at the wrong level',
        options: {structure: exampleStructure},
        markdown: `# Implementation Plan: Offline sync

### Summary

Queue edits while offline.

## Open Questions

None.

## Risks and Mitigations

Conflicts are resolved last-writer-wins.
`,
        messages: [
          '3:1-3:12 Section "Summary" should be a level-2 heading, found level 3',
          '11:1-11:25 Section "Risks and Mitigations" should come before "Open Questions"'
        ]
      },
      {
        title: 'No title',
        options: {structure: exampleStructure},
        markdown: `## Summary

Queue edits while offline.

## Risks and Mitigations

None.
`,
        messages: ['1:1 Missing title: expected a first-level heading like "# Implementation Plan: …"']
      }
    ]
  },
  check(tree, file, options) {
    if (!options.structure) return
    const match = chooseVariant(tree, options.structure, options.variant)
    if (match) check(tree, file, options, match)
  }
})


export default rule.plugin
