#!/usr/bin/env node
// A development checkout runs its tsc build (lib/, written by `npm run build` and on `npm ci`), so
// that changes under src/ and rules/ take effect without re-bundling. The npm package and
// pre-commit's install ship no lib/: they run the committed bundle, dist/cli.js.
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// V8 lets the heap grow well past what is live before it collects again, by a factor it
// chooses between about 1.5 and 4. A linter holds every document of its input until the
// end, so on a large input that slack alone would double the memory the run takes; a
// fixed, smaller factor keeps it near what is live, for some more work on the
// collector's own thread.
setFlagsFromString('--heap-growing-percent=15');

const build = new URL('../lib/src/cli/main.js', import.meta.url);
const { main } = await import(existsSync(build) ? build.href : new URL('../dist/cli.js', import.meta.url).href);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(
      `k8s-bp: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  },
);
