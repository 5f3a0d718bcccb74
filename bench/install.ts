/**
 * `npm run bench:install`: the disk and packages planlint takes when its
 * packed tarball is installed into an empty project, beside
 * markdownlint-cli2's (bench/lib/install.ts). `npm run bench` reports the
 * same. Build first (`npm run build`): the tarball is made from dist/.
 */
import {dirname, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {installTable, measureInstall} from './lib/install.js'

const project = resolve(dirname(fileURLToPath(import.meta.url)), '..')
process.stdout.write(`${installTable(measureInstall(project)).join('\n')}\n`)
