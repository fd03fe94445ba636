import { spawn, type SpawnOptions } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, tempDir } from '../helpers/cli.js';

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a user's shell: without the npm_* variables and the
 * node_modules/.bin entries on PATH that `npm test` adds, which would
 * otherwise steer the npm and pre-commit processes that these tests start.
 */
export function userEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined || /^(npm_|INIT_CWD$|VITEST|NODE_ENV$|NO_COLOR$|FORCE_COLOR$)/i.test(name)) continue;
    env[name] = value;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((entry) => !entry.includes(`node_modules${path.sep}.bin`))
    .join(path.delimiter);
  return { ...env, ...extra };
}

/** What a program is started with: where, with which environment, and text for its standard input. */
export type RunOptions = Pick<SpawnOptions, 'cwd' | 'env'> & { input?: string };

/**
 * Runs a program to completion and returns its exit status and output as text. It does not
 * block: an install can take a minute, and the test worker must keep answering the runner meanwhile.
 */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? userEnv(),
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({
        status: status ?? -1,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      }),
    );
    // A program may exit without reading its input, as it may under spawnSync.
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.input);
  });
}

/** Like {@link run}, but throws with the output when the program fails. */
export async function runOk(command: string, args: readonly string[], options: RunOptions = {}): Promise<Run> {
  const result = await run(command, args, options);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

const GIT_IDENTITY = [
  '-c',
  'user.name=k8s-bp tests',
  '-c',
  'user.email=tests@k8s-bp.invalid',
  '-c',
  'commit.gpgsign=false',
];

/** `git` with a fixed identity, so that commits work on a machine without git configured. */
export async function git(cwd: string, ...args: string[]): Promise<Run> {
  return await runOk('git', [...GIT_IDENTITY, ...args], { cwd });
}

/**
 * This checkout as it is on disk, committed into a new repository: every
 * tracked and untracked file that .gitignore does not exclude, changes
 * included. Tests that install "the repository at a commit" (as pre-commit
 * does) then exercise this working tree, even before it is committed.
 */
export async function snapshotCheckout(): Promise<{ dir: string; rev: string }> {
  const dir = path.join(tempDir('k8s-bp-snapshot-'), 'k8s-bp');
  mkdirSync(dir);
  const listed = await runOk('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT });
  for (const file of listed.stdout.split('\0').filter((name) => name !== '')) {
    // A tracked file deleted in the working tree is left out, as a commit of the tree would.
    try {
      cpSync(path.join(ROOT, file), path.join(dir, file), { recursive: false, verbatimSymlinks: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  await git(dir, 'init', '--quiet', '--initial-branch=main');
  await git(dir, 'add', '--all');
  await git(dir, 'commit', '--quiet', '--no-verify', '--message', 'snapshot of the working tree under test');
  return { dir, rev: (await git(dir, 'rev-parse', 'HEAD')).stdout.trim() };
}
