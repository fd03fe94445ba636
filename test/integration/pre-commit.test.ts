import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { bundle } from '../../scripts/bundle.mjs';
import { ROOT, tempDir } from '../helpers/cli.js';
import { git, run, runOk, snapshotCheckout, userEnv, type Run } from './env.js';

const hasPreCommit = (await run('sh', ['-c', 'command -v pre-commit'])).status === 0;
// Skipped only on a developer's machine without pre-commit; CI installs it (.ci/run) and must run this.
if (!hasPreCommit && process.env.CI) throw new Error('pre-commit is not installed, and CI requires this test');

/** The README's .pre-commit-config.yaml. */
const SNIPPET = readFileSync(path.join(ROOT, 'docs/snippets/pre-commit-config.yaml'), 'utf8');

/**
 * Only no-latest-tag, so that rules added to the recommended preset later do not change what passes, and
 * a rule module of the project's, which the hook loads on every run (the first with a cold compile cache,
 * later ones with a warm one).
 */
const CONFIG = 'extends: none\nplugins: [policy/team-label.mjs]\nrules:\n  no-latest-tag: deny\n';
/**
 * The rule module: a warning, so that it never fails a commit by itself; one that fails to load is an
 * error that does. It imports nothing, since the hook's package is installed where the project cannot see it.
 */
const TEAM_LABEL_RULE = `export default {
  meta: {
    id: 'team-label',
    title: 'Pods name their team',
    description: 'Label every Pod with its team.',
    rationale: 'On-call needs to know who owns a Pod.',
    remediation: 'Add a team label.',
    defaultSeverity: 'warning',
    defaultKinds: [{ apiGroups: [''], kinds: ['Pod'] }],
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: { missing: 'pod {{name}} has no team label' },
    example: { fail: '', pass: '' },
  },
  *check(resource) {
    if (resource.object.metadata?.labels?.team === undefined) {
      yield { messageId: 'missing', data: { name: resource.name }, path: ['metadata'] };
    }
  },
};
`;
const POD = (image: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: web
      image: ${image}
`;

describe.skipIf(!hasPreCommit)('pre-commit hook', () => {
  let snapshot: { dir: string; rev: string };
  let project: string;
  let home: string;

  /** `pre-commit run` on the staged files, as `git commit` would run it (k8s-bp's compile cache kept in `home`). */
  const preCommit = async (): Promise<Run> =>
    await run('pre-commit', ['run', '--color', 'never'], {
      cwd: project,
      env: userEnv({ PRE_COMMIT_HOME: home, K8S_BP_CACHE_DIR: path.join(home, 'k8s-bp-cache') }),
    });

  beforeAll(async () => {
    snapshot = await snapshotCheckout();
    home = tempDir('k8s-bp-pre-commit-home-');
    project = tempDir('k8s-bp-pre-commit-project-');
    await git(project, 'init', '--quiet');
    // The README's snippet, pointed at this checkout's snapshot instead of the published repository.
    const config = parse(SNIPPET) as { repos: { repo: string; rev: string; hooks: { id: string }[] }[] };
    const [entry] = config.repos;
    if (!entry) throw new Error('the pre-commit snippet names no repository');
    Object.assign(entry, { repo: snapshot.dir, rev: snapshot.rev });
    writeFileSync(path.join(project, '.pre-commit-config.yaml'), stringify(config));
    writeFileSync(path.join(project, '.k8s-bp.yaml'), CONFIG);
    mkdirSync(path.join(project, 'policy'));
    writeFileSync(path.join(project, 'policy', 'team-label.mjs'), TEAM_LABEL_RULE);
    mkdirSync(path.join(project, 'k8s'));
    writeFileSync(path.join(project, 'README.md'), 'not a manifest\n');
    await git(project, 'add', '--all');
  });

  afterAll(() => {
    for (const dir of [path.dirname(snapshot.dir), home, project]) rmSync(dir, { recursive: true, force: true });
  });

  it('installs from a commit that holds the current bundles', async () => {
    const committed = async (file: string) =>
      (await runOk('git', ['show', `${snapshot.rev}:${file}`], { cwd: snapshot.dir })).stdout;
    const stale: string[] = [];
    for (const [file, text] of await bundle()) if ((await committed(file)) !== text) stale.push(file);
    expect(stale, 'run npm run bundle').toEqual([]);
  });

  it('fails a commit that stages a manifest with a violation, and prints the finding', async () => {
    writeFileSync(path.join(project, 'k8s', 'web.yaml'), POD('nginx:latest'));
    await git(project, 'add', 'k8s/web.yaml');
    const result = await preCommit();
    const output = result.stdout + result.stderr;
    expect(result.status, output).toBe(1);
    expect(output).toMatch(/^k8s-bp\.+Failed$/m);
    expect(output).toMatch(
      /^k8s\/web\.yaml\n {2}3:1 +warning +pod web has no team label +team-label\n {2}8:7 +error +container "web" uses image "nginx:latest".* no-latest-tag$/m,
    );
  }, 180_000);

  it('installed the hook with the system node, from the packed bundle (no build)', () => {
    const environments = readdirSync(home).flatMap((repo) =>
      existsSync(path.join(home, repo, 'node_env-system')) ? [path.join(home, repo, 'node_env-system')] : [],
    );
    expect(environments).toHaveLength(1);
    const installed = path.join(environments[0] ?? '', 'lib', 'node_modules', 'k8s-bp');
    expect(existsSync(path.join(installed, 'dist', 'cli.cjs'))).toBe(true);
    expect(existsSync(path.join(installed, 'lib'))).toBe(false);
  });

  it('passes once the manifest is fixed, the rule module loaded from the compile cache of the first run', async () => {
    const caches = readdirSync(path.join(home, 'k8s-bp-cache')).filter((file) => file.endsWith('-lint.v8cache'));
    expect(caches).toHaveLength(1);
    writeFileSync(path.join(project, 'k8s', 'web.yaml'), POD('nginx:1.27.2'));
    await git(project, 'add', 'k8s/web.yaml');
    const result = await preCommit();
    const output = result.stdout + result.stderr;
    expect(result.status, output).toBe(0);
    expect(output).toMatch(/^k8s-bp\.+Passed$/m);
  }, 60_000);
});
