/**
 * Documents on disk: reading them safely (src/core/read.ts) and writing a
 * fix atomically.
 */
import {rename, rm, stat, writeFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'

import {readDocument} from '../core/read.js'

export {decodeDocument, maxFileBytes, readDocument, type ReadOutcome} from '../core/read.js'

/**
 * Write `fixed` over a file that held `read` when it was linted, unless it
 * has changed since: a user's edit made while `--fix` ran is never written
 * over. The file is read again after the fixed copy is ready and just
 * before it replaces the original, so the window for a lost edit is the
 * rename alone. Returns why the file was not fixed, or undefined.
 */
export async function writeFix(path: string, read: {text: string; bom: boolean}, fixed: string, beforeWrite?: () => Promise<void>): Promise<string | undefined> {
  try {
    await writeAtomically(path, (read.bom ? '\uFEFF' : '') + fixed, async () => {
      await beforeWrite?.()
      const now = readDocument(path)
      if (now.problem !== undefined) throw new FixSkipped(now.problem === 'no such file' ? 'the file was removed while planlint read it' : now.problem)
      if (now.text !== read.text || now.bom !== read.bom) throw new FixSkipped('the file changed while planlint read it; run planlint --fix again')
    })
    return undefined
  } catch (error) {
    if (error instanceof FixSkipped) return error.message
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return 'the file was removed while planlint read it'
    const why = code === undefined ? undefined : writeProblems[code]
    return why ? `cannot write the fix: ${why}` : `cannot write the fix (${code ?? (error as Error).message})`
  }
}

/** Why a write failed, in words, for the codes a user can act on. */
const writeProblems: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  // The fixed copy is written beside the file first (writeAtomically).
  EISDIR: 'a folder stands where its fixed copy is written',
  ERR_FS_EISDIR: 'a folder stands where its fixed copy is written'
}

class FixSkipped extends Error {}

/**
 * Replace a file's content atomically: write a temporary file beside it with
 * the same mode, then rename it over the original, so a crash never leaves a
 * half-written plan. `beforeRename` may throw to leave the original as it is.
 */
export async function writeAtomically(path: string, content: string, beforeRename?: () => Promise<void>): Promise<void> {
  const {mode} = await stat(path)
  const temporary = join(dirname(path), `.${basename(path)}.planlint-${process.pid}.tmp`)
  try {
    await writeFile(temporary, content, {mode})
    await beforeRename?.()
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, {force: true})
    throw error
  }
}
