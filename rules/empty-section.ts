/**
 * empty-section: a section of the family's structure with nothing in it.
 */
import type {RootContent} from 'mdast'
import {exampleFamily} from '../src/core/plan/example-family.js'
import {isRequired, type SectionOverrides, sectionOverridesSchema} from '../src/core/plan/structure.js'
import {defineRule} from '../src/core/rule.js'

export interface EmptySectionOptions extends Record<string, unknown> {
  sections: SectionOverrides
}

const messages = {
  required: {text: 'Section "{section}" is empty: write its content'},
  optional: {text: 'Section "{section}" is empty: write its content or delete the heading', severity: 'warn'}
} as const

/** Headings, rules and comments are not content; anything else is. */
function isContent(node: RootContent): boolean {
  if (node.type === 'heading' || node.type === 'thematicBreak') return false
  if (node.type === 'html') return !/^\s*<!--[\s\S]*-->\s*$/.test(node.value)
  return true
}

export const rule = defineRule<EmptySectionOptions, keyof typeof messages>({
  id: 'empty-section',
  description: 'Disallow sections of the plan’s structure that have no content',
  severity: 'error',
  messages,
  docs: `A heading with nothing under it tells the reader (or the agent) that the
topic was considered, when it was not. A section of the family's structure is
empty when its body — up to the next heading of the same or a higher rank,
subsections included — holds only whitespace, horizontal rules, headings or
HTML comments: no paragraph, list, table, quote or code.

An empty required section is an error. An empty optional section is a
warning: delete the heading rather than leave it empty, as spec-maestro tells
its authors; but not one whose only content is a comment (the author's note
of why it is empty, or the template's comment, which no-template-text
reports), nor one whose heading is its content as the template writes it
(\`## Format: [ID] [P?] [Story] Description\`).

Not reported: sections outside the family's structure (an author's own
heading may be a deliberate divider), and a section whose only content is
its subsections' headings with text under them — that is content.`,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      sections: sectionOverridesSchema
    }
  },
  defaults: {sections: {}},
  examples: {
    valid: [
      {
        title: 'An optional section emptied on purpose, with a note saying why',
        family: exampleFamily,
        markdown: `# Implementation Plan: Offline sync

## Summary

Queue edits while offline.

## Risks

- The queue may grow: cap it at 1,000 edits.

## Open Questions

<!-- Removed at the product owner's request: none are left. -->
`
      },
      {
        title: 'Sections with content, in subsections too',
        family: exampleFamily,
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
        family: exampleFamily,
        markdown: `# Implementation Plan: Offline sync

## Summary

<!-- Write the summary here -->

## Open Questions

---
`,
        messages: [
          '3:1-3:11 error Section "Summary" is empty: write its content',
          '7:1-7:18 warning Section "Open Questions" is empty: write its content or delete the heading'
        ]
      }
    ]
  },
  check(plan, report, options) {
    for (const {section, spec} of plan.structure?.matches ?? []) {
      const body = plan.body(section)
      if (body.some(isContent)) continue
      const required = isRequired(spec, options.sections)
      // An optional section emptied on purpose says so in a comment ("removed
      // at the user's request"), or is the template's comment, which
      // no-template-text reports; and a heading that is its own content, as
      // the template writes it (`## Format: [ID] [P?] [Story] Description`),
      // is not empty.
      if (!required && (body.some((node) => node.type === 'html') || (spec.title.includes(':') && /[:：]\s*\S/.test(section.text)))) continue
      report(required ? 'required' : 'optional', section.node, {section: section.text})
    }
  }
})

export default rule.plugin
