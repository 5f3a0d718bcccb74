/** A small family that the structure rules' documented examples share. */
import type {PresetSchema} from '../family.js'

export const exampleFamily: PresetSchema = {
  name: 'example',
  description: 'the structure of the documented examples',
  structure: {
    fields: [],
    variants: [
      {
        name: 'plan',
        title: '^Implementation Plan\\s*:',
        titleExample: 'Implementation Plan: …',
        ordered: true,
        sections: [
          {title: 'Summary', required: true},
          {title: 'Risks and Mitigations', required: true, aliases: ['Risks']},
          {title: 'Open Questions', required: false}
        ]
      }
    ]
  },
  rules: {}
}
