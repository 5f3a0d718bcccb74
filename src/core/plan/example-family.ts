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
      },
      {
        name: 'rollout',
        title: '^Rollout Plan\\s*:',
        titleExample: 'Rollout Plan: …',
        ordered: true,
        sections: [
          {title: 'Steps', required: true},
          {title: 'Monitoring', required: false, expected: true, topic: '^(?:monitoring|metrics)\\b'},
          {title: 'Rollback', required: false, expected: true}
        ]
      }
    ]
  },
  rules: {}
}
