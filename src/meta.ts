import {readFileSync} from 'node:fs'

interface PackageJson {
  name: string
  version: string
  homepage: string
}

const packageJson = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8')
) as PackageJson

/** The installed planlint version: it goes into SARIF logs and `--version`. */
export const version = packageJson.version

export const homepage = packageJson.homepage

/** Where a rule's documentation lives; reporters link to it. */
export function docsUrl(ruleId: string): string {
  return `${homepage}/blob/main/docs/rules/${ruleId}.md`
}
