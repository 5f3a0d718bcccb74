/** The `promptydumpty` preset: PromptyDumpty IMPLEMENTATION-PLAN.md documents. */
import {type PresetDefinition, remarkPreset} from '../src/preset.js'

export const preset: PresetDefinition = {
  name: 'promptydumpty',
  description: 'PromptyDumpty IMPLEMENTATION-PLAN.md documents.',
  rules: {
    'no-placeholders': 'error',
    'no-template-text': ['error', {templates: ['promptydumpty']}]
  }
}

export default remarkPreset(preset)
