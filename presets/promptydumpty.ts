/** The `promptydumpty` preset: PromptyDumpty IMPLEMENTATION-PLAN.md documents. */
import {type PresetDefinition, remarkPreset} from '../src/preset.js'

export const preset: PresetDefinition = {
  name: 'promptydumpty',
  description: 'PromptyDumpty IMPLEMENTATION-PLAN.md documents.',
  rules: {
    'no-placeholders': 'error'
  }
}

export default remarkPreset(preset)
