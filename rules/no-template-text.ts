/**
 * no-template-text: instructions and samples copied from the family's
 * template and never changed.
 *
 * Blocks (paragraphs, list items, table body rows, HTML comments, code) are
 * compared by their normalised words against the shipped templates' blocks
 * (presets/template-blocks.json). Real plans keep a lot of template text on
 * purpose (labels, legends, Definition of Done items), so only unchanged
 * *instructions* and *samples* are reported: instruction comments, sample
 * code blocks, and prose that reads as an instruction.
 */
import type {Code} from 'mdast'
import {type Block, extractBlocks} from '../src/core/blocks.js'
import {machineComment, normalisedTaskLine} from '../src/core/grammar.js'
import type {Plan} from '../src/core/plan/index.js'
import {tokenRange} from '../src/core/position.js'
import {defineRule, type Report} from '../src/core/rule.js'
import {isTemplatePath, type TemplateBlock, templateBlocks, templateNames} from '../src/core/template-index.js'

export interface NoTemplateTextOptions extends Record<string, unknown> {
  /** Templates to compare with: shipped names (see presets/templates/) or paths to Markdown files. */
  templates: string[]
  /**
   * Extra patterns (regular expressions over lower-case words separated by
   * single spaces) that make an unchanged template paragraph an instruction.
   */
  instructions: string[]
  /**
   * Sections (regular expressions over heading keys) whose text the family's
   * generated plans keep on purpose: code copied unchanged there is not reported.
   */
  keptSections: string[]
}

/**
 * Instruction wording every family uses, matched on normalised text. These
 * flag a comment anywhere, and a paragraph or row copied from a template.
 */
const builtinInstructions = [
  'action required',
  'sample tasks',
  'do not keep',
  'remove if unused',
  'this template',
  'replace (?:this|these|the) (?:content|placeholder|sample)',
  '(?:delete|remove) (?:this|these|unused) (?:section|options?|comment|block)'
]

/**
 * Wording only a template's note to its filler has, in any version or
 * translation of it: a paragraph that says so is an instruction left in,
 * copied from whichever template version (`**Note**: This template is filled
 * in by the \`/speckit.plan\` command. See …`).
 */
const templateNote = /\bthis template is filled in by\b|^(?:note )?此模板由|^(?:note )?このテンプレートは/

// A paragraph that is one bracketed or braced instruction is reported by
// no-placeholders as a placeholder; reporting it here too would be noise.
const wholePlaceholder = /^\s*(?:\[[^\]]*\]|\{[^}]*\})\s*$/

const labelLine = /\[REMOVE IF UNUSED\][^\r\n]*/

interface Matchers {
  byKey: Map<string, {template: string; block: TemplateBlock}>
  instruction: RegExp
  kept: RegExp | undefined
}

const compiled = new WeakMap<NoTemplateTextOptions, Matchers>()

function matchersFor(options: NoTemplateTextOptions): Matchers {
  let matchers = compiled.get(options)
  if (!matchers) {
    const byKey = new Map<string, {template: string; block: TemplateBlock}>()
    for (const template of options.templates) {
      for (const block of templateBlocks(template)) {
        const key = `${block.kind}:${block.key}`
        if (!byKey.has(key)) byKey.set(key, {template, block})
      }
    }
    const patterns = [...builtinInstructions, ...options.instructions]
    matchers = {
      byKey,
      instruction: new RegExp(`\\b(?:${patterns.join('|')})\\b`),
      kept: options.keptSections.length > 0 ? new RegExp(options.keptSections.join('|')) : undefined
    }
    compiled.set(options, matchers)
  }
  return matchers
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 60 ? `${flat.slice(0, 58).trimEnd()}…` : flat
}

const messages = {
  comment: {text: 'Template instruction comment left in ("{text}"): follow it, then delete it'},
  code: {text: "Sample code block copied unchanged from the template ({template}, line {line}): replace it with this plan's content or delete it"},
  task: {text: "Sample task copied unchanged from the template ({template}, line {line}): replace it with this plan's tasks"},
  instruction: {text: 'Template instruction left in ("{text}"): follow it, then delete it'},
  label: {text: 'Template label left in: "{label}": keep the option you chose, without the label'}
} as const

type Id = keyof typeof messages

function sourceOf(plan: Plan, block: Block): string {
  const start = block.node.position?.start.offset
  const end = block.node.position?.end.offset
  return start === undefined || end === undefined ? '' : plan.source.slice(start, end)
}

/** A template as messages name it: `spec-kit-plan.md`, or a path's file name. */
function templateFile(template: string): string {
  return isTemplatePath(template) ? template.split(/[\\/]/).at(-1)! : `${template}.md`
}

/** Whether a block stands in a section the family's plans keep (its nearest second-level heading's). */
function inKeptSection(plan: Plan, block: Block, matchers: Matchers): boolean {
  if (!matchers.kept) return false
  const offset = block.node.position?.start.offset ?? 0
  const section = plan.sections.filter((s) => s.depth <= 2 && (s.node.position?.start.offset ?? 0) < offset).at(-1)
  return section !== undefined && section.depth === 2 && matchers.kept.test(section.key)
}

