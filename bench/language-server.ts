/**
 * `npm run bench:language-server`: change → diagnostics in the language
 * server, as an editor sees it, on a 100 KB plan: the server started with
 * --stdio, the plan opened, then edited 20 times, one edit at a time, each
 * timed from the change notification to its diagnostics (the server's
 * debounce included). Prints the median and the range.
 */
import {spawn} from 'node:child_process'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter
} from 'vscode-languageserver-protocol/node'

const project = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const server = spawn(process.execPath, [join(project, 'dist/bin/language-server.js'), '--stdio'], {cwd: project})
const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin))
const waiting = new Map<number, (params: PublishDiagnosticsParams) => void>()
connection.onNotification(PublishDiagnosticsNotification.type, (params) => waiting.get(params.version ?? -1)?.(params))
connection.listen()

// A spec-kit tasks.md of about 100 KB: phases of tasks with markers and paths.
const lines = ['# Tasks: Offline sync', '']
for (let phase = 1, task = 1; lines.join('\n').length < 100 * 1024; phase++) {
  lines.push(`## Phase ${phase}: User Story ${phase} - Part ${phase} (Priority: P${(phase % 3) + 1})`, '')
  for (let n = 0; n < 40; n++, task++) lines.push(`- [ ] T${String(task).padStart(3, '0')} [P] [US${phase}] Implement part ${n} in src/story${phase}/part${n}.ts`)
  lines.push('')
}
const text = lines.join('\n')
const uri = pathToFileURL(join(project, 'bench-language-server-tasks.md')).href

const published = (version: number) => new Promise<PublishDiagnosticsParams>((done) => waiting.set(version, done))
await connection.sendRequest(InitializeRequest.type, {processId: process.pid, rootUri: pathToFileURL(project).href, capabilities: {}})
await connection.sendNotification(InitializedNotification.type, {})
const opened = published(1)
await connection.sendNotification(DidOpenTextDocumentNotification.type, {textDocument: {uri, languageId: 'markdown', version: 1, text}})
await opened

const times: number[] = []
for (let version = 2; version <= 21; version++) {
  const changed = text.replace('Offline sync', `Offline sync ${version}`)
  const next = published(version)
  const started = performance.now()
  await connection.sendNotification(DidChangeTextDocumentNotification.type, {textDocument: {uri, version}, contentChanges: [{text: changed}]})
  await next
  times.push(performance.now() - started)
}
server.kill()
times.sort((a, b) => a - b)
const median = (times[9]! + times[10]!) / 2
process.stdout.write(
  `language server, ${Math.round(text.length / 1024)} KB plan, change → diagnostics over 20 edits: median ${median.toFixed(0)} ms (${times[0]!.toFixed(0)}–${times[times.length - 1]!.toFixed(0)} ms), a 75 ms debounce included\n`
)
process.exit(0)
