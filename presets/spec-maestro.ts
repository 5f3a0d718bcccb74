/** The `spec-maestro` preset: spec-maestro plan.md documents. */
import type {PresetSchema} from '../src/core/family.js'
import type {StructureSpec} from '../src/core/plan/structure.js'

const structure: StructureSpec = {
  fields: ['Feature ID', 'Spec', 'Created', 'Status', 'Repos'],
  variants: [
    {
      // The initial template: eight numbered sections and no word about
      // dropping any; every corpus plan of this form keeps all eight.
      name: 'v0',
      title: '^Implementation Plan\\s*:',
      titleExample: 'Implementation Plan: …',
      ordered: true,
      sections: [
        {title: 'Architecture Overview', required: true},
        {title: 'Component Design', required: true},
        {title: 'Data Model', required: true},
        {title: 'API Contracts', required: true},
        {title: 'Implementation Phases', required: true, aliases: ['Implementation Tasks']},
        {title: 'Testing Strategy', required: true},
        {title: 'Risks and Mitigations', required: true},
        {title: 'Open Questions', required: true}
      ]
    },
    {
      // The later template: "sections that do not apply may be dropped",
      // keeping Tasks, Sizing and Testing.
      name: 'tasks',
      title: '^Implementation Plan\\s*:',
      titleExample: 'Implementation Plan: …',
      ordered: true,
      sections: [
        {title: 'Architecture Overview', required: false},
        {title: 'Component Design', required: false},
        {title: 'Data Model', required: false},
        {title: 'API Contracts', required: false},
        {title: 'Implementation Tasks', required: true, aliases: ['Implementation Phases']},
        {title: 'Task Sizing Guidance', required: true},
        {title: 'Testing Strategy', required: true},
        {title: 'Risks and Mitigations', required: false},
        {title: 'Open Questions', required: false}
      ]
    }
  ]
}

export const preset: PresetSchema = {
  name: 'spec-maestro',
  description: 'spec-maestro plan.md documents.',
  structure,
  // spec-maestro placeholders are {UPPER_SNAKE} and {lower words}.
  placeholders: {braces: 'all'},
  // `### T001:` task headings, each wrapped in TASK:BEGIN/END comments, with
  // `**Size:**` (the template rejects M and L) and `**Dependencies:**` fields.
  tasks: {id: 'T000', headings: true, plainItems: true, blockComments: true, sizes: ['XS', 'S'], dependencyField: true},
  templates: ['spec-maestro', 'spec-maestro-tasks', 'spec-maestro-head'],
  rules: {
    'no-placeholders': 'error',
    'no-template-text': 'error',
    'no-broken-fences': 'error',
    'no-mojibake': 'error',
    'required-sections': 'error',
    'empty-section': 'error',
    // The later template drops sections and keeps the numbers of the rest.
    'heading-numbering': ['error', {allowGaps: true}],
    'task-id': 'error',
    'task-markers': 'error',
    'task-references': 'error'
  }
}
