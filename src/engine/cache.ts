/**
 * `--cache`: results of unchanged files, replayed without parsing. An entry is
 * keyed by everything the result depends on — planlint's version, the
 * options, the config that governs the file, and the file's content — so a
 * changed config or version misses instead of replaying a stale result.
 */
import {createHash} from 'node:crypto'
import {mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import {dirname} from 'node:path'
import type {LoadedConfig} from './config/load.js'
import {version} from '../core/meta.js'
import type {LintMessage} from '../core/types.js'

/** Bumped when the shape of an entry changes. */
const format = 1

export interface CachedResult {
  preset: string
  messages: LintMessage[]
}

interface CacheFile {
  format: number
  version: string
  entries: Record<string, {key: string; result: CachedResult}>
}

export const defaultCacheLocation = 'node_modules/.cache/planlint/cache.json'

/**
 * `siblings`: the documents of the file's feature folder that its result
 * depends on (a tasks.md is checked against its spec.md), in a fixed order.
 */
export function cacheKey(parts: {options: unknown; config: LoadedConfig | null; text: string; siblings?: string[]}): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([format, version, parts.options, parts.config?.path ?? null, parts.config?.config ?? null]))
    .update('\0')
    .update(parts.text)
  for (const sibling of parts.siblings ?? []) hash.update('\0').update(sibling)
  return hash.digest('hex')
}

export class LintCache {
  private entries: CacheFile['entries'] = {}
  private changed = false

  private constructor(readonly location: string) {}

  /**
   * Open the cache at `location`. A missing file is an empty cache; an
   * unreadable or corrupt one is ignored with a warning (never a crash, and
   * never a wrong result: it is rebuilt from scratch).
   */
  static async open(location: string): Promise<{cache: LintCache; warning?: string}> {
    const cache = new LintCache(location)
    let text: string
    try {
      text = await readFile(location, 'utf8')
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      return code === 'ENOENT' ? {cache} : {cache, warning: `cannot read the cache (${code ?? 'error'}); starting a new one`}
    }
    try {
      const data = JSON.parse(text) as CacheFile
      if (data.format === format && data.version === version && data.entries && typeof data.entries === 'object') {
        cache.entries = data.entries
      }
      return {cache}
    } catch {
      return {cache, warning: 'the cache file is corrupt; starting a new one'}
    }
  }

  get(file: string, key: string): CachedResult | undefined {
    const entry = this.entries[file]
    return entry && entry.key === key ? entry.result : undefined
  }

  set(file: string, key: string, result: CachedResult): void {
    this.entries[file] = {key, result}
    this.changed = true
  }

  /** Write the cache atomically, if anything changed. */
  async save(): Promise<void> {
    if (!this.changed) return
    await mkdir(dirname(this.location), {recursive: true})
    const temporary = `${this.location}.${process.pid}.tmp`
    const data: CacheFile = {format, version, entries: this.entries}
    try {
      await writeFile(temporary, JSON.stringify(data))
      await rename(temporary, this.location)
    } catch (error) {
      await rm(temporary, {force: true})
      throw error
    }
  }
}
