/** Generated docs must match the rules' data: run `npm run docs` after a change. */
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv} from 'ajv'
import {describe, expect, it} from 'vitest'
import {rules} from '../rules/index.js'
import {pathToFileURL} from 'node:url'
import {renderRuleDoc, renderSchema, renderTemplateIndex, withRuleList} from '../scripts/docs.js'
import {root} from './helpers.js'

const hint = 'out of date: run `npm run docs` and commit the result'

describe('generated documentation', () => {
  it.each(rules.map((rule) => [rule.id, rule] as const))('docs/rules/%s.md is up to date', (id, rule) => {
    const checkedIn = readFileSync(join(root, 'docs/rules', `${id}.md`), 'utf8')
    expect(checkedIn, `docs/rules/${id}.md is ${hint}`).toBe(renderRuleDoc(rule))
  })

  it('has a page for every rule and no page for a rule that does not exist', () => {
    const pages = readdirSync(join(root, 'docs/rules')).filter((name) => name.endsWith('.md'))
    expect(pages.sort()).toEqual(rules.map((rule) => `${rule.id}.md`).sort())
  })

  it('README rule list is up to date', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    expect(readme, `README.md rule list is ${hint}`).toBe(withRuleList(readme))
    for (const rule of rules) expect(readme).toContain(`(docs/rules/${rule.id}.md)`)
  })

  it('presets/template-blocks.json indexes the shipped templates as they are', () => {
    const checkedIn = readFileSync(join(root, 'presets/template-blocks.json'), 'utf8')
    const templates = pathToFileURL(join(root, 'presets/templates/'))
    expect(checkedIn === renderTemplateIndex(templates), `presets/template-blocks.json is ${hint}`).toBe(true)
  })

  it('schema/planlintrc.schema.json is a valid JSON Schema (planlint skips that check at run time)', () => {
    const ajv = new Ajv({strict: false})
    ajv.addFormat('regex', true)
    expect(ajv.validateSchema(JSON.parse(renderSchema()))).toBe(true)
    expect(() => ajv.compile(JSON.parse(renderSchema()))).not.toThrow()
  })

  it('schema/planlintrc.schema.json is up to date', () => {
    const checkedIn = readFileSync(join(root, 'schema/planlintrc.schema.json'), 'utf8')
    expect(checkedIn, `schema/planlintrc.schema.json is ${hint}`).toBe(renderSchema())
  })
})
