import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // CLI tests start real processes (planlint, remark); give them room on 2 cores.
    testTimeout: 60_000
  }
})
