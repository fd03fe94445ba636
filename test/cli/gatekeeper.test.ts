import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBinary, runCli } from '../helpers/cli.js';

const FIXTURE = path.join(ROOT, 'fixtures', 'cli', 'gatekeeper');

/** A scratch copy of the fixture with a config that runs nothing but what a test adds. */
function workspace(config = 'extends: none\n'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'k8s-bp-gk-'));
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(path.join(dir, '.k8s-bp.yaml'), config);
  return dir;
}

const suiteText = () => readFileSync(path.join(FIXTURE, 'suite', 'suite.yaml'), 'utf8');

function jsonFindings(stdout: string): Array<Record<string, unknown>> {
  return (JSON.parse(stdout) as { findings: Array<Record<string, unknown>> }).findings;
}

const UNKNOWN_KIND = [
  'apiVersion: constraints.gatekeeper.sh/v1beta1',
  'kind: K8sHomegrownPolicy',
  'metadata:',
  '  name: ours',
  'spec:',
  '  parameters:',
  '    level: 3',
  '',
].join('\n');

describe('lint --constraints', () => {
  it('reads constraint files as linted files are read: standard input refused, --max-file-size applied', async () => {
    const cwd = workspace();
    const stdin = await runCli(['lint', '--constraints', '-', 'manifests/pod.yaml'], { cwd });
    expect(stdin.status).toBe(2);
    expect(stdin.stderr).toContain('--constraints takes files, folders or globs, not standard input (-)');
    const limited = await runCli(
      [
        'lint',
        '--constraints',
        'policy/allowed-repos.yaml',
        '--max-file-size',
        '10',
        '--format',
        'json',
        'manifests/pod.yaml',
      ],
      { cwd },
    );
    expect(limited.status, limited.stderr).toBe(1);
    expect(jsonFindings(limited.stdout).map((finding) => [finding.ruleId, finding.file])).toEqual([
      ['file-too-large', 'manifests/pod.yaml'],
      ['file-too-large', 'policy/allowed-repos.yaml'],
    ]);
  });

  it('enforces a Gatekeeper constraint and names its kind and name in JSON and SARIF', async () => {
    const cwd = workspace();
    const run = await runCli(['lint', '--constraints', 'policy/', '--format', 'json', 'manifests/pod.yaml'], { cwd });
    expect(run.status, run.stderr).toBe(1);
    const [finding, ...rest] = jsonFindings(run.stdout);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      ruleId: 'k8s-allowed-repos',
      constraintKind: 'K8sAllowedRepos',
      constraintName: 'registry-only',
      severity: 'error',
      file: 'manifests/pod.yaml',
      line: 11,
      message:
        'container <sidecar> has an invalid image repo <docker.io/library/busybox:1.36>, allowed repos are ["registry.example.com/"]',
    });
    const sarif = await runCli(['lint', '--constraints', 'policy/', '--format', 'sarif', 'manifests/pod.yaml'], {
      cwd,
    });
    const [result] = JSON.parse(sarif.stdout).runs[0].results;
    expect(result.properties).toMatchObject({ constraintKind: 'K8sAllowedRepos', constraintName: 'registry-only' });
  });

  it('reads constraint paths from the config, relative to the config file', async () => {
    const cwd = workspace('extends: none\nconstraints:\n  - policy/allowed-repos.yaml\n');
    const run = await runCli(['lint', '--format', 'json', 'pod.yaml'], { cwd: path.join(cwd, 'manifests') });
    expect(run.status, run.stderr).toBe(1);
    expect(jsonFindings(run.stdout).map((finding) => finding.constraintName)).toEqual(['registry-only']);
  });

  it('maps warn and scoped enforcement actions to warnings', async () => {
    const cwd = workspace();
    const constraint = path.join(cwd, 'policy', 'allowed-repos.yaml');
    const text = readFileSync(constraint, 'utf8').replace(
      'spec:\n',
      [
        'spec:',
        '  enforcementAction: scoped',
        '  scopedEnforcementActions:',
        '    - action: deny',
        '      enforcementPoints: [{ name: validation.gatekeeper.sh }]',
        '    - action: warn',
        '      enforcementPoints: [{ name: gator.gatekeeper.sh }]',
        '',
      ].join('\n'),
    );
    writeFileSync(constraint, text);
    const run = await runCli(['lint', '--constraints', 'policy/allowed-repos.yaml', '--format', 'json', 'manifests/'], {
      cwd,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(jsonFindings(run.stdout).map((finding) => finding.severity)).toEqual(['warning']);
  });

  it('reports a constraint of a kind it does not implement, listing the supported kinds', async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, 'policy', 'ours.yaml'), UNKNOWN_KIND);
    const run = await runCli(['lint', '--constraints', 'policy/ours.yaml', '--format', 'json', 'manifests/'], { cwd });
    expect(run.status, run.stderr).toBe(0);
    const [finding] = jsonFindings(run.stdout);
    expect(finding).toMatchObject({
      ruleId: 'unsupported-constraint',
      severity: 'warning',
      file: 'policy/ours.yaml',
      line: 2,
      constraintKind: 'K8sHomegrownPolicy',
    });
    expect(finding?.message).toContain('K8sHomegrownPolicy "ours" is not checked');
    expect(finding?.message).toContain('K8sAllowedRepos');
    expect(finding?.message).toContain('K8sPSPPrivilegedContainer');

    const strict = await runCli(['lint', '--constraints', 'policy/ours.yaml', '--strict-constraints', 'manifests/'], {
      cwd,
    });
    expect(strict.status).toBe(1);
    expect(strict.stdout).toMatch(/2:1\s+error\s+constraint K8sHomegrownPolicy/);
  });

  it('checks parameters against the ConstraintTemplate schema and says where they are wrong', async () => {
    const cwd = workspace();
    const constraint = path.join(cwd, 'policy', 'allowed-repos.yaml');
    writeFileSync(
      constraint,
      UNKNOWN_KIND.replace('K8sHomegrownPolicy', 'K8sAllowedRepos').replace('level: 3', 'repos: [1]'),
    );
    const run = await runCli(['lint', '--constraints', 'policy/', 'manifests/'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('policy/allowed-repos.yaml:');
    expect(run.stderr).toContain('parameters.repos[0] must be string (template schema)');
  });

  it('rejects an unknown enforcement action with its place', async () => {
    const cwd = workspace();
    writeFileSync(
      path.join(cwd, 'policy', 'allowed-repos.yaml'),
      UNKNOWN_KIND.replace('K8sHomegrownPolicy', 'K8sAllowedRepos')
        .replace('spec:\n', 'spec:\n  enforcementAction: block\n')
        .replace('level: 3', 'repos: []'),
    );
    const run = await runCli(['lint', '--constraints', 'policy/allowed-repos.yaml', 'manifests/'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('policy/allowed-repos.yaml:6:');
    expect(run.stderr).toContain('enforcementAction must be deny, warn, dryrun or scoped, not "block"');
  });

  it('does not lint constraints and templates found among the manifests unless asked', async () => {
    const cwd = workspace(
      'extends: none\nrules:\n  required-labels:\n    match:\n      kinds: [{ apiGroups: ["*"], kinds: ["*"] }]\n    parameters:\n      labels: [{ key: team }]\n',
    );
    const run = await runCli(['lint', '--verbose', '--format', 'json', 'policy/'], { cwd });
    expect(run.status, run.stderr).toBe(0);
    expect(jsonFindings(run.stdout)).toEqual([]);
    expect(run.stderr).toContain('skipped K8sAllowedRepos "registry-only": Gatekeeper policy, not a workload');
    const included = await runCli(['lint', '--include-policy-manifests', '--format', 'json', 'policy/'], { cwd });
    expect(jsonFindings(included.stdout).map((finding) => finding.file)).toEqual([
      'policy/allowed-repos.yaml',
      'policy/expansion.yaml',
      'policy/template.yaml',
    ]);
  });
});

describe('ExpansionTemplates', () => {
  it('review the Pod a Deployment implies, pointing into its pod template', async () => {
    const cwd = workspace();
    const run = await runCli(['lint', '--constraints', 'policy/', '--format', 'json', 'manifests/deployment.yaml'], {
      cwd,
    });
    expect(run.status, run.stderr).toBe(1);
    expect(jsonFindings(run.stdout)).toMatchObject([
      {
        ruleId: 'k8s-allowed-repos',
        constraintKind: 'K8sAllowedRepos',
        file: 'manifests/deployment.yaml',
        line: 15,
        path: 'spec.template.spec.containers[0].image',
        message:
          '[Implied by expand-deployments] container <api> has an invalid image repo <quay.io/shop/api:2.1>, allowed repos are ["registry.example.com/"]',
        object: { kind: 'Pod', namespace: 'shop' },
      },
    ]);
  });

  it('do nothing without an ExpansionTemplate: a Pod constraint does not see Deployments', async () => {
    const cwd = workspace();
    const run = await runCli(
      ['lint', '--constraints', 'policy/allowed-repos.yaml', '--format', 'json', 'manifests/deployment.yaml'],
      { cwd },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(jsonFindings(run.stdout)).toEqual([]);
  });
});

describe('verify', () => {
  it('runs a suite like a test runner and passes', () => {
    const run = runBinary(['verify', 'fixtures/cli/gatekeeper/suite/suite.yaml']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('registry-only K8sAllowedRepos registry-only');
    expect(run.stdout).toMatch(/✓ good\n\s+✓ bad\n\s+✓ update/);
    expect(run.stdout).toContain('Cases: 3 passed, 0 failed (3 in 1 suite)');
  });

  it('finds suites below a directory and reports JSON', async () => {
    const run = await runCli(['verify', '--format', 'json', 'fixtures/cli/gatekeeper']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.totals).toEqual({ suites: 1, cases: 3, passed: 3, failed: 0, notImplemented: 0, skipped: 0 });
    expect(report.suites[0].tests[0].cases[1]).toMatchObject({
      name: 'bad',
      status: 'passed',
      violations: [
        'container <sidecar> has an invalid image repo <busybox:1.36>, allowed repos are ["registry.example.com/"]',
      ],
    });
  });

  it('exits 1 and explains a failed assertion', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'k8s-bp-verify-'));
    cpSync(FIXTURE, dir, { recursive: true });
    const suite = path.join(dir, 'suite', 'suite.yaml');
    writeFileSync(suite, suiteText().replace('- violations: 1\n            message: busybox', '- violations: no'));
    const run = await runCli(['verify', 'suite/suite.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✗ bad');
    expect(run.stdout).toContain('expected violations: no; counted 1');
    expect(run.stdout).toContain('violation: container <sidecar> has an invalid image repo <busybox:1.36>');
    expect(run.stdout).toContain('2 passed, 1 failed');
  });

  it('exits 1 when a constraint kind is not implemented', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'k8s-bp-verify-'));
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(path.join(dir, 'policy', 'allowed-repos.yaml'), UNKNOWN_KIND);
    const run = await runCli(['verify', 'suite/suite.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('? good');
    expect(run.stdout).toContain('3 not implemented');
  });

  it('exits 2 when a suite or a file it names cannot be read', async () => {
    expect((await runCli(['verify', 'no/such/suite.yaml'])).stderr).toContain(
      'no/such/suite.yaml: no such file or directory',
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'k8s-bp-verify-'));
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(path.join(dir, 'suite', 'suite.yaml'), suiteText().replace('samples/good.yaml', 'samples/gone.yaml'));
    const run = await runCli(['verify', 'suite/suite.yaml'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('suite/samples/gone.yaml (named in suite/suite.yaml): cannot read: ENOENT');
    writeFileSync(path.join(dir, 'suite', 'suite.yaml'), 'kind: Suite\ntests: {}\n');
    const broken = await runCli(['verify', 'suite/suite.yaml'], { cwd: dir });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('suite/suite.yaml: tests must be a list');
  });
});
