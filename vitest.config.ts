import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // CLI tests start real processes (planlint, remark); give them room on 2 cores.
    testTimeout: 60_000,
    // In CI, also write a JSON summary that .ci/run turns into a plain
    // "N passed, N failed" line.
    reporters: process.env['CI'] ? ['default', 'json'] : ['default'],
    outputFile: {json: 'node_modules/.cache/planlint-test-results.json'}
  }
})
