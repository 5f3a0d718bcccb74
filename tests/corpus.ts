/**
 * The real-plan regression set: every document in ../shared/corpus/real
 * (and the five templates in ../shared/templates), linted with its family's
 * preset. Shared by the corpus test and `npm run corpus:record`.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {lint} from '../src/engine/run.js'

export const familyPresets: Record<string, string> = {
  'A-cdd': 'cdd',
  'B-speckit': 'spec-kit',
  'C-promptydumpty': 'promptydumpty',
  'D-ai-first-sdlc': 'ai-first-sdlc',
  'E-maestro': 'spec-maestro'
}

const templatePresets: Record<string, string> = {
  'cdd.md': 'cdd',
  'spec-kit.md': 'spec-kit',
  'promptydumpty.md': 'promptydumpty',
  'ai-first-sdlc.md': 'ai-first-sdlc',
  'spec-maestro.md': 'spec-maestro'
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
  for (const [file, preset] of Object.entries(templatePresets)) {
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
