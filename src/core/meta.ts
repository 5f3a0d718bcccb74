import {readFileSync} from 'node:fs'

interface PackageJson {
  name: string
  version: string
  homepage: string
}

// This module runs from src/core/ (tests) and from dist/src/core/ (built): the nearest
// package.json up the tree is planlint's own.
function readPackageJson(): PackageJson {
  for (const candidate of ['../../package.json', '../../../package.json']) {
    try {
      const data = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as PackageJson
      if (data.name === 'planlint') return data
    } catch {
      // Not at this level; try the next one up.
    }
  }
  throw new Error('planlint: cannot find its own package.json')
}

const packageJson = readPackageJson()

/** The installed planlint version: it goes into SARIF logs and `--version`. */
export const version = packageJson.version

export const homepage = packageJson.homepage

/** Where a rule's documentation lives; reporters link to it. */
export function docsUrl(ruleId: string): string {
  return `${homepage}/blob/main/docs/rules/${ruleId}.md`
}
