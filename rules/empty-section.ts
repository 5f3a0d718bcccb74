/**
 * empty-section: a section of the family's structure with nothing in it.
 */
import type {RootContent} from 'mdast'
import {sectionBody} from '../src/core/plan/outline.js'
import {
  chooseVariant,
  isRequired,
  type SectionOverrides,
  type StructureSpec,
  structureOptionProperties
} from '../src/core/plan/structure.js'
import {exampleStructure} from '../src/core/plan/example-structure.js'
import {defineRule, warn} from '../src/core/rule.js'

export interface EmptySectionOptions extends Record<string, unknown> {
  structure?: StructureSpec
  variant?: string
  sections: SectionOverrides
}

/** Headings, rules and comments are not content; anything else is. */
function isContent(node: RootContent): boolean {
  if (node.type === 'heading' || node.type === 'thematicBreak') return false
  if (node.type === 'html') return !/^\s*<!--[\s\S]*-->\s*$/.test(node.value)
  return true
}

export const rule = defineRule<EmptySectionOptions>({
  id: 'empty-section',
  description: 'Disallow sections of the plan’s structure that have no content',
  severity: 'error',
  docs: `A heading with nothing under it tells the reader (or the agent) that the
topic was considered, when it was not. A section of the family's structure is
empty when its body — up to the next heading of the same or a higher rank,
subsections included — holds only whitespace, horizontal rules, headings or
HTML comments: no paragraph, list, table, quote or code.

An empty required section is an error. An empty optional section is a
warning: delete the heading rather than leave it empty, as spec-maestro tells
its authors. Sections outside the structure are not checked.`,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      ...structureOptionProperties
    }
  },
  defaults: {sections: {}},
  examples: {
    valid: [
      {
        title: 'Sections with content, in subsections too',
        options: {structure: exampleStructure},
        markdown: `# Implementation Plan: Offline sync

## Summary

### Scope

Queue edits while offline.
`
      }
    ],
    invalid: [
      {
        title: 'A required section with only a comment, an optional one with only a rule',
        options: {structure: exampleStructure},
        markdown: `# Implementation Plan: Offline sync

## Summary

<!-- Write the summary here -->

## Open Questions

---
`,
        messages: [
          '3:1-3:11 Section "Summary" is empty: write its content',
          '7:1-7:18 Section "Open Questions" is empty: write its content or delete the heading'
        ]
      }
    ]
  },
  check(tree, file, options) {
    if (!options.structure) return
    const match = chooseVariant(tree, options.structure, options.variant)
    if (!match) return
    for (const {section, spec} of match.matches) {
      if (sectionBody(tree, section).some(isContent)) continue
      if (isRequired(spec, options.sections)) {
        file.message(`Section "${section.text}" is empty: write its content`, section.node)
      } else {
        warn(file, `Section "${section.text}" is empty: write its content or delete the heading`, section.node)
      }
    }
  }
})


export default rule.plugin
