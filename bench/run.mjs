// `npm run bench [-- options]`: k8s-bp against the cost of only loading the same YAML.
//
//   --sizes 1k,10k,100k   generated corpus sizes, in documents (default 1k,10k,100k)
//   --layouts one,many    one multi-document file, or files of about ten documents (default both)
//   --reps N              repetitions of each measurement (default 5, and 2 from 100k documents up)
//   --startup-runs N      runs of each start-up command (default 15)
//   --no-real-world       skip ../shared/corpus/real-world even when it is there
//   --json                print the figures as JSON instead of tables
//
// Every measurement is a whole child process, and the commands of a corpus are
// interleaved (lint, js-yaml, yaml; then yaml, lint, js-yaml; ...) so that the
// machine's drift touches them alike. Progress goes to standard error.
//
// `k8s-bp lint` runs as the npm package and pre-commit run it: bin/k8s-bp.cjs with
// the bundle (dist/cli.cjs), built from the current sources into a temporary
// directory (dist/ is left alone), next to this checkout's node_modules. The
// checkout's own entry (lib/, many modules) is timed at start-up for comparison.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { writeBundle } from '../scripts/bundle.mjs';
import {
  ensureConfig,
  ensureConfigWithoutSchemas,
  ensureCorpus,
  ensureSmallFile,
  parseSize,
  sizeLabel,
} from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const checkoutBin = path.join(root, 'bin', 'k8s-bp.cjs');
const REAL_WORLD = path.resolve(root, '..', 'shared', 'corpus', 'real-world');
const GNU_TIME = '/usr/bin/time';

const options = parseArguments(process.argv.slice(2));
const loadAtStart = os.loadavg()[0];
const scratch = mkdtempSync(path.join(os.tmpdir(), 'k8s-bp-bench-'));
// The CLI's compile cache (bin/load-bundle.cjs) starts empty and stays inside the scratch directory.
process.env.K8S_BP_CACHE_DIR = path.join(scratch, 'compile-cache');
const useGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true']).status === 0;
const started = performance.now();
const bin = await packageCopy();

