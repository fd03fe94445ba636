import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LintOptions } from '../../src/lint.js';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built command, as `npx k8s-bp` runs it. */
export const BIN = path.join(ROOT, 'bin', 'k8s-bp.cjs');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  input?: string;
  env?: Record<string, string | undefined>;
}

/** Runs the built CLI in a child process, as a user would. */
export function runCli(args: readonly string[], options: CliOptions = {}): CliRun {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    ...options.env,
  };
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    // Reports on whole corpora run to megabytes; the default 1 MB would cut them off.
    maxBuffer: 512 * 1024 * 1024,
    env: Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined)),
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary directory. */
export function tempDir(prefix = 'k8s-bp-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Writes a file into a directory and returns its path. */
export function writeTemp(directory: string, name: string, text: string): string {
  const file = path.join(directory, name);
  writeFileSync(file, text);
  return file;
}

/** Options for the `lint()` pipeline: the given paths and directory, and nothing excluded, enabled, disabled or on standard input unless set. */
export function lintOptions(options: Partial<LintOptions> & Pick<LintOptions, 'paths' | 'cwd'>): LintOptions {
  return { exclude: [], enable: [], disable: [], readStdin: () => Promise.resolve(''), ...options };
}

/** A finding as the JSON report writes it, with the fields tests read. */
export interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  message: string;
  related?: { file: string; line: number; column: number; message: string }[];
}
