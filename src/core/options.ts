/**
 * Checking options against a JSON Schema, with the first problem said in one
 * sentence that names the key and what is allowed. The one validation step
 * behind every entry point: config files, the API's `rules`, and a rule's
 * plugin as remark or a `.remarkrc` attaches it.
 */
import {Ajv, type ErrorObject, type ValidateFunction} from 'ajv'

// verbose: errors carry the offending value, which the messages quote.
// validateSchema: our schemas are ours and tested (tests/config.test.ts
// checks them against the meta-schema); checking at run time costs ~60 ms.
export const ajv = new Ajv({allErrors: false, strict: false, verbose: true, validateSchema: false})
ajv.addFormat('regex', (value: string) => {
  try {
    new RegExp(value)
    return true
  } catch {
    return false
  }
})

export function list(values: ReadonlyArray<string>): string {
  return values.join(', ')
}

/** `['rules', 'no-placeholders', '1', 'allow']` → `rules.no-placeholders[1].allow` */
export function keyPath(segments: ReadonlyArray<string>): string {
  return segments
    .map((segment, index) => (/^\d+$/.test(segment) ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('')
}

export function splitPointer(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** One ajv error as a sentence; `unknownKey` names what an unknown key is (a rule, an option). */
export function describeError(error: ErrorObject, segments: string[], unknownKey?: (key: string, at: string[]) => string | undefined): string {
  const where = segments.length > 0 ? keyPath(segments) : 'the options'
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params['additionalProperty'])
      return unknownKey?.(key, segments) ?? `${where}: unknown key "${key}"`
    }
    case 'enum':
      return `${where}: ${JSON.stringify(error.data)} is not allowed (expected one of ${list((params['allowedValues'] as string[]) ?? [])})`
    case 'format':
      return `${where}: ${JSON.stringify(error.data)} is not a valid ${String(params['format'])}`
    default:
      return `${where}: ${error.message ?? 'is invalid'}`
  }
}

const validators = new WeakMap<object, ValidateFunction>()

/** The first problem of `value` against `schema`, said at `at`, or undefined. */
export function schemaProblem(schema: object, value: unknown, at: string[]): string | undefined {
  let validate = validators.get(schema)
  if (!validate) {
    validate = ajv.compile(schema)
    validators.set(schema, validate)
  }
  if (validate(value)) return undefined
  const error = validate.errors![0]!
  return describeError(error, [...at, ...splitPointer(error.instancePath)])
}
