// Loads the CLI bundle (dist/cli.cjs, a CommonJS module) with a V8 code cache.
//
// A short run, such as a pre-commit hook on a few files, spends more time having
// V8 compile the bundle and the functions it calls than linting. V8 can save the code it compiled and take it back on the next run,
// which is what Node 22's `module.enableCompileCache()` does for modules; Node
// 20 has no such switch, so this does the same for the one bundle by hand. V8
// checks that a cache fits the source, its own version and its flags, and
// compiles afresh (rewriting the cache) when it does not.
//
// The cache lives in the user's cache directory ($XDG_CACHE_HOME/k8s-bp or
// ~/.cache/k8s-bp; K8S_BP_CACHE_DIR to choose another), in a directory only the
// user can write, and is used only when the user owns it.
// K8S_BP_COMPILE_CACHE=0 turns it off. Any failure to read or write it is
// ignored: the cache can only make a run faster, never change what it does.
'use strict';
const {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} = require('node:fs');
const { createRequire } = require('node:module');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

const CACHE_PREFIX = 'cli-';

/**
 * import() for the bundle, which loads rule modules (ES modules of the user's) with it: src/config/plugins.ts
 * calls it as `__k8sBpImport`. An import() in the bundle itself cannot do it. Node finds the loader for a
 * script's import() through the script's host-defined options, and the V8 of Node 20 does not restore them
 * when it takes a script from a code cache: the import() then fails with "A dynamic import callback was not
 * specified" whatever importModuleDynamically said (USE_MAIN_CONTEXT_DEFAULT_LOADER included, which Node 20
 * also warns is experimental). This function is compiled by Node's own CommonJS loader, never from our cache,
 * so its import() has Node's default loader on every Node version, with a cold cache or a warm one.
 */
const importModule = (url) => import(url);

/**
 * Runs the bundle `file` and returns its exports, and `saveCache()`, which
 * writes the code V8 compiled so far when the cache was missing or stale. Call
 * it after the run, so that the cache holds the functions the run compiled too.
 */
function loadBundle(file, command) {
  // The bundle is ASCII (its other characters are escaped), so it needs no UTF-8 decoding.
  const bytes = readFileSync(file);
  const source = bytes.toString('latin1');
  const cacheFile = cacheFileFor(file, bytes, command);
  const cachedData = cacheFile === undefined ? undefined : readOwnFile(cacheFile);
  // The wrapper Node puts around every CommonJS module, so the bundle runs as if required, and
  // the import() it loads rule modules with (see importModule). No importModuleDynamically: it
  // would serve the bundle's own import() only without a cache, so such an import() (which the
  // bundle should not have) fails from the first run, where the tests see it.
  const wrapped = `(function (exports, require, module, __filename, __dirname, __k8sBpImport) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, ...(cachedData !== undefined && { cachedData }) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file), importModule);
  const stale = cachedData === undefined || script.cachedDataRejected === true;
  return {
    exports: module.exports,
    saveCache: () => {
      if (stale && cacheFile !== undefined) writeCache(cacheFile, script.createCachedData());
    },
  };
}

/**
 * The cache file for this bundle and command under this Node, or undefined when caching is off or
 * impossible. Each command has its own: a cache holds what its first run compiled, and a `rules`
 * run compiles little of what `lint` needs.
 */
function cacheFileFor(file, bytes, command) {
  const setting = process.env.K8S_BP_COMPILE_CACHE;
  if (setting === '0' || setting === 'false' || setting === 'off') return undefined;
  const dir = cacheDir();
  // V8 checks a cache against the source's length only, so the name holds the hash of the source
  // that scripts/bundle.mjs writes on its first line, and the file's time, in case it was edited
  // since: a cache is never offered to another bundle, and bundles or Node versions used in turn
  // do not overwrite each other's.
  const header = /^\/\/ \S+ ([0-9a-f]{20})$/.exec(bytes.toString('latin1', 0, Math.max(0, bytes.indexOf(10))));
  if (dir === undefined || header === null) return undefined;
  const version = `${header[1]}${Math.trunc(statSync(file).mtimeMs).toString(36)}`;
  const name = /^[a-z]{1,20}$/.test(command ?? '') ? command : 'other';
  return path.join(dir, `${CACHE_PREFIX}${version}-${process.version}-${process.arch}-${name}.v8cache`);
}

function cacheDir() {
  if (process.env.K8S_BP_CACHE_DIR) return process.env.K8S_BP_CACHE_DIR;
  let home;
  try {
    home = os.homedir(); // throws for a user without a home directory or a passwd entry
  } catch {
    home = '';
  }
  const base = process.env.XDG_CACHE_HOME || (home ? path.join(home, '.cache') : undefined);
  return base === undefined ? undefined : path.join(base, 'k8s-bp');
}

/** The file's bytes, when it exists and belongs to the user running k8s-bp (a cache is code we run). */
function readOwnFile(file) {
  try {
    if (!ownedByUs(path.dirname(file)) || !ownedByUs(file)) return undefined;
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function ownedByUs(file) {
  const info = statSync(file);
  if (typeof process.getuid !== 'function') return true;
  // Nobody else may write there either.
  return info.uid === process.getuid() && (info.mode & 0o022) === 0;
}

/** Writes the cache through a temporary file, so that a concurrent run never reads half of it; drops other bundles' caches. */
function writeCache(file, data) {
  try {
    const dir = path.dirname(file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!ownedByUs(dir)) return;
    const temporary = `${file}.${process.pid}.tmp`;
    const fd = openSync(temporary, 'w', 0o600);
    try {
      writeSync(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
    const ours = path.basename(file).split('-', 2).join('-');
    for (const name of readdirSync(dir)) {
      if (!name.startsWith(CACHE_PREFIX)) continue;
      const other = name.endsWith('.v8cache') && !name.startsWith(ours);
      // A run stopped between writing and renaming leaves its temporary file behind.
      const abandoned = name.endsWith('.tmp') && Date.now() - statSync(path.join(dir, name)).mtimeMs > 3_600_000;
      if (other || abandoned) rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    // A cache that cannot be written costs the next run some time, nothing else.
  }
}

module.exports = { loadBundle };
