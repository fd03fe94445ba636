/**
 * Checks the SARIF report with Microsoft's SARIF Multitool and its GitHub
 * ingestion rules (`--rule-kind Gh`), the closest offline stand-in for an
 * upload to GitHub code scanning. The multitool is a self-contained .NET
 * binary shipped in `@microsoft/sarif-multitool-<platform>`; no .NET runtime
 * is needed. A missing binary fails the test rather than skipping it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding, ReportRule } from '../../../src/model/types.js';
import { formatSarif, type SarifOptions } from '../../../src/report/sarif.js';
import { sarifSchemaErrors } from '../../helpers/sarif-schema.js';

const ROOT = path.resolve('/home/runner/work/k8s repo');
const OPTIONS: SarifOptions = {
  toolVersion: '1.2.3',
  informationUri: 'https://github.com/example/k8s-bp',
  docsBaseUri: 'https://github.com/example/k8s-bp/blob/v1.2.3/docs/rules/',
  rootDir: ROOT,
  cwd: path.join(ROOT, 'deploy'),
};

const RULES: ReportRule[] = [
  {
    id: 'container-limits',
    title: 'Container limits',
    description: 'Set CPU and memory limits on every container.',
    rationale: 'A container without limits can starve its neighbours on the node.',
    remediation: 'Add resources.limits.cpu and resources.limits.memory.',
    defaultSeverity: 'error',
    tags: ['reliability'],
  },
  {
    id: 'unique-ingress-host',
    title: 'Unique Ingress host',
    description: 'Give every Ingress host and path one owner.',
    rationale: 'Two Ingresses that claim the same host route traffic unpredictably.',
    remediation: 'Merge the rules into one Ingress.',
    defaultSeverity: 'warning',
  },
  {
    id: 'parse-error',
    title: 'Parse error',
    description: 'Fix YAML or JSON that cannot be parsed.',
    rationale: 'A manifest that cannot be parsed cannot be checked.',
    remediation: 'Correct the syntax at the reported line and column.',
    defaultSeverity: 'error',
  },
];

const FINDINGS: Finding[] = [
  {
    ruleId: 'container-limits',
    constraintName: 'container-limits',
    severity: 'error',
    message: 'Container "web" has no memory limit.',
    file: 'web app.yaml',
    line: 18,
    column: 11,
    endLine: 20,
    endColumn: 7,
    path: 'spec.template.spec.containers[0].resources',
    documentIndex: 0,
    object: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'prod', name: 'web' },
  },
  {
    ruleId: 'unique-ingress-host',
    constraintName: 'ingress-hosts',
    constraintKind: 'K8sUniqueIngressHost',
    severity: 'warning',
    message: 'Host "shop.example.com" is also claimed by Ingress "legacy".',
    file: '../ingress/grüße.yaml',
    line: 9,
    column: 13,
    endLine: 9,
    endColumn: 29,
    path: 'spec.rules[0].host',
    documentIndex: 1,
    object: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'shop' },
    related: [
      { file: '../ingress/legacy #2.yaml', line: 7, column: 13, message: 'Ingress "legacy" claims the same host.' },
      { file: '../ingress/grüße.yaml', line: 30, column: 13, message: 'Ingress "shop-canary" claims it too.' },
    ],
  },
  {
    ruleId: 'parse-error',
    constraintName: 'parse-error',
    severity: 'error',
    message: 'Map keys must be unique (DUPLICATE_KEY).',
    file: '<stdin>',
    line: 3,
    column: 1,
    endLine: 3,
    endColumn: 1,
    path: '',
    documentIndex: 0,
  },
  {
    ruleId: 'container-limits',
    constraintName: 'container-limits',
    severity: 'note',
    message: 'Container "sidecar" has no CPU limit.',
    file: '<stdin>',
    line: 12,
    column: 9,
    endLine: 14,
    endColumn: 1,
    path: 'spec.containers[1].resources',
    documentIndex: 1,
    object: { apiVersion: 'v1', kind: 'Pod', name: 'debug' },
  },
];

interface MultitoolResult {
  ruleId?: string;
  level?: string;
  message?: { id?: string; text?: string; arguments?: string[] };
}
interface MultitoolLog {
  runs: {
    results?: MultitoolResult[];
    invocations?: { executionSuccessful: boolean; toolConfigurationNotifications?: unknown[] }[];
  }[];
}

/** The platform binary; `@microsoft/sarif-multitool` resolves it (its own bin.js goes through a shell). */
function multitoolPath(): string {
  const require = createRequire(import.meta.url);
  try {
    return require('@microsoft/sarif-multitool') as string;
  } catch (error) {
    throw new Error(
      `The SARIF multitool has no binary for ${process.platform}-${process.arch}; run npm ci (optional dependencies included).`,
      { cause: error },
    );
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'k8s-bp-sarif-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `validate --rule-kind Gh --level Error` on the log and returns what the multitool reported. */
function validateForGitHub(name: string, sarif: string): MultitoolResult[] {
  const dir = mkdtempSync(path.join(work, `${name}-`));
  const input = path.join(dir, `${name} in.sarif`);
  const output = path.join(dir, 'out.sarif');
  writeFileSync(input, sarif);
  // No shell: the file names have spaces, and --level values are `;`-separated lists.
  const args = ['validate', '--rule-kind', 'Gh', '--level', 'Error', '-o', output, input];
  const run = spawnSync(multitoolPath(), args, { encoding: 'utf8', timeout: 60_000 });
  const transcript = `${run.error?.message ?? ''}\n${run.stdout}\n${run.stderr}`;
  expect(run.status, `sarif-multitool failed:${transcript}`).toBe(0);
  const log = JSON.parse(readFileSync(output, 'utf8')) as MultitoolLog;
  const invocation = log.runs[0]?.invocations?.[0];
  expect(invocation?.executionSuccessful, `sarif-multitool did not analyse the file:${transcript}`).toBe(true);
  return log.runs[0]?.results ?? [];
}

const describeResults = (results: readonly MultitoolResult[]): string =>
  results.map((each) => `${each.ruleId ?? '?'} ${JSON.stringify(each.message)}`).join('\n');

// Each run starts a .NET process (about a second here); leave room on a busy CI machine.
describe('SARIF report under the multitool’s GitHub rules', { timeout: 60_000 }, () => {
  it('accepts a log with findings, related locations, stdin and file names with spaces and umlauts', () => {
    const results = validateForGitHub('findings', formatSarif(FINDINGS, RULES, OPTIONS));
    expect(results, describeResults(results)).toEqual([]);
  });

  it('accepts a log with suppressed results, baseline states and run properties', () => {
    const [first, second, third, fourth] = FINDINGS as [Finding, Finding, Finding, Finding];
    const findings: Finding[] = [
      {
        ...first,
        baselineState: 'new',
        suppression: {
          kind: 'inSource',
          source: 'comment',
          justification: 'sized by the operator',
          location: { file: 'web app.yaml', line: 17, column: 11 },
        },
      },
      {
        ...second,
        baselineState: 'unchanged',
        suppression: { kind: 'external', source: 'baseline', justification: 'recorded in the baseline' },
      },
      { ...third, baselineState: 'new' },
      { ...fourth, baselineState: 'new', outsideChanges: true },
    ];
    const options = {
      ...OPTIONS,
      baseline: { file: '.k8s-bp-baseline.json', unchanged: 1, new: 3, fixed: 2, unchecked: 0 },
      changedSince: 'origin/main',
    };
    const sarif = formatSarif(findings, RULES, options);
    expect(sarifSchemaErrors(JSON.parse(sarif))).toEqual([]);
    const results = validateForGitHub('suppressed', sarif);
    expect(results, describeResults(results)).toEqual([]);
  });

  it('accepts a log without findings', () => {
    const results = validateForGitHub('empty', formatSarif([], RULES, OPTIONS));
    expect(results, describeResults(results)).toEqual([]);
  });

  it('flags a log that GitHub would reject, so the checks above are not vacuous', () => {
    const log = JSON.parse(formatSarif(FINDINGS, RULES, OPTIONS)) as {
      runs: { tool: { driver: { rules: Record<string, unknown>[] } }; results: Record<string, unknown>[] }[];
    };
    const broken = log.runs[0]!;
    broken.results[0]!.locations = [];
    delete broken.tool.driver.rules[0]!.help;
    const results = validateForGitHub('broken', JSON.stringify(log));
    const ids = new Set(results.map((each) => each.message?.id));
    expect(ids, describeResults(results)).toContain('Error_EmptyLocationsArray');
    expect(ids, describeResults(results)).toContain('Error_MissingHelp');
  });
});
