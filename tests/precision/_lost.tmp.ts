import {corpusDir} from '../paths.js'
import {documents, findingKey, findings, readLabels} from './measure.js'
const labels = readLabels()
let lost = 0
for (const d of documents(corpusDir!)) {
  const now = new Set((await findings(corpusDir!, d)).map(findingKey))
  for (const [key, label] of Object.entries(labels[d.file] ?? {})) {
    if (label.label === 'TP' && !now.has(key)) { lost++; console.log(`${d.set}\t${d.set === 'held-out' ? '(held out)' : d.file.slice(0, 60) + '\t' + key + '\t' + label.reason}`) }
  }
}
console.log('lost TP', lost)
