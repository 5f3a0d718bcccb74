/** The `spec-maestro` preset: spec-maestro plan.md documents. */
import type {StructureSpec} from '../src/core/plan/structure.js'
import {type PresetDefinition, remarkPreset} from '../src/engine/plugins.js'

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

export const preset: PresetDefinition = {
  name: 'spec-maestro',
  description: 'spec-maestro plan.md documents.',
  structure,
  rules: {
    // spec-maestro placeholders are {UPPER_SNAKE} and {lower words}.
    'no-placeholders': ['error', {braces: 'all'}],
    'no-template-text': ['error', {templates: ['spec-maestro', 'spec-maestro-tasks', 'spec-maestro-head']}],
    'required-sections': ['error', {structure}],
    'empty-section': ['error', {structure}],
    // The later template drops sections and keeps the numbers of the rest.
    'heading-numbering': ['error', {allowGaps: true}],
    'task-id': ['error', {style: 'spec-maestro'}],
    'task-markers': ['error', {style: 'spec-maestro'}],
    'task-references': ['error', {style: 'spec-maestro'}]
  }
}

export default remarkPreset(preset)
