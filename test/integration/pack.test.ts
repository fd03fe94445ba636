import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../../scripts/bundle.mjs';
import { ROOT, tempDir } from '../helpers/cli.js';
import { run, runOk, snapshotCheckout, userEnv, type Run } from './env.js';

/**
 * The most the package may hold, unpacked and without its dependencies: the
 * bundled CLI, which holds the packages it uses and validators generated for
 * every parameter schema so that it starts fast, and schema validation with
 * its CEL engine (about 1.8 MB), the rule docs, and the schemas of the built-in kinds of every supported Kubernetes
 * release (about 0.4 MB, 35 kB gzipped). It catches fixtures or sources
 * slipping into the package.
 */
const SIZE_BUDGET = 3_100_000;

/**
 * What the package ships: the CLI's bundle and launcher, the docs the reports link to, the
 * built-in kinds' schemas, and the usual files.
 */
const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^LICENSE$/,
  /^bin\/(k8s-bp|load-bundle)\.cjs$/,
  /^dist\/cli\.cjs$/,
  /^dist\/api\.js$/,
  /^dist\/types\/[\w/-]+\.d\.ts$/,
  /^docs\/[\w./-]+\.(md|ya?ml)$/,
  /^schemas\/kubernetes\.json$/,
];

/**
 * A rule module, as a user would write it in plain JavaScript: an ES module that imports the
 * package's helpers and reports every container without a TEAM variable.
 */
const TEAM_ENV_RULE = `import { containersOf, WORKLOAD_KINDS } from 'k8s-bp';

export default {
  meta: {
    id: 'team-env',
    title: 'Containers name their team',
    description: 'Set TEAM in every container.',
    rationale: 'On-call needs to know who owns a container.',
    remediation: 'Add an env entry named TEAM.',
    defaultSeverity: 'error',
    defaultKinds: WORKLOAD_KINDS,
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: { missing: 'container {{name}} does not set TEAM' },
    example: { fail: '', pass: '' },
  },
  *check(resource) {
    for (const ref of containersOf(resource)) {
      const env = Array.isArray(ref.container.env) ? ref.container.env : [];
      if (!env.some((entry) => entry.name === 'TEAM')) {
        yield { messageId: 'missing', data: { name: ref.name }, path: ref.path };
      }
    }
  },
};
`;

interface PackResult {
  filename: string;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
};

/**
 * A copy of this working tree with dist/ bundled from its sources, as `npm run bundle` would
 * write it: the package then holds the launcher and the sources of this tree, together, even
 * before dist/ is rebuilt (test/action/dist.test.ts checks that the committed dist/ is current).
 */
