/** The `spec-maestro` preset: spec-maestro plan.md documents. */
import {type PresetDefinition, remarkPreset} from '../src/preset.js'

export const preset: PresetDefinition = {
  name: 'spec-maestro',
  description: 'spec-maestro plan.md documents.',
  rules: {
    // spec-maestro placeholders are {UPPER_SNAKE} and {lower words}.
    'no-placeholders': ['error', {braces: 'all'}],
    'no-template-text': ['error', {templates: ['spec-maestro', 'spec-maestro-tasks', 'spec-maestro-head']}]
  }
}

export default remarkPreset(preset)
