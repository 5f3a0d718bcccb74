/** The `ai-first-sdlc` preset: ai-first-sdlc-practices implementation plans. */
import {type PresetDefinition, remarkPreset} from '../src/preset.js'

export const preset: PresetDefinition = {
  name: 'ai-first-sdlc',
  description: 'ai-first-sdlc-practices implementation plans.',
  rules: {
    // Sign-off and Progress tables keep [TBD], [Pending], [In Progress] and [YYYY-MM-DD] on
    // purpose until those events happen (FAMILIES.md).
    // The compressed template's task lines carry spec-kit's [P] parallel marker.
    'no-placeholders': ['error', {allow: ['[TBD]', '[Pending]', '[In Progress]', '[YYYY-MM-DD]'], bracketMarkers: ['P']}],
    'no-template-text': ['error', {templates: ['ai-first-sdlc', 'ai-first-sdlc-original', 'ai-first-sdlc-compressed']}]
  }
}

export default remarkPreset(preset)
