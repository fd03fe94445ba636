/**
 * k8s-bp never uses the network. Every command of the CLI, and the Action's
 * bundled entry, run with a preload (test/helpers/deny-network.mjs) that makes
 * each outbound connection, DNS query and fetch fail and records the attempt;
 * the log must hold only the preload's own "active" line, one per process.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runAction } from '../action/run-action.js';
import { ROOT, runBinary, tempDir } from '../helpers/cli.js';

const PRELOAD = pathToFileURL(path.join(ROOT, 'test', 'helpers', 'deny-network.mjs')).href;
const SENTINEL = 'preload active';

/** A fresh log file and the environment that loads the guard and writes to it. */
function guarded(): { log: string; env: Record<string, string> } {
  const log = path.join(tempDir('k8s-bp-network-log-'), 'attempts.log');
  writeFileSync(log, '');
  const inherited = process.env.NODE_OPTIONS ? `${process.env.NODE_OPTIONS} ` : '';
  return { log, env: { NODE_OPTIONS: `${inherited}--import ${PRELOAD}`, K8S_BP_NETWORK_LOG: log } };
}

const linesOf = (log: string) =>
  readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
const attemptsOf = (log: string) => linesOf(log).filter((line) => !line.startsWith(SENTINEL));

describe('the network guard', () => {
  it('records and refuses every kind of outbound attempt (so the tests below can fail)', () => {
    const { log, env } = guarded();
    const script = `
      const tries = [
        () => require('node:net').connect(443, 'example.com'),
        () => new (require('node:net').Socket)().connect(80, '127.0.0.1'),
        () => require('node:tls').connect(443, 'example.com'),
        () => require('node:http').get('http://example.com/'),
        () => require('node:https').request('https://example.com/'),
        () => require('node:dns').lookup('example.com', () => {}),
        () => require('node:dns').promises.resolve4('example.com'),
        () => new (require('node:dns').Resolver)().resolveTxt('example.com', () => {}),
        () => require('node:dgram').createSocket('udp4'),
        () => require('node:http2').connect('https://example.com'),
        () => fetch('https://example.com/'),
      ];
      let refused = 0;
      for (const attempt of tries) { try { attempt(); } catch (error) { if (error.code === 'ENETDENIED') refused++; } }
      console.log(refused + '/' + tries.length);
    `;
    const run = spawnSync(process.execPath, ['-e', script], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    expect(run.stdout.trim()).toBe('11/11');
    expect(linesOf(log)[0]).toMatch(/^preload active pid=\d+$/);
    expect(attemptsOf(log)).toHaveLength(11);
    expect(attemptsOf(log).join('\n')).toContain('net.connect(443, "example.com")');
    expect(attemptsOf(log).join('\n')).toContain('globalThis.fetch("https://example.com/")');
  });

  it('also catches ES module imports of node:http, as the bundles make them', () => {
    const { log, env } = guarded();
    const script = `import { request } from 'node:http'; try { request('http://example.com/'); } catch {}`;
    spawnSync(process.execPath, ['--input-type=module', '-e', script], { env: { ...process.env, ...env } });
    expect(attemptsOf(log)).toEqual(['http.request("http://example.com/")']);
  });
});

describe('k8s-bp attempts no network access', () => {
  const work = tempDir('k8s-bp-offline-');
  const gatekeeper = path.join(ROOT, 'fixtures', 'gatekeeper', 'general', 'allowedrepos');
  const pod = readFileSync(path.join(ROOT, 'fixtures', 'cli', 'mixed', 'a-pod.yaml'), 'utf8');

  /** [name, arguments, the exit status it must reach (so that it got past loading), options]. */
  const COMMANDS: [string, string[], number, { cwd?: string; input?: string }?][] = [
    ['lint (stylish)', ['lint', 'examples/'], 1],
    ['lint --format json', ['lint', '--format', 'json', 'examples/', 'fixtures/bad-input/'], 1],
    [
      'lint --format sarif --output',
      ['lint', '--format', 'sarif', '--output', path.join(work, 'out.sarif'), 'examples/'],
      1,
    ],
    ['lint from standard input', ['lint', '--format', 'json', '-'], 1, { input: pod }],
    [
      'lint --constraints (Gatekeeper)',
      ['lint', '--constraints', path.join(gatekeeper, 'samples'), path.join(gatekeeper, 'samples')],
      1,
    ],
    ['rules', ['rules'], 0],
    ['rules <id>', ['rules', 'allowed-repos'], 0],
    ['verify', ['verify', path.join(gatekeeper, 'suite.yaml')], 0],
    ['verify --format json', ['verify', '--format', 'json', path.join(gatekeeper, 'suite.yaml')], 0],
    ['init', ['init'], 0, { cwd: work }],
    ['--help', ['--help'], 0],
    ['--version', ['--version'], 0],
  ];

  it.each(COMMANDS)('%s', (_name, args, status, options = {}) => {
    const { log, env } = guarded();
    const run = runBinary(args, { ...options, env });
    expect(run.stderr).not.toContain('network access denied');
    expect(run.status, run.stderr).toBe(status);
    expect(linesOf(log).filter((line) => line.startsWith(SENTINEL)).length, 'the guard was loaded').toBe(1);
    expect(attemptsOf(log)).toEqual([]);
  });

  it('the GitHub Action (dist/action.js), with annotations, SARIF and a job summary', () => {
    const workspace = tempDir('k8s-bp-offline-action-');
    cpSync(path.join(ROOT, 'examples'), path.join(workspace, 'examples'), { recursive: true });
    mkdirSync(path.join(workspace, 'bad'));
    writeFileSync(path.join(workspace, 'bad', 'broken.yaml'), 'kind: Pod\nkey: [unclosed\n');
    const { log, env } = guarded();
    const run = runAction(
      workspace,
      { paths: 'examples/ bad/', 'sarif-file': 'k8s-bp.sarif' },
      {
        NO_COLOR: '1',
        ...env,
        // What a runner sets, including the OIDC variables the toolkit would use only if asked for a token.
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_API_URL: 'https://api.github.com',
        GITHUB_REPOSITORY: 'example/repo',
        ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.actions.example.invalid/token',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'not-a-token',
      },
    );
    expect(run.stdout).not.toContain('network access denied');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error title=parse-error,file=bad\/broken\.yaml/m);
    expect(run.summary).toContain('## k8s-bp:');
    expect(run.outputs['sarif-file']).toBe(path.join(workspace, 'k8s-bp.sarif'));
    expect(linesOf(log).filter((line) => line.startsWith(SENTINEL)).length, 'the guard was loaded').toBe(1);
    expect(attemptsOf(log)).toEqual([]);
  });
});
