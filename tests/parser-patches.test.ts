/**
 * The CLI bundle patches two hot spots of remark's parser
 * (scripts/parser-patches.ts). The patched parser must build exactly the
 * trees the published packages build, positions included, on every plan and
 * template we have and on the benchmark's generated plans.
 */
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {build} from 'esbuild'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {generate} from '../bench/generate.js'
import {nodeBundleOptions, parserPatches} from '../scripts/parser-patches.js'
import {parseDocument} from '../src/engine/lint.js'
import {corpusDir, root} from './paths.js'

type Parse = typeof parseDocument

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(dir, name))
}

// Container edge cases: subtokenize's jump table matters most where
// containers (lists, quotes) close around content and line endings.
const edgeCases = [
  '- a\n\n  b\n- c\n\n\n- d\n',
  '> - a\n>   b\n>\n> c\n\n para\n',
  '1. x\n   - [ ] T001 y\n     > z\n\n   | a | b |\n   | - | - |\n   | 1 | 2 |\n',
  '- a\n  ```\n  code\n  ```\n- b\n\n<!-- c -->\n',
  '  - a\n\n    b\n\n      c\nd\n',
  '>\n> > a\n> b\n>\n\n',
  '* a\n* \n* c\n  * d\n\n    e\n',
  'para\n- item\n\n\n  lazy?\n',
  // Runs of text events the merge of adjacent data events compacts.
  '[a]('.repeat(500) + '\n\n' + '*a _b [c] `d` e\\* &amp; f'.repeat(50) + '\n',
  'x [a](b) [c] **d** ~~e~~ <f> g\\\n h\n'.repeat(20)
]

/**
 * Whether `code` is in `bundle` as esbuild prints it: with any spacing,
 * `/* @__PURE__ *\/` annotations, and names maybe renamed apart with a number
 * (`subcontent` → `subcontent2`).
 */
function printedIn(bundle: string, code: string): boolean {
  const pattern = code
    .replace(/\s+/g, '')
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/[A-Za-z_]\w*/g, '$&\\d*')
  return new RegExp(pattern).test(bundle.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ''))
}

let patchedParse: Parse
let patchedSource: string
let scratch: string

beforeAll(async () => {
  // Beside the CLI bundle, so that it finds package.json as dist/bin/ does.
  const outdir = join(root, 'dist/test')
  mkdirSync(outdir, {recursive: true})
  const outfile = join(outdir, 'patched-lint.mjs')
  await build({...nodeBundleOptions, entryPoints: [join(root, 'src/engine/lint.ts')], outfile, logLevel: 'error'})
  patchedSource = readFileSync(outfile, 'utf8')
  patchedParse = ((await import(pathToFileURL(outfile).href)) as {parseDocument: Parse}).parseDocument
  scratch = mkdtempSync(join(tmpdir(), 'planlint-patches-'))
  generate(scratch, {files: 150})
}, 60_000)

afterAll(() => {
  if (scratch) rmSync(scratch, {recursive: true, force: true})
})

describe('the parser patches of the bundle', () => {
  it('apply, each replacement exactly once', () => {
    for (const patch of parserPatches) {
      const source = readFileSync(join(root, 'node_modules', patch.package, patch.file), 'utf8')
      for (const [from] of patch.replacements) expect(source.split(from).length - 1, `${patch.package}: ${from}`).toBe(1)
    }
  })

  it('build the same trees as the unpatched parser', () => {
    // The parser compared is the patched one, not a copy of the original.
    for (const patch of parserPatches) {
      for (const [from, to] of patch.replacements) {
        if (to !== '') expect(printedIn(patchedSource, to), to).toBe(true)
        expect(printedIn(patchedSource, from), from).toBe(false)
      }
    }
    const documents = [
      // The real plans too, where the corpus is (tests/paths.ts).
      ...(corpusDir ? markdownFiles(corpusDir) : []),
      ...markdownFiles(join(root, 'presets/templates')),
      ...markdownFiles(join(root, 'fixtures')),
      // The plans of the throughput case (not the 1 MB and scaling files: they only repeat tasks).
      ...markdownFiles(join(scratch, 'throughput'))
    ].map((path) => ({name: path, text: readFileSync(path, 'utf8')}))
    documents.push(...edgeCases.map((text, index) => ({name: `edge case ${index}`, text})))
    expect(documents.length).toBeGreaterThan(corpusDir ? 200 : 150)
    for (const {name, text} of documents) {
      const patched = patchedParse(text).tree
      const original = parseDocument(text).tree
      // A deep comparison of every tree is slow; it runs only to show a difference.
      if (JSON.stringify(patched) !== JSON.stringify(original)) expect(patched, name).toEqual(original)
    }
  })

  it('are in the shipped bundle', () => {
    const bundle = readdirSync(join(root, 'dist/bin'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => readFileSync(join(root, 'dist/bin', name), 'utf8'))
      .join('\n')
    for (const patch of parserPatches) {
      for (const [, to] of patch.replacements) if (to !== '') expect(printedIn(bundle, to), to).toBe(true)
    }
  })
})
