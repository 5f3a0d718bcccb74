/** The `spec-kit` preset: GitHub spec-kit plan.md and tasks.md (and the merged plan-with-tasks variant). */
import {type PresetDefinition, remarkPreset} from '../src/preset.js'

export const preset: PresetDefinition = {
  name: 'spec-kit',
  description: 'GitHub spec-kit plan.md and tasks.md (and the merged plan-with-tasks variant).',
  rules: {
    // [P], [P?], [USn], [Story] and [ID] are spec-kit's task markers and legend.
    'no-placeholders': ['error', {bracketMarkers: ['P\\??', 'US\\d+(?:/US\\d+)*', 'Story', 'ID']}],
    'no-template-text': ['error', {templates: ['spec-kit', 'spec-kit-plan', 'spec-kit-tasks', 'spec-kit-plan-v0', 'spec-kit-tasks-v0', 'spec-kit-tasks-v1']}]
  }
}

export default remarkPreset(preset)