try {
  const results = await main();
  if (options.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else process.stdout.write(formatTables(results));
  process.exitCode = results.corpora.some((corpus) => corpus.crashed) ? 1 : 0;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

async function main() {
  const config = ensureConfig();
  const withoutSchemas = schemaRuleIds().length > 0 ? ensureConfigWithoutSchemas(schemaRuleIds()) : undefined;
  const maxFileSize = lintHelp().includes('--max-file-size') ? ['--max-file-size', '4G'] : [];
  const corpora = [];
  for (const size of options.sizes) {
    const corpus = ensureCorpus(size, { log });
    for (const layout of options.layouts) {
      const reps = options.reps ?? (size >= 100_000 ? 2 : 5);
      corpora.push(
        measureCorpus({
          corpus: sizeLabel(size),
          layout,
          cwd: corpus.dir,
          target: layout,
          files: corpus.manifest.files[layout],
          bytes: corpus.manifest.bytes,
          reps,
          config,
          withoutSchemas,
          maxFileSize,
        }),
      );
    }
  }
  if (options.realWorld && existsSync(REAL_WORLD)) {
    corpora.push(
      measureCorpus({
        corpus: 'real-world',
        layout: 'as found',
        cwd: REAL_WORLD,
        target: '.',
        reps: options.reps ?? 5,
        config,
        withoutSchemas,
        maxFileSize,
      }),
    );
  }
  const startup = measureStartup(config);
  const results = {
    machine: machineInfo(),
    date: new Date().toISOString(),
    measuredWith: useGnuTime ? 'GNU time (%e %U %S %M)' : 'process.resourceUsage() in the child',
    corpora,
    startup,
    scaling: scaling(corpora),
  };
  results.targets = evaluateTargets(results);
  results.durationSeconds = (performance.now() - started) / 1000;
  return results;
}

function measureCorpus({ corpus, layout, cwd, target, files, bytes, reps, config, withoutSchemas, maxFileSize }) {
  const output = path.join(scratch, 'report.json');
  const commands = {
    lint: [bin, 'lint', '--format', 'json', '--config', config, ...maxFileSize, target],
    jsYaml: [path.join(root, 'bench', 'floor-js-yaml.mjs'), target],
    yaml: [path.join(root, 'bench', 'floor-yaml.mjs'), target],
    // The same lint with the schema rules off, interleaved with the rest, so that their cost is a ratio of one run.
    ...(withoutSchemas && {
      noSchemas: [bin, 'lint', '--format', 'json', '--config', withoutSchemas, ...maxFileSize, target],
    }),
  };
  log(`${corpus} ${layout}: ${reps} repetitions`);
  // Reading every file once puts the corpus in the page cache for all three.
  const warm = run(commands.jsYaml, { cwd });
  const floorInfo = JSON.parse(warm.stdout || '{}');
  const samples = { lint: [], jsYaml: [], yaml: [], noSchemas: [] };
  const order = Object.keys(commands);
  const crashes = [];
  let lastLint;
  for (let rep = 0; rep < reps; rep++) {
    for (let index = 0; index < order.length; index++) {
      const name = order[(index + rep) % order.length];
      const reportFile = { lint: output, noSchemas: path.join(scratch, 'report-no-schemas.json') }[name];
      const result = run(commands[name], { cwd, stdout: reportFile });
      if (name === 'noSchemas') rmSync(reportFile, { force: true });
      // lint exits 1 when there are error findings: only 2 and above, or a signal, is a failure.
      const linting = name === 'lint' || name === 'noSchemas';
      const crashed = result.status === null || result.status >= 2 || (!linting && result.status !== 0);
      if (crashed) crashes.push(`${name}: exit ${result.status ?? result.signal}: ${result.stderr.trim().slice(-400)}`);
      samples[name].push(result);
      if (name === 'lint') lastLint = result;
      log(`  ${name.padEnd(6)} ${result.seconds.toFixed(2)} s, ${(result.rssKb / 1024).toFixed(0)} MB`);
    }
  }
  const summary = lintSummary(output);
  const documents = summary?.resources ?? floorInfo.documents;
  const lint = stats(samples.lint);
  const jsYaml = stats(samples.jsYaml);
  const yaml = stats(samples.yaml);
  const noSchemas = samples.noSchemas.length > 0 ? stats(samples.noSchemas) : undefined;
  return {
    corpus,
    layout,
    documents,
    loadedByFloor: floorInfo.documents,
    files: files ?? summary?.files,
    bytes: bytes ?? undefined,
    reps,
    lint: { ...lint, exitCode: lastLint?.status, findings: summary && { errors: summary.errors, warnings: summary.warnings } }, // prettier-ignore
    jsYaml,
    yaml,
    docsPerSecond: { lint: documents / lint.median, jsYaml: documents / jsYaml.median, yaml: documents / yaml.median },
    ratio: {
      lintToJsYaml: lint.median / jsYaml.median,
      lintToYaml: lint.median / yaml.median,
      ...(noSchemas && { schemasOnToOff: lint.median / noSchemas.median }),
    },
    ...(noSchemas && { noSchemas }),
    cpuRatio: { lintToJsYaml: lint.cpuMedian / jsYaml.cpuMedian, lintToYaml: lint.cpuMedian / yaml.cpuMedian },
    crashed: crashes.length > 0,
    crashes,
  };
}

function lintSummary(file) {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  rmSync(file);
  // The summary comes first; the findings can run to tens of megabytes.
  const match = /"summary":\s*(\{[^}]*\})/.exec(text.slice(0, 4096));
  return match ? JSON.parse(match[1]) : undefined;
}

/** Runs `node ...args` as a child process, timing it and taking its peak RSS. */
function run(args, { cwd, stdout } = {}) {
  const rssFile = path.join(scratch, 'rss');
  rmSync(rssFile, { force: true });
  const command = useGnuTime
    ? [GNU_TIME, ['-f', '%e %U %S %M', '-o', rssFile, process.execPath, ...args]]
    : [process.execPath, ['--import', path.join(root, 'bench', 'rss-reporter.mjs'), ...args]];
  // A file descriptor, so that the child writes its report straight to a file.
  const out = stdout === undefined ? 'pipe' : openSync(stdout, 'w');
  const begin = performance.now();
  const result = spawnSync(command[0], command[1], {
    cwd,
    stdio: ['ignore', out, 'pipe'],
    env: { ...process.env, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  const seconds = (performance.now() - begin) / 1000;
  if (typeof out === 'number') closeSync(out);
  const measured = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ') : [];
  const status = useGnuTime ? gnuTimeStatus(result) : result.status;
  return {
    seconds,
    cpuSeconds: useGnuTime ? Number(measured[1]) + Number(measured[2]) : undefined,
    rssKb: Number(measured[measured.length - 1]) || 0,
    status,
    signal: result.signal,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
  };
}

/** GNU time exits with the command's status, and says so in its output when a signal ended it. */
function gnuTimeStatus(result) {
  if (result.status === null) return null;
  if (/Command terminated by signal/.test(result.stderr ?? '')) return null;
  return result.status;
}

function stats(samples) {
  const seconds = samples.map((sample) => sample.seconds);
  const cpu = samples.map((sample) => sample.cpuSeconds).filter((value) => Number.isFinite(value));
  return {
    median: round(median(seconds)),
    min: round(Math.min(...seconds)),
    max: round(Math.max(...seconds)),
    seconds: seconds.map(round),
    cpuMedian: cpu.length ? round(median(cpu)) : undefined,
    peakRssMb: round(Math.max(...samples.map((sample) => sample.rssKb)) / 1024),
  };
}

function round(value) {
  return Math.round(value * 1000) / 1000;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * `k8s-bp lint one-small.yaml` against `node -e 0`: as the npm package runs it (with its compile
 * cache, which the first run writes, as a pre-commit hook's first commit would), the same without
 * the cache (every run compiles everything, as the very first run does), and through the
 * checkout's lib/.
 */
function measureStartup(config) {
  const small = ensureSmallFile();
  const commands = {
    node: { args: ['-e', '0'] },
    package: { args: [bin, 'lint', '--config', config, small] },
    uncached: { args: [bin, 'lint', '--config', config, small], env: { K8S_BP_COMPILE_CACHE: '0' } },
    ...(existsSync(path.join(root, 'lib')) && { checkout: { args: [checkoutBin, 'lint', '--config', config, small] } }),
  };
  const names = Object.keys(commands);
  for (const name of names.filter((each) => each !== 'node')) checkRuns(name, commands[name]);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  log(`start-up: ${options.startupRuns} runs of ${names.join(', ')}`);
  for (let rep = 0; rep < options.startupRuns; rep++) {
    for (let index = 0; index < names.length; index++) {
      const name = names[(index + rep) % names.length];
      const { args, env } = commands[name];
      const begin = performance.now();
      const result = spawnSync(process.execPath, args, {
        stdio: 'ignore',
        cwd: os.tmpdir(),
        env: { ...process.env, ...env },
      });
      if (result.status === null || result.status >= 2) throw new Error(`start-up run of ${name} failed`);
      samples[name].push((performance.now() - begin) / 1000);
    }
  }
  const medians = Object.fromEntries(names.map((name) => [name, median(samples[name])]));
  const ratios = Object.fromEntries(
    names.filter((name) => name !== 'node').map((name) => [name, medians[name] / medians.node]),
  );
  return {
    runs: options.startupRuns,
    file: path.relative(root, small),
    medians,
    min: Object.fromEntries(names.map((name) => [name, Math.min(...samples[name])])),
    max: Object.fromEntries(names.map((name) => [name, Math.max(...samples[name])])),
    ratio: ratios,
    note: 'package: bin/k8s-bp.cjs with a bundle of the current sources, as npx and pre-commit run it, with its compile cache; uncached: the same with K8S_BP_COMPILE_CACHE=0; checkout: bin/k8s-bp.cjs with lib/ (tsc output)',
  };
}

/** A start-up command must lint the file, not fail early: a crash would look fast. (Its first run writes the compile cache.) */
function checkRuns(name, { args, env }) {
  const result = spawnSync(process.execPath, args, {
    encoding: 'utf8',
    cwd: os.tmpdir(),
    env: { ...process.env, ...env },
  });
  if (
    result.status === null ||
    result.status >= 2 ||
    !/\d+ (?:problem|error|warning)|no problems/i.test(result.stdout)
  ) {
    throw new Error(`start-up command ${name} does not lint: exit ${result.status}\n${result.stdout}${result.stderr}`);
  }
}

/**
 * What the npm package holds for the CLI (bin/, dist/cli.cjs, package.json), with
 * the bundle built from the current sources, and this checkout's node_modules
 * for its runtime dependencies, as npm would install them beside it.
 */
async function packageCopy() {
  const dir = path.join(scratch, 'package');
  mkdirSync(path.join(dir, 'dist'), { recursive: true });
  cpSync(path.join(root, 'bin'), path.join(dir, 'bin'), { recursive: true });
  cpSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  // The schemas of the built-in kinds ship beside the bundle, as in the package.
  cpSync(path.join(root, 'schemas'), path.join(dir, 'schemas'), { recursive: true });
  await writeBundle('dist/cli.cjs', dir);
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return path.join(dir, 'bin', 'k8s-bp.cjs');
}

function scaling(corpora) {
  const rows = [];
  for (const layout of options.layouts) {
    const at = (label) => corpora.find((entry) => entry.corpus === label && entry.layout === layout);
    const small = at('10k');
    const large = at('100k');
    if (!small || !large) continue;
    rows.push({
      layout,
      from: '10k',
      to: '100k',
      lint: large.lint.median / small.lint.median,
      jsYaml: large.jsYaml.median / small.jsYaml.median,
      yaml: large.yaml.median / small.yaml.median,
    });
  }
  return rows;
}

function evaluateTargets(results) {
  const large = results.corpora.filter((entry) => entry.corpus === '100k');
  const targets = [];
  if (large.length > 0) {
    const worst = Math.max(...large.map((entry) => entry.ratio.lintToJsYaml));
    targets.push({ target: 'throughput: lint within 1.5x of the js-yaml floor at 100k', value: worst, limit: 1.5 });
    const rss = Math.max(...large.map((entry) => entry.lint.peakRssMb));
    targets.push({ target: 'memory: peak RSS under 600 MB at 100k', value: rss, limit: 600 });
  }
  targets.push({ target: 'start-up: lint one small file within 2x of node -e 0 (package)', value: results.startup.ratio.package, limit: 2 }); // prettier-ignore
  const schemaCosts = results.corpora.flatMap((entry) => entry.ratio.schemasOnToOff ?? []);
  if (schemaCosts.length > 0) {
    const worst = Math.max(...schemaCosts);
    targets.push({ target: 'schema rules: lint within 1.2x of lint without them', value: worst, limit: 1.2 });
  }
  if (results.scaling.length > 0) {
    const worst = Math.max(...results.scaling.map((row) => row.lint));
    targets.push({ target: 'scaling: 100k takes at most 11x the time of 10k', value: worst, limit: 11 });
  }
  return targets.map((entry) => ({ ...entry, met: entry.value <= entry.limit }));
}

function machineInfo() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    // Other work on the machine inflates every figure: compare ratios from one run, not times across runs.
    loadAverage: { start: round(loadAtStart), end: round(os.loadavg()[0]) },
  };
}

function lintHelp() {
  return spawnSync(process.execPath, [bin, 'lint', '--help'], { encoding: 'utf8' }).stdout ?? '';
}

function formatTables(results) {
  const lines = [];
  const m = results.machine;
  lines.push(`Machine: ${m.cpuModel}, ${m.cpuCount} CPUs, ${m.totalMemoryGb} GB, ${m.platform}, Node ${m.node}`);
  lines.push(`Load average (1 min) at start ${m.loadAverage.start}, at end ${m.loadAverage.end}`, '');
  lines.push(
    '| corpus | layout | docs | files | lint (a) | js-yaml (b) | yaml (c) | lint docs/s | a/b | a/c | a/b CPU | peak RSS (a) | a / no schemas |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const row of results.corpora) {
    lines.push(
      `| ${row.corpus} | ${row.layout} | ${row.documents} | ${row.files ?? ''} | ${timing(row.lint)} | ${timing(row.jsYaml)} | ${timing(row.yaml)} | ` +
        `${Math.round(row.docsPerSecond.lint)} | ${row.ratio.lintToJsYaml.toFixed(2)} | ${row.ratio.lintToYaml.toFixed(2)} | ` +
        `${row.cpuRatio.lintToJsYaml?.toFixed(2) ?? ''} | ${Math.round(row.lint.peakRssMb)} MB${row.crashed ? ' CRASHED' : ''} | ` +
        `${row.ratio.schemasOnToOff?.toFixed(2) ?? ''} |`,
    );
  }
  lines.push(
    '',
    'Times are the median in seconds, with the range over the repetitions; a/b CPU compares user+system time;',
    'a / no schemas compares lint with the recommended preset to the same lint with the schema-* rules off.',
  );
  const s = results.startup;
  lines.push('', `Start-up (${s.runs} runs, median): node -e 0 ${ms(s.medians.node)}, k8s-bp lint ${s.file} ${ms(s.medians.package)} (${s.ratio.package.toFixed(2)}x)`); // prettier-ignore
  lines.push(`  without the compile cache (K8S_BP_COMPILE_CACHE=0, as on a first run): ${ms(s.medians.uncached)} (${s.ratio.uncached.toFixed(2)}x)`); // prettier-ignore
  if (s.ratio.checkout !== undefined) {
    lines.push(
      `  through the checkout's lib/ instead of the bundle: ${ms(s.medians.checkout)} (${s.ratio.checkout.toFixed(2)}x)`,
    );
  }
  for (const row of results.scaling) {
    lines.push(`Scaling ${row.from} -> ${row.to}, ${row.layout}: lint ${row.lint.toFixed(2)}x, js-yaml ${row.jsYaml.toFixed(2)}x, yaml ${row.yaml.toFixed(2)}x`); // prettier-ignore
  }
  lines.push('', 'Targets:');
  for (const target of results.targets) {
    lines.push(
      `  ${target.met ? 'met    ' : 'NOT MET'} ${target.target}: ${target.value.toFixed(2)} (limit ${target.limit})`,
    );
  }
  for (const row of results.corpora.filter((entry) => entry.crashed)) {
    lines.push('', `${row.corpus} ${row.layout} crashed:`, ...row.crashes.map((crash) => `  ${crash}`));
  }
  lines.push('', `Whole run: ${(results.durationSeconds / 60).toFixed(1)} min`);
  return `${lines.join('\n')}\n`;
}

function timing(entry) {
  return `${entry.median.toFixed(2)} (${entry.min.toFixed(2)}–${entry.max.toFixed(2)})`;
}

function ms(seconds) {
  return `${(seconds * 1000).toFixed(0)} ms`;
}

function log(line) {
  const elapsed = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[${elapsed} s] ${line}\n`);
}

function parseArguments(args) {
  const parsed = {
    sizes: [1000, 10_000, 100_000],
    layouts: ['one', 'many'],
    reps: undefined,
    startupRuns: 15,
    realWorld: true,
    json: false,
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    const value = () => {
      const next = args[++index];
      if (next === undefined) usage(`${arg} needs a value`);
      return next;
    };
    if (arg === '--sizes') parsed.sizes = value().split(',').filter(Boolean).map(parseSize);
    else if (arg === '--layouts') parsed.layouts = value().split(',').filter(Boolean);
    else if (arg === '--reps') parsed.reps = positive(arg, value());
    else if (arg === '--startup-runs') parsed.startupRuns = positive(arg, value());
    else if (arg === '--no-real-world') parsed.realWorld = false;
    else if (arg === '--json') parsed.json = true;
    else usage(`unknown option ${arg}`);
  }
  for (const layout of parsed.layouts) if (!['one', 'many'].includes(layout)) usage(`unknown layout ${layout}`);
  return parsed;
}

function positive(name, text) {
  const number = Number(text);
  if (!Number.isInteger(number) || number < 1) usage(`${name} takes a whole number above 0`);
  return number;
}

function usage(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

/** The ids of the schema rules of the checkout's catalogue, from its generated docs. */
function schemaRuleIds() {
  const docs = path.join(root, 'docs', 'rules');
  if (!existsSync(docs)) return [];
  return readdirSync(docs)
    .filter((name) => name.startsWith('schema-') && name.endsWith('.md'))
    .map((name) => name.slice(0, -'.md'.length));
}
