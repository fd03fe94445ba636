import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests run lib/: rebuild it first when src/ or rules/ changed since.
    globalSetup: ['test/helpers/fresh-lib.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // By default one core is left to Vitest's own process, which on two cores runs the files one at a
    // time; that process does little, and the slowest files mostly wait on the programs they start.
    maxWorkers: Math.max(availableParallelism(), 2),
    // A worker keeps the modules it loaded from one test file to the next: loading src/ afresh for each
    // file took longer than many files' tests. What they keep is only caches of what they compiled.
    isolate: false,
  },
});
