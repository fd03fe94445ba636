import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
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

/** Runs a program to completion and returns its exit status and output as text. */
export function run(command: string, args: readonly string[], options: SpawnSyncOptions = {}): Run {
  const result = spawnSync(command, args, { encoding: 'utf8', env: userEnv(), maxBuffer: 64 << 20, ...options });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Like {@link run}, but throws with the output when the program fails. */
export function runOk(command: string, args: readonly string[], options: SpawnSyncOptions = {}): Run {
  const result = run(command, args, options);
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
export function git(cwd: string, ...args: string[]): Run {
  return runOk('git', [...GIT_IDENTITY, ...args], { cwd });
}

/**
 * This checkout as it is on disk, committed into a new repository: every
 * tracked and untracked file that .gitignore does not exclude, changes
 * included. Tests that install "the repository at a commit" (as pre-commit
 * does) then exercise this working tree, even before it is committed.
 */
export function snapshotCheckout(): { dir: string; rev: string } {
  const dir = path.join(tempDir('k8s-bp-snapshot-'), 'k8s-bp');
  mkdirSync(dir);
  const listed = runOk('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT });
  for (const file of listed.stdout.split('\0').filter((name) => name !== '')) {
    // A tracked file deleted in the working tree is left out, as a commit of the tree would.
    try {
      cpSync(path.join(ROOT, file), path.join(dir, file), { recursive: false, verbatimSymlinks: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '--no-verify', '--message', 'snapshot of the working tree under test');
  return { dir, rev: git(dir, 'rev-parse', 'HEAD').stdout.trim() };
}
