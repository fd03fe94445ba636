/**
 * Adopting k8s-bp in a repository with a history: suppressions (comments,
 * annotations, the config), baselines, and --changed-since, end to end
 * through the built CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { sarifSchemaErrors } from '../helpers/sarif-schema.js';

interface Suppression {
  kind: string;
  source: string;
  justification?: string;
  location?: { file: string; line: number; column: number };
}
interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  message: string;
  suppression?: Suppression;
  baselineState?: string;
  fingerprint?: string;
  outsideChanges?: boolean;
}
interface JsonReport {
  summary: { errors: number; warnings: number; notes: number; suppressed: number; outsideChanges: number };
  baseline?: { file: string; unchanged: number; new: number; fixed: number; unchecked: number; pruned?: boolean };
  changedSince?: string;
  findings: JsonFinding[];
}

/** Two rules with fixed severities, so that rules added to the presets later change nothing here. */
const CONFIG = 'extends: none\nrules:\n  no-latest-tag: deny\n  no-privileged: deny\n  container-limits: warn\n';

/** A Pod with an error on line 9 (the `latest` tag) and a warning on line 8 (no limits). */
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: web
      image: nginx:latest
`;

/** A directory holding the files given, by path. */
function project(files: Record<string, string>): string {
  const dir = tempDir('k8s-bp-adopt-');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

async function lintJson(dir: string, args: string[] = []) {
  const run = await runCli(['lint', '--format', 'json', ...args, '.'], { cwd: dir });
  if (run.stdout === '') throw new Error(`no report: ${run.stderr}`);
  return { ...run, report: JSON.parse(run.stdout) as JsonReport };
}

const byRule = (report: JsonReport, ruleId: string) => report.findings.filter((finding) => finding.ruleId === ruleId);

describe('suppressions', () => {
  it('silences a finding with a comment on the line above or at the end of its line, keeping it in the report', async () => {
    const dir = project({
      '.k8s-bp.yaml': CONFIG,
      'pod.yaml': POD.replace(
        '      image: nginx:latest\n',
        '      # k8s-bp-ignore no-latest-tag -- the mirror pins it\n      image: nginx:latest\n',
      ).replace('    - name: web\n', '    - name: web # k8s-bp-ignore container-limits\n'),
    });
    const { status, report } = await lintJson(dir);
    expect(status).toBe(0);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0, suppressed: 2 });
    expect(byRule(report, 'no-latest-tag')[0]).toMatchObject({
      severity: 'error',
      line: 10,
      suppression: {
        kind: 'inSource',
        source: 'comment',
        justification: 'the mirror pins it',
        location: { file: 'pod.yaml', line: 9, column: 7 },
      },
    });
    expect(byRule(report, 'container-limits')[0]?.suppression).toEqual({
      kind: 'inSource',
      source: 'comment',
      location: { file: 'pod.yaml', line: 8, column: 17 },
    });
  });

  it('silences rules for an object, or for its pod template, with an annotation and its reason', async () => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: agent
  annotations:
    k8s-bp.dev/ignore: no-privileged
    k8s-bp.dev/ignore-reason: node agent, reviewed by security
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata:
      labels: { app: agent }
      annotations: { k8s-bp.dev/ignore: 'no-latest-tag, container-limits', k8s-bp.dev/ignore-reason: vendor image }
    spec:
      containers:
        - name: agent
          image: agent:latest
          securityContext: { privileged: true }
`;
    const dir = project({ '.k8s-bp.yaml': CONFIG, 'agent.yaml': deployment, 'pod.yaml': POD });
    const { status, report } = await lintJson(dir);
    const agent = report.findings.filter((finding) => finding.file === 'agent.yaml');
    expect(agent.map((finding) => [finding.ruleId, finding.suppression?.justification])).toEqual([
      ['container-limits', 'vendor image'],
      ['no-latest-tag', 'vendor image'],
      ['no-privileged', 'node agent, reviewed by security'],
    ]);
    expect(agent.every((finding) => finding.suppression?.source === 'annotation')).toBe(true);
    // The annotation on one object does not reach another.
    expect(byRule(report, 'no-latest-tag').find((finding) => finding.file === 'pod.yaml')?.suppression).toBeUndefined();
    expect(status).toBe(1);
  });

  it('silences rules by path in the config, as an external suppression', async () => {
    const dir = project({
      '.k8s-bp.yaml': `${CONFIG}ignore:\n  - paths: ['legacy/**']\n    rules: [no-latest-tag, container-limits]\n    reason: frozen, retired next quarter\n`,
      'legacy/old.yaml': POD,
      'k8s/pod.yaml': POD.replace('nginx:latest', 'nginx:1.27'),
    });
    const { status, report } = await lintJson(dir);
    expect(report.findings.map((finding) => [finding.file, finding.ruleId, finding.suppression?.kind])).toEqual([
      ['k8s/pod.yaml', 'container-limits', undefined],
      ['legacy/old.yaml', 'container-limits', 'external'],
      ['legacy/old.yaml', 'no-latest-tag', 'external'],
    ]);
    expect(byRule(report, 'no-latest-tag')[0]?.suppression).toEqual({
      kind: 'external',
      source: 'config',
      justification: 'frozen, retired next quarter',
      location: { file: '.k8s-bp.yaml', line: 7, column: 5 },
    });
    expect(status).toBe(0);
  });

  it('accepts a Gatekeeper constraint name or kind in an ignore list', async () => {
    const constraint = `apiVersion: constraints.gatekeeper.sh/v1beta1
kind: K8sDisallowedTags
metadata: { name: no-latest }
spec:
  match: { kinds: [{ apiGroups: [''], kinds: [Pod] }] }
  parameters: { tags: [latest] }
`;
    const dir = project({
      '.k8s-bp.yaml': 'extends: none\n',
      'policy/tags.yaml': constraint,
      'k8s/a.yaml': POD.replace('      image:', '      # k8s-bp-ignore no-latest -- by constraint name\n      image:'),
      'k8s/b.yaml': POD.replace('      image:', '      # k8s-bp-ignore K8sDisallowedTags -- by kind\n      image:'),
    });
    const run = await runCli(['lint', '--format', 'json', '--constraints', 'policy', 'k8s'], { cwd: dir });
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.findings.map((finding) => finding.suppression?.justification)).toEqual([
      'by constraint name',
      'by kind',
    ]);
    expect(run.status).toBe(0);
  });

  it('warns about suppressions that silence nothing, so that they do not rot', async () => {
    const dir = project({
      '.k8s-bp.yaml': `${CONFIG}ignore:\n  - paths: ['vendor/**']\n    rules: [no-privileged]\n`,
      'pod.yaml': POD.replace(
        '  name: web\n',
        '  name: web\n  annotations: { k8s-bp.dev/ignore: no-privileged }\n',
      ).replace(
        '      image: nginx:latest\n',
        '      image: nginx:latest # k8s-bp-ignore no-latest-tag, no-privileged, no-latest\n',
      ),
    });
    const { status, report } = await lintJson(dir);
    const unused = byRule(report, 'unused-suppression').map(({ file, line, severity, message }) => ({
      file,
      line,
      severity,
      message,
    }));
    expect(unused).toEqual([
      {
        file: '.k8s-bp.yaml',
        line: 7,
        severity: 'warning',
        message:
          'unused suppression: no-privileged reports nothing in files matching vendor/**; remove it from this ignore entry',
      },
      {
        file: 'pod.yaml',
        line: 5,
        severity: 'warning',
        message:
          'unused suppression: no-privileged reports nothing on this object; remove it from the k8s-bp.dev/ignore annotation',
      },
      {
        file: 'pod.yaml',
        line: 10,
        severity: 'warning',
        message: 'unused suppression: no rule or constraint is called "no-latest" (did you mean "no-latest-tag"?)',
      },
      {
        file: 'pod.yaml',
        line: 10,
        severity: 'warning',
        message:
          'unused suppression: no-privileged reports nothing on line 10; remove it from this k8s-bp-ignore comment',
      },
    ]);
    expect(status).toBe(0);
    expect((await runCli(['lint', '--max-warnings', '3', '.'], { cwd: dir })).status).toBe(1);
  });

  it('makes a suppression without a reason an error with --require-ignore-reason, or requireIgnoreReason in the config', async () => {
    const pod = POD.replace('      image: nginx:latest\n', '      image: nginx:latest # k8s-bp-ignore no-latest-tag\n');
    const noLimits = CONFIG.replace('container-limits: warn', 'container-limits: off');
    const dir = project({ '.k8s-bp.yaml': noLimits, 'pod.yaml': pod });
    expect((await lintJson(dir)).status).toBe(0);
    const { status, report } = await lintJson(dir, ['--require-ignore-reason']);
    expect(status).toBe(1);
    expect(byRule(report, 'suppression-without-reason')).toMatchObject([
      {
        severity: 'error',
        file: 'pod.yaml',
        line: 9,
        message: expect.stringContaining('add one after " -- "') as string,
      },
    ]);
    // The finding itself stays suppressed; the missing reason is what fails.
    expect(byRule(report, 'no-latest-tag')[0]?.suppression?.source).toBe('comment');

    writeFileSync(path.join(dir, '.k8s-bp.yaml'), `${noLimits}requireIgnoreReason: true\n`);
    expect(byRule((await lintJson(dir)).report, 'suppression-without-reason')).toHaveLength(1);
  });

  it('asks for a reason on annotations and config entries too, and accepts k8s-bp.dev/ignore-reason and reason:', async () => {
    const withAnnotation = (annotations: string) =>
      POD.replace('  namespace: shop\n', `  namespace: shop\n  annotations: { ${annotations} }\n`);
    const dir = project({
      '.k8s-bp.yaml': `${CONFIG}ignore:\n  - { paths: [legacy.yaml], rules: [no-latest-tag, container-limits] }\n`,
      'pod.yaml': withAnnotation("k8s-bp.dev/ignore: 'no-latest-tag,container-limits'"),
      'legacy.yaml': POD.replace(/web/g, 'old'),
    });
    const { status, report } = await lintJson(dir, ['--require-ignore-reason']);
    expect(status).toBe(1);
    expect(
      byRule(report, 'suppression-without-reason').map(({ file, line, message }) => [file, line, message]),
    ).toEqual([
      ['.k8s-bp.yaml', 7, 'suppression without a reason: add reason: to this ignore entry'],
      ['pod.yaml', 6, 'suppression without a reason: add a k8s-bp.dev/ignore-reason annotation that says why'],
    ]);

    writeFileSync(
      path.join(dir, '.k8s-bp.yaml'),
      `${CONFIG}ignore:\n  - { paths: [legacy.yaml], rules: [no-latest-tag, container-limits], reason: retired soon }\n`,
    );
    writeFileSync(
      path.join(dir, 'pod.yaml'),
      withAnnotation("k8s-bp.dev/ignore: 'no-latest-tag,container-limits', k8s-bp.dev/ignore-reason: pinned upstream"),
    );
    const reasoned = await lintJson(dir, ['--require-ignore-reason']);
    expect(reasoned.status).toBe(0);
    expect(reasoned.report.summary).toMatchObject({ errors: 0, warnings: 0, suppressed: 4 });
    expect(report.findings.length).toBe(reasoned.report.findings.length + 2);
  });

  it("warns about a pod template's annotation that silences nothing in the template", async () => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: { matchLabels: { app: web } }
  template:
    metadata:
      labels: { app: web }
      annotations: { k8s-bp.dev/ignore: 'no-latest-tag,no-privileged', k8s-bp.dev/ignore-reason: mirrored }
    spec:
      containers:
        - name: web
          image: nginx:latest
          resources: { limits: { cpu: 100m, memory: 64Mi } }
`;
    const { status, report } = await lintJson(project({ '.k8s-bp.yaml': CONFIG, 'web.yaml': deployment }));
    expect(status).toBe(0);
    expect(byRule(report, 'no-latest-tag')[0]?.suppression).toMatchObject({
      source: 'annotation',
      justification: 'mirrored',
    });
    expect(byRule(report, 'unused-suppression').map(({ line, message }) => [line, message])).toEqual([
      [
        10,
        'unused suppression: no-privileged reports nothing on this pod template; remove it from the k8s-bp.dev/ignore annotation',
      ],
    ]);
  });

  it('counts suppressed findings in the stylish summary, and lists them with --show-suppressed', async () => {
    const pod = POD.replace(
      '      image: nginx:latest\n',
      '      image: nginx:latest # k8s-bp-ignore no-latest-tag -- mirrored\n',
    );
    const dir = project({ '.k8s-bp.yaml': CONFIG, 'pod.yaml': pod });
    const run = await runCli(['lint', '.'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('no-latest-tag');
    expect(run.stdout).toMatch(/✖ 1 problem \(0 errors, 1 warning\) in 2 files, 1 resource; 1 suppressed\n$/);
    const shown = await runCli(['lint', '--show-suppressed', '.'], { cwd: dir });
    expect(shown.stdout).toMatch(
      / {4}9:7 +error +uses image "nginx:latest".* no-latest-tag +\(suppressed by a comment: mirrored\)/,
    );

    writeFileSync(
      path.join(dir, 'pod.yaml'),
      pod.replace('    - name: web\n', '    - name: web # k8s-bp-ignore container-limits\n'),
    );
    expect((await runCli(['lint', '.'], { cwd: dir })).stdout).toBe(
      '✔ no problems (2 files, 1 resource); 2 suppressed\n',
    );
  });

  it('writes suppressed findings to SARIF with their suppressions, valid against the SARIF schema', async () => {
    const dir = project({
      '.k8s-bp.yaml': `${CONFIG}ignore:\n  - { paths: [pod.yaml], rules: [container-limits], reason: sized by the operator }\n`,
      'pod.yaml': POD.replace(
        '      image: nginx:latest\n',
        '      # k8s-bp-ignore no-latest-tag -- mirrored\n      image: nginx:latest\n',
      ),
    });
    const run = await runCli(['lint', '--format', 'sarif', '.'], { cwd: dir });
    expect(run.status).toBe(0);
    const log = JSON.parse(run.stdout) as SarifLog;
    expect(sarifSchemaErrors(log)).toEqual([]);
    const results = log.runs[0]?.results ?? [];
    expect(results.map((result) => [result.ruleId, result.suppressions])).toEqual([
      [
        'container-limits',
        [
          {
            kind: 'external',
            justification: 'sized by the operator',
            location: location('.k8s-bp.yaml', 7, 5),
            properties: { source: 'config' },
          },
        ],
      ],
      [
        'no-latest-tag',
        [
          {
            kind: 'inSource',
            justification: 'mirrored',
            location: location('pod.yaml', 9, 7),
            properties: { source: 'comment' },
          },
        ],
      ],
    ]);
  });
});

/** Runs the SARIF multitool's GitHub ingestion rules on a log, as test/unit/report/sarif-multitool.test.ts does. */
function multitoolGitHubErrors(dir: string, sarif: string): string[] {
  const require = createRequire(import.meta.url);
  const multitool = require('@microsoft/sarif-multitool') as string;
  const input = path.join(dir, 'k8s-bp.sarif');
  const output = path.join(dir, 'validation.sarif');
  writeFileSync(input, sarif);
  const args = ['validate', '--rule-kind', 'Gh', '--level', 'Error', '-o', output, input];
  const run = spawnSync(multitool, args, { encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0)
    throw new Error(`sarif-multitool failed: ${run.error?.message ?? ''}${run.stdout}${run.stderr}`);
  const log = JSON.parse(readFileSync(output, 'utf8')) as {
    runs: {
      results?: { ruleId?: string; message?: { id?: string } }[];
      invocations?: { executionSuccessful: boolean }[];
    }[];
  };
  if (log.runs[0]?.invocations?.[0]?.executionSuccessful !== true) throw new Error('sarif-multitool did not analyse');
  return (log.runs[0]?.results ?? []).map((result) => `${result.ruleId ?? '?'} ${result.message?.id ?? ''}`);
}

interface SarifResult {
  ruleId: string;
  level: string;
  suppressions?: unknown[];
  baselineState?: string;
  properties: Record<string, unknown>;
}
interface SarifLog {
  runs: { results: SarifResult[]; properties?: Record<string, unknown> }[];
}

function location(uri: string, startLine: number, startColumn: number) {
  return {
    physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: { startLine, startColumn } },
  };
}

describe('baselines', () => {
  it('records the current findings, and then fails only on new ones; lines inserted above a finding change nothing', async () => {
    const dir = project({ '.k8s-bp.yaml': CONFIG, 'k8s/pod.yaml': POD });
    const write = await runCli(['lint', '--write-baseline', '.k8s-bp-baseline.json', 'k8s'], { cwd: dir });
    expect(write.status).toBe(0);
    expect(write.stderr).toBe('k8s-bp: wrote 2 findings to the baseline .k8s-bp-baseline.json\n');
    expect(write.stdout).toMatch(/✔ no problems \(1 file, 1 resource\); 2 suppressed\n$/);
    const file = JSON.parse(readFileSync(path.join(dir, '.k8s-bp-baseline.json'), 'utf8')) as {
      version: number;
      tool: { name: string };
      entries: { ruleId: string; file: string; object: string; path: string; fingerprint: string }[];
    };
    expect(file).toMatchObject({ version: 2, tool: { name: 'k8s-bp' } });
    expect(file.entries.map(({ ruleId, file: where, object, path: field }) => [ruleId, where, object, field])).toEqual([
      ['container-limits', 'k8s/pod.yaml', 'v1/Pod/shop/web', 'spec.containers[0].resources.limits'],
      ['no-latest-tag', 'k8s/pod.yaml', 'v1/Pod/shop/web', 'spec.containers[0].image'],
    ]);

    // Lines inserted above the findings: the same findings, still baselined.
    const moved = `# The web tier.\n# Owned by the shop team.\n\n${POD.replace('  name: web\n', '  name: web\n  labels:\n    app: web\n')}`;
    writeFileSync(path.join(dir, 'k8s/pod.yaml'), moved);
    const same = await lintJson(dir, ['--baseline', '.k8s-bp-baseline.json']);
    expect(same.status).toBe(0);
    expect(same.report.findings.map((finding) => [finding.ruleId, finding.line, finding.baselineState])).toEqual([
      ['container-limits', 13, 'unchanged'],
      ['no-latest-tag', 14, 'unchanged'],
    ]);
    expect(same.report.findings.every((finding) => finding.suppression?.source === 'baseline')).toBe(true);
    expect(same.report.baseline).toEqual({
      file: '.k8s-bp-baseline.json',
      unchanged: 2,
      new: 0,
      fixed: 0,
      unchecked: 0,
    });

    // A new problem fails; a changed value is a new problem.
    writeFileSync(path.join(dir, 'k8s/pod.yaml'), moved.replace('nginx:latest', 'redis:latest'));
    const changed = await lintJson(dir, ['--baseline', '.k8s-bp-baseline.json']);
    expect(changed.status).toBe(1);
    expect(changed.report.findings.map((finding) => [finding.ruleId, finding.baselineState])).toEqual([
      ['container-limits', 'unchanged'],
      ['no-latest-tag', 'new'],
    ]);
    expect(changed.report.baseline).toMatchObject({ unchanged: 1, new: 1, fixed: 1 });
  });

  it('marks every SARIF result new or unchanged against the baseline, valid against the schema', async () => {
    const dir = project({ '.k8s-bp.yaml': CONFIG, 'pod.yaml': POD });
    await runCli(['lint', '--write-baseline', 'baseline.json', 'pod.yaml'], { cwd: dir });
    writeFileSync(path.join(dir, 'pod.yaml'), `${POD}      securityContext: { privileged: true }\n`);
    const run = await runCli(['lint', '--format', 'sarif', '--baseline', 'baseline.json', 'pod.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout) as SarifLog;
    expect(sarifSchemaErrors(log)).toEqual([]);
    const results = log.runs[0]?.results ?? [];
    expect(results.map((result) => [result.ruleId, result.baselineState, result.suppressions?.length ?? 0])).toEqual([
      ['container-limits', 'unchanged', 1],
      ['no-latest-tag', 'unchanged', 1],
      ['no-privileged', 'new', 0],
    ]);
    expect(results[0]?.suppressions).toEqual([
      { kind: 'external', justification: 'recorded in the baseline baseline.json', properties: { source: 'baseline' } },
    ]);
    expect(log.runs[0]?.properties).toEqual({
      baseline: { file: 'baseline.json', unchanged: 2, new: 1, fixed: 0, unchecked: 0 },
    });
  });

  it(
    'writes SARIF that GitHub code scanning accepts, with every kind of suppression and the findings about them',
    {
      timeout: 60_000,
    },
    async () => {
      const legacy = POD.replace(/web/g, 'old').replace(
        '      image: nginx:latest\n',
        '      image: nginx:latest\n      securityContext: { privileged: true } # k8s-bp-ignore no-privileged, container-limits\n',
      );
      const dir = project({
        '.k8s-bp.yaml': `${CONFIG}ignore:\n  - { paths: [legacy.yaml], rules: [no-latest-tag], reason: frozen }\n`,
        'pod.yaml': POD.replace(
          '  namespace: shop\n',
          '  namespace: shop\n  annotations: { k8s-bp.dev/ignore: container-limits }\n',
        ),
        'legacy.yaml': legacy,
      });
      expect((await runCli(['lint', '--write-baseline', 'baseline.json', '.'], { cwd: dir })).status).toBe(0);
      writeFileSync(
        path.join(dir, 'pod.yaml'),
        `${readFileSync(path.join(dir, 'pod.yaml'), 'utf8')}      securityContext: { privileged: true }\n`,
      );
      const args = ['lint', '--format', 'sarif', '--require-ignore-reason', '--baseline', 'baseline.json', '.'];
      const run = await runCli(args, { cwd: dir });
      expect(run.status).toBe(1);
      const log = JSON.parse(run.stdout) as SarifLog;
      const results = log.runs[0]?.results ?? [];
      const kinds = (result: SarifResult) => (result.suppressions ?? []).map((each) => (each as { kind: string }).kind);
      expect(results.map((result) => [result.ruleId, result.baselineState, ...kinds(result)])).toEqual([
        ['container-limits', 'unchanged', 'external'],
        ['no-latest-tag', 'new', 'external'],
        ['no-privileged', 'new', 'inSource'],
        ['suppression-without-reason', 'new'],
        ['unused-suppression', 'new'],
        ['suppression-without-reason', 'new'],
        ['container-limits', 'new', 'inSource'],
        ['no-latest-tag', 'unchanged', 'external'],
        ['no-privileged', 'new'],
      ]);
      expect(sarifSchemaErrors(log)).toEqual([]);
      expect(multitoolGitHubErrors(dir, run.stdout)).toEqual([]);
    },
  );

  it('counts fixed entries, reminds to prune them, and removes them with --prune-baseline', async () => {
    const second = POD.replace(/web/g, 'api');
    const dir = project({ '.k8s-bp.yaml': CONFIG, 'k8s/web.yaml': POD, 'k8s/api.yaml': second });
    await runCli(['lint', '--write-baseline', 'baseline.json', 'k8s'], { cwd: dir });
    const entries = () =>
      (
        JSON.parse(readFileSync(path.join(dir, 'baseline.json'), 'utf8')) as {
          entries: { file: string; ruleId: string }[];
        }
      ).entries;
    expect(entries()).toHaveLength(4);

    writeFileSync(path.join(dir, 'k8s/web.yaml'), POD.replace('nginx:latest', 'nginx:1.27.2'));
    const stylish = await runCli(['lint', '--baseline', 'baseline.json', 'k8s'], { cwd: dir });
    expect(stylish.status).toBe(0);
    expect(stylish.stdout).toContain(
      '1 baseline entry in baseline.json no longer matches a finding; remove it with --prune-baseline\n',
    );
    // Linting only part of the tree judges only that part: entries for other files are kept.
    const partial = await runCli(['lint', '--format', 'json', '--baseline', 'baseline.json', 'k8s/api.yaml'], {
      cwd: dir,
    });
    expect((JSON.parse(partial.stdout) as JsonReport).baseline).toMatchObject({ fixed: 0, unchecked: 2 });

    const prune = await runCli(['lint', '--baseline', 'baseline.json', '--prune-baseline', 'k8s'], { cwd: dir });
    expect(prune.status).toBe(0);
    expect(prune.stderr).toBe('k8s-bp: removed 1 fixed entry from the baseline baseline.json\n');
    expect(prune.stdout).not.toContain('--prune-baseline');
    expect(entries().map((entry) => `${entry.file} ${entry.ruleId}`)).toEqual([
      'k8s/api.yaml container-limits',
      'k8s/api.yaml no-latest-tag',
      'k8s/web.yaml container-limits',
    ]);
    const again = await runCli(['lint', '--baseline', 'baseline.json', '--prune-baseline', 'k8s'], { cwd: dir });
    expect(again.stderr).toContain('nothing to prune');
  });

  it.each([
    [['--prune-baseline'], '--prune-baseline needs the baseline to prune: --baseline FILE'],
    [['--baseline', 'a.json', '--write-baseline', 'b.json'], 'use either --baseline or --write-baseline, not both'],
    [['--write-baseline', 'b.json', '--changed-since', 'HEAD'], '--write-baseline records every finding'],
    [
      ['--baseline', 'missing.json'],
      'baseline file missing.json not found; create it with --write-baseline missing.json',
    ],
    [['--baseline', 'cut.json'], 'baseline file cut.json is not valid: not JSON ('],
    [['--baseline', 'old.json'], 'baseline file old.json is not valid: version 0 is not one of 1, 2'],
    [['--baseline', 'k8s'], 'baseline file k8s is a directory; name the baseline file itself'],
    [
      ['--write-baseline', 'ci/baseline.json'],
      'cannot write the baseline ci/baseline.json: the directory ci does not exist',
    ],
  ])('stops with exit status 2 on %j', async (args, message) => {
    const dir = project({
      'pod.yaml': POD,
      'cut.json': '{ "version": 1, "entries": [',
      'old.json': '{ "version": 0, "entries": [] }',
      'k8s/.keep': '',
    });
    const run = await runCli(['lint', ...args, 'pod.yaml'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

/** Runs git in `dir`, failing the test on an error. */
function git(dir: string, ...args: string[]): string {
  const run = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

/** A repository with one commit on main, holding `files`. */
function repository(files: Record<string, string>): string {
  const dir = project(files);
  git(dir, 'init', '-q');
  git(dir, 'config', 'user.name', 'k8s-bp test');
  git(dir, 'config', 'user.email', 'test@k8s-bp.invalid');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'checkout', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'first');
  return dir;
}

function commitAll(dir: string, message: string): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}

const INGRESS = (name: string) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  annotations: { kubernetes.io/ingress.allow-http: 'false' }
spec:
  tls: [{ hosts: [shop.example.com] }]
  rules:
    - host: shop.example.com
`;

describe('--changed-since', () => {
  const config = `${CONFIG}  unique-ingress-host: deny\n`;

  it('fails only on findings in lines changed since the revision, and keeps the others in the report', async () => {
    const dir = repository({ '.k8s-bp.yaml': config, 'k8s/web.yaml': POD, 'k8s/api.yaml': POD.replace(/web/g, 'api') });
    git(dir, 'checkout', '-q', '-b', 'feature');
    // Second commit: a new container with a `latest` image in web.yaml, and nothing of note in api.yaml.
    writeFileSync(
      path.join(dir, 'k8s/web.yaml'),
      `${POD}    - name: sidecar\n      image: envoy:latest\n      resources: { limits: { cpu: 100m, memory: 64Mi } }\n`,
    );
    writeFileSync(
      path.join(dir, 'k8s/api.yaml'),
      POD.replace(/web/g, 'api').replace('  name: api\n', '  name: api\n  labels: { app: api }\n'),
    );
    commitAll(dir, 'second');

    const { status, report } = await lintJson(dir, ['--changed-since', 'main']);
    expect(status).toBe(1);
    expect(report.changedSince).toBe('main');
    const counted = report.findings.filter((finding) => finding.outsideChanges !== true);
    expect(counted.map((finding) => [finding.file, finding.line, finding.ruleId])).toEqual([
      ['k8s/web.yaml', 11, 'no-latest-tag'],
    ]);
    expect(report.summary).toMatchObject({ errors: 1, warnings: 0, outsideChanges: 4 });
    expect(byRule(report, 'no-latest-tag').filter((finding) => finding.outsideChanges === true)).toHaveLength(2);

    const stylish = await runCli(['lint', '--changed-since', 'main', '.'], { cwd: dir });
    expect(stylish.stdout).toMatch(
      /✖ 1 problem \(1 error, 0 warnings\) in 3 files, 2 resources; 4 outside the changes since main\n$/,
    );

    // Against the branch's own tip nothing changed, and nothing fails.
    expect((await lintJson(dir, ['--changed-since', 'HEAD'])).report.summary).toMatchObject({
      errors: 0,
      outsideChanges: 5,
    });
  });

  it('works from any directory inside the repository, with paths relative to it', async () => {
    const dir = repository({ '.k8s-bp.yaml': config, 'k8s/apps/web.yaml': POD, 'docs/readme.md': 'docs\n' });
    writeFileSync(path.join(dir, 'k8s/apps/web.yaml'), `${POD}    - name: sidecar\n      image: envoy:latest\n`);
    const counted = async (cwd: string, target: string) => {
      const run = await runCli(['lint', '--format', 'json', '--changed-since', 'main', target], {
        cwd: path.join(dir, cwd),
      });
      const report = JSON.parse(run.stdout) as JsonReport;
      return report.findings
        .filter((finding) => finding.ruleId === 'no-latest-tag')
        .map((finding) => [path.resolve(dir, cwd, finding.file), finding.line, finding.outsideChanges ?? false]);
    };
    const expected = [
      [path.join(dir, 'k8s/apps/web.yaml'), 9, true],
      [path.join(dir, 'k8s/apps/web.yaml'), 11, false],
    ];
    expect(await counted('.', 'k8s')).toEqual(expected);
    expect(await counted('k8s/apps', 'web.yaml')).toEqual(expected);
    expect(await counted('docs', '../k8s')).toEqual(expected);
  });

  it('counts uncommitted and untracked changes, and cross-resource findings that involve a changed object', async () => {
    const dir = repository({ '.k8s-bp.yaml': config, 'k8s/shop.yaml': INGRESS('shop'), 'k8s/web.yaml': POD });
    git(dir, 'checkout', '-q', '-b', 'feature');
    writeFileSync(path.join(dir, 'k8s/shop-canary.yaml'), INGRESS('shop-canary')); // untracked
    const { status, report } = await lintJson(dir, ['--changed-since', 'main']);
    expect(status).toBe(1);
    const hosts = byRule(report, 'unique-ingress-host');
    // The unchanged Ingress's finding counts too: the other object it names is new.
    expect(hosts.map((finding) => [finding.file, finding.outsideChanges ?? false])).toEqual([
      ['k8s/shop-canary.yaml', false],
      ['k8s/shop.yaml', false],
    ]);
    expect(byRule(report, 'no-latest-tag')[0]?.outsideChanges).toBe(true);

    // An uncommitted edit of a tracked file counts as well: a second container, on lines of its own.
    writeFileSync(path.join(dir, 'k8s/web.yaml'), `${POD}    - name: debug\n      image: busybox:latest\n`);
    const edited = (await lintJson(dir, ['--changed-since', 'main'])).report;
    expect(byRule(edited, 'no-latest-tag').map((finding) => [finding.line, finding.outsideChanges ?? false])).toEqual([
      [9, true],
      [11, false],
    ]);
  });

  it('counts a finding about something missing when the change that caused it is elsewhere in its namespace', async () => {
    const missing = 'extends: none\nrules:\n  dangling-references: deny\n  namespace-has-limit-range: deny\n';
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop }
spec:
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers: [{ name: api, image: 'api:1.4.2' }]
`;
    const dir = repository({
      '.k8s-bp.yaml': missing,
      'k8s/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata: { name: shop }\n',
      'k8s/limits.yaml': `apiVersion: v1
kind: LimitRange
metadata: { name: defaults, namespace: shop }
spec:
  limits: [{ type: Container, default: { cpu: 500m } }]
`,
      'k8s/api.yaml': deployment,
      'k8s/service.yaml':
        'apiVersion: v1\nkind: Service\nmetadata: { name: api, namespace: shop }\nspec:\n  selector: { app: api }\n',
    });
    expect((await lintJson(dir)).report.findings).toEqual([]);
    git(dir, 'checkout', '-q', '-b', 'feature');
    // The pull request relabels the pods and deletes the LimitRange: the Service and the Namespace, unchanged, break.
    writeFileSync(path.join(dir, 'k8s/api.yaml'), deployment.replace(/app: api \}/g, 'app: api-v2 }'));
    git(dir, 'rm', '-q', 'k8s/limits.yaml');
    commitAll(dir, 'second');
    const { status, report } = await lintJson(dir, ['--changed-since', 'main']);
    expect(report.findings.map((finding) => [finding.file, finding.ruleId, finding.outsideChanges ?? false])).toEqual([
      ['k8s/namespace.yaml', 'namespace-has-limit-range', false],
      ['k8s/service.yaml', 'dangling-references', false],
    ]);
    expect(status).toBe(1);
  });

  it('stops with exit status 2 outside a git repository or with an unknown revision', async () => {
    const plain = project({ 'pod.yaml': POD });
    const outside = await runCli(['lint', '--changed-since', 'main', 'pod.yaml'], { cwd: plain });
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/^k8s-bp: --changed-since needs a git repository, and .* is not in one\n$/);

    const dir = repository({ 'pod.yaml': POD });
    const unknown = await runCli(['lint', '--changed-since', 'no-such-branch', 'pod.yaml'], { cwd: dir });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('--changed-since: unknown git revision "no-such-branch"');
    expect((await runCli(['lint', '--changed-since', '--output=x', 'pod.yaml'], { cwd: dir })).status).toBe(2);
  });
});
