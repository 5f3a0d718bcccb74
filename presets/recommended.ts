/** The `recommended` preset: family-agnostic checks for any Markdown plan. */
import type {PresetSchema} from '../src/core/family.js'

export const preset: PresetSchema = {
  name: 'recommended',
  description: 'family-agnostic checks for any Markdown plan.',
  // spec-kit task markers are common outside spec-kit too; they are content.
  placeholders: {bracketMarkers: ['P\\??', 'US\\d+(?:/US\\d+)*', 'Story', 'ID']},
  rules: {
    'no-placeholders': 'error',
    // No family template: instruction comments and [REMOVE IF UNUSED] labels only.
    'no-template-text': 'error',
    'no-broken-fences': 'error',
    'no-mojibake': 'error',
    // No family structure: only what holds for any plan.
    'heading-numbering': 'error',
    'task-id': 'error',
    'task-references': 'error'
  }
}
