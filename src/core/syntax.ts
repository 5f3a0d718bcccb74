/**
 * The Markdown syntax planlint parses: CommonMark, GFM tables, task list
 * items, footnotes and strikethrough, and YAML/TOML front matter.
 *
 * This is remark-gfm without GFM *autolink literals* (bare `https://…` and
 * `name@example.com` turned into links). Recognising them tries an email
 * address at every word of every paragraph and made parsing about 50% slower
 * on the benchmark corpus (bench/README.md), while no rule needs them: a bare
 * URL is prose either way, and rules that care (no-placeholders) recognise
 * URLs in text themselves, so a remark setup that does add remark-gfm gets
 * the same messages. micromark's maintainers recommend composing the GFM
 * extensions one by one for exactly this
 * (micromark/micromark-extension-gfm#6). Only parsing is added: planlint never
 * writes Markdown back from a tree (its fixes edit the text).
 */
import {gfmFootnoteFromMarkdown} from 'mdast-util-gfm-footnote'
import {gfmStrikethroughFromMarkdown} from 'mdast-util-gfm-strikethrough'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {gfmTaskListItemFromMarkdown} from 'mdast-util-gfm-task-list-item'
import {gfmFootnote} from 'micromark-extension-gfm-footnote'
import {gfmStrikethrough} from 'micromark-extension-gfm-strikethrough'
import {gfmTable} from 'micromark-extension-gfm-table'
import {gfmTaskListItem} from 'micromark-extension-gfm-task-list-item'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import {type PluggableList, type Processor, unified} from 'unified'

function remarkPlanGfm(this: Processor): void {
  const data = this.data()
  ;(data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem())
  ;(data.fromMarkdownExtensions ??= []).push(
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown()
  )
}

/** The syntax plugins, as a unified preset's `plugins`. */
export const syntaxPlugins: PluggableList = [remarkPlanGfm, [remarkFrontmatter, ['yaml', 'toml']]]

/**
 * The parser every front end reads documents with (remark-parse and the
 * syntax above), frozen once: the file linted and the documents beside it
 * are parsed alike.
 */
export const markdownParser = unified().use(remarkParse).use({plugins: syntaxPlugins}).freeze()
