/**
 * Reading a document safely: a file that is not UTF-8 Markdown text gets a
 * clear problem instead of a crash or a garbled lint.
 */
import {readFile, stat} from 'node:fs/promises'

/**
 * Larger files are refused with a clear message: they are not plans, and
 * remark's parser slows down more than linearly past about 1 MB (a 5 MB file
 * takes minutes), which would stall a pre-commit hook.
 */
export const maxFileBytes = 2 * 1024 * 1024

export type ReadOutcome = {text: string; problem?: undefined} | {text?: undefined; problem: string}

const decoder = new TextDecoder('utf-8', {fatal: true})

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}

/** Decode a buffer as a Markdown document, or say why it is not one. */
export function decodeDocument(buffer: Uint8Array): ReadOutcome {
  if (buffer.includes(0)) return {problem: 'binary file (contains NUL bytes), not Markdown text'}
  try {
    // A UTF-8 byte order mark is not content.
    return {text: decoder.decode(buffer).replace(/^\uFEFF/, '')}
  } catch {
    return {problem: 'not valid UTF-8 text'}
  }
}

export async function readDocument(path: string): Promise<ReadOutcome> {
  try {
    const info = await stat(path)
    if (info.isDirectory()) return {problem: 'is a directory'}
    if (info.size > maxFileBytes) {
      return {problem: `file too large (${megabytes(info.size)}; the limit is ${megabytes(maxFileBytes)})`}
    }
    return decodeDocument(await readFile(path))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return {problem: 'no such file'}
    if (code === 'EACCES' || code === 'EPERM') return {problem: 'permission denied'}
    return {problem: `cannot read (${code ?? (error as Error).message})`}
  }
}
