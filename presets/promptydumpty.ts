/** The `promptydumpty` preset: PromptyDumpty IMPLEMENTATION-PLAN.md documents. */
import type {PresetSchema} from '../src/core/family.js'
import type {StructureSpec} from '../src/core/plan/structure.js'

// The planner prompt says to follow the template's structure without pasting
// it whole: real plans drop the sections that do not apply, rename some
// ("Risk Assessment") and reorder others, so only the Overview is required and
// order is not checked. Numbers may keep the template's values (gaps allowed).
const structure: StructureSpec = {
  fields: ['Date', 'Phase', 'Priority'],
  variants: [
    {
      name: 'plan',
      title: '^(?:Implementation Plan\\s*[-–—]|\\S.*Implementation Instructions)',
      titleExample: 'Implementation Plan - …',
      ordered: false,
      sections: [
        {title: 'Overview', required: true},
        {title: 'Implementation Approach', required: false},
        {title: 'Components to Implement', required: false, aliases: ['Detailed Component Breakdown']},
        {title: 'Implementation Steps', required: false, aliases: ['Implementation Phases', 'Implementation Details']},
        {title: 'Testing Strategy', required: false, aliases: ['Testing Guidelines']},
        {title: 'Migration Strategy', required: false, aliases: ['Migration Guide']},
        {title: 'Rollout Plan', required: false},
        {title: 'Monitoring & Validation', required: false},
        {title: 'Documentation Updates', required: false},
        {title: 'Rollback Plan', required: false},
        {title: 'Risks & Mitigation', required: false, aliases: ['Risks & Mitigations', 'Risk Assessment', 'Risk Mitigation']},
        {title: 'Dependencies & Prerequisites', required: false, aliases: ['Prerequisites']},
        {title: 'Acceptance Criteria', required: false, aliases: ['Success Criteria', 'Definition of Done']},
        {title: 'Open Questions', required: false, aliases: ['Questions & Decisions Log']},
        {title: 'Related Documents', required: false, aliases: ['Reference Documents']}
      ]
    }
  ]
}

export const preset: PresetSchema = {
  name: 'promptydumpty',
  description: 'PromptyDumpty IMPLEMENTATION-PLAN.md documents.',
  structure,
  templates: ['promptydumpty'],
  rules: {
    'no-placeholders': 'error',
    'no-template-text': 'error',
    'no-broken-fences': 'error',
    'required-sections': 'error',
    'empty-section': 'error',
    'heading-numbering': ['error', {allowGaps: true}],
    'task-id': 'error',
    'task-references': 'error'
  }
}