/** The message to report for `block`, or undefined when it is fine. */
function problem(plan: Plan, block: Block, matchers: Matchers): {id: Id; data: Record<string, string | number>} | undefined {
  if (block.kind === 'comment') {
    const source = sourceOf(plan, block)
    if (machineComment.test(source)) return undefined
    const fromTemplate = matchers.byKey.get(`comment:${block.key}`)
    if (fromTemplate || matchers.instruction.test(block.key)) {
      return {id: 'comment', data: {text: quote(source.replace(/^<!--|-->$/g, '').replace(/=+/g, ''))}}
    }
    return undefined
  }

  const fromTemplate = matchers.byKey.get(`${block.kind}:${block.key}`)
  const where = fromTemplate && {template: templateFile(fromTemplate.template), line: fromTemplate.block.line}
  if (block.kind === 'code') {
    const lines = block.key.split('\n').length
    if (!where || lines < 2 || inKeptSection(plan, block, matchers)) return undefined
    return {id: 'code', data: where}
  }

  if (block.kind === 'paragraph' && templateNote.test(block.key)) return {id: 'instruction', data: {text: quote(sourceOf(plan, block))}}
  if (!where || block.key.split(' ').length < 4) return undefined
  const source = sourceOf(plan, block)
  if (wholePlaceholder.test(source)) return undefined
  if (normalisedTaskLine.test(block.key)) return {id: 'task', data: where}
  if (!matchers.instruction.test(block.key)) return undefined
  return {id: 'instruction', data: {text: quote(source)}}
}

