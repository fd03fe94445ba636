/**
 * Kustomize overlays linted as built, end to end with the real Kustomize (the
 * reference kubectl, v1.35.2 with Kustomize v5.7.1): each finding lands on the
 * line the user edits, whichever part of the overlay wrote the value.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { decodeDocument, YAML_PARSE_OPTIONS } from '../../src/load/kube-yaml/decode.js';
import { renderKustomizations } from '../../src/render/kustomize/index.js';
import { readKustomization } from '../../src/render/kustomize/kustomization.js';
import { ROOT, runCli, tempDir, type JsonFinding } from '../helpers/cli.js';
import { referenceBinaries } from '../helpers/reference-binaries.js';

const FIXTURE = 'fixtures/kustomize';
const OVERLAY = `${FIXTURE}/overlay/kustomization.yaml`;
const binaries = referenceBinaries();
if (typeof binaries === 'string') console.log(`skipped the Kustomize tests that build: ${binaries}`);
const kubectl = typeof binaries === 'string' ? '' : binaries.kubectl;

async function lint(args: string[], cwd = ROOT) {
  const run = await runCli(['lint', '--format', 'json', '--kustomize-binary', kubectl, ...args], { cwd });
  return { ...run, findings: (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings };
}

const where = (finding: JsonFinding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`;

describe.skipIf(typeof binaries === 'string')('k8s-bp lint on a Kustomize overlay', () => {
  it('places each finding where the value was written: the image entry, the replica count, a JSON 6902 op, a patch file, the base', async () => {
    const { status, findings } = await lint([`${FIXTURE}/overlay`]);
    expect(status).toBe(1);
    const places = findings.map(where);
    expect(places).toEqual(
      expect.arrayContaining([
        `${OVERLAY}:10:5 no-latest-tag`, // images: newTag: latest
        `${OVERLAY}:13:5 pdb-for-replicated-workloads`, // replicas: count: 3
        `${OVERLAY}:20:9 no-latest-tag`, // the inline JSON 6902 op's value
        `${FIXTURE}/overlay/privileged.yaml:11:13 no-privileged`, // the strategic-merge patch
        `${FIXTURE}/base/deployment.yaml:16:11 container-limits`, // the base's container, which sets none
      ]),
    );
    // The base's own image tags were replaced by the overlay: nothing lands on those lines.
    expect(places.filter((place) => /base\/deployment\.yaml:(17|19):/.test(place))).toEqual([]);
    // The overlay that built the object is a related place of a finding in a base or patch.
    const privileged = findings.find((finding) => finding.ruleId === 'no-privileged');
    expect(privileged?.related).toEqual([{ file: OVERLAY, line: 1, column: 1, message: `built by ${OVERLAY}` }]);
  });

  it('places the namespace, name prefix, common labels and generated data at their kustomization entries', async () => {
    const entry = readKustomization(path.join(ROOT, FIXTURE, 'overlay'))!;
    const built = await renderKustomizations([entry], { cwd: ROOT, binary: kubectl, env: process.env });
    const deployment = built.resources.find((resource) => resource.kind === 'Deployment')!;
    const configMap = built.resources.find((resource) => resource.kind === 'ConfigMap')!;
    const at = (range: { file?: string; line: number; column: number }) =>
      `${range.file}:${range.line}:${range.column}`;
    expect(deployment.name).toBe('prod-web');
    expect(at(deployment.locator.locate(['metadata', 'namespace']))).toBe(`${OVERLAY}:4:1`);
    expect(at(deployment.locator.locate(['metadata', 'name']))).toBe(`${OVERLAY}:5:1`);
    expect(at(deployment.locator.locate(['spec', 'template', 'metadata', 'labels', 'team']))).toBe(`${OVERLAY}:7:3`);
    expect(at(deployment.locator.locate(['spec', 'template', 'metadata', 'labels', 'app']))).toBe(
      `${FIXTURE}/base/deployment.yaml:12:17`,
    );
    expect(at(configMap.locator.locate(['data', 'LOG_LEVEL']))).toBe(`${OVERLAY}:24:9`);
    // The objects linted are what Kustomize builds, without the annotations k8s-bp asked it for.
    const plain = spawnSync(kubectl, ['kustomize', path.join(ROOT, FIXTURE, 'overlay')], { encoding: 'utf8' });
    const expected = parseAllDocuments(plain.stdout, YAML_PARSE_OPTIONS).map(
      (document) => decodeDocument(document).value,
    );
    expect(built.resources.map((resource) => resource.object)).toEqual(expected);
  });

  it('lints the overlays only, so that a base shared by overlays is reported once, as built', async () => {
    const { findings } = await lint([FIXTURE]);
    const limits = findings.filter(
      (finding) => where(finding) === `${FIXTURE}/base/deployment.yaml:16:11 container-limits`,
    );
    expect(limits).toHaveLength(1);
    expect(limits[0]?.message).toContain('container "web"');
    // With the base as the entry point, it is built on its own: its image tag is its own again.
    const base = (await lint(['--kustomize-entry', `${FIXTURE}/base`, FIXTURE])).findings;
    expect(base.map(where)).not.toContain(`${OVERLAY}:10:5 no-latest-tag`);
    expect(base.some((finding) => finding.file.startsWith(`${FIXTURE}/overlay/`))).toBe(false);
  });

  it('honours a suppression comment in a patch, and --changed-since counts the patch line that changed', async () => {
    const dir = tempDir();
    cpSync(path.join(ROOT, FIXTURE), path.join(dir, 'k8s'), { recursive: true });
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('checkout', '-q', '-b', 'main');
    git('-c', 'user.name=t', '-c', 'user.email=t@t.invalid', 'commit', '-q', '--allow-empty', '-m', 'empty');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@t.invalid', 'commit', '-q', '-m', 'first');
    const patch = path.join(dir, 'k8s/overlay/privileged.yaml');
    writeFileSync(
      patch,
      readFileSync(patch, 'utf8').replace(
        'privileged: true',
        'privileged: true # k8s-bp-ignore no-privileged -- debug image',
      ),
    );
    const changed = (await lint(['--changed-since', 'main', 'k8s/overlay'], dir)).findings as Array<
      JsonFinding & { suppression?: unknown; outsideChanges?: boolean }
    >;
    const privileged = changed.filter((finding) => finding.file === 'k8s/overlay/privileged.yaml');
    expect(privileged.find((finding) => finding.ruleId === 'no-privileged')?.suppression).toMatchObject({
      source: 'comment',
    });
    // Only the patch's changed line counts, and the finding about what the changed object's namespace lacks.
    const counted = changed.filter((finding) => finding.outsideChanges !== true).map(where);
    expect(counted).toEqual([
      'k8s/overlay/kustomization.yaml:13:5 pdb-for-replicated-workloads',
      'k8s/overlay/privileged.yaml:11:13 no-privilege-escalation',
      'k8s/overlay/privileged.yaml:11:13 no-privileged',
    ]);
  });

  it('inflates a Helm chart that a kustomization names, and places its findings at the helmCharts entry', async () => {
    if (typeof binaries === 'string') return;
    const dir = tempDir();
    cpSync(path.join(ROOT, 'fixtures/set-aside/chart'), path.join(dir, 'charts/shop'), { recursive: true });
    writeFileSync(path.join(dir, 'kustomization.yaml'), 'helmCharts:\n  - name: shop\n    releaseName: shop\n');
    // Kustomize runs the helm it finds on PATH (a Helm 3: Kustomize 5.7 asks `helm version -c`, which Helm 4 refuses).
    const env = { PATH: `${path.dirname(binaries.helm3)}${path.delimiter}${process.env.PATH ?? ''}` };
    const run = await runCli(['lint', '--format', 'json', '--kustomize-binary', kubectl, '.'], { cwd: dir, env });
    const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((finding) => `${finding.file}:${finding.line}:${finding.column}`))).toEqual(
      new Set(['kustomization.yaml:2:5']),
    );
  });

  it("reports a kustomization that does not build at the kustomization, with Kustomize's message", async () => {
    const { status, findings } = await lint([`${FIXTURE}/broken`]);
    expect(status).toBe(1);
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'kustomize-build',
        file: `${FIXTURE}/broken/kustomization.yaml`,
        line: 1,
        column: 1,
      }),
    ]);
    expect(findings[0]?.message).toMatch(/^kustomize could not build this kustomization: .*missing\.yaml/);
  });

  it('prints the build with k8s-bp render, as kubectl kustomize does', async () => {
    const run = await runCli(['render', '--kustomize-binary', kubectl, `${FIXTURE}/overlay`]);
    expect(run.status).toBe(0);
    const plain = spawnSync(kubectl, ['kustomize', `${FIXTURE}/overlay`], { cwd: ROOT, encoding: 'utf8' });
    const decode = (text: string) =>
      parseAllDocuments(text, YAML_PARSE_OPTIONS).map((document) => decodeDocument(document).value);
    expect(decode(run.stdout)).toEqual(decode(plain.stdout));
    expect(run.stdout).not.toContain('config.kubernetes.io');
  });
});

describe('k8s-bp render with the Kustomize that the config names', () => {
  it("builds with the config's kustomize.binary when no Kustomize is on PATH, as lint does", async () => {
    if (typeof binaries === 'string') return;
    const dir = tempDir();
    cpSync(path.join(ROOT, FIXTURE), path.join(dir, 'k8s'), { recursive: true });
    writeFileSync(path.join(dir, '.k8s-bp.yaml'), `kustomize:\n  binary: ${JSON.stringify(kubectl)}\n`);
    mkdirSync(path.join(dir, 'bin'));
    const run = await runCli(['render', 'k8s/overlay'], { cwd: dir, env: { PATH: path.join(dir, 'bin') } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('kind: Deployment');
  });

  it('looks a bare program name up on PATH rather than in the working directory', async () => {
    if (typeof binaries === 'string') return;
    const dir = tempDir();
    cpSync(path.join(ROOT, FIXTURE), path.join(dir, 'k8s'), { recursive: true });
    writeFileSync(path.join(dir, '.k8s-bp.yaml'), 'kustomize:\n  binary: kubectl\n');
    const env = { PATH: path.dirname(kubectl) };
    const rendered = await runCli(['render', 'k8s/overlay'], { cwd: dir, env });
    expect(rendered.status).toBe(0);
    const linted = await runCli(['lint', '--format', 'json', 'k8s/overlay'], { cwd: dir, env });
    const findings = (JSON.parse(linted.stdout) as { findings: JsonFinding[] }).findings;
    expect(findings.filter((finding) => finding.ruleId === 'kustomize-build')).toEqual([]);
  });
});

describe('k8s-bp lint on a kustomization without a Kustomize at hand', () => {
  it('reports each kustomization as not built and says how to get one', async () => {
    const empty = tempDir();
    mkdirSync(path.join(empty, 'bin'));
    const run = await runCli(['lint', '--format', 'json', `${FIXTURE}/overlay`], {
      env: { PATH: path.join(empty, 'bin') },
    });
    const findings = (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
    expect(findings.map(where)).toEqual([`${OVERLAY}:1:1 kustomize-build`]);
    expect(findings[0]?.message).toMatch(/no Kustomize found; install kustomize .* or kubectl/);
    expect((await runCli(['render', `${FIXTURE}/overlay`], { env: { PATH: path.join(empty, 'bin') } })).stderr).toMatch(
      /^k8s-bp: no Kustomize found/,
    );
  });

  it('refuses to render a folder without a kustomization, and names a chart as one', async () => {
    const run = await runCli(['render', 'fixtures/set-aside/chart']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is a Helm chart');
  });
});
