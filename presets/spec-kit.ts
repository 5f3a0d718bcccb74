/** The `spec-kit` preset: GitHub spec-kit spec.md, plan.md and tasks.md, and the merged plan-with-tasks variant. */
import type {PresetSchema} from '../src/core/family.js'
import type {StructureSpec} from '../src/core/plan/structure.js'

// Phases as English and localised plans write them (`## 阶段 1：设置`, `## Fase 1: Configuração`).
// A numbered one (`Phase N` in the template): `## Phase Status` and
// `## Phase Gates` are sections about phases, not phases.
const phase = '^(?:phase (?:\\d|n\\b)|final phase\\b)|^(?:阶段|階段|フェー[スズ])\\s?\\d|^fase \\d|^\\d+\\s?단계'
// Titles in English and in the Chinese, Japanese, Portuguese and Spanish of
// localised plans (full-width colon too).
const planTitle = '^(?:Implementation Plan|实施计划|實施計畫|实现计划|實作計畫|実装計画|구현 계획|Plano de Implementação|Plan de Implementación)\\s*[:：]'
// The tasks' execution order, as English and localised plans name it
// (`## 相依性與執行順序`, `## 依存関係`, `## 任务优先级和依赖关系图`).
const dependencies = '^(?:dependencies|dependency graph)\\b|依存関係|相依性|依赖关系'

