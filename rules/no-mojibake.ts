/**
 * no-mojibake: UTF-8 text that was read as Windows-1252 or Mac Roman and
 * saved so (`Ã©` for `é`, `â€™` for `’`, `‚úÖ` for `✅`).
 */
import {findMisreads} from '../src/core/mojibake.js'
import {defineRule} from '../src/core/rule.js'

const messages = {
  misread: {text: 'Mis-encoded text "{found}": UTF-8 read as {encoding}; write "{text}"', fixable: true}
} as const

export const rule = defineRule<Record<string, unknown>, keyof typeof messages>({
  id: 'no-mojibake',
  description: 'Disallow UTF-8 text mis-decoded as Windows-1252 or Mac Roman',
  severity: 'error',
  messages,
  docs: `When a UTF-8 file is opened as Windows-1252 or Mac Roman and saved
again, every byte of a non-ASCII character becomes a character of its own:
\`é\` turns into \`Ã©\`, \`’\` into \`â€™\`, \`✅\` into \`‚úÖ\`, a tree's
\`├──\` into \`‚îú‚îÄ‚îÄ\`. Templates carry it into every plan filled from
them (the ai-first-sdlc template ships its status emoji so), and an agent
that reads \`üöß In Progress\` has lost the status.

The rule reads the characters back as the bytes they stand for; where those
bytes are UTF-8, the message says what the text should be, and \`--fix\`
writes it. Text encoded twice (\`ÃƒÂ©\`) is read back to the end.

Not reported, because real text in many languages uses the same characters:

- Latin letters that Mac Roman would make from quotes and dashes followed by
  accented letters (\`«Évidemment»\`, \`…était\`, \`l’été\`): only \`√\` and
  \`¬\` lead a Mac Roman misreading of a Latin letter;
- a single letter of another script (Cyrillic, Greek, Hebrew, Arabic, CJK,
  Hangul) that two accented characters would spell (French \`café »\`
  would be one CJK character): such a reading needs two letters of the
  script in a row, as misread words have;
- anything that does not read back as valid UTF-8.

The whole text is read, code included: an encoding is not Markdown syntax,
and a misread status emoji in a code block is as wrong as in prose.`,
  optionsSchema: {type: 'object', additionalProperties: false, properties: {}},
  defaults: {},
  examples: {
    valid: [
      {
        title: 'Real text in many scripts',
        markdown: `# Plan: Café « déjà vu » — naïve façade

São Paulo, Zürich, l’été, «Évidemment», …était; 計画の概要; План работ; 계획; ✅ 🚧
`
      }
    ],
    invalid: [
      {
        title: 'Status emoji and quotes, misread',
        markdown: `**Status:** ‚úÖ Complete | \uF8FFüöß In Progress

The API doesnâ€™t cache: cafÃ© orders are read live.
`,
        messages: [
          '1:13-1:16 error Mis-encoded text "‚úÖ": UTF-8 read as Mac Roman; write "✅"',
          '1:28-1:32 error Mis-encoded text "\uF8FFüöß": UTF-8 read as Mac Roman; write "🚧"',
          '3:14-3:17 error Mis-encoded text "â€™": UTF-8 read as Windows-1252; write "’"',
          '3:29-3:31 error Mis-encoded text "Ã©": UTF-8 read as Windows-1252; write "é"'
        ]
      }
    ]
  },
  check(plan, report) {
    // A tree without positions (built by another tool) has no source to point into.
    if (!plan.tree.position) return
    // The source, not the tree: the damage is to characters, wherever they
    // stand (prose, code, a link's title); positions are the source's own.
    for (const misread of findMisreads(plan.source)) {
      report.span('misread', misread.start, misread.end, {found: misread.found, encoding: misread.encoding, text: misread.text}, {fix: {actual: misread.found, expected: misread.text}})
    }
  }
})

export default rule.plugin
