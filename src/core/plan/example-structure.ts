/** A small structure that the structure rules' documented examples share. */
import type {StructureSpec} from './structure.js'

export const exampleStructure: StructureSpec = {
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
}
