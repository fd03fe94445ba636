// Where `k8s-bp lint` spends its time.
//
//   node bench/profile.mjs [--size 10k] [--layout one|many] [--top 25] [--package]
//                                           profiles a run (node --cpu-prof)
//   node bench/profile.mjs --profile FILE.cpuprofile
//                                           summarises an existing profile
//
// Prints the functions with the most self time, and splits the whole run into
// phases (YAML parsing, toJS, locating findings, rules, report...) by the
// innermost phase marker on each sample's stack. The profile is written to a
// temporary directory, never to the repository.
//
// It runs the checkout's lib/, whose files name the phases, or with --package the
// bundle as the npm package runs it (built from the current sources into a
// temporary directory), whose phases are told by function names. lib/ uses js-yaml
// as published, without the change the bundles make to it
// (scripts/js-yaml-state.mjs), so js-yaml takes a larger share there.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeBundle } from '../scripts/bundle.mjs';
import { ensureConfig, ensureCorpus, parseSize } from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Phase markers, tried on each frame from the sampled one outwards; the first frame that matches decides.
 * A frame of lib/ is told by its file, a frame of the bundle by its function's name.
 */
const PHASES = [
  ['garbage collection', (frame) => frame.functionName === '(garbage collector)'],
  [
    'locate findings (js-yaml events, or yaml tree)',
    (frame) =>
      /\/src\/load\/(locator|event-locator)\./.test(frame.url) ||
      bundled(frame, 'locateChunk', 'createEventRanges', 'createYamlLocator'),
  ],
  [
    'report (JSON)',
    (frame) => frame.url.includes('/src/report/') || bundled(frame, 'formatJson', 'formatStylish', 'formatSarif'),
  ],
  ['sort findings', (frame) => frame.functionName === 'sortFindings'],
  [
    'YAML parse (parseAllDocuments)',
    (frame) => (isYaml(frame) && frame.functionName === 'parseAllDocuments') || bundled(frame, 'parseAllDocuments'),
  ],
  ['YAML toJS', (frame) => (isYaml(frame) && frame.functionName === 'toJS') || bundled(frame, 'toJS')],
  ['js-yaml load (fast path)', (frame) => frame.url.includes('/src/load/fast.') || bundled(frame, 'loadFast')],
  [
    'read + UTF-8 check',
    (frame) => frame.url.includes('/src/load/read.') || bundled(frame, 'readManifestFile', 'decodeManifest'),
  ],
  ['shape checks', (frame) => frame.url.includes('/src/load/shape.') || bundled(frame, 'shapeProblems')],
  [
    'resource + deepFreeze',
    (frame) => frame.url.includes('/src/load/resource.') || bundled(frame, 'createResource', 'deepFreeze'),
  ],
  [
    'rules + matching',
    (frame) =>
      /\/(rules|src\/engine|src\/kit|src\/gatekeeper)\//.test(frame.url) ||
      bundled(frame, 'evaluate', 'evaluateExpanded'),
  ],
  ['load (parse.ts itself)', (frame) => frame.url.includes('/src/load/parse.') || bundled(frame, 'parseManifests')],
  ['input walk', (frame) => frame.url.includes('/src/load/sources.') || bundled(frame, 'resolveInputs')],
  ['config', (frame) => frame.url.includes('/src/config/') || bundled(frame, 'loadConfigFile', 'resolveConstraints')],
  ['CLI (args, write)', (frame) => frame.url.includes('/src/cli/') || bundled(frame, 'runLint', 'main')],
];

/** A frame of the bundle in one of the named functions (esbuild may add a digit to a name it had to tell apart). */
function bundled(frame, ...names) {
  return frame.url.endsWith('/dist/cli.cjs') && names.includes(frame.functionName.replace(/\d+$/, ''));
}

function isYaml(frame) {
  return frame.url.includes('/node_modules/yaml/');
}

const args = parseArguments(process.argv.slice(2));
const file = args.profile ?? (await record(args));
summarise(JSON.parse(readFileSync(file, 'utf8')), args.top);

