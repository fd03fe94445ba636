/**
 * Schema validation from the command line: the target release from the flag
 * or the config, CRDs from the config's folders, and the notes that say what
 * could not be checked.
 */
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir, type JsonFinding } from '../helpers/cli.js';

const APP = 'fixtures/schema/app';

function project(config: string): string {
  const dir = tempDir();
  cpSync(path.join(ROOT, 'fixtures/schema'), dir, { recursive: true });
  writeFileSync(path.join(dir, '.k8s-bp.yaml'), config);
  return dir;
}

async function lint(args: readonly string[], cwd?: string) {
  const run = await runCli(['lint', '--format', 'json', ...args], cwd === undefined ? {} : { cwd });
  const findings = run.stdout ? (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings : [];
  return { run, schema: findings.filter((finding) => finding.ruleId.startsWith('schema-')) };
}

describe('k8s-bp lint: the target Kubernetes release', () => {
  it('judges against the newest release by default', async () => {
    const { schema } = await lint([APP]);
    expect(schema).toEqual([]);
  });

  it('says in which releases of a range a kind is not served, from the flag', async () => {
    const { schema } = await lint(['--kubernetes-version', '1.28-1.30', APP]);
    expect(schema.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`)).toEqual([
      `${APP}/deployment.yaml:1:13 schema-kind`,
    ]);
    expect(schema[0]?.message).toMatch(/\(in Kubernetes 1\.28–1\.29\)$/);
  });

  it('takes the release from the config, and asks to quote one that YAML reads as a number', async () => {
    const dir = project('extends: recommended\nkubernetesVersion: "1.29"\n');
    expect((await lint(['app'], dir)).schema.map((finding) => finding.ruleId)).toEqual(['schema-kind']);
    const unquoted = await lint(['app'], project('kubernetesVersion: 1.30\n'));
    expect(unquoted.run.status).toBe(2);
    expect(unquoted.run.stderr).toContain(
      '.k8s-bp.yaml:1:1: kubernetesVersion is the number 1.3 to YAML; quote the release',
    );
  });

  it('refuses a release it has no schemas for, naming the ones it has', async () => {
    const { run } = await lint(['--kubernetes-version', '1.40', APP]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      '--kubernetes-version: k8s-bp knows the Kubernetes API of releases 1.27 to 1.35, not 1.40',
    );
  });
});

describe('k8s-bp lint: custom resources and the CRDs in sight', () => {
  it('says in --verbose that a custom resource was not validated when its CRD is not in sight', async () => {
    const run = await runCli(['lint', '--verbose', APP]);
    expect(run.stderr).toContain('no CustomResourceDefinition in sight defines kind "Backup" of group "example.com"');
  });

  it("validates it against a CRD from the config's crds folders, which are not linted themselves", async () => {
    const dir = project('extends: recommended\ncrds: [crds/]\n');
    const { schema } = await lint(['app'], dir);
    expect(schema.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.message}`)).toEqual([
      'app/backup.yaml:7:3 Backup "nightly": unknown field "retention"',
    ]);
  });

  it('makes a custom resource without its CRD an error when schema-missing-crd is on', async () => {
    const { schema } = await lint(['--rule', 'schema-missing-crd', APP]);
    expect(schema.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId}`)).toEqual([
      '2:1 schema-missing-crd',
    ]);
  });
});
