/** The `spec-kit` preset: GitHub spec-kit plan.md and tasks.md, and the merged plan-with-tasks variant. */
import type {PresetSchema} from '../src/core/family.js'
import type {StructureSpec} from '../src/core/plan/structure.js'

// Phases as English and localised plans write them (`## 阶段 1：设置`).
const phase = '^(?:phase|final phase)\\b|^(?:阶段|階段)\\s?\\d'
// Titles in English and in the Chinese of localised plans (full-width colon too).
const planTitle = '^(?:Implementation Plan|实施计划|實施計畫|实现计划|實作計畫)\\s*[:：]'

const structure: StructureSpec = {
  fields: ['Branch', 'Date', 'Spec', 'Input', 'Prerequisites', 'Feature Branch', 'Language/Version', 'Primary Dependencies'],
  variants: [
    {
      // Upstream plan.md, both template versions. Summary, Technical Context,
      // Constitution Check and Project Structure are the template's body;
      // Complexity Tracking is "filled only when there are violations", and
      // the early version's Execution Flow and Phase 0–3 sections were dropped later.
      name: 'plan',
      title: planTitle,
      titleExample: 'Implementation Plan: …',
      ordered: true,
      sections: [
        {title: 'Execution Flow', required: false, pattern: '^execution flow\\b'},
        {title: 'Summary', required: true, aliases: ['摘要', '概要']},
        {title: 'Technical Context', required: true, aliases: ['技术背景', '技術背景', '技术上下文']},
        {title: 'Constitution Check', required: true, aliases: ['宪章检查', '憲章檢查']},
        {title: 'Project Structure', required: true, aliases: ['项目结构', '專案結構', '項目結構']},
        {title: 'Phase 0: Outline & Research', required: false, pattern: '^phase 0\\b'},
        {title: 'Phase 1: Design & Contracts', required: false, pattern: '^phase 1\\b'},
        {title: 'Phase 2: Task Planning Approach', required: false, pattern: '^phase 2\\b'},
        {title: 'Phase 3+: Future Implementation', required: false, pattern: '^phase 3\\b'},
        {title: 'Complexity Tracking', required: false},
        {title: 'Progress Tracking', required: false}
      ]
    },
    {
      // Upstream tasks.md. Its phases vary by version (Phase 3.1–3.5, or
      // Setup / Foundational / one per user story / Polish) and real plans
      // name their own, so at least one phase is required; phase numbering is
      // heading-numbering's job, and [USn] placement is task-markers'.
      name: 'tasks',
      title: '^(?:(?:Implementation )?Tasks\\b|任务|任務)',
      titleExample: 'Tasks: …',
      ordered: true,
      sections: [
        {title: 'Execution Flow', required: false, pattern: '^execution flow\\b'},
        {title: 'Format: [ID] [P?] [Story] Description', required: false, pattern: '^format\\b'},
        {title: 'Path Conventions', required: false},
        {title: 'Phase …', required: true, pattern: phase, repeat: true},
        {title: 'Dependencies & Execution Order', required: false, aliases: ['Dependencies', 'Dependency Graph']},
        {title: 'Parallel Example', required: false, pattern: '^parallel (?:example|execution)', repeat: true},
        {title: 'Implementation Strategy', required: false},
        {title: 'Notes', required: false}
      ]
    },
    {
      // The derivative that merges plan and task list in one file
      // (../shared/templates/spec-kit.md): no Constitution Check; phases
      // and their execution order follow the project structure.
      name: 'merged',
      title: planTitle,
      titleExample: 'Implementation Plan: …',
      ordered: true,
      sections: [
        {title: 'Summary', required: true},
        {title: 'Technical Context', required: true},
        {title: 'Project Structure', required: true},
        {title: 'Phase …', required: true, pattern: phase, repeat: true},
        {title: 'Checkpoint', required: false, pattern: '^checkpoint\\b', repeat: true, anywhere: true},
        {title: 'Dependencies & Execution Order', required: true},
        {title: 'Notes', required: false}
      ]
    }
  ]
}

export const preset: PresetSchema = {
  name: 'spec-kit',
  description: 'GitHub spec-kit plan.md and tasks.md (and the merged plan-with-tasks variant).',
  structure,
  // [P], [P?], [USn], [Story] and [ID] are spec-kit's task markers and legend.
  placeholders: {bracketMarkers: ['P\\??', 'US\\d+(?:/US\\d+)*', 'Story', 'ID']},
  // `- [ ] T012 [P] [US1] Description with file path`: markers right after
  // the ID, [USn] in user-story phases only, and the file each task changes.
  tasks: {
    id: 'T000',
    headings: true,
    plainItems: true,
    consistentColon: true,
    markers: {parallel: 'P', story: 'US(\\d+)(?:/US\\d+)*', names: '[P] and [USn]'},
    storyPhase: '\\buser story (\\d+)\\b',
    sharedPhase: '^(?:phase [\\d.]+ |final phase )?(setup|foundational|polish)\\b',
    // spec-kit asks for "exact file paths in descriptions", but a task that
    // names a unit, a command or a cross-cutting change is not wrong: on real
    // plans this warning was right 25% of the time (82 of 325), under the 80%
    // a warning needs, so it is off unless a config turns it on.
    filePaths: 'allow',
    dependencySection: true
  },
  templates: ['spec-kit', 'spec-kit-plan', 'spec-kit-tasks', 'spec-kit-plan-v0', 'spec-kit-tasks-v0', 'spec-kit-tasks-v1'],
  rules: {
    'no-placeholders': 'error',
    'no-template-text': 'error',
    'no-broken-fences': 'error',
    'required-sections': 'error',
    'empty-section': 'error',
    'heading-numbering': 'error',
    'task-id': 'error',
    'task-markers': 'error',
    'task-references': 'error'
  }
}
