/**
 * Reading a document safely: a file that is not UTF-8 Markdown text gets a
 * clear problem instead of a crash or a garbled lint. The file linted and
 * the documents read beside it (a feature folder's) are read alike.
 */
import {readFileSync, statSync} from 'node:fs'

/**
 * Larger files are refused with a clear message: they are not plans, and
 * remark's parser slows down more than linearly past about 1 MB (a 5 MB file
 * takes minutes), which would stall a pre-commit hook.
 */
export const maxFileBytes = 2 * 1024 * 1024

export type ReadOutcome =
  | {text: string; bom: boolean; problem?: undefined}
  | {text?: undefined; bom?: undefined; problem: string}

const decoder = new TextDecoder('utf-8', {fatal: true})

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** Decode a buffer as a Markdown document, or say why it is not one. */
export function decodeDocument(buffer: Uint8Array): ReadOutcome {
  if (buffer.includes(0)) return {problem: 'binary file (contains NUL bytes), not Markdown text'}
  try {
    // A UTF-8 byte order mark is not content (the decoder drops it); `--fix` puts it back.
    const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf
    return {text: decoder.decode(buffer), bom}
  } catch {
    return {problem: 'not valid UTF-8 text'}
  }
}

export function readDocument(path: string): ReadOutcome {
  // Synchronous on purpose: files are read one after another before linting,
  // and a plan is small; awaiting each read left the thread idle (3% of a
  // 1,000-file run).
  try {
    const info = statSync(path)
    if (info.isDirectory()) return {problem: 'is a directory'}
    if (info.size > maxFileBytes) {
      return {problem: `file too large (${megabytes(info.size)}; the limit is ${megabytes(maxFileBytes)})`}
    }
    return decodeDocument(readFileSync(path))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return {problem: 'no such file'}
    if (code === 'EACCES' || code === 'EPERM') return {problem: 'permission denied'}
    return {problem: `cannot read (${code ?? (error as Error).message})`}
  }
}
