import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_INPUTS, ACTION_OUTPUTS } from '../../src/action/inputs.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { sarifSchemaErrors } from '../helpers/sarif-schema.js';
import { actionManifest, annotations, runAction } from './run-action.js';

/** A config that runs a fixed set of rules, so that rules added to the presets later do not change the counts. */
const CONFIG = `extends: none
rules:
  no-latest-tag: deny
  container-limits: warn
`;

/** A Deployment with one error (the `latest` tag, line 15) and one warning (no limits, line 14). */
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:latest
`;

const CLEAN = DEPLOYMENT.replace('nginx:latest', 'nginx:1.27.2').replace(
  '          image: nginx:1.27.2\n',
  '          image: nginx:1.27.2\n          resources:\n            limits: { cpu: 100m, memory: 64Mi }\n',
);

/** A repository checkout: files by path relative to the root. */
function workspace(files: Record<string, string>): string {
  const root = tempDir('k8s-bp-action-ws-');
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

interface Workflow {
  permissions: Record<string, string>;
  on: Record<string, unknown>;
  jobs: Record<string, { steps: { id?: string; uses?: string; if?: string; with?: Record<string, string> }[] }>;
}

/** The README's workflow (docs/snippets/github-workflow.yml) and its k8s-bp and upload steps. */
function readmeWorkflow() {
  const workflow = parse(readFileSync(path.join(ROOT, 'docs/snippets/github-workflow.yml'), 'utf8')) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const k8sBp = steps.find((step) => step.id === 'k8s-bp');
  const upload = steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'));
  if (!k8sBp || !upload) throw new Error('the README workflow lacks the k8s-bp step or the SARIF upload step');
  return { workflow, k8sBp, upload };
}

describe('GitHub Action: the README workflow', () => {
  const { workflow, k8sBp, upload } = readmeWorkflow();

  it('runs on pull requests, with the permissions the SARIF upload needs', () => {
    expect(Object.keys(workflow.on)).toContain('pull_request');
    expect(workflow.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    expect(upload.with?.sarif_file).toBe('${{ steps.k8s-bp.outputs.sarif-file }}');
    expect(upload.if).toContain('!cancelled()');
  });

  it('uses only inputs that action.yml declares', () => {
    for (const name of Object.keys(k8sBp.with ?? {})) expect(ACTION_INPUTS).toContain(name);
  });

  it("annotates findings, writes outputs, SARIF and a summary, and fails the step, with the workflow's inputs", () => {
    const root = workspace({
      '.k8s-bp.yaml': CONFIG,
      'k8s/web.yaml': DEPLOYMENT,
      'deploy/prod/api.yaml': DEPLOYMENT.replace('name: web', 'name: api'),
      'deploy/prod/README.md': 'not a manifest',
    });
    const run = runAction(root, k8sBp.with);

    expect(run.status).toBe(1);
    expect(run.outputs).toEqual({ errors: '2', warnings: '2', 'sarif-file': path.join(root, 'k8s-bp.sarif') });
    expect(run.stdout).toContain(
      '::error title=no-latest-tag,file=k8s/web.yaml,line=15,endLine=15,col=11,endColumn=30::container "web" uses image "nginx:latest"',
    );
    expect(run.stdout).toMatch(/^::warning title=container-limits,file=deploy\/prod\/api\.yaml,line=14,col=\d+::/m);
    expect(run.stdout).toMatch(/^::error::k8s-bp found 2 errors \(fail-on: error\)$/m);
    expect(run.summary).toContain('## k8s-bp: 2 errors, 2 warnings');
    expect(run.summary).toContain('| container\\-limits | 0 | 2 | 0 |');
    expect(run.summary).toContain('| no\\-latest\\-tag | 2 | 0 | 0 |');
    expect(run.summary).toContain('| deploy/prod/api\\.yaml | 1 | 1 | 0 |');

    const sarif = JSON.parse(readFileSync(path.join(root, 'k8s-bp.sarif'), 'utf8')) as SarifLog;
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    const uris = sarif.runs[0]?.results.map((result) => result.locations[0]?.physicalLocation.artifactLocation.uri);
    expect(uris).toEqual(['deploy/prod/api.yaml', 'deploy/prod/api.yaml', 'k8s/web.yaml', 'k8s/web.yaml']);
  });
});

interface SarifLog {
  runs: {
    results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
  }[];
}

describe('GitHub Action: fail-on', () => {
  const manifests = {
    'a warning': DEPLOYMENT.replace(':latest', ':1.27'),
    'an error and a warning': DEPLOYMENT,
  };

  it.each([
    ['error', 'a warning', 0, undefined],
    ['warning', 'a warning', 1, 'k8s-bp found 1 warning (fail-on: warning)'],
    ['error', 'an error and a warning', 1, 'k8s-bp found 1 error (fail-on: error)'],
    ['warning', 'an error and a warning', 1, 'k8s-bp found 1 error and 1 warning (fail-on: warning)'],
    ['never', 'an error and a warning', 0, undefined],
  ] as const)('fail-on: %s with %s exits %i', (failOn, findings, status, reason) => {
    const root = workspace({ '.k8s-bp.yaml': CONFIG, 'k8s/web.yaml': manifests[findings] });
    const run = runAction(root, { 'fail-on': failOn });
    expect(run.status).toBe(status);
    const failures = run.stdout.split('\n').filter((line) => line.startsWith('::error::'));
    expect(failures).toEqual(reason === undefined ? [] : [`::error::${reason}`]);
    expect(run.outputs.errors).toBe(findings === 'a warning' ? '0' : '1');
    expect(run.outputs.warnings).toBe('1');
  });

  it('passes with a summary that says so when there are no findings', () => {
    const run = runAction(workspace({ '.k8s-bp.yaml': CONFIG, 'k8s/web.yaml': CLEAN }));
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({ errors: '0', warnings: '0' });
    expect(run.summary).toContain('## k8s-bp: 0 errors, 0 warnings');
    expect(run.summary).toContain('No problems in 2 files, 1 resource.');
    expect(annotations(run.stdout)).toEqual([]);
  });
});

describe('GitHub Action: inputs', () => {
  it('resolves paths, config and sarif-file in working-directory, and annotates repository-relative files', () => {
    const root = workspace({
      'services/api/policy.yaml': CONFIG,
      'services/api/k8s/web.yaml': DEPLOYMENT,
      'services/api/k8s/legacy/old.yaml': DEPLOYMENT,
    });
    const run = runAction(root, {
      'working-directory': 'services/api',
      paths: 'k8s',
      config: 'policy.yaml',
      exclude: 'k8s/legacy/**',
      'sarif-file': 'reports/k8s-bp.sarif',
    });
    expect(run.status).toBe(1);
    const sarifFile = path.join(root, 'services/api/reports/k8s-bp.sarif');
    expect(run.outputs['sarif-file']).toBe(sarifFile);
    const files = annotations(run.stdout).flatMap((annotation) => annotation.properties.file ?? []);
    expect(files).toEqual(['services/api/k8s/web.yaml', 'services/api/k8s/web.yaml']);
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as SarifLog;
    expect(sarif.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      'services/api/k8s/web.yaml',
    );
    expect(run.summary).toContain('SARIF report: services/api/reports/k8s\\-bp\\.sarif');
  });

  it('leaves annotations out with annotations: false, and SARIF out with an empty sarif-file', () => {
    const root = workspace({ '.k8s-bp.yaml': CONFIG, 'web.yaml': DEPLOYMENT });
    const run = runAction(root, { annotations: 'false', 'sarif-file': '' });
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(/^::(error|warning) .*file=/m);
    expect(run.outputs['sarif-file']).toBe('');
    expect(existsSync(path.join(root, 'k8s-bp.sarif'))).toBe(false);
  });

  it('prints the chosen format to the log: json', () => {
    const run = runAction(workspace({ '.k8s-bp.yaml': CONFIG, 'web.yaml': DEPLOYMENT }), { format: 'json' });
    const report = JSON.parse(logBlock(run.stdout)) as { summary: { errors: number; warnings: number } };
    expect(report.summary).toMatchObject({ errors: 1, warnings: 1 });
  });

  it('colours the stylish log, as GitHub shows ANSI colours, unless NO_COLOR is set', () => {
    const root = workspace({ '.k8s-bp.yaml': CONFIG, 'web.yaml': DEPLOYMENT });
    expect(logBlock(runAction(root, {}, {}).stdout)).toContain('\u001b[31merror');
    expect(logBlock(runAction(root).stdout)).not.toContain('\u001b[');
  });

  it.each([
    [
      { 'fail-on': 'warnings' },
      'k8s-bp: input fail-on must be one of error, warning, never, not "warnings" (did you mean "warning"?)',
    ],
    [
      { format: 'sarif2' },
      'k8s-bp: input format must be one of stylish, json, sarif, not "sarif2" (did you mean "sarif"?)',
    ],
    [{ annotations: 'yes' }, 'k8s-bp: input annotations must be true or false, not "yes"'],
    [{ paths: 'missing/' }, 'k8s-bp: no such file or directory: missing/'],
  ])('fails the step with a one-line reason for bad input %o', (inputs, reason) => {
    const run = runAction(workspace({ 'web.yaml': CLEAN }), inputs);
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n').at(-1)).toBe(`::error::${reason}`);
    expect(run.outputs).toEqual({});
  });

  it('fails the step naming the place of a config error', () => {
    const root = workspace({ '.k8s-bp.yaml': 'extends: recommended\nrules:\n  no-latest: warn\n', 'web.yaml': CLEAN });
    const run = runAction(root);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /^::error::k8s-bp: \.k8s-bp\.yaml:3:3: unknown rule "no-latest" \(did you mean "no-latest-tag"\?\)$/m,
    );
  });
});

describe('GitHub Action: text from manifests', () => {
  const HOSTILE_NAME = 'web<img src=x onerror=alert(1)>|[x](https://evil.example)*`_';

  it('is escaped in the job summary', () => {
    const root = workspace({
      '.k8s-bp.yaml': CONFIG,
      'k8s/a|b[c].yaml': DEPLOYMENT.replace('- name: web', `- name: '${HOSTILE_NAME}'`),
    });
    const run = runAction(root);
    expect(run.status).toBe(1);
    // Only backslash-escaped: no tag, link, emphasis or code span can start.
    expect(run.summary).not.toMatch(/(^|[^\\])[<[`*_|]x?(img|\]|\(https)/m);
    expect(run.summary).toContain('| k8s/a\\|b\\[c\\]\\.yaml | 1 | 1 | 0 |');
    expect(run.summary).toContain(
      '"web\\<img src=x onerror=alert\\(1\\)\\>\\|\\[x\\]\\(https\\://evil\\.example\\)\\*\\`\\_"',
    );
    // Every table row keeps its column count: no escaped pipe ends a cell early.
    for (const row of run.summary.split('\n').filter((line) => line.startsWith('| '))) {
      expect(row.replaceAll('\\|', '').split('|').length, row).toBeGreaterThanOrEqual(5);
    }
  });

  it('cannot issue workflow commands from the log', () => {
    const root = workspace({ '.k8s-bp.yaml': CONFIG, '::notice::injected.yaml': DEPLOYMENT });
    const run = runAction(root);
    const lines = run.stdout.split('\n');
    const injected = lines.indexOf('::notice::injected.yaml');
    expect(injected).toBeGreaterThan(0);
    const token = /^::stop-commands::(.+)$/.exec(lines[0] ?? '')?.[1];
    expect(token).toBeDefined();
    expect(lines.indexOf(`::${token}::`)).toBeGreaterThan(injected);
    // The annotation itself carries the file name escaped as a property.
    expect(run.stdout).toContain('file=%3A%3Anotice%3A%3Ainjected.yaml');
  });
});

