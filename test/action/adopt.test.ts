/** The Action's only-changed and baseline inputs, run as the runner runs dist/action.js. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { annotations, runAction } from './run-action.js';

const CONFIG = 'extends: none\nrules:\n  no-latest-tag: deny\n';

const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels: { app: ${name} }
  template:
    metadata:
      labels: { app: ${name} }
    spec:
      containers:
        - name: ${name}
          image: nginx:latest
`;

function git(dir: string, ...args: string[]): void {
  const run = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
}

function write(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

/**
 * A checkout of a pull request: `origin/main` with one Deployment, and the
 * branch that adds another; as actions/checkout leaves it with fetch-depth: 0.
 */
function pullRequestCheckout(): string {
  const root = tempDir('k8s-bp-action-pr-');
  write(root, { '.k8s-bp.yaml': CONFIG, 'k8s/web.yaml': deployment('web') });
  git(root, 'init', '-q');
  git(root, 'config', 'user.name', 'k8s-bp test');
  git(root, 'config', 'user.email', 'test@k8s-bp.invalid');
  git(root, 'config', 'commit.gpgsign', 'false');
  git(root, 'checkout', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'base');
  git(root, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
  git(root, 'checkout', '-q', '-b', 'feature');
  write(root, { 'k8s/api.yaml': deployment('api') });
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'add api');
  return root;
}

describe('GitHub Action: only-changed', () => {
  it('fails a pull request only on findings in what it changed, compared with the base branch', () => {
    const root = pullRequestCheckout();
    const run = runAction(root, { 'only-changed': 'true' }, { NO_COLOR: '1', GITHUB_BASE_REF: 'main' });
    expect(run.status).toBe(1);
    expect(run.outputs).toMatchObject({ errors: '1', warnings: '0' });
    const annotated = annotations(run.stdout).filter((annotation) => annotation.properties.file !== undefined);
    expect(annotated.map((annotation) => annotation.properties.file)).toEqual(['k8s/api.yaml']);
    expect(run.summary).toContain('## k8s-bp: 1 error, 0 warnings');
    expect(run.summary).toContain('Not counted: 1 outside the changes since origin/main.');
  });

  it('lints as usual, with a notice, when the run is not for a pull request', () => {
    const root = pullRequestCheckout();
    const run = runAction(root, { 'only-changed': 'true' });
    expect(run.status).toBe(1);
    expect(run.outputs).toMatchObject({ errors: '2' });
    expect(run.stdout).toContain('::notice::only-changed: this run is not for a pull request, so every finding counts');
  });

  it('fails the step with the reason when the base branch was not fetched', () => {
    const root = pullRequestCheckout();
    const run = runAction(root, { 'only-changed': 'true' }, { NO_COLOR: '1', GITHUB_BASE_REF: 'release' });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /^::error::k8s-bp: --changed-since: unknown git revision "origin\/release".*fetch-depth: 0\)$/m,
    );
    expect(run.outputs).toEqual({});
  });
});

describe('GitHub Action: baseline', () => {
  it('reports the findings a committed baseline holds as suppressed, and passes', async () => {
    const root = tempDir('k8s-bp-action-baseline-');
    write(root, { '.k8s-bp.yaml': CONFIG, 'k8s/web.yaml': deployment('web'), 'k8s/api.yaml': deployment('api') });
    expect((await runCli(['lint', '--write-baseline', '.k8s-bp-baseline.json', 'k8s'], { cwd: root })).status).toBe(0);
    const run = runAction(root, { paths: 'k8s', baseline: '.k8s-bp-baseline.json' });
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({ errors: '0', warnings: '0' });
    expect(annotations(run.stdout).filter((annotation) => annotation.properties.file !== undefined)).toEqual([]);
    expect(run.summary).toContain('Not counted: 2 suppressed.');

    write(root, { 'k8s/web.yaml': deployment('web').replace('nginx:latest', 'nginx:1.27.2') });
    const fixed = runAction(root, { paths: 'k8s', baseline: '.k8s-bp-baseline.json' });
    expect(fixed.summary).toContain(
      'The baseline \\.k8s\\-bp\\-baseline\\.json has 1 entry whose finding is gone; `k8s-bp lint --prune-baseline` removes them.',
    );
  });
});