// spec.md's title and its mandatory sections, in English and as localised specs write them.
const specTitle = '^(?:Feature Specification|功能規格|功能规格|功能规范|功能規範|機能仕様書?|기능 (?:명세서?|사양서?)|Especificação d[ae] (?:Funcionalidade|Feature)|Especificación de (?:la )?(?:Funcionalidad|Característica))\\s*[:：]'
// "Maximum 3 [NEEDS CLARIFICATION] markers total" (the /specify command).
const openQuestions = {marker: 'NEEDS CLARIFICATION', max: 3}
const scenarios = '^user scenarios?\\b'
const scenarioAliases = ['使用者場景與測試', '用户场景与测试', '用戶場景與測試', 'ユーザーシナリオ & テスト', 'ユーザーシナリオとテスト', '사용자 시나리오 및 테스트', 'Cenários de Usuário e Testes', 'Escenarios de Usuario y Pruebas']
const requirementAliases = ['需求規格', '需求', '需求规格', '要件', '요구사항', '요구 사항', 'Requisitos']

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
        {title: 'Execution Flow', required: false, pattern: '^(?:execution flow|実行フロー)'},
        {title: 'Summary', required: true, aliases: ['摘要', '概要', '概述', 'サマリー', 'サマリ', '요약', 'Resumo', 'Resumen', 'Sumário']},
        {title: 'Technical Context', required: true, aliases: ['技术背景', '技術背景', '技术上下文', '技術コンテキスト', '기술 컨텍스트', 'Contexto Técnico']},
        {
          title: 'Constitution Check',
          required: true,
          // Also in a language of the plan's own after the word (`## Constitution 준수 확인`).
          pattern: '^constitution\\b',
          aliases: ['宪章检查', '宪法检查', '章程检查', '憲章檢查', '憲章チェック', '憲法チェック', 'Verificação da Constituição', 'Verificação Constitucional', 'Verificación de la Constitución', 'Verificación Constitucional']
        },
        {title: 'Project Structure', required: true, aliases: ['项目结构', '專案結構', '項目結構', 'プロジェクト構造', '프로젝트 구조', 'Estrutura do Projeto', 'Estructura del Proyecto']},
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
      // heading-numbering's job, and [USn] placement is task-markers'. Every
      // template version closes with the phases' execution order, and 24 of
      // 30 real task lists keep it (the others write flat lists or gates):
      // expected, so its absence is a warning, unless another heading says
      // how the tasks are ordered (`## Execution Rule`).
      name: 'tasks',
      title: '^(?:(?:Implementation )?Tasks\\b|任务|任務|タスク|(?:구현 )?태스크|Tarefas\\b|Tareas\\b)',
      titleExample: 'Tasks: …',
      ordered: true,
      sections: [
        {title: 'Execution Flow', required: false, pattern: '^(?:execution flow|実行フロー)'},
        {title: 'Format: [ID] [P?] [Story] Description', required: false, pattern: '^(?:format|格式)\\b'},
        {title: 'Path Conventions', required: false, aliases: ['路徑規範', '路径约定', '路径规范']},
        {title: 'Phase …', required: true, pattern: phase, repeat: true},
        {title: 'Dependencies & Execution Order', required: false, expected: true, pattern: dependencies, topic: `${dependencies}|^execution (?:order|rules?)\\b`},
        {title: 'Parallel Example', required: false, pattern: '^(?:parallel (?:example|execution)|平行|并行|並列)', repeat: true},
        {title: 'Implementation Strategy', required: false, aliases: ['實作策略', '实施策略', '实现策略']},
        {title: 'Notes', required: false, aliases: ['備註', '备注', '注意事項', '注意事项']}
      ]
    },
    {
      // Upstream spec.md (the current template): the three mandatory sections,
      // in order. Real specs add their own (Assumptions, Dependencies, Out of
      // Scope) and keep Clarifications (the /clarify sessions), Edge Cases and
      // Key Entities where they fit.
      name: 'spec',
      title: specTitle,
      titleExample: 'Feature Specification: …',
      ordered: true,
      openQuestions,
      sections: [
        {title: 'Clarifications', required: false, anywhere: true, aliases: ['澄清事項', '澄清事项', '明確化', '명확화', 'Esclarecimentos', 'Aclaraciones']},
        {title: 'User Scenarios & Testing', required: true, pattern: scenarios, aliases: scenarioAliases},
        {title: 'Edge Cases', required: false, anywhere: true, aliases: ['邊界案例', '边界情况', 'エッジケース', '엣지 케이스', 'Casos Extremos', 'Casos Límite']},
        {title: 'Requirements', required: true, aliases: requirementAliases},
        {title: 'Key Entities', required: false, anywhere: true, aliases: ['關鍵實體', '关键实体', '主要エンティティ', '핵심 엔티티', 'Entidades Principais', 'Entidades Clave']},
        {title: 'Success Criteria', required: true, aliases: ['成功標準', '成功标准', '成功基準', '성공 기준', 'Critérios de Sucesso', 'Criterios de Éxito']}
      ]
    },
    {
      // spec.md of spec-kit's first version: no Success Criteria; the
      // template's Execution Flow and its review checklist instead.
      name: 'spec-v0',
      title: specTitle,
      titleExample: 'Feature Specification: …',
      ordered: true,
      openQuestions,
      sections: [
        {title: 'Execution Flow', required: false, pattern: '^(?:execution flow|実行フロー)'},
        {title: 'Quick Guidelines', required: false},
        {title: 'Clarifications', required: false, anywhere: true},
        {title: 'User Scenarios & Testing', required: true, pattern: scenarios, aliases: scenarioAliases},
        {title: 'Requirements', required: true, aliases: requirementAliases},
        {title: 'Review & Acceptance Checklist', required: true, pattern: '^review (?:and )?acceptance\\b'},
        {title: 'Execution Status', required: false}
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
  description: 'GitHub spec-kit spec.md, plan.md and tasks.md (and the merged plan-with-tasks variant).',
  structure,
  // [P], [P?], [USn] (or [US#], [US1/2/3], [US1.5] for a story inserted
  // between two), [Story] and [ID] are spec-kit's task markers and legend.
  // Its feature paths are placeholders in code spans and trees too.
  placeholders: {bracketMarkers: ['P\\??', 'US(?:\\d+(?:\\.\\d+)?|n|#)(?:/(?:US)?\\d+)*', 'Story', 'ID'], inCode: ['[###-feature-name]', '[###-feature]']},
  // `- [ ] T012 [P] [US1] Description with file path`: markers right after
  // the ID, [USn] in user-story phases only, and the file each task changes.
  tasks: {
    id: 'T000',
    headings: true,
    plainItems: true,
    consistentColon: true,
    markers: {parallel: 'P', story: 'US(\\d+)(?:\\.\\d+)?(?:/(?:US)?\\d+)*', names: '[P] and [USn]'},
    // Keys: `User Stories 1 and 2` → `user stories 1 and 2`, `User Story 1 + US6` → `user story 1 us6`.
    storyPhase: '\\buser stor(?:y|ies) (\\d+(?:(?: and| or)? \\d+| us ?\\d+)*)\\b',
    sharedPhase: '^(?:phase [\\d.]+ |final phase )?(setup|foundational|polish)\\b',
    // spec-kit asks for "exact file paths in descriptions", but a task that
    // names a unit, a command or a cross-cutting change is not wrong: on real
    // plans this warning was right 25% of the time (82 of 325), under the 80%
    // a warning needs, so it is off unless a config turns it on.
    filePaths: 'allow',
    dependencySection: true
  },
  // spec-kit v0's /plan and /tasks commands keep their own process in the
  // plan (the Execution Flow, the Phase 0–2 outlines): every v0 plan of the
  // corpus keeps those blocks unchanged, so they are not samples left in.
  keptSections: ['^execution flow\\b', '^phase 0 outline and research\\b', '^phase 1 design and contracts\\b', '^phase 2 task planning approach\\b'],
  // One feature's spec.md, plan.md and tasks.md, in specs/NNN-feature/;
  // its stories as the spec template heads them, in English and as
  // localised specs write them (`### 使用者故事 1 - 查看紀錄 (優先級: P1)`).
  folder: {
    files: {spec: 'spec.md', plan: 'plan.md', tasks: 'tasks.md'},
    story: '^(?:User Story|ユーザーストーリー|使用者故事|用户故事|用戶故事|사용자 스토리|História de Usuário|Historia de Usuario)\\s*(\\d+)\\s*[-–—:：]\\s*(.+?)\\s*(?:[(（].*)?$',
    priority: '[(（](?:Priority|優先度|優先級|优先级|우선순위|Prioridade|Prioridad)\\s*[:：]\\s*P(\\d+)',
    requirement: '\\b(FR|NFR|SC)-\\d{3}[a-z]?\\b',
    requirementLike: '\\b(FR|NFR|SC)[-_]?\\d{1,5}[a-z]?\\b',
    structureSection: 'Project Structure',
    scenario: '\\b(?:Given|Acceptance Scenarios?|Dado|Cenários? de Aceitação|Escenarios? de Aceptación)\\b|受け入れ|受入|驗收|验收|인수|시나리오|シナリオ|場景|场景|假如|前提'
  },
  templates: ['spec-kit', 'spec-kit-plan', 'spec-kit-tasks', 'spec-kit-plan-v0', 'spec-kit-tasks-v0', 'spec-kit-tasks-v1', 'spec-kit-spec', 'spec-kit-spec-v0'],
  rules: {
    'no-placeholders': 'error',
    'no-template-text': 'error',
    'no-broken-fences': 'error',
    'no-mojibake': 'error',
    'required-sections': 'error',
    'empty-section': 'error',
    'heading-numbering': 'error',
    'task-id': 'error',
    'task-markers': 'error',
    'task-references': 'error',
    'feature-folder': 'error'
  }
}