describe('GitHub Action: action.yml', () => {
  const manifest = actionManifest();

  it('is a node24 JavaScript action whose entry is the committed bundle', () => {
    expect(manifest.runs).toEqual({ using: 'node24', main: 'dist/action.js' });
    expect(existsSync(path.join(ROOT, manifest.runs.main))).toBe(true);
  });

  it('declares the inputs and outputs that the code reads and sets', () => {
    expect(Object.keys(manifest.inputs).sort()).toEqual([...ACTION_INPUTS].sort());
    expect(Object.keys(manifest.outputs).sort()).toEqual([...ACTION_OUTPUTS].sort());
  });

  it('has the documented defaults', () => {
    const defaults = Object.fromEntries(Object.entries(manifest.inputs).map(([name, input]) => [name, input.default]));
    expect(defaults).toEqual({
      paths: '.',
      config: '',
      exclude: '',
      format: 'stylish',
      'sarif-file': 'k8s-bp.sarif',
      'fail-on': 'error',
      annotations: 'true',
      'working-directory': '.',
      'only-changed': 'false',
      baseline: '',
      constraints: '',
      policies: '',
      inventory: '',
      'kubernetes-version': '',
      'kustomize-binary': '',
    });
  });
});

/** The report printed between `::stop-commands::TOKEN` and `::TOKEN::`. */
function logBlock(stdout: string): string {
  const match = /^::stop-commands::(.+)\n([\s\S]*?)^::\1::$/m.exec(stdout);
  if (!match) throw new Error(`no report block in:\n${stdout}`);
  return match[2] ?? '';
}

