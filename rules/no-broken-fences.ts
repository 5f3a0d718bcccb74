/**
 * no-broken-fences: a fenced block that holds fences of its own ends at the
 * first inner closing fence, and the rest of it spills out as prose and
 * headings. Reported once, at the block; other rules leave the spill alone.
 */
import {defineRule} from '../src/core/rule.js'

const messages = {
  closedEarly: {
    text: 'This code block ends early, at the closing fence of the "{inner}" block inside it: its rest (to line {until}) is read as prose and headings. Fence the outer block with more backticks than any fence inside (````)'
  },
  closedAtInnerOpening: {
    text: 'This code block ends early, at the fence on line {line} that opens a block inside it: its rest (to line {until}) is read as prose and headings. Fence the outer block with more backticks than any fence inside (````)'
  }
} as const

export const rule = defineRule<Record<string, unknown>, keyof typeof messages>({
  id: 'no-broken-fences',
  description: 'Disallow fenced code blocks that hold fences as long as their own',
  severity: 'error',
  messages,
  docs: `Plans quote whole files: a template, a command, a README with its own
code. In CommonMark a fenced block ends at the first fence line as long as
its opening one, so a \`\`\`\`\`\`markdown\` block with a \`\`\`\`\`\`bash\`
example inside ends where the example does. Everything after — the rest of
the quoted file — becomes the plan's own prose and headings: its
placeholders read as leftovers, its headings as sections out of order, its
numbered steps as a broken sequence, and an agent reads it as instructions.

Worse, the fence meant to close the outer block then opens a new one, which
swallows the plan's own text after it until the next fence: nothing there is
checked at all until the fences are fixed.

A block of Markdown can also end at a bare fence (\`\`\`) that was meant to
open an example inside it: where its last line introduces something that
never comes — a heading (\`## Output Format\`) or a line ending in a colon —
the fence it ends at was that example's opening one.

Reported once per block, at the block, with where the spilled text ends.
The fix is a longer outer fence (four backticks around three, or tildes).
The spilled text is not checked by the other rules, whose findings there
would all be this one defect.

Not reported: a fence left open at the end of the document (CommonMark
closes it there, and nothing after it is lost), and blocks whose outer fence
is longer than every fence inside or uses the other character (tildes around
backticks), which nest correctly. Nor the fallout of a block that spilled:
after it, the author's closing fence (a bare one) opens a block, which
swallows the next block of its own (a \`\`\`bash and its closing fence); the
first block's message covers it, and fencing that block right mends both.
Where what it swallows nests fences itself, that is a defect of its own, reported.`,
  optionsSchema: {type: 'object', additionalProperties: false, properties: {}},
  defaults: {},
  examples: {
    valid: [
      {
        title: 'A longer outer fence holds the inner one',
        markdown: `\`\`\`\`markdown
# Deploy

\`\`\`bash
npm run deploy
\`\`\`

## Rollback
\`\`\`\`
`
      }
    ],
    invalid: [
      {
        title: 'A quoted file whose example is fenced bare, as the file itself',
        markdown: `Create agents/reviewer.md:

\`\`\`markdown
# Reviewer

## Output Format

\`\`\`
Result: APPROVED or NEEDS FIXES
\`\`\`
\`\`\`
`,
        messages: ['3:1-8:4 error This code block ends early, at the fence on line 8 that opens a block inside it: its rest (to line 10) is read as prose and headings. Fence the outer block with more backticks than any fence inside (````)']
      },
      {
        title: 'Three backticks around three backticks',
        markdown: `\`\`\`markdown
# Deploy

\`\`\`bash
npm run deploy
\`\`\`

## Rollback

Run [command].
\`\`\`
`,
        messages: [
          '1:1-6:4 error This code block ends early, at the closing fence of the "```bash" block inside it: its rest (to line 11) is read as prose and headings. Fence the outer block with more backticks than any fence inside (````)'
        ]
      }
    ]
  },
  check(plan, report) {
    for (const spill of plan.spills) {
      if (spill.fallout) continue
      const until = plan.pointAt(spill.end)?.line ?? '?'
      if (spill.atOpening) report('closedAtInnerOpening', spill.code, {line: spill.code.position?.end.line ?? '?', until})
      else report('closedEarly', spill.code, {inner: spill.innerFence, until})
    }
  }
})

export default rule.plugin
