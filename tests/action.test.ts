/**
 * action.yml's lint step, run by bash as a GitHub runner runs it, with the
 * inputs as the runner passes them. Only `npx` is stood in for (no registry
 * download in a test): a shim that records the package it was asked for and
 * runs this checkout's planlint.
 */
import {chmodSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {parse} from 'yaml'
import {describe, expect, it} from 'vitest'
import {cliPath, leftoverPlan, root, run, tempProject} from './helpers.js'

interface Action {
  inputs: Record<string, {default: string}>
  runs: {using: string; steps: Array<{id?: string; if?: string; uses?: string; run?: string; shell?: string; env?: Record<string, string>; with?: Record<string, string>}>}
}

const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as Action
const nodeStep = action.runs.steps[0]!
const lintStep = action.runs.steps[action.runs.steps.length - 1]!

/** Run the step in `cwd` with these inputs (others at their defaults). */
function runStep(cwd: string, inputs: Record<string, string>) {
  const bin = join(cwd, '.shim')
  mkdirSync(bin, {recursive: true})
  writeFileSync(join(bin, 'npx'), `#!/bin/sh\n[ "$1" = --yes ] && shift\necho "$1" > "${join(bin, 'package')}"\nshift\nexec "${process.execPath}" "${cliPath}" "$@"\n`)
  chmodSync(join(bin, 'npx'), 0o755)
  // The step's env maps inputs to variables: `${{ inputs.NAME }}`.
  const env: NodeJS.ProcessEnv = {...process.env, PATH: `${bin}:${process.env['PATH']}`, NO_COLOR: '1'}
  for (const [variable, expression] of Object.entries(lintStep.env ?? {})) {
    if (expression === '${{ github.action_path }}') {
      env[variable] = root
      continue
    }
    const name = /\$\{\{ inputs\.([\w-]+) \}\}/.exec(expression)![1]!
    env[variable] = inputs[name] ?? action.inputs[name]!.default
  }
  const result = run('bash', ['-e', '-c', lintStep.run!], cwd, env)
  return {...result, package: readFileSync(join(bin, 'package'), 'utf8').trim()}
}

describe('action.yml', () => {
  it("is a composite action that keeps the workflow's Node when it is recent enough", () => {
    expect(action.runs.using).toBe('composite')
    const setup = action.runs.steps[1]!
    expect(setup).toMatchObject({if: "steps.node.outputs.needed == 'true'"})
    expect(setup.uses).toMatch(/^actions\/setup-node@/)
    const needed = (nodeVersion: string) => {
      const cwd = tempProject({})
      const output = join(cwd, 'output')
      writeFileSync(output, '')
      run('bash', ['-e', '-c', nodeStep.run!], cwd, {...process.env, GITHUB_OUTPUT: output, PLANLINT_NODE_VERSION: nodeVersion})
      return readFileSync(output, 'utf8').trim()
    }
    // This Node (20.19 or later, as the tests need) is kept; a version asked for is set up.
    expect(needed('')).toBe('needed=false')
    expect(needed('24')).toBe('needed=true')
  })

  it('runs the planlint of its own version with GitHub annotations, on paths one per line (spaces kept)', () => {
    const cwd = tempProject({'specs/001/plan.md': leftoverPlan, 'notes/plan.md': leftoverPlan, 'my plans/plan.md': leftoverPlan})
    const step = runStep(cwd, {paths: 'specs/**/*.md\nmy plans/plan.md\n'})
    expect(step.status).toBe(1)
    expect(step.stdout.trim().split('\n')).toEqual([
      '::error file=specs/001/plan.md,line=3,col=11,endLine=3,endColumn=17,title=no-placeholders::Unfilled placeholder "[DATE]": replace it with real content',
      '::error file=specs/001/plan.md,line=5,col=14,endLine=5,endColumn=33,title=no-placeholders::Fill-in marker "NEEDS CLARIFICATION" left in: resolve it or remove it',
      '::error file=my plans/plan.md,line=3,col=11,endLine=3,endColumn=17,title=no-placeholders::Unfilled placeholder "[DATE]": replace it with real content',
      '::error file=my plans/plan.md,line=5,col=14,endLine=5,endColumn=33,title=no-placeholders::Fill-in marker "NEEDS CLARIFICATION" left in: resolve it or remove it'
    ])
    // Nothing installed in the repository: npx fetches the version of the action's ref.
    expect(step.package).toBe(`planlint@${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}`)
    expect(runStep(cwd, {paths: 'notes/plan.md', version: '0.1.0'}).package).toBe('planlint@0.1.0')
  })

  it('passes preset, format, output and extra arguments through, and uses an installed planlint', () => {
    // The config's preset would add errors of its own; the input's replaces it.
    const cwd = tempProject({
      'plan.md': '# Plan\n\n- **Purpose:** {one sentence}\n',
      '.planlintrc.json': '{"preset": "spec-maestro", "rules": {"no-placeholders": "warn"}}'
    })
    mkdirSync(join(cwd, 'node_modules/.bin'), {recursive: true})
    writeFileSync(join(cwd, 'node_modules/.bin/planlint'), '#!/bin/sh\n')
    chmodSync(join(cwd, 'node_modules/.bin/planlint'), 0o755)

    const step = runStep(cwd, {preset: 'recommended', format: 'sarif', output: 'planlint.sarif', args: '--max-warnings 0'})
    expect(step.package).toBe('planlint')
    expect(step.stderr).toContain('too many warnings (1; --max-warnings is 0)')
    expect(step.status).toBe(1)
    const log = JSON.parse(readFileSync(join(cwd, 'planlint.sarif'), 'utf8')) as {runs: Array<{results: Array<{level: string}>}>}
    expect(log.runs[0]!.results.map((r) => r.level)).toEqual(['warning'])
  })
})