async function withCurrentBundles(): Promise<string> {
  const { dir } = await snapshotCheckout();
  rmSync(path.join(dir, 'dist'), { recursive: true, force: true });
  for (const [file, text] of await bundle()) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('npm package', () => {
  let packed: PackResult;
  let tarball: string;

  beforeAll(async () => {
    const destination = tempDir('k8s-bp-pack-');
    const checkout = await withCurrentBundles();
    const result = await runOk('npm', ['pack', '--json', '--pack-destination', destination], { cwd: checkout });
    rmSync(path.dirname(checkout), { recursive: true, force: true });
    [packed] = JSON.parse(result.stdout) as [PackResult];
    tarball = path.join(destination, packed.filename);
  }, 120_000);

  afterAll(() => rmSync(path.dirname(tarball), { recursive: true, force: true }));

  it('holds only the bundle, the launcher, the docs, the schemas, README, LICENSE and package.json', () => {
    const files = packed.files.map((file) => file.path);
    expect(files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file)))).toEqual([]);
    for (const required of [
      'package.json',
      'README.md',
      'LICENSE',
      'bin/k8s-bp.cjs',
      'bin/load-bundle.cjs',
      'dist/cli.cjs',
      'schemas/kubernetes.json',
    ]) {
      expect(files).toContain(required);
    }
    // SARIF reports link to the rule pages in the published package.
    expect(files).toContain('docs/rules/no-latest-tag.md');
  });

  it(`stays under ${SIZE_BUDGET / 1000} kB unpacked`, () => {
    expect(packed.unpackedSize).toBeLessThan(SIZE_BUDGET);
  });

  describe('installed into an empty project, as a new user would', () => {
    let project: string;
    // The compile cache goes where the test can see it, not into the home directory.
    let cacheDir: string;
    const npxWith = async (env: Record<string, string>, ...args: string[]): Promise<Run> =>
      await run('npx', ['k8s-bp', ...args], { cwd: project, env: userEnv({ K8S_BP_CACHE_DIR: cacheDir, ...env }) });
    const npx = async (...args: string[]): Promise<Run> => await npxWith({}, ...args);

    beforeAll(async () => {
      project = tempDir('k8s-bp-user-');
      cacheDir = path.join(tempDir('k8s-bp-cache-'), 'k8s-bp');
      writeFileSync(path.join(project, 'package.json'), '{ "name": "my-cluster-config", "private": true }\n');
      await runOk('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: project });
    }, 120_000);

    afterAll(() => {
      rmSync(project, { recursive: true, force: true });
      rmSync(path.dirname(cacheDir), { recursive: true, force: true });
    });

    it('runs the bundle, with only the declared dependencies', () => {
      const installed = path.join(project, 'node_modules', 'k8s-bp');
      expect(existsSync(path.join(installed, 'lib'))).toBe(false);
      expect(existsSync(path.join(installed, 'dist', 'cli.cjs'))).toBe(true);
      for (const dependency of Object.keys(manifest.dependencies ?? {})) {
        expect(existsSync(path.join(project, 'node_modules', dependency)), dependency).toBe(true);
      }
    });

    it('keeps a compile cache for each command, private to the user, that changes nothing but time', async () => {
      writeFileSync(
        path.join(project, 'cached.yaml'),
        'apiVersion: v1\nkind: Pod\nmetadata: { name: c }\nspec:\n  containers:\n    - name: c\n      image: nginx\n',
      );
      rmSync(cacheDir, { recursive: true, force: true });
      const lint = async (env: Record<string, string> = {}): Promise<Run> =>
        await npxWith(env, 'lint', '--format', 'json', 'cached.yaml');
      const first = await lint();
      expect(first.status, first.stderr).toBe(1);
      const [cache, ...others] = readdirSync(cacheDir);
      expect(others).toEqual([]);
      expect(cache).toMatch(/^cli-[0-9a-z]{21,}-v\d+\.\d+\.\d+-\w+-lint\.v8cache$/);
      const file = path.join(cacheDir, cache ?? '');
      expect(statSync(cacheDir).mode & 0o777).toBe(0o700);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const written = readFileSync(file);

      // Taken as it is: the run's output is the same and the cache is not written again.
      expect(await lint()).toEqual(first);
      expect(readFileSync(file).equals(written)).toBe(true);

      // A cache that V8 refuses is replaced, and the run is not affected; writing it clears out
      // another bundle's cache and a temporary file that a stopped run left an hour ago.
      writeFileSync(file, 'not a code cache');
      const leftovers = ['cli-0123456789abcdefghijkl-v20.0.0-x64-lint.v8cache', `${cache}.4242.tmp`];
      for (const name of leftovers) writeFileSync(path.join(cacheDir, name), 'old');
      const twoHoursAgo = new Date(Date.now() - 7_200_000);
      utimesSync(path.join(cacheDir, leftovers[1] ?? ''), twoHoursAgo, twoHoursAgo);
      expect(await lint()).toEqual(first);
      expect(readFileSync(file).length).toBeGreaterThan(1000);
      expect(readdirSync(cacheDir)).toEqual([cache]);

      // Another command has a cache of its own.
      expect((await npx('rules')).status).toBe(0);
      expect(readdirSync(cacheDir).sort()).toEqual([cache, cache?.replace(/-lint\./, '-rules.')].sort());

      // Off when asked, and never in a directory that others can write to.
      rmSync(cacheDir, { recursive: true, force: true });
      expect(await lint({ K8S_BP_COMPILE_CACHE: '0' })).toEqual(first);
      expect(existsSync(cacheDir)).toBe(false);
      mkdirSync(cacheDir);
      chmodSync(cacheDir, 0o777);
      expect(await lint()).toEqual(first);
      expect(readdirSync(cacheDir)).toEqual([]);
    });

    it('gives every command the same output with a cold and a warm compile cache, rule modules included', async () => {
      // A directory of its own, so that init has no config to refuse and the other tests see none.
      const dir = path.join(project, 'twice');
      mkdirSync(path.join(dir, 'policy'), { recursive: true });
      writeFileSync(path.join(dir, 'policy', 'team-env.mjs'), TEAM_ENV_RULE);
      writeFileSync(path.join(dir, 'with-rule-module.yaml'), 'extends: none\nplugins: [policy/team-env.mjs]\n');
      writeFileSync(
        path.join(dir, 'team.yaml'),
        'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n',
      );
      // Admission-policy suites: verify then runs the CEL interpreter, which the bundle initialises on first use.
      cpSync(path.join(ROOT, 'fixtures', 'cel'), path.join(dir, 'cel'), { recursive: true });
      const inDir = async (...args: string[]): Promise<Run> =>
        await run('npx', ['k8s-bp', ...args], { cwd: dir, env: userEnv({ K8S_BP_CACHE_DIR: cacheDir }) });
      const commands: { name: string; args: string[]; status: number; shows: RegExp }[] = [
        {
          name: 'lint',
          args: ['lint', '--config', 'with-rule-module.yaml', 'team.yaml'],
          status: 1,
          shows: /6:7 +error +container web does not set TEAM +team-env$/m,
        },
        { name: 'rules', args: ['rules'], status: 0, shows: /^no-latest-tag +error +/m },
        { name: 'verify', args: ['verify', 'cel/verify'], status: 0, shows: /replica-limit/ },
        { name: 'init', args: ['init'], status: 0, shows: /^Wrote \.k8s-bp\.yaml/ },
      ];
      rmSync(cacheDir, { recursive: true, force: true });
      for (const { name, args, status, shows } of commands) {
        const cold = await inDir(...args);
        expect(cold.status, `${name}: ${cold.stdout}${cold.stderr}`).toBe(status);
        expect(cold.stdout, name).toMatch(shows);
        const cache = readdirSync(cacheDir).find((file) => file.endsWith(`-${name}.v8cache`));
        expect(cache, `${name} wrote no compile cache`).toBeDefined();
        const written = readFileSync(path.join(cacheDir, cache ?? ''));
        rmSync(path.join(dir, '.k8s-bp.yaml'), { force: true });
        expect(await inDir(...args), name).toEqual(cold);
        // Not written again: V8 took the cache, so the second run ran the cached code.
        expect(readFileSync(path.join(cacheDir, cache ?? '')).equals(written), name).toBe(true);
      }
    });

    it('npx k8s-bp --version prints the package version', async () => {
      expect(await npx('--version')).toMatchObject({ status: 0, stdout: `${manifest.version}\n` });
    });

    it('npx k8s-bp rules lists the rules', async () => {
      const result = await npx('rules');
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^RULE +SEVERITY +PRESETS +DESCRIPTION$/m);
      expect(result.stdout).toMatch(/^no-latest-tag +error +recommended, strict +/m);
    });

    it('npx k8s-bp lint reports a finding with its place and exits 1', async () => {
      writeFileSync(
        path.join(project, 'pod.yaml'),
        'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: nginx\n',
      );
      // Only no-latest-tag, so that rules added to the recommended preset later do not change the output.
      writeFileSync(path.join(project, 'only-tags.yaml'), 'extends: none\n');
      const result = await npx('lint', '--config', 'only-tags.yaml', '--rule', 'no-latest-tag', 'pod.yaml');
      expect(result.status, result.stderr).toBe(1);
      expect(result.stdout).toMatch(
        /^pod\.yaml\n {2}7:7 +error +container "web" uses image "nginx" without a tag.*no-latest-tag$/m,
      );
    });

    it('runs a rule module of the project that uses the public API, type-checked against its declarations', async () => {
      mkdirSync(path.join(project, 'policy'), { recursive: true });
      const rule = [
        "import { containersOf, WORKLOAD_KINDS, type Rule } from 'k8s-bp';",
        '',
        '/** Every container names its team in an environment variable. */',
        'const rule: Rule = {',
        '  meta: {',
        "    id: 'team-env',",
        "    title: 'Containers name their team',",
        "    description: 'Set TEAM in every container.',",
        "    rationale: 'On-call needs to know who owns a container.',",
        "    remediation: 'Add an env entry named TEAM.',",
        "    defaultSeverity: 'error',",
        '    defaultKinds: WORKLOAD_KINDS,',
        "    schema: { type: 'object', additionalProperties: false, properties: {} },",
        "    messages: { missing: 'container {{name}} does not set TEAM' },",
        "    example: { fail: '', pass: '' },",
        '  },',
        '  *check(resource) {',
        '    for (const ref of containersOf(resource)) {',
        '      const env = Array.isArray(ref.container.env) ? ref.container.env : [];',
        "      if (!env.some((entry) => (entry as { name?: unknown }).name === 'TEAM')) {",
        "        yield { messageId: 'missing', data: { name: ref.name }, path: ref.path };",
        '      }',
        '    }',
        '  },',
        '};',
        'export default rule;',
        '',
      ].join('\n');
      writeFileSync(path.join(project, 'policy', 'team-env.ts'), rule);
      // An ES module, as rule modules are.
      writeFileSync(path.join(project, 'policy', 'package.json'), '{ "type": "module" }\n');
      const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
      const compile = ['--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022'];
      const typed = await run(process.execPath, [tsc, ...compile, '--outDir', 'policy', 'policy/team-env.ts'], {
        cwd: project,
      });
      expect(typed.status, typed.stdout + typed.stderr).toBe(0);
      writeFileSync(path.join(project, 'with-plugin.yaml'), 'extends: none\nplugins: [policy/*.js]\n');
      writeFileSync(
        path.join(project, 'team.yaml'),
        'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n',
      );
      const result = await npx('lint', '--config', 'with-plugin.yaml', 'team.yaml');
      expect(result.status, result.stderr).toBe(1);
      expect(result.stdout, result.stdout).toMatch(/6:7 +error +container web does not set TEAM +team-env$/m);
    });

    it('npx k8s-bp init writes a config that lint then uses', async () => {
      expect(await npx('init')).toMatchObject({ status: 0 });
      const result = await npx('lint', '--verbose', 'pod.yaml');
      expect(result.status).not.toBe(2);
      expect(result.stderr).toContain('using config .k8s-bp.yaml');
    });
  });
});
