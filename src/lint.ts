/**
 * The one path every front end takes: text + settings → messages. The CLI,
 * the API and (through `pluginsFor`) the remark presets all end up here.
 */
import remarkParse from 'remark-parse'
import {type Processor, unified} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {pluginsFor} from './preset.js'
import type {LintMessage, Settings} from './types.js'

// A frozen processor per distinct settings: building one costs more than
// linting a small file, and a run usually needs one or two.
const processors = new Map<string, Processor>()

function processorFor(settings: Settings): Processor {
  const key = JSON.stringify(settings.rules)
  let processor = processors.get(key)
  if (!processor) {
    processor = unified().use(remarkParse).use({plugins: pluginsFor(settings)}).freeze() as unknown as Processor
    processors.set(key, processor)
  }
  return processor
}

export function toLintMessage(message: VFileMessage): LintMessage {
  const start = message.place && 'start' in message.place ? message.place.start : message.place
  const end = message.place && 'end' in message.place ? message.place.end : start
  return {
    ruleId: message.ruleId ?? null,
    severity: message.fatal ? 'error' : 'warning',
    line: start?.line ?? 1,
    column: start?.column ?? 1,
    endLine: end?.line ?? start?.line ?? 1,
    endColumn: end?.column ?? start?.column ?? 1,
    message: message.reason
  }
}

function byPosition(a: LintMessage, b: LintMessage): number {
  return a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId))
}

/** Lint one document's text with fully resolved settings. */
export async function lintText(text: string, settings: Settings, path?: string): Promise<LintMessage[]> {
  if (text.trim() === '') {
    return [
      {
        ruleId: null,
        severity: 'warning',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        message: 'Empty file: there is no plan to check'
      }
    ]
  }

  const processor = processorFor(settings)
  const file = new VFile({path, value: text})
  try {
    await processor.run(processor.parse(file), file)
  } catch (error) {
    // `file.fail` (e.g. an unknown `<!-- planlint foo -->` keyword) has already
    // put its message on the file; anything else is a bug worth surfacing.
    if (!file.messages.includes(error as VFileMessage)) throw error
  }
  return file.messages.map(toLintMessage).sort(byPosition)
}
