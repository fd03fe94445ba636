// `npm run conformance -- <dir>`: runs every Gatekeeper suite.yaml under <dir>
// (a copy of the Gatekeeper library, or fixtures/gatekeeper) through the
// built-in implementations and prints one row per template, then the totals.
// When <dir> has an index.json listing the cases, the run must cover each one.
// Exit 1 when a case fails or is not implemented, 2 when the directory cannot be read.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { glob } from 'glob';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = (file) => import(pathToFileURL(path.join(root, 'lib', file)).href);
const { runSuite } = await load('src/verify/suite.js');
const { builtinRules } = await load('rules/index.js');

const args = process.argv.slice(2);
const json = args.includes('--json');
const dir = args.find((arg) => !arg.startsWith('--'));
if (!dir || !existsSync(dir)) {
  console.error('usage: npm run conformance -- <directory with Gatekeeper suites> [--json]');
  process.exit(2);
}

const suiteFiles = (await glob('**/suite.yaml', { cwd: dir, ignore: ['**/node_modules/**'] })).sort();
const rows = [];
let covered = 0;
for (const file of suiteFiles) {
  const suite = await runSuite(path.join(dir, file), builtinRules, process.cwd());
  const cases = suite.tests.flatMap((test) => test.cases);
  covered += cases.length;
  const count = (status) => cases.filter((item) => item.status === status).length;
  rows.push({
    template: path.dirname(file).split(path.sep).join('/'),
    kind: [...new Set(suite.tests.map((test) => test.kind).filter(Boolean))].join(', '),
    cases: cases.length,
    passed: count('passed'),
    failed: count('failed'),
    notImplemented: count('not-implemented'),
    failures: suite.tests.flatMap((test) =>
      test.cases.filter((item) => item.status === 'failed').map((item) => `${test.name}/${item.name}`),
    ),
  });
}
const total = (key) => rows.reduce((sum, row) => sum + row[key], 0);
const totals = {
  template: `total (${rows.length} templates)`,
  kind: '',
  cases: total('cases'),
  passed: total('passed'),
  failed: total('failed'),
  notImplemented: total('notImplemented'),
};

const indexFile = path.join(dir, 'index.json');
let indexNote;
if (existsSync(indexFile)) {
  const expected = JSON.parse(readFileSync(indexFile, 'utf8')).length;
  indexNote = `index.json lists ${expected} cases; ${covered} ran`;
  if (expected !== covered) totals.failed += Math.abs(expected - covered);
}

if (json) {
  console.log(JSON.stringify({ rows, totals, ...(indexNote && { index: indexNote }) }, null, 2));
} else {
  const header = ['template', 'kind', 'cases', 'passed', 'failed', 'not implemented'];
  const cells = (row) => [row.template, row.kind, row.cases, row.passed, row.failed, row.notImplemented].map(String);
  const table = [header, ...rows.map(cells), cells(totals)];
  const widths = header.map((_, column) => Math.max(...table.map((line) => line[column].length)));
  const format = (line) =>
    line.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) {
    console.log(format(cells(row)));
    for (const failure of row.failures) console.log(`    failed: ${failure}`);
  }
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  if (indexNote) console.log(indexNote);
  console.log(format(cells(totals)));
}
process.exit(totals.failed > 0 || totals.notImplemented > 0 ? 1 : 0);
