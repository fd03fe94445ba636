#!/usr/bin/env node
// A development checkout runs its tsc build (lib/, written by `npm run build` and on `npm ci`), so
// that changes under src/ and rules/ take effect without re-bundling. The npm package and
// pre-commit's install ship no lib/: they run the committed bundle, dist/cli.cjs.
//
// This launcher is CommonJS, as is the bundle: Node starts a CommonJS program without setting
// up its ES module loader, which alone is a tenth of a short run.
'use strict';
const { existsSync } = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { setFlagsFromString } = require('node:v8');

// V8 lets the heap grow well past what is live before it collects again, by a factor it
// chooses between about 1.5 and 4. A linter holds every document of its input until the
// end, so on a large input that slack alone would double the memory the run takes; a
// fixed, smaller factor keeps it near what is live, for some more work on the
// collector's own thread.
setFlagsFromString('--heap-growing-percent=15');
// Set by src/engine/user-regex.ts when it loads, and here first as well: V8 takes a code
// cache (see load-bundle.cjs) only under the flags it was made with.
setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');

async function start() {
  const build = path.join(__dirname, '..', 'lib', 'src', 'cli', 'main.js');
  if (existsSync(build)) return { main: (await import(pathToFileURL(build).href)).main, saveCache: () => {} };
  const { loadBundle } = require('./load-bundle.cjs');
  const bundle = loadBundle(path.join(__dirname, '..', 'dist', 'cli.cjs'), process.argv[2]);
  return { main: bundle.exports.main, saveCache: bundle.saveCache };
}

start()
  .then(async ({ main, saveCache }) => {
    const code = await main(process.argv.slice(2));
    saveCache();
    process.exitCode = code;
  })
  .catch((error) => {
    process.stderr.write(
      `k8s-bp: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 2;
  });
