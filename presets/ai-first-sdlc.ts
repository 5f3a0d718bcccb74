/** The `ai-first-sdlc` preset: ai-first-sdlc-practices implementation plans. */
import type {PresetSchema} from '../src/core/family.js'
import type {StructureSpec} from '../src/core/plan/structure.js'

const structure: StructureSpec = {
  fields: ['Feature', 'Branch', 'Estimated Duration', 'Start Date', 'Target Completion', 'Assignee'],
  variants: [
    {
      // templates/implementation-plan.md, original and self-review versions.
      // What is known before work starts is required; Communication Plan,
      // Progress Tracking, Lessons Learned, References and Sign-off fill in
      // during or after implementation, so they are optional.
      name: 'full',
      title: '^Implementation Plan\\s*:',
      titleExample: 'Implementation Plan: …',
      ordered: true,
      sections: [
        {title: 'Executive Summary', required: true},
        {title: 'Current State Analysis', required: true},
        {title: 'Implementation Phases', required: true},
        {title: 'Risk Mitigation', required: true},
        {title: 'Communication Plan', required: false},
        {title: 'Definition of Done', required: true},
        {title: 'Progress Tracking', required: false},
        {title: 'Lessons Learned', required: false},
        {title: 'References', required: false},
        {title: 'Sign-off', required: false}
      ]
    },
    {
      // The later, compressed template.
      name: 'compressed',
      title: '^Implementation Plan\\s*:',
      titleExample: 'Implementation Plan: …',
      ordered: true,
      sections: [
        {title: 'Summary', required: true},
        {title: 'Current State', required: true},
        {title: 'Tasks', required: true},
        {title: 'Done Criteria', required: true},
        {title: 'Risks', required: false},
        {title: 'Progress Log', required: false}
      ]
    },
    {
      // The form of the project's own plans (plan/06, 09, 10): an Overview,
      // then one H2 per phase; success criteria and risks come before or after.
      name: 'phased',
      title: '^Implementation Plan\\s*:',
      titleExample: 'Implementation Plan: …',
      ordered: false,
      sections: [
        {title: 'Overview', required: true},
        {title: 'Phase N', required: true, pattern: '^phase \\d+\\b', repeat: true},
        {title: 'Success Metrics', required: false, aliases: ['Success Criteria']},
        {title: 'Risk Mitigation', required: false, aliases: ['Dependencies and Risks']},
        {title: 'Rollback Plan', required: false},
        {title: 'Notes', required: false}
      ]
    }
  ]
}

const signOffTokens = ['[TBD]', '[Pending]', '[In Progress]', '[YYYY-MM-DD]', 'YYYY-MM-DD']

export const preset: PresetSchema = {
  name: 'ai-first-sdlc',
  description: 'ai-first-sdlc-practices implementation plans.',
  structure,
  placeholders: {
    // The Sign-off and progress sections keep [TBD], [Pending],
    // [In Progress] and [YYYY-MM-DD] on purpose until those events happen
    // (FAMILIES.md); anywhere else they are leftovers.
    allowIn: {
      'Sign-off': signOffTokens,
      'Progress Tracking': signOffTokens,
      'Progress Log': signOffTokens,
      // The Test Plan's "Actual Result" column is filled once tests run.
      'Test Plan': ['[TBD]', '[Pending]', '[To be filled]']
    },
    // The compressed template's task lines carry spec-kit's [P] marker.
    bracketMarkers: ['P']
  },
  // `**Task 1.2**:` items and `#### Task 1.2` headings, N the phase's number;
  // the compressed template writes markers first: `[P] Task 1.1`.
  tasks: {id: 'phase.step', headings: true, markersBeforeId: true},
  templates: ['ai-first-sdlc', 'ai-first-sdlc-original', 'ai-first-sdlc-compressed'],
  rules: {
    'no-placeholders': 'error',
    'no-template-text': 'error',
    'no-broken-fences': 'error',
    'no-mojibake': 'error',
    'required-sections': 'error',
    'empty-section': 'error',
    'heading-numbering': 'error',
    'task-id': 'error',
    'task-references': 'error'
  }
}
