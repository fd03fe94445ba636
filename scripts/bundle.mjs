// `npm run bundle`: writes the committed bundles that run without a build.
//   dist/cli.cjs       the CLI (exports `main`); bin/k8s-bp.cjs runs it when there is no lib/ build,
//                      as in the npm package and in pre-commit's install of this repository. It
//                      holds the packages it uses, for start-up: one file compiles much faster
//                      than the hundred-odd that Node would otherwise resolve and load (yaml alone
//                      is sixty CommonJS files), and it is CommonJS so that bin/load-bundle.cjs can
//                      give V8 a code cache for it. What only some runs need (the commands not run,
//                      admission policies and CEL, SARIF, baselines, git, glob) is imported
//                      dynamically in the sources, which the bundle turns into modules initialised
//                      on first use. Only ajv stays an import, loaded on first use
//                      (src/engine/ajv.ts): the built-in schemas have validators generated here.
//   dist/action.js     the GitHub Action's entry (action.yml runs it). GitHub runs an action without
//                      installing anything, so this one holds every package it uses.
//   dist/api.js        the package's public API for rule modules (`import … from 'k8s-bp'`), with its
//   dist/types/        type declarations, emitted by the TypeScript compiler from src/api.ts.
//   dist/licenses.txt  the licenses of the packages bundled into them.
// esbuild's output is deterministic, so a test bundles in memory and compares the bytes with dist/:
// run this after changing anything under src/ or rules/.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import * as esbuild from 'esbuild';
import ts from 'typescript';
import { JS_YAML_FILE, patchParserState } from './js-yaml-state.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Each bundle (relative to the root): its entry, and the packages it leaves as imports. */
export const BUNDLES = {
  'dist/cli.cjs': { entry: 'src/cli/main.ts', external: ['ajv'], format: 'cjs' },
  'dist/action.js': { entry: 'src/action/entry.ts', external: [] },
  'dist/api.js': { entry: 'src/api.ts', external: Object.keys(manifest.dependencies ?? {}) },
};
const TYPES_ENTRY = 'src/api.ts';
const TYPES_DIR = 'dist/types';
export const LICENSES_FILE = 'dist/licenses.txt';

// The bundles are ES modules, but some bundled packages are CommonJS and call require() for
// Node's built-in modules; esbuild's ESM output needs a real require for that.
const BANNER =
  "import { createRequire as __k8sBpCreateRequire } from 'node:module';\n" +
  'const require = __k8sBpCreateRequire(import.meta.url);';
// A CommonJS bundle has no import.meta: the sources' `import.meta.url` becomes the bundle's own URL.
const CJS_MODULE_URL = '__k8sBpModuleUrl';
const CJS_BANNER = `'use strict';var ${CJS_MODULE_URL} = require('node:url').pathToFileURL(__filename).href;`;

/**
 * A bundle's text as written. The CommonJS bundle is made ASCII-only, and its first line names it
 * with a hash of the rest, by which bin/load-bundle.cjs keys its compile cache without hashing a
 * megabyte and a half on every start.
 */
function finished(outfile, text) {
  if (BUNDLES[outfile].format !== 'cjs') return text;
  const ascii = asciiOnly(text);
  return `// ${outfile} ${createHash('sha256').update(ascii).digest('hex').slice(0, 20)}\n${ascii}`;
}

/**
 * bin/load-bundle.cjs reads the CLI bundle as Latin-1, which is faster than decoding UTF-8, and V8
 * scans a one-byte source faster than a two-byte one; both need the text to be ASCII. esbuild
 * escapes non-ASCII characters in strings and identifiers but leaves some in regular expression
 * literals, where a \u escape means the same character. (It would not in a String.raw template;
 * the bundle's are ASCII.)
 */
function asciiOnly(text) {
  return text.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Builds one bundle of BUNDLES (such as `dist/cli.cjs`) and writes it into the directory
 * `targetRoot` as if that were the repository's root, for measuring the sources as packaged.
 */
export async function writeBundle(outfile, targetRoot) {
  const precompiled = await precompiledModule();
  const result = await esbuild.build(buildOptions(outfile, BUNDLES[outfile], precompiled));
  for (const output of result.outputFiles) {
    const target = path.join(targetRoot, path.relative(ROOT, output.path));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, finished(outfile, output.text));
  }
}

