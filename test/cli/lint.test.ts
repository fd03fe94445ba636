import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBinary, runCli, tempDir, writeTemp } from '../helpers/cli.js';
import { sarifSchemaErrors } from '../helpers/sarif-schema.js';

interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  message: string;
  path: string;
  object?: { kind: string; namespace?: string; name?: string };
}
interface JsonReport {
  version: number;
  summary: { files: number; resources: number; errors: number; warnings: number; notes: number };
  findings: JsonFinding[];
}

const fixture = (...parts: string[]) => path.join('fixtures', 'cli', ...parts);
const lintJson = async (args: string[], options = {}) => {
  const run = await runCli(['lint', '--format', 'json', ...args], options);
  return { ...run, report: JSON.parse(run.stdout) as JsonReport };
};

describe('k8s-bp lint: reports', () => {
  it('prints stylish findings grouped by file with line:col, severity, message and rule, and exits 1', () => {
    const run = runBinary(['lint', fixture('mixed')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /^fixtures\/cli\/mixed\/a-pod\.yaml\n(?: {2}\d+:\d+ .*\n)* {2}container "web" in Pod "web"\n(?: {4}\d+:\d+ .*\n)* {4}9:7 +error +uses image .*latest.* +no-latest-tag$/m,
    );
    expect(run.stdout).toMatch(/fixtures\/cli\/mixed\/b-broken\.yaml\n {2}\d+:\d+ +error .* parse-error/);
    expect(run.stdout).toMatch(/✖ \d+ problems \(\d+ errors?, \d+ warnings?\) in 3 files, 2 resources\n/);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('ends a report of ten problems or more with the count by rule, most frequent first', async () => {
    const run = await runCli(['lint', fixture('mixed')]);
    expect(run.stdout).toMatch(
      /✖ 10 problems .*\n {2}by rule: https-only-ingress 2, probes-configured 2, [a-z-]+ 1, .*parse-error 1.*\n$/,
    );
  });

  it('reports errors only with --quiet, and still fails on warnings beyond --max-warnings', async () => {
    const quiet = await lintJson(['--quiet', fixture('mixed')]);
    expect(quiet.report.findings.length).toBeGreaterThan(0);
    expect(quiet.report.findings.every((finding) => finding.severity === 'error')).toBe(true);
    expect((await runCli(['lint', '-q', fixture('mixed')])).stdout).not.toContain('warning  ');
    const config = writeTemp(tempDir(), '.k8s-bp.yaml', 'extends: none\nrules:\n  probes-configured: warn\n');
    expect(
      (await runCli(['lint', '-q', '--config', config, '--max-warnings', '0', fixture('mixed', 'a-pod.yaml')])).status,
    ).toBe(1);
  });

  it('colours stylish output only when asked and never with NO_COLOR', async () => {
    expect((await runCli(['lint', fixture('mixed')], { env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[31m');
    expect(
      (await runCli(['lint', fixture('mixed')], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout,
    ).not.toContain('\u001b[');
  });

  it('says there are no problems and exits 0 on clean manifests', async () => {
    const run = await runCli(['lint', fixture('clean')]);
    expect(run).toMatchObject({ status: 0, stdout: '✔ no problems (1 file, 1 resource)\n' });
  });

  it('writes a JSON report with positions, paths and objects', async () => {
    const { status, report } = await lintJson([fixture('mixed')]);
    expect(status).toBe(1);
    expect(report.version).toBe(1);
    expect(report.summary).toMatchObject({ files: 3, resources: 2 });
    const latest = report.findings.find((finding) => finding.ruleId === 'no-latest-tag');
    expect(latest).toMatchObject({
      file: 'fixtures/cli/mixed/a-pod.yaml',
      line: 9,
      column: 7,
      severity: 'error',
      path: 'spec.containers[0].image',
      object: { kind: 'Pod', namespace: 'team-a', name: 'web' },
    });
  });

  it('reports a parse error in one file and still lints the others', async () => {
    const { report } = await lintJson([fixture('mixed')]);
    const files = new Set(report.findings.map((finding) => finding.file));
    expect(report.findings.find((finding) => finding.ruleId === 'parse-error')).toMatchObject({
      file: 'fixtures/cli/mixed/b-broken.yaml',
      severity: 'error',
    });
    expect(files).toEqual(
      new Set([
        'fixtures/cli/mixed/a-pod.yaml',
        'fixtures/cli/mixed/b-broken.yaml',
        'fixtures/cli/mixed/c-ingress.json',
      ]),
    );
  });

  it('writes SARIF that validates against the SARIF 2.1.0 schema', async () => {
    const run = await runCli(['lint', '--format', 'sarif', 'examples/']);
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout) as { runs: { results: unknown[] }[] };
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0]?.results.length).toBeGreaterThan(0);
  });

  it('writes SARIF with an empty results list when nothing is wrong', async () => {
    const log = JSON.parse((await runCli(['lint', '--format', 'sarif', fixture('clean')])).stdout) as {
      runs: { results: unknown[] }[];
    };
    expect(log.runs[0]?.results).toEqual([]);
    expect(sarifSchemaErrors(log)).toEqual([]);
  });

  it('writes the report to --output and nothing to stdout', async () => {
    const out = path.join(tempDir(), 'report.json');
    const run = await runCli(['lint', '--format', 'json', '--output', out, fixture('mixed')]);
    expect(run.stdout).toBe('');
    expect(run.status).toBe(1);
    expect((JSON.parse(readFileSync(out, 'utf8')) as JsonReport).findings.length).toBeGreaterThan(0);
  });
});

describe('k8s-bp lint: inputs', () => {
  it('reads manifests from standard input with -', async () => {
    const input = readFileSync(path.join(ROOT, fixture('mixed', 'a-pod.yaml')), 'utf8');
    const run = runBinary(['lint', '--format', 'json', '-'], { input });
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(run.status).toBe(1);
    expect(report.findings.find((finding) => finding.ruleId === 'no-latest-tag')).toMatchObject({
      file: '<stdin>',
      line: 9,
    });
    expect(new Set(report.findings.map((finding) => finding.file))).toEqual(new Set(['<stdin>']));
  });

  it('expands quoted globs and applies --exclude', async () => {
    const { report } = await lintJson([fixture('mixed', '*'), '--exclude', '**/b-broken.yaml', '--exclude', '*.json']);
    expect(report.summary.files).toBe(1);
    expect(new Set(report.findings.map((finding) => finding.file))).toEqual(new Set(['fixtures/cli/mixed/a-pod.yaml']));
  });

  it('exits 2 on a path that does not exist', async () => {
    const run = await runCli(['lint', 'no/such/dir']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no such file or directory: no/such/dir');
  });

  it('says with --verbose which documents it skipped', async () => {
    const dir = tempDir();
    writeTemp(dir, 'odd.yaml', '---\n---\nfoo: bar\n');
    const run = await runCli(['lint', '--verbose', 'odd.yaml'], { cwd: dir });
    expect(run.stderr).toContain('odd.yaml:3: skipped document 2: not a Kubernetes object (no apiVersion and kind)');
    expect(run.status).toBe(0);
  });
});

describe('k8s-bp lint: configuration and exit codes', () => {
  it('stops with exit 2 on an invalid parameter, naming the constraint, the field and the place', async () => {
    const run = await runCli(['lint', '--config', fixture('configs', 'invalid-param.yaml'), fixture('clean')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('fixtures/cli/configs/invalid-param.yaml:4:5');
    expect(run.stderr).toContain('constraint "tight-limits" (rule container-limits)');
    expect(run.stderr).toContain('memroy');
  });

  it('rejects an unknown enforcement action instead of defaulting', async () => {
    const run = await runCli(['lint', '--config', fixture('configs', 'unknown-action.yaml'), fixture('clean')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /unknown-action\.yaml:3:\d+: constraints\[0\]\.enforcementAction must be one of "deny", "warn", "dryrun", "scoped"/,
    );
  });

  it('suggests the rule id meant when a config names an unknown one', async () => {
    const run = await runCli(['lint', '--config', fixture('configs', 'unknown-rule.yaml'), fixture('clean')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown rule "no-latest-tags" (did you mean "no-latest-tag"?)');
  });

  it('finds .k8s-bp.yaml from the working directory upward', async () => {
    const dir = tempDir();
    writeTemp(dir, '.k8s-bp.yaml', 'rules:\n  no-latest-tag: warn\n');
    const nested = path.join(dir, 'deploy', 'prod');
    mkdirSync(nested, { recursive: true });
    writeTemp(dir, 'pod.yaml', readFileSync(path.join(ROOT, fixture('mixed', 'a-pod.yaml')), 'utf8'));
    const run = await runCli(['lint', '--format', 'json', '../../pod.yaml'], { cwd: nested });
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map((finding) => [finding.ruleId, finding.severity])).toEqual([
      ['no-latest-tag', 'warning'],
    ]);
    expect(run.status).toBe(0);
  });

  it('fails on warnings beyond --max-warnings', async () => {
    const dir = tempDir();
    writeTemp(dir, '.k8s-bp.yaml', 'rules:\n  no-latest-tag: warn\n');
    writeTemp(dir, 'pod.yaml', readFileSync(path.join(ROOT, fixture('mixed', 'a-pod.yaml')), 'utf8'));
    expect((await runCli(['lint', 'pod.yaml'], { cwd: dir })).status).toBe(0);
    expect((await runCli(['lint', '--max-warnings', '1', 'pod.yaml'], { cwd: dir })).status).toBe(0);
    expect((await runCli(['lint', '--max-warnings', '0', 'pod.yaml'], { cwd: dir })).status).toBe(1);
  });

  it('reports dryrun constraints as notes that never fail the run', async () => {
    const dir = tempDir();
    writeTemp(dir, '.k8s-bp.yaml', 'rules:\n  no-latest-tag: dryrun\n');
    writeTemp(dir, 'pod.yaml', readFileSync(path.join(ROOT, fixture('mixed', 'a-pod.yaml')), 'utf8'));
    const run = await runCli(['lint', '--format', 'sarif', 'pod.yaml'], { cwd: dir });
    expect(run.status).toBe(0);
    const log = JSON.parse(run.stdout) as { runs: { results: { level: string }[] }[] };
    expect(log.runs[0]?.results.map((result) => result.level)).toEqual(['note']);
  });

  it('enables and disables rules from the command line', async () => {
    const dir = tempDir();
    writeTemp(dir, 'pod.yaml', readFileSync(path.join(ROOT, fixture('mixed', 'a-pod.yaml')), 'utf8'));
    expect((await runCli(['lint', '--disable', 'no-latest-tag', 'pod.yaml'], { cwd: dir })).status).toBe(0);
    const run = await runCli(['lint', '--disable', 'no-latest-tags', 'pod.yaml'], { cwd: dir });
    expect(run).toMatchObject({ status: 2 });
    expect(run.stderr).toContain('did you mean "no-latest-tag"?');
  });

  it('rejects an unknown option with a suggestion and exit 2', async () => {
    const run = await runCli(['lint', '--fromat', 'json', fixture('clean')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown option --fromat (did you mean "--format"?)');
  });
});

describe('k8s-bp lint: match', () => {
  const objects = path.join(ROOT, fixture('match', 'objects.yaml'));
  const flagged = async (match: object, extra: string[] = []) => {
    const dir = tempDir();
    const constraint = { rule: 'no-latest-tag', match };
    writeTemp(dir, '.k8s-bp.yaml', `constraints:\n  - ${JSON.stringify(constraint)}\n`);
    const { report } = await lintJson([objects, ...extra], { cwd: dir });
    return report.findings.map((finding) => finding.object?.name).sort();
  };

  it('selects by kind and API group', async () => {
    expect(await flagged({ kinds: [{ apiGroups: ['apps'], kinds: ['Deployment'] }] })).toEqual(['prod-api']);
  });

  it('selects by namespace, keeping manifests without a namespace as gator does', async () => {
    expect(await flagged({ namespaces: ['prod'] })).toEqual(['floating', 'prod-api', 'prod-batch', 'prod-web']);
  });

  it('applies --namespace to manifests without one', async () => {
    expect(await flagged({ namespaces: ['prod'] }, ['--namespace', 'dev'])).toEqual([
      'prod-api',
      'prod-batch',
      'prod-web',
    ]);
  });

  it('excludes namespaces, with a trailing wildcard', async () => {
    expect(await flagged({ excludedNamespaces: ['kube-*', 'dev'] })).toEqual([
      'floating',
      'prod-api',
      'prod-batch',
      'prod-web',
    ]);
  });

  it('selects by label selector', async () => {
    const match = { labelSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] } };
    expect(await flagged(match)).toEqual(['dev-web', 'prod-web']);
  });

  it('selects by the labels of the Namespace objects in the input', async () => {
    const names = await flagged({ namespaceSelector: { matchLabels: { tier: 'production' } } });
    expect(names).toEqual(expect.arrayContaining(['prod-api', 'prod-batch', 'prod-web']));
    expect(names).not.toContain('dev-web');
  });

  it('selects by name with a wildcard', async () => {
    expect(await flagged({ name: 'prod-*' })).toEqual(['prod-api', 'prod-batch', 'prod-web']);
  });

  it('selects by scope', async () => {
    expect(await flagged({ scope: 'Cluster' })).toEqual([]);
    expect(await flagged({ scope: 'Namespaced', name: 'dev-*' })).toEqual(['dev-web']);
  });
});

describe('k8s-bp: commands and help', () => {
  it('prints usage for --help and the version for --version', async () => {
    expect((await runCli(['--help'])).stdout).toContain('Usage: k8s-bp <command>');
    expect((await runCli(['lint', '--help'])).stdout).toContain('--max-warnings <n>');
    const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect((await runCli(['--version'])).stdout).toBe(`${version}\n`);
  });

  it('rejects an unknown command with a suggestion', async () => {
    const run = await runCli(['lnt', 'x']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown command "lnt" (did you mean "lint"?)');
  });
});

describe('k8s-bp rules', () => {
  it('lists every rule with its severity, presets and description', () => {
    const run = runBinary(['rules']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^RULE +SEVERITY +PRESETS +DESCRIPTION$/m);
    expect(run.stdout).toMatch(/^no-latest-tag +error +recommended.* +Reference every container image/m);
    expect(run.stdout).toMatch(/^allowed-repos +error +- +/m);
  });

  it("prints one rule's documentation", async () => {
    const run = await runCli(['rules', 'container-limits']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync(path.join(ROOT, 'docs/rules/container-limits.md'), 'utf8'));
  });

  it('suggests a rule for a typo', async () => {
    const run = await runCli(['rules', 'container-limit']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('did you mean "container-limits"?');
  });
});
