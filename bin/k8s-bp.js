#!/usr/bin/env node
// A development checkout runs its tsc build (lib/, written by `npm run build` and on `npm ci`), so
// that changes under src/ and rules/ take effect without re-bundling. The npm package and
// pre-commit's install ship no lib/: they run the committed bundle, dist/cli.js.
import { existsSync } from 'node:fs';

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
