/**
 * One error type for everything planlint refuses to do, carrying its exit
 * code and cause: a bad option, a config or preset file that cannot be used,
 * a file named on the command line that cannot be read, a git failure. The
 * CLI prints `planlint: <message>` and exits with `exitCode`; anything that is
 * not a PlanlintError is a bug, reported as an internal error (exit 2, the
 * stack with `--debug`).
 */
export class PlanlintError extends Error {
  /** 2: usage, configuration or I/O; planlint never uses 1 (lint errors) for a failure. */
  readonly exitCode: number

  constructor(message: string, options: {cause?: unknown; exitCode?: number} = {}) {
    super(message, options.cause === undefined ? undefined : {cause: options.cause})
    this.name = 'PlanlintError'
    this.exitCode = options.exitCode ?? 2
  }
}

/** A rule's options that its schema or its own checks refuse. */
export class OptionsError extends PlanlintError {
  constructor(
    readonly ruleId: string,
    readonly problem: string
  ) {
    super(`rule "${ruleId}": ${problem}`)
    this.name = 'OptionsError'
  }
}