async function record({ size, layout, package: packaged }) {
  const corpus = ensureCorpus(parseSize(size), { log: (line) => console.error(line) });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'k8s-bp-profile-'));
  const bin = packaged ? await packageCopy(dir) : path.join(root, 'bin', 'k8s-bp.cjs');
  const lint = [bin, 'lint', '--format', 'json', '--config', ensureConfig()];
  const result = spawnSync(
    process.execPath,
    ['--cpu-prof', '--cpu-prof-dir', dir, ...lint, '--max-file-size', '4G', layout],
    {
      cwd: corpus.dir,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, K8S_BP_CACHE_DIR: path.join(dir, 'compile-cache') },
    },
  );
  if (result.status === null || result.status >= 2) throw new Error(`lint failed: ${result.status ?? result.signal}`);
  const profile = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  const what = packaged ? 'the package' : "the checkout's lib/";
  console.log(`profile of k8s-bp lint (${what}) on the ${size} corpus (${layout}): ${path.join(dir, profile)}`);
  return path.join(dir, profile);
}

/** The CLI as the npm package holds it, built from the current sources into `dir`, next to this checkout's node_modules. */
async function packageCopy(dir) {
  cpSync(path.join(root, 'bin'), path.join(dir, 'bin'), { recursive: true });
  cpSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  await writeBundle('dist/cli.cjs', dir);
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return path.join(dir, 'bin', 'k8s-bp.cjs');
}

function summarise(profile, top) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfMicros = new Map();
  profile.samples.forEach((id, index) => {
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const total = [...selfMicros.values()].reduce((sum, value) => sum + value, 0);

  const byFunction = new Map();
  const byPhase = new Map();
  for (const [id, micros] of selfMicros) {
    const frame = nodes.get(id).callFrame;
    const key = `${frame.functionName || '(anonymous)'}  ${shortUrl(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
    const phase = phaseOf(id, nodes, parent);
    byPhase.set(phase, (byPhase.get(phase) ?? 0) + micros);
  }
  const row = (micros, label) =>
    `${(micros / 1000).toFixed(0).padStart(8)} ms ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${label}`;
  console.log(`\nsampled: ${(total / 1e6).toFixed(2)} s\n\nTop functions by self time:`);
  for (const [key, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(row(micros, key));
  console.log('\nPhases (innermost marker on the stack):');
  for (const [phase, micros] of [...byPhase].sort((a, b) => b[1] - a[1])) console.log(row(micros, phase));
}

function phaseOf(id, nodes, parent) {
  const frame = nodes.get(id).callFrame;
  if (frame.functionName === '(program)' || frame.functionName === '(idle)') return `${frame.functionName}`;
  for (let current = id; current !== undefined; current = parent.get(current)) {
    const callFrame = nodes.get(current).callFrame;
    const phase = PHASES.find(([, test]) => test(callFrame));
    if (phase) return phase[0];
  }
  return 'start-up and other (module loading, compiling)';
}

function shortUrl(url) {
  if (!url) return '';
  const modules = url.lastIndexOf('/node_modules/');
  if (modules !== -1) return url.slice(modules + '/node_modules/'.length);
  if (url.endsWith('/dist/cli.cjs')) return 'dist/cli.cjs';
  return url.replace(`file://${root}/`, '');
}

function parseArguments(list) {
  const parsed = { size: '10k', layout: 'one', top: 25, profile: undefined, package: false };
  for (let index = 0; index < list.length; index++) {
    const name = list[index].replace(/^--/, '');
    if (name === 'package') {
      parsed.package = true;
      continue;
    }
    if (!(name in parsed) || list[index + 1] === undefined) {
      console.error(
        'usage: node bench/profile.mjs [--size 10k] [--layout one|many] [--top N] [--package] [--profile FILE]',
      );
      process.exit(2);
    }
    parsed[name] = name === 'top' ? Number(list[++index]) : list[++index];
  }
  return parsed;
}
