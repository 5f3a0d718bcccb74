/**
 * The real-plan regression set: every document of the corpus (tests/paths.ts
 * says where it is) and each family's main template, linted with its
 * family's preset. Shared by the corpus test and `npm run corpus:record`.
 */
import {existsSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {presets} from '../presets/index.js'
import {lint} from '../src/engine/run.js'

export const familyPresets: Record<string, string> = {
  'A-cdd': 'cdd',
  'B-speckit': 'spec-kit',
  'C-promptydumpty': 'promptydumpty',
  'D-ai-first-sdlc': 'ai-first-sdlc',
  'E-maestro': 'spec-maestro'
}

/** Each family's main template, `presets/templates/<family>.md`. */
export function familyTemplates(templatesDir: string): Array<{file: string; preset: string}> {
  return presets
    .filter((preset) => preset.structure && existsSync(join(templatesDir, `${preset.name}.md`)))
    .map((preset) => ({file: `${preset.name}.md`, preset: preset.name}))
}

export interface CorpusDocument {
  /** Key in the expectation file: `corpus/<family>/<file>` or `templates/<file>`. */
  key: string
  path: string
  preset: string
  kind: 'filled' | 'template'
}

export function corpusDocuments(corpusDir: string, templatesDir: string): CorpusDocument[] {
  const rows = readFileSync(join(corpusDir, 'SOURCES.tsv'), 'utf8').trim().split('\n').slice(1)
  const documents: CorpusDocument[] = rows.map((row) => {
    const [localFile, , , , family, kind] = row.split('\t')
    return {
      key: `corpus/${localFile}`,
      path: join(corpusDir, localFile!),
      preset: familyPresets[family!]!,
      kind: kind === 'template' ? 'template' : 'filled'
    }
  })
  for (const {file, preset} of familyTemplates(templatesDir)) {
    documents.push({key: `templates/${file}`, path: join(templatesDir, file), preset, kind: 'template'})
  }
  return documents
}

/** Findings as `line:column rule "token"`: stable, short and readable in review. */
export async function findings(document: CorpusDocument): Promise<Record<string, string[]>> {
  const text = readFileSync(document.path, 'utf8')
  const {messages} = await lint({path: document.path, text}, {preset: document.preset, config: false})
  const byRule: Record<string, string[]> = {}
  for (const message of messages) {
    const token = /"(.*)"/.exec(message.message)?.[1] ?? message.message
    ;(byRule[message.ruleId ?? 'planlint'] ??= []).push(`${message.line}:${message.column} ${token}`)
  }
  return byRule
}
