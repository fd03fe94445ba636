import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests run lib/: rebuild it first when src/ or rules/ changed since.
    globalSetup: ['test/helpers/fresh-lib.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
