/** The `recommended` preset: family-agnostic checks for any Markdown plan. */
import {type PresetDefinition, remarkPreset} from '../src/engine/plugins.js'

export const preset: PresetDefinition = {
  name: 'recommended',
  description: 'family-agnostic checks for any Markdown plan.',
  rules: {
    // spec-kit task markers are common outside spec-kit too; they are content.
    'no-placeholders': ['error', {bracketMarkers: ['P\\??', 'US\\d+(?:/US\\d+)*', 'Story', 'ID']}],
    // No family template: instruction comments and [REMOVE IF UNUSED] labels only.
    'no-template-text': 'error',
    // No family structure: only what holds for any plan.
    'heading-numbering': 'error',
    'task-id': 'error',
    'task-references': 'error'
  }
}

export default remarkPreset(preset)