// Start-up: compiling JSON Schemas with ajv at run time costs more than everything else a
// small lint does, so the bundles carry validators generated ahead of time with ajv's
// standalone code, in place of the placeholder module the sources run with.
const PRECOMPILED_MODULE = /[\\/]src[\\/]engine[\\/]precompiled\.ts$/;
const PRECOMPILED_NAMESPACE = 'k8s-bp-precompiled';
// src/engine/ajv.ts loads ajv on first use from node_modules; a bundle that holds ajv itself
// (the Action's, which runs without node_modules) imports it instead.
const AJV_MODULE = /[\\/]src[\\/]engine[\\/]ajv\.ts$/;
const BUNDLED_AJV = "import { Ajv } from 'ajv';\nexport function createAjv(options) { return new Ajv(options); }\n";

/**
 * The generated module: the built-in rules' parameter schemas and the config schema,
 * each compiled with the options the sources compile them with.
 */
async function precompiledModule() {
  const { builtinRules, configSchema, PARAMETER_AJV_OPTIONS, CONFIG_AJV_OPTIONS } = await importSchemas();
  const parameters = new Ajv({ ...PARAMETER_AJV_OPTIONS, code: { source: true, esm: true } });
  const keys = [];
  for (const rule of builtinRules) {
    const key = JSON.stringify(rule.meta.schema);
    if (keys.includes(key)) continue;
    parameters.addSchema(rule.meta.schema, `p${keys.length}`);
    keys.push(key);
  }
  const exports = Object.fromEntries(keys.map((_, index) => [`p${index}`, `p${index}`]));
  const config = new Ajv({ ...CONFIG_AJV_OPTIONS, code: { source: true, esm: true } });
  config.addSchema(configSchema, 'config');
  const entries = keys.map((key, index) => `[${JSON.stringify(key)}, p${index}]`).join(',\n');
  return {
    index: [
      `export { default as PRECOMPILED_PARAMETERS } from '${PRECOMPILED_NAMESPACE}:parameters';`,
      `export { config as PRECOMPILED_CONFIG } from '${PRECOMPILED_NAMESPACE}:config';`,
    ].join('\n'),
    parameters: await minify(`${standaloneCode(parameters, exports)}\nexport default new Map([${entries}]);\n`),
    config: await minify(standaloneCode(config, { config: 'config' })),
  };
}

/**
 * Generated validators are verbose, and their local names mean nothing to a reader of a stack
 * trace. Their helpers (`require("ajv/dist/runtime/…")`) are bundled by path, so that ajv's
 * package itself stays unloaded.
 */
async function minify(code) {
  const local = code.replace(
    /require\("ajv\/dist\/runtime\/([\w-]+)"\)/g,
    'require("./node_modules/ajv/dist/runtime/$1.js")',
  );
  const result = await esbuild.transform(local, {
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'none',
  });
  return result.code;
}

