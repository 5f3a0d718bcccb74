/**
 * Find and read planlint configs: `.planlintrc.json` or `.jsonc` (comments
 * allowed in both), `.planlintrc.yaml`, `.planlintrc.yml`, or a `planlint`
 * key in package.json, nearest to the
 * linted file first. The nearest config wins; configs do not cascade.
 */
import {existsSync, readFileSync} from 'node:fs'
import {dirname, join, parse as parsePath, relative, resolve} from 'node:path'
import stripJsonComments from 'strip-json-comments'
import {parse as parseYaml} from 'yaml'
import {PlanlintError} from '../../core/errors.js'
import type {PresetSchema} from '../../core/family.js'
import type {RuleSetting} from '../../core/types.js'
import {loadPresetFile} from './preset-file.js'
import {validate} from './validate.js'

export interface Override {
  files: string[]
  preset?: string
  rules?: Record<string, RuleSetting>
}

export interface PlanlintConfig {
  preset?: string
  rules?: Record<string, RuleSetting>
  files?: string[]
  ignore?: string[]
  overrides?: Override[]
  /** Presets of the team's own, by name: the path of a preset file (YAML or JSON), relative to the config. */
  presets?: Record<string, string>
}

export interface LoadedConfig {
  /** Absolute path of the file the config came from. */
  path: string
  /** The folder its globs are relative to. */
  dir: string
  config: PlanlintConfig
  /** The presets the config defines, loaded from their files. */
  presets: PresetSchema[]
}

/** A config (or a preset file it names) that cannot be used; the CLI prints it and exits with 2. */
export class ConfigError extends PlanlintError {
  constructor(
    readonly file: string,
    readonly problem: string,
    cause?: unknown
  ) {
    super(`${relative(process.cwd(), file) || file}: ${problem}`, {cause})
    this.name = 'ConfigError'
  }
}

export const configNames = ['.planlintrc.json', '.planlintrc.jsonc', '.planlintrc.yaml', '.planlintrc.yml', 'package.json']

/**
 * A config's JSON may have comments and trailing commas, as VS Code's and
 * TypeScript's do (package.json is npm's: strict JSON).
 */
function parseJson(text: string, comments: boolean): unknown {
  // Comments become spaces: JSON.parse's positions still point into the file.
  return JSON.parse(comments ? stripJsonComments(text, {trailingCommas: true}) : text) as unknown
}

function parseConfigText(path: string, text: string): unknown {
  try {
    if (path.endsWith('package.json')) return (parseJson(text, false) as Record<string, unknown>)['planlint']
    if (/\.jsonc?$/.test(path)) return parseJson(text, true)
    return parseYaml(text) ?? {}
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]
    throw new ConfigError(path, `cannot parse: ${reason}`)
  }
}

/**
 * Names of configs other tools read and planlint does not: a user who wrote
 * one thinks it applies. Looked up by name (a few stats), not by listing the
 * folder: a hook naming one file must not read every folder above it.
 */
const unreadConfigNames = ['.planlintrc', '.planlintrc.js', '.planlintrc.cjs', '.planlintrc.mjs', '.planlintrc.ts', '.planlintrc.json5', '.planlintrc.toml']

function unknownConfigIn(dir: string): string | undefined {
  return unreadConfigNames.find((name) => existsSync(join(dir, name)))
}

/** Read and validate one config file; throws ConfigError. */
export function loadConfigFile(path: string): LoadedConfig {
  const absolute = resolve(path)
  let text: string
  try {
    text = readFileSync(absolute, 'utf8')
  } catch (error) {
    throw new ConfigError(absolute, `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`)
  }
  const config = parseConfigText(absolute, text) as PlanlintConfig
  const declared = config?.presets
  const named = typeof declared === 'object' && declared !== null && !Array.isArray(declared) ? declared : {}
  const presets = Object.entries(named).map(([name, file]) => {
    if (typeof file !== 'string') return undefined
    try {
      return loadPresetFile(name, resolve(dirname(absolute), file))
    } catch (error) {
      if (error instanceof PlanlintError) throw new ConfigError(absolute, `presets.${name}: ${error.message}`, error)
      throw error
    }
  })
  const problem = validate(config, presets.filter((preset) => preset !== undefined))
  if (problem) throw new ConfigError(absolute, problem)
  return {path: absolute, dir: dirname(absolute), config, presets: presets.filter((preset) => preset !== undefined)}
}

function hasPlanlintKey(packageJsonPath: string): boolean {
  try {
    const data = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as Record<string, unknown>
    return data !== null && typeof data === 'object' && 'planlint' in data
  } catch {
    // A broken package.json is npm's problem, not a planlint config.
    return false
  }
}

/** Finds the nearest config for files in `dir`, caching per folder. */
export class ConfigFinder {
  private readonly cache = new Map<string, LoadedConfig | null>()

  find(dir: string): LoadedConfig | null {
    const absolute = resolve(dir)
    const cached = this.cache.get(absolute)
    if (cached !== undefined) return cached
    let found: LoadedConfig | null = null
    const unknown = unknownConfigIn(absolute)
    if (unknown) {
      throw new ConfigError(join(absolute, unknown), `planlint does not read a config of this name: use ${configNames.filter((name) => name !== 'package.json').join(', ')} or a "planlint" key in package.json`)
    }
    for (const name of configNames) {
      const candidate = join(absolute, name)
      if (!existsSync(candidate)) continue
      if (name === 'package.json' && !hasPlanlintKey(candidate)) continue
      found = loadConfigFile(candidate)
      break
    }
    if (!found && absolute !== parsePath(absolute).root) found = this.find(dirname(absolute))
    this.cache.set(absolute, found)
    return found
  }
}
