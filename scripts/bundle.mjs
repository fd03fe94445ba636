// `npm run bundle`: writes the committed bundles that run without a build.
//   dist/cli.js        the CLI (exports `main`); bin/k8s-bp.js runs it when there is no lib/ build,
//                      as in the npm package and in pre-commit's install of this repository. The
//                      package's runtime dependencies stay imports: npm installs them beside it.
//   dist/action.js     the GitHub Action's entry (action.yml runs it). GitHub runs an action without
//                      installing anything, so this one holds every package it uses.
//   dist/api.js        the package's public API for rule modules (`import … from 'k8s-bp'`), with its
//   dist/types/        type declarations, emitted by the TypeScript compiler from src/api.ts.
//   dist/licenses.txt  the licenses of the packages bundled into them.
// esbuild's output is deterministic, so a test bundles in memory and compares the bytes with dist/:
// run this after changing anything under src/ or rules/.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import ts from 'typescript';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

/** Each bundle (relative to the root): its entry, and the packages it leaves as imports. */
export const BUNDLES = {
  'dist/cli.js': { entry: 'src/cli/main.ts', external: Object.keys(manifest.dependencies ?? {}) },
  'dist/action.js': { entry: 'src/action/index.ts', external: [] },
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

/** Builds one bundle of BUNDLES (such as `dist/cli.js`) and writes it to `target`, for measuring the sources as packaged. */
export async function writeBundle(outfile, target) {
  const { entry, external } = BUNDLES[outfile];
  await esbuild.build({ ...buildOptions(outfile, entry, external), outfile: target, write: true, metafile: false });
}

function buildOptions(outfile, entry, external) {
  return {
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile,
    external,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    charset: 'utf8',
    legalComments: 'none', // every bundled package's license is in dist/licenses.txt instead
    // Whitespace and syntax only: names stay, so errors and stack traces remain readable.
    minifyWhitespace: true,
    minifySyntax: true,
    banner: { js: BANNER },
    metafile: true,
    write: false,
    logLevel: 'warning',
  };
}

/**
 * Builds every bundle in memory. Returns the files (path relative to the root → contents);
 * nothing is written.
 */
export async function bundle() {
  const files = new Map();
  const packages = new Map();
  for (const [outfile, { entry, external }] of Object.entries(BUNDLES)) {
    const result = await esbuild.build(buildOptions(outfile, entry, external));
    for (const output of result.outputFiles) files.set(path.relative(ROOT, output.path), output.text);
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
  return `Packages bundled into dist/cli.js and dist/action.js, with their licenses.\n\n${blocks.join('\n---\n\n')}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await bundle();
  for (const [file, text] of files) {
    const target = path.join(ROOT, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    console.log(`bundle: ${file} (${Math.round(Buffer.byteLength(text) / 1024)} kB)`);
  }
}
