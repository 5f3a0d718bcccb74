/** The `promptydumpty` preset: PromptyDumpty IMPLEMENTATION-PLAN.md documents. */
import type {PresetSchema} from '../src/core/family.js'
import type {StructureSpec} from '../src/core/plan/structure.js'

// The planner prompt says to follow the template's structure without pasting
// it whole: real plans drop the sections that do not apply, rename some
// ("Risk Assessment") and reorder others, so only the Overview is required and
// order is not checked. Five sections most plans keep (5 of 7 real plans
// each) are expected: missing, a warning, unless another heading starts with
// its topic (`### Dependencies (Existing)` under Integration Points, `## 6.
// Success Metrics`: so real plans do it). Implementation Approach is kept by
// 3 of 7, so it stays optional. Numbers may keep the template's values (gaps allowed).
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
        {title: 'Implementation Steps', required: false, expected: true, aliases: ['Implementation Phases', 'Implementation Details']},
        {title: 'Testing Strategy', required: false, expected: true, topic: '^(?:testing|tests?)\\b', aliases: ['Testing Guidelines']},
        {title: 'Migration Strategy', required: false, aliases: ['Migration Guide']},
        {title: 'Rollout Plan', required: false},
        {title: 'Monitoring & Validation', required: false},
        {title: 'Documentation Updates', required: false},
        {title: 'Rollback Plan', required: false},
        {title: 'Risks & Mitigation', required: false, expected: true, topic: '^(?:risks?|mitigation)\\b', aliases: ['Risks & Mitigations', 'Risk Assessment', 'Risk Mitigation']},
        {title: 'Dependencies & Prerequisites', required: false, expected: true, topic: '^(?:dependencies|prerequisites)\\b', aliases: ['Prerequisites']},
        {title: 'Acceptance Criteria', required: false, expected: true, topic: '^(?:acceptance|success|definition of done)\\b', aliases: ['Success Criteria', 'Definition of Done']},
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
    'no-mojibake': 'error',
    'required-sections': 'error',
    'empty-section': 'error',
    'heading-numbering': ['error', {allowGaps: true}],
    'task-id': 'error',
    'task-references': 'error'
  }
}
