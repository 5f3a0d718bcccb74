/**
 * `npm run bench:folder`: one feature folder of three 50 KB documents,
 * linted as a folder and as three files alone (bench/lib/folder.ts).
 * Build first (`npm run build`).
 */
import {dirname, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {measureFolder} from './lib/folder.js'

const project = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const timing = await measureFolder(project)
console.log(`feature folder of 3 documents (${Math.round(timing.bytes / 1024)} KB): ${timing.folder.toFixed(1)} ms as a folder, ${timing.alone.toFixed(1)} ms alone: ${(timing.folder / timing.alone).toFixed(2)}×`)
