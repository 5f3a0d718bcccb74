/** The `ai-first-sdlc` preset: ai-first-sdlc-practices implementation plans. */
import {type PresetDefinition, remarkPreset} from '../src/preset.js'

const signOffTokens = ['[TBD]', '[Pending]', '[In Progress]', '[YYYY-MM-DD]', 'YYYY-MM-DD']

export const preset: PresetDefinition = {
  name: 'ai-first-sdlc',
  description: 'ai-first-sdlc-practices implementation plans.',
  rules: {
    'no-placeholders': [
      'error',
      {
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
      }
    ],
    'no-template-text': ['error', {templates: ['ai-first-sdlc', 'ai-first-sdlc-original', 'ai-first-sdlc-compressed']}]
  }
}

export default remarkPreset(preset)