describe('GitHub Action: constraints, policies and inventory', () => {
  it('enforces Gatekeeper constraints and admission policies, looking objects up in the inventory', () => {
    const workspace = tempDir('k8s-bp-action-policy-');
    cpSync(path.join(ROOT, 'fixtures', 'cli', 'inventory'), workspace, { recursive: true });
    rmSync(path.join(workspace, 'broken.yaml'));
    writeFileSync(path.join(workspace, '.k8s-bp.yaml'), 'extends: none\n');
    writeFileSync(
      path.join(workspace, 'owner-policy.yaml'),
      `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: ingress-owner }
spec:
  matchConstraints:
    resourceRules:
      - { apiGroups: [networking.k8s.io], apiVersions: ['*'], operations: ['*'], resources: [ingresses] }
  validations:
    - expression: "has(object.metadata.labels) && 'owner' in object.metadata.labels"
      message: ingresses need an owner label
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: ingress-owner }
spec:
  policyName: ingress-owner
  validationActions: [Warn]
`,
    );
    const inputs = { paths: 'ingress.yaml', 'sarif-file': '' };
    const alone = runAction(workspace, inputs);
    expect(alone.outputs).toMatchObject({ errors: '0', warnings: '0' });
    const run = runAction(workspace, {
      ...inputs,
      constraints: 'unique-host.yaml',
      policies: 'owner-policy.yaml',
      inventory: 'cluster/*.yaml',
    });
    expect(run.status, run.stdout).toBe(1);
    expect(run.outputs).toMatchObject({ errors: '1', warnings: '1' });
    const commands = run.stdout.split('\n').filter((line) => /^::(error|warning) /.test(line));
    expect(commands).toEqual([
      '::warning title=validating-admission-policy,file=ingress.yaml,line=1,col=1::ingresses need an owner label',
      '::error title=k8s-unique-ingress-host,file=ingress.yaml,line=12,endLine=12,col=7,endColumn=29::ingress host conflicts with an existing ingress <shop.example.com>',
    ]);
  });

  it('refuses - (standard input) in a list input', () => {
    const run = runAction(tempDir('k8s-bp-action-stdin-'), { inventory: '-' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('input inventory cannot include - (standard input)');
  });
});
