import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

interface VerifyCase {
  name: string;
  status: string;
  error?: string;
  violations: string[];
}

interface VerifyReport {
  suites: { file: string; tests: { name: string; kind: string; ruleId?: string; cases: VerifyCase[] }[] }[];
  totals: { cases: number; passed: number; failed: number; notImplemented: number };
}

async function verify(...paths: string[]): Promise<{ status: number; report: VerifyReport; stderr: string }> {
  const run = await runCli(['verify', '--format', 'json', ...paths]);
  return { status: run.status, report: JSON.parse(run.stdout) as VerifyReport, stderr: run.stderr };
}

function statuses(report: VerifyReport): string[] {
  return report.suites.flatMap((suite) =>
    suite.tests.flatMap((test) => test.cases.map((item) => `${test.kind} ${test.name}/${item.name}: ${item.status}`)),
  );
}

describe('k8s-bp verify with CEL', () => {
  it('passes suites of ValidatingAdmissionPolicies, including updates reviewed from AdmissionReview objects', async () => {
    const { status, report, stderr } = await verify('fixtures/cel/verify');
    expect(stderr).toBe('');
    expect(statuses(report)).toEqual([
      'ValidatingAdmissionPolicy replica-limit/within-the-limit: passed',
      'ValidatingAdmissionPolicy replica-limit/above-the-limit: passed',
      'ValidatingAdmissionPolicy replica-limit/not-bound-outside-production: passed',
      'ValidatingAdmissionPolicy image-registry/denied-in-sandbox-as-a-warning: passed',
      'ValidatingAdmissionPolicy image-registry/allowed-registry: passed',
      'ValidatingAdmissionPolicy immutable-team/changed-on-update: passed',
      'ValidatingAdmissionPolicy immutable-team/created-without-team: passed',
    ]);
    expect(status).toBe(0);
  });

  it('passes the suites of Gatekeeper templates written in CEL, run from their template files', async () => {
    const { status, report } = await verify('fixtures/gatekeeper-cel');
    expect(report.suites.flatMap((suite) => suite.tests.map((test) => test.ruleId))).toEqual(
      Array.from({ length: 5 }, () => 'gatekeeper-cel'),
    );
    expect(report.totals).toMatchObject({ cases: 14, passed: 14, failed: 0, notImplemented: 0 });
    expect(status).toBe(0);
  });

  it('fails a policy case whose expression cannot be evaluated, and one whose assertion does not hold', async () => {
    const { status, report } = await verify('fixtures/cel/verify-failing');
    const [evaluation, assertion] = report.suites[0]?.tests[0]?.cases ?? [];
    expect(evaluation).toMatchObject({
      name: 'evaluation-error',
      status: 'failed',
      error: expect.stringMatching(/could not be evaluated: .*No such key: nodeName/) as unknown,
    });
    expect(assertion).toMatchObject({
      name: 'violation-not-expected',
      status: 'failed',
      violations: ['pods may not be placed on the control plane'],
    });
    expect(status).toBe(1);
  });

  it('reports a Rego-only template as not implemented, naming it, and fails', async () => {
    const { status, report } = await verify('fixtures/cel/rego-only');
    expect(report.totals).toMatchObject({ cases: 1, passed: 0, notImplemented: 1 });
    expect(status).toBe(1);
  });
});

describe('Gatekeeper templates without CEL code in lint', () => {
  it('are a warning on the constraint that names the kind and says only CEL code runs', async () => {
    const run = await runCli([
      'lint',
      '--format',
      'json',
      '--config',
      'fixtures/cel/none.yaml',
      '--constraints',
      'fixtures/cel/rego-only/template.yaml',
      '--constraints',
      'fixtures/cel/rego-only/constraint.yaml',
      'fixtures/cel/verify/cases/pod-without-team.yaml',
    ]);
    const { findings } = JSON.parse(run.stdout) as { findings: Record<string, unknown>[] };
    expect(findings).toMatchObject([
      {
        ruleId: 'unsupported-constraint',
        severity: 'warning',
        file: 'fixtures/cel/rego-only/constraint.yaml',
        line: 2,
        message: expect.stringMatching(
          /^constraint K8sDenyAll "deny-everything" is not checked: its template has rego code, and k8s-bp runs only CEL \(K8sNativeValidation\) code/,
        ) as unknown,
      },
    ]);
    expect(run.status).toBe(0);
  });
});
