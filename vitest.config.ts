import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The Markdown and HTML parsers load on demand (start-up); tests lint every type synchronously.
    setupFiles: ['tests/setup.ts'],
    testTimeout: 30_000
  }
})
