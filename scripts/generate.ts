/** `npm run docs`: write every generated document. */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {rules} from '../rules/index.js'
import {renderRuleDoc, renderSchema, renderTemplateIndex, withRuleList} from './docs.js'

const root = new URL('../../', import.meta.url)

mkdirSync(new URL('docs/rules/', root), {recursive: true})
for (const rule of rules) writeFileSync(new URL(`docs/rules/${rule.id}.md`, root), renderRuleDoc(rule))
mkdirSync(new URL('schema/', root), {recursive: true})
writeFileSync(new URL('schema/planlintrc.schema.json', root), renderSchema())
writeFileSync(new URL('presets/template-blocks.json', root), renderTemplateIndex(new URL('presets/templates/', root)))
const readme = new URL('README.md', root)
writeFileSync(readme, withRuleList(readFileSync(readme, 'utf8')))
console.log(`wrote docs for ${rules.length} rule(s), the config schema, the template index and the README rule list`)