/** Loads the rules, the config schema and the ajv options from the TypeScript sources. */
async function importSchemas() {
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    stdin: {
      contents: [
        "export { builtinRules } from './rules/index.ts';",
        "export { configSchema } from './src/config/schema.ts';",
        "export { CONFIG_AJV_OPTIONS } from './src/config/load.ts';",
        "export { PARAMETER_AJV_OPTIONS } from './src/engine/params.ts';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    write: false,
    logLevel: 'warning',
  });
  // Written inside the checkout, so that the packages it imports resolve from node_modules.
  const dir = mkdtempSync(path.join(ROOT, 'node_modules', '.k8s-bp-schemas-'));
  try {
    const file = path.join(dir, 'schemas.mjs');
    writeFileSync(file, result.outputFiles[0].text);
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function precompiledPlugin(precompiled, external) {
  return {
    name: PRECOMPILED_NAMESPACE,
    setup(build) {
      if (!external.includes('ajv'))
        build.onLoad({ filter: AJV_MODULE }, () => ({ contents: BUNDLED_AJV, loader: 'js' }));
      build.onLoad({ filter: PRECOMPILED_MODULE }, () => ({ contents: precompiled.index, loader: 'js' }));
      build.onResolve({ filter: new RegExp(`^${PRECOMPILED_NAMESPACE}:`) }, (args) => ({
        path: args.path.slice(PRECOMPILED_NAMESPACE.length + 1),
        namespace: PRECOMPILED_NAMESPACE,
      }));
      build.onLoad({ filter: /.*/, namespace: PRECOMPILED_NAMESPACE }, (args) => ({
        contents: precompiled[args.path],
        loader: 'js',
        resolveDir: ROOT,
      }));
    },
  };
}

/** js-yaml's parser without the object spread that slows it on Node 20 (see js-yaml-state.mjs). */
const jsYamlStatePlugin = {
  name: 'k8s-bp-js-yaml-state',
  setup(build) {
    build.onLoad({ filter: JS_YAML_FILE }, (args) => ({
      contents: patchParserState(readFileSync(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};

function buildOptions(outfile, { entry, external, format = 'esm' }, precompiled) {
  return {
    plugins: [precompiledPlugin(precompiled, external), jsYamlStatePlugin],
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile,
    external,
    bundle: true,
    platform: 'node',
    format,
    target: 'node20',
    charset: format === 'cjs' ? 'ascii' : 'utf8', // see asciiOnly()
    legalComments: 'none', // every bundled package's license is in dist/licenses.txt instead
    // Whitespace and syntax only: names stay, so errors and stack traces remain readable.
    minifyWhitespace: true,
    minifySyntax: true,
    ...(format === 'cjs'
      ? { banner: { js: CJS_BANNER }, define: { 'import.meta.url': CJS_MODULE_URL } }
      : { banner: { js: BANNER } }),
    metafile: true,
    write: false,
    logLevel: 'warning',
  };
}

/**
 * Bundles another entry as `outfile` (one of BUNDLES) is bundled, in memory, and returns its text:
 * for tests that check how code behaves once bundled. The entry must not load the precompiled
 * validators (src/engine/precompiled.ts), which are left empty here.
 */
export async function bundleLike(outfile, entry) {
  const empty = { index: '', parameters: '', config: '' };
  const result = await esbuild.build(buildOptions(outfile, { ...BUNDLES[outfile], entry }, empty));
  return finished(outfile, result.outputFiles[0].text);
}

/**
 * Builds every bundle in memory. Returns the files (path relative to the root → contents);
 * nothing is written.
 */
export async function bundle() {
  const files = new Map();
  const packages = new Map();
  const precompiled = await precompiledModule();
  for (const [outfile, bundled] of Object.entries(BUNDLES)) {
    const result = await esbuild.build(buildOptions(outfile, bundled, precompiled));
    for (const output of result.outputFiles)
      files.set(path.relative(ROOT, output.path), finished(outfile, output.text));
    for (const input of Object.keys(result.metafile.inputs)) {
      const root = packageRoot(input);
      if (root !== undefined) packages.set(root, true);
    }
  }
  files.set(LICENSES_FILE, licenses([...packages.keys()]));
  for (const [file, text] of declarations()) files.set(file, text);
  return files;
}

/** The `.d.ts` files of the public API, as the compiler emits them (in memory; deterministic). */
function declarations() {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(ROOT, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  const options = {
    ...config.options,
    declaration: true,
    emitDeclarationOnly: true,
    noEmit: false,
    outDir: path.join(ROOT, TYPES_DIR),
    rootDir: path.join(ROOT, 'src'),
    sourceMap: false,
    declarationMap: false,
  };
  const program = ts.createProgram([path.join(ROOT, TYPES_ENTRY)], options);
  const out = new Map();
  program.emit(undefined, (fileName, text) => out.set(path.relative(ROOT, fileName).split(path.sep).join('/'), text));
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** `node_modules/@scope/name/dist/x.js` → `node_modules/@scope/name`. */
function packageRoot(input) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match?.[1];
}

/** The license text of every bundled package, sorted by name, as the licenses require it be kept. */
function licenses(roots) {
  const entries = roots.map((root) => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, root, 'package.json'), 'utf8'));
    const licenseFile = readdirSync(path.join(ROOT, root)).find((file) => /^(license|licence|copying)/i.test(file));
    const text = licenseFile ? readFileSync(path.join(ROOT, root, licenseFile), 'utf8').trim() : '(no license file)';
    return { name: manifest.name, version: manifest.version, license: manifest.license ?? 'UNKNOWN', text };
  });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const blocks = entries.map((entry) => `${entry.name}@${entry.version} (${entry.license})\n\n${entry.text}\n`);
  return `Packages bundled into dist/cli.cjs and dist/action.js, with their licenses.\n\n${blocks.join('\n---\n\n')}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await bundle();
  // Declarations of modules that moved or went away would otherwise stay behind and ship.
  rmSync(path.join(ROOT, TYPES_DIR), { recursive: true, force: true });
  for (const [file, text] of files) {
    const target = path.join(ROOT, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    console.log(`bundle: ${file} (${Math.round(Buffer.byteLength(text) / 1024)} kB)`);
  }
}