export const rule = defineRule<NoTemplateTextOptions, keyof typeof messages>({
  id: 'no-template-text',
  description: 'Disallow template instructions and sample blocks copied into a plan unchanged',
  severity: 'error',
  messages,
  docs: `Plan templates carry instructions for whoever fills them in — HTML
comments such as \`<!-- ACTION REQUIRED: … -->\`, notes like "This template is
filled in by the /plan command", \`[REMOVE IF UNUSED] Option 1\` labels — and
sample content: directory trees, example code, sample tasks. Left in a
finished plan they mislead the reader, and an agent may act on them.

Each paragraph, list item, table row, HTML comment and code block is compared,
by its words (case, punctuation, emoji and spacing ignored), with the blocks of
the family's templates, which ship with planlint. Reported are:

- an HTML comment copied from the template, or any comment that reads as a
  template instruction ("ACTION REQUIRED", "SAMPLE TASKS", "DO NOT keep",
  "REMOVE IF UNUSED", "this template"); machine markers such as
  \`<!-- TASK:BEGIN id=T001 -->\` are structure and never reported;
- a code block of two or more lines left exactly as in the template;
- a paragraph, list item or table row copied from the template that reads as
  an instruction (the same wording, plus each preset's \`instructions\`);
- a template's note to its filler in any of its versions and translations
  ("This template is filled in by the … command"), copied or not;
- a sample task (\`T001 …\`, \`Task 1.2 …\`) copied from the template unchanged;
- a \`[REMOVE IF UNUSED]\` label anywhere, also inside code.

Template text that a family keeps on purpose — section labels, legends,
Definition of Done items, sizing tables, and the code of sections its
generated plans keep (spec-kit v0's Execution Flow and Phase 0–2 process, which
every v0 plan of the corpus keeps; \`keptSections\`) — is not reported. A paragraph that is
one bracketed placeholder (\`[Extract from feature spec: …]\`) is reported by
\`no-placeholders\`, not twice.

The \`recommended\` preset compares with no template: it reports instruction
comments and \`[REMOVE IF UNUSED]\` labels only.

Not reported, and why: template prose that is not an instruction (real plans
keep headings' explanations, legends and checklists on purpose); a code block
of one line (a command is often the same in the template and the plan); an
edited sample (once changed, it is the author's); text spilled out of a
fence that closed early (no-broken-fences reports it once).`,
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      templates: {
        type: 'array',
        items: {type: 'string', minLength: 1},
        description: 'Shipped templates to compare with, by name (file names in `presets/templates/` without `.md`).'
      },
      instructions: {
        type: 'array',
        items: {type: 'string', format: 'regex'},
        description:
          'Extra patterns, over lower-case words separated by single spaces, that make an unchanged template paragraph an instruction.'
      },
      keptSections: {
        type: 'array',
        items: {type: 'string', format: 'regex'},
        description: 'Sections (patterns over heading keys) whose text the family’s generated plans keep: code copied unchanged there is not reported.'
      }
    }
  },
  defaults: {templates: [], instructions: [], keptSections: []},
  familyDefaults: (family) => ({templates: family.templates ?? [], instructions: family.instructions ?? [], keptSections: family.keptSections ?? []}),
  checkOptions(options) {
    const known = templateNames()
    const unknown = (options.templates ?? []).find((name) => !isTemplatePath(name) && !known.includes(name))
    return unknown === undefined ? undefined : `unknown template "${unknown}" (known templates: ${known.join(', ')})`
  },
  examples: {
    valid: [
      {
        title: 'Template labels and legends a family keeps on purpose',
        options: {templates: ['spec-kit-tasks']},
        markdown: `**Organization**: Tasks are grouped by user story to enable independent implementation and testing of each story.

- **[P]**: Can run in parallel (different files, no dependencies)
`
      },
      {
        title: 'Machine markers and ordinary comments',
        markdown: `<!-- TASK:BEGIN id=T001 -->
### T001: Add the board view
<!-- TASK:END -->

<!-- Reviewed with the design team on 2026-03-02 -->
`
      },
      {
        title: 'A filled structure instead of the sample tree',
        options: {templates: ['spec-kit-plan']},
        markdown: `\`\`\`text
src/
├── board/
└── api/
\`\`\`
`
      }
    ],
    invalid: [
      {
        title: 'A template\'s note to its filler, from any version of the template',
        markdown: `# Implementation Plan: Offline sync

**Note**: This template is filled in by the \`/speckit.plan\` command. See \`.specify/templates/commands/plan.md\` for the execution workflow.
`,
        messages: [
          '3:1-3:139 error Template instruction left in ("**Note**: This template is filled in by the \`/speckit.plan…"): follow it, then delete it'
        ]
      },
      {
        title: 'Instruction comments',
        markdown: `## Technical Context

<!--
  ACTION REQUIRED: Replace the content in this section with the technical details
  for the project.
-->
`,
        messages: [
          '3:1-6:4 error Template instruction comment left in ("ACTION REQUIRED: Replace the content in this section with…"): follow it, then delete it'
        ]
      },
      {
        title: 'Sample code left as the template has it',
        options: {templates: ['spec-kit-plan']},
        markdown: `### Documentation (this feature)

\`\`\`text
specs/[###-feature]/
├── plan.md              # This file (__SPECKIT_COMMAND_PLAN__ command output)
├── research.md          # Phase 0 output (__SPECKIT_COMMAND_PLAN__ command)
├── data-model.md        # Phase 1 output (__SPECKIT_COMMAND_PLAN__ command)
├── quickstart.md        # Phase 1 output (__SPECKIT_COMMAND_PLAN__ command)
├── contracts/           # Phase 1 output (__SPECKIT_COMMAND_PLAN__ command)
└── tasks.md             # Phase 2 output (__SPECKIT_COMMAND_TASKS__ command - NOT created by __SPECKIT_COMMAND_PLAN__)
\`\`\`
`,
        messages: [
          '3:1-11:4 error Sample code block copied unchanged from the template (spec-kit-plan.md, line 49): replace it with this plan\'s content or delete it'
        ]
      },
      {
        title: '`[REMOVE IF UNUSED]` labels, in code or not',
        markdown: `\`\`\`text
# [REMOVE IF UNUSED] Option 1: Single project (DEFAULT)
src/
├── sync/
└── cli/
\`\`\`
`,
        messages: [
          '2:3-2:56 error Template label left in: "[REMOVE IF UNUSED] Option 1: Single project (DEFAULT)": keep the option you chose, without the label'
        ]
      },
      {
        title: 'Sample tasks left as they were',
        options: {templates: ['spec-kit-tasks']},
        markdown: `## Phase 1: Setup (Shared Infrastructure)

- [ ] T001 Create project structure per implementation plan
- [ ] T002 Add the sync queue in src/sync/queue.ts
`,
        messages: [
          '3:7-3:60 error Sample task copied unchanged from the template (spec-kit-tasks.md, line 52): replace it with this plan\'s tasks'
        ]
      },
      {
        title: 'Template instructions in prose',
        options: {templates: ['spec-kit-plan']},
        markdown: `# Implementation Plan: Offline sync

**Note**: This template is filled in by the \`__SPECKIT_COMMAND_PLAN__\` command; its definition describes the execution workflow.
`,
        messages: [
          '3:1-3:129 error Template instruction left in ("**Note**: This template is filled in by the `__SPECKIT_COM…"): follow it, then delete it'
        ]
      }
    ]
  },
  check(plan, report, options) {
    const matchers = matchersFor(options)
    for (const block of extractBlocks(plan.tree)) {
      // Spilled text is a block's content that closed early: no-broken-fences says so.
      if (plan.inSpill(block.node.position?.start.offset)) continue
      const found = problem(plan, block, matchers)
      if (found) report(found.id, block.node, found.data)
      // A sample block reported whole needs no second message per label.
      else if (block.kind === 'code') reportLabels(plan, report, block.node as Code)
    }
  }
})

/** `[REMOVE IF UNUSED] Option N` labels, inside code or not. */
function reportLabels(plan: Plan, report: Report<Id>, node: Code): void {
  let from = node.position?.start.offset
  for (const match of node.value.matchAll(new RegExp(labelLine, 'g'))) {
    const label = match[0].trim()
    const range = tokenRange(plan.source, node, label, from)
    if (!range) continue
    report.span('label', range[0], range[1], {label: quote(label)})
    from = range[1]
  }
}

export default rule.plugin
