/** Every planlint rule, in the order they appear in docs and reports. */
import type {Rule} from '../src/core/rule.js'
import {rule as emptySection} from './empty-section.js'
import {rule as featureFolder} from './feature-folder.js'
import {rule as headingNumbering} from './heading-numbering.js'
import {rule as noBrokenFences} from './no-broken-fences.js'
import {rule as noMojibake} from './no-mojibake.js'
import {rule as noPlaceholders} from './no-placeholders.js'
import {rule as noTemplateText} from './no-template-text.js'
import {rule as requiredSections} from './required-sections.js'
import {rule as taskId} from './task-id.js'
import {rule as taskMarkers} from './task-markers.js'
import {rule as taskReferences} from './task-references.js'

export const rules: ReadonlyArray<Rule> = [
  noPlaceholders,
  noTemplateText,
  noBrokenFences,
  noMojibake,
  requiredSections,
  emptySection,
  headingNumbering,
  taskId,
  taskMarkers,
  taskReferences,
  featureFolder
] as unknown as Rule[]

export const ruleIds: ReadonlyArray<string> = rules.map((rule) => rule.id)

export function getRule(id: string): Rule | undefined {
  return rules.find((rule) => rule.id === id)
}
