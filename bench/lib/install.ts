/**
 * What installing planlint costs a project (issue 14): the packed tarball
 * and markdownlint-cli2 (the version this repository's lockfile holds) are
 * each installed into an empty project, and the disk its node_modules takes
 * (`du -sk`) and the packages in it are counted. npm reads its cache first
 * (`--prefer-offline`): the measure is of the result, not of the download.
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

export interface Installed {
  what: string
  /** Disk the project's node_modules takes, in KB. */
  kb: number
  /** Packages installed, the tool itself included. */
  packages: number
}

function install(spec: string, what: string): Installed {
  const dir = mkdtempSync(join(tmpdir(), 'planlint-install-'))
  try {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({name: 'empty', private: true}))
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', spec], {cwd: dir, stdio: 'pipe'})
    const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8')) as {packages: Record<string, unknown>}
    const kb = Number(execFileSync('du', ['-sk', 'node_modules'], {cwd: dir, encoding: 'utf8'}).split('\t')[0])
    return {what, kb, packages: Object.keys(lock.packages).filter((key) => key !== '').length}
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

/** planlint's tarball (from dist/ as built) and markdownlint-cli2, installed each into an empty project. */
export function measureInstall(project: string): Installed[] {
  const packs = mkdtempSync(join(tmpdir(), 'planlint-pack-'))
  try {
    const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packs], {cwd: project, encoding: 'utf8'}).trim()
    const version = (JSON.parse(readFileSync(join(project, 'node_modules/markdownlint-cli2/package.json'), 'utf8')) as {version: string}).version
    return [install(join(packs, tarball), `planlint (${tarball})`), install(`markdownlint-cli2@${version}`, `markdownlint-cli2 ${version}`)]
  } finally {
    rmSync(packs, {recursive: true, force: true})
  }
}

/** The table bench/run.ts and bench/install.ts print. */
export function installTable(results: Installed[]): string[] {
  return [
    '| installed into an empty project | disk (node_modules) | packages |',
    '| --- | --- | --- |',
    ...results.map((r) => `| ${r.what} | ${(r.kb / 1024).toFixed(1)} MB | ${r.packages} |`)
  ]
}
