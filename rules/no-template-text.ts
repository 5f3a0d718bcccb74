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
import type {VFile} from 'vfile'
import {type Block, extractBlocks} from '../src/core/blocks.js'
import {defineRule} from '../src/core/rule.js'
import {type TemplateBlock, templateIndex, templateNames} from '../src/core/template-index.js'
import {tokenSpan} from '../src/core/position.js'

export interface NoTemplateTextOptions extends Record<string, unknown> {
  /** Shipped templates to compare with, by name (see presets/templates/). */
  templates: string[]
  /**
   * Extra patterns (regular expressions over lower-case words separated by
   * single spaces) that make an unchanged template paragraph an instruction.
   */
  instructions: string[]
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

// Machine-readable markers such as `<!-- TASK:BEGIN id=T001 -->` are structure.
const markerComment = /^<!--\s*[A-Z][A-Z_-]*:[A-Z][A-Z_-]*\b/

// A paragraph that is one bracketed or braced instruction is reported by
// no-placeholders as a placeholder; reporting it here too would be noise.
const wholePlaceholder = /^\s*(?:\[[^\]]*\]|\{[^}]*\})\s*$/

const labelLine = /\[REMOVE IF UNUSED\][^\n]*/

// Normalised text of a task line: `T001 …` (spec-kit, spec-maestro) or
// `Task 1.2 …` (ai-first-sdlc). A template's sample tasks look like this.
const taskLine = /^(?:t\d{3}[a-z]? |task \d+ \d+ )/

interface Matchers {
  byKey: Map<string, {template: string; block: TemplateBlock}>
  instruction: RegExp
}

const compiled = new WeakMap<NoTemplateTextOptions, Matchers>()

function matchersFor(options: NoTemplateTextOptions): Matchers {
  let matchers = compiled.get(options)
  if (!matchers) {
    const byKey = new Map<string, {template: string; block: TemplateBlock}>()
    const index = options.templates.length > 0 ? templateIndex() : {}
    for (const template of options.templates) {
      for (const block of index[template] ?? []) {
        const key = `${block.kind}:${block.key}`
        if (!byKey.has(key)) byKey.set(key, {template, block})
      }
    }
    const patterns = [...builtinInstructions, ...options.instructions]
    matchers = {byKey, instruction: new RegExp(`\\b(?:${patterns.join('|')})\\b`)}
    compiled.set(options, matchers)
  }
  return matchers
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 60 ? `${flat.slice(0, 58).trimEnd()}…` : flat
}

function sourceOf(file: VFile, block: Block): string {
  const start = block.node.position?.start.offset
  const end = block.node.position?.end.offset
  return start === undefined || end === undefined ? '' : String(file.value).slice(start, end)
}

/** The reason to report `block`, or undefined when it is fine. */
function problem(file: VFile, block: Block, matchers: Matchers): string | undefined {
  if (block.kind === 'comment') {
    const source = sourceOf(file, block)
    if (markerComment.test(source)) return undefined
    const fromTemplate = matchers.byKey.get(`comment:${block.key}`)
    if (fromTemplate || matchers.instruction.test(block.key)) {
      const text = quote(source.replace(/^<!--|-->$/g, '').replace(/=+/g, ''))
      return `Template instruction comment left in ("${text}"): follow it, then delete it`
    }
    return undefined
  }

  const fromTemplate = matchers.byKey.get(`${block.kind}:${block.key}`)
  if (block.kind === 'code') {
    const lines = block.key.split('\n').length
    if (fromTemplate && lines >= 2) {
      return `Sample code block copied unchanged from the template (${fromTemplate.template}.md, line ${fromTemplate.block.line}): replace it with this plan's content or delete it`
    }
    return undefined
  }

  if (!fromTemplate || block.key.split(' ').length < 4) return undefined
  const source = sourceOf(file, block)
  if (wholePlaceholder.test(source)) return undefined
  if (taskLine.test(block.key)) {
    return `Sample task copied unchanged from the template (${fromTemplate.template}.md, line ${fromTemplate.block.line}): replace it with this plan's tasks`
  }
  if (!matchers.instruction.test(block.key)) return undefined
  return `Template instruction left in ("${quote(source)}"): follow it, then delete it`
}

export const rule = defineRule<NoTemplateTextOptions>({
  id: 'no-template-text',
  description: 'Disallow template instructions and sample blocks copied into a plan unchanged',
  severity: 'error',
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
- a sample task (\`T001 …\`, \`Task 1.2 …\`) copied from the template unchanged;
- a \`[REMOVE IF UNUSED]\` label anywhere, also inside code.

Template text that a family keeps on purpose — section labels, legends,
Definition of Done items, sizing tables — is not reported. A paragraph that is
one bracketed placeholder (\`[Extract from feature spec: …]\`) is reported by
\`no-placeholders\`, not twice.

The \`recommended\` preset compares with no template: it reports instruction
comments and \`[REMOVE IF UNUSED]\` labels only.`,
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
      }
    }
  },
  defaults: {templates: [], instructions: []},
  checkOptions(options) {
    const known = templateNames()
    const unknown = (options.templates ?? []).find((name) => !known.includes(name))
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
        title: 'Instruction comments',
        markdown: `## Technical Context

<!--
  ACTION REQUIRED: Replace the content in this section with the technical details
  for the project.
-->
`,
        messages: [
          '3:1-6:4 Template instruction comment left in ("ACTION REQUIRED: Replace the content in this section with…"): follow it, then delete it'
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
          '3:1-11:4 Sample code block copied unchanged from the template (spec-kit-plan.md, line 49): replace it with this plan\'s content or delete it'
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
          '2:3-2:56 Template label left in: "[REMOVE IF UNUSED] Option 1: Single project (DEFAULT)": keep the option you chose, without the label'
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
          '3:7-3:60 Sample task copied unchanged from the template (spec-kit-tasks.md, line 52): replace it with this plan\'s tasks'
        ]
      },
      {
        title: 'Template instructions in prose',
        options: {templates: ['spec-kit-plan']},
        markdown: `# Implementation Plan: Offline sync

**Note**: This template is filled in by the \`__SPECKIT_COMMAND_PLAN__\` command; its definition describes the execution workflow.
`,
        messages: [
          '3:1-3:129 Template instruction left in ("**Note**: This template is filled in by the `__SPECKIT_COM…"): follow it, then delete it'
        ]
      }
    ]
  },
  check(tree, file, options) {
    const matchers = matchersFor(options)
    for (const block of extractBlocks(tree)) {
      const reason = problem(file, block, matchers)
      if (reason && block.node.position) file.message(reason, {place: block.node.position})
      // A sample block reported whole needs no second message per label.
      else if (block.kind === 'code') reportLabels(file, block.node as Code)
    }
  }
})

/** `[REMOVE IF UNUSED] Option N` labels, inside code or not. */
function reportLabels(file: VFile, node: Code): void {
  let from = node.position?.start.offset
  for (const match of node.value.matchAll(new RegExp(labelLine, 'g'))) {
    const label = match[0].trim()
    const span = tokenSpan(file, node, label, from)
    if (!span) continue
    file.message(`Template label left in: "${quote(label)}": keep the option you chose, without the label`, {place: span})
    from = span.end.offset
  }
}

export default rule.plugin
