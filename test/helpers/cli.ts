import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/lint-command.js';
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
  /** Standard input: text, or bytes as they are. */
  input?: string | Uint8Array;
  env?: Record<string, string | undefined>;
}

/**
 * Runs the CLI in this process, through `main()`, as the binary would run it: in `cwd` (the
 * repository root unless set), with this process's environment but no colour settings unless
 * set, `input` on standard input and both outputs captured. A crash is reported as the
 * launcher reports it, with exit 2.
 */
export async function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  const stdout = new CapturedOutput();
  const stderr = new CapturedOutput();
  const io: Io = {
    cwd: options.cwd ?? ROOT,
    env: childEnv(options.env),
    stdout,
    stderr,
    readStdin: () =>
      Promise.resolve(
        typeof options.input === 'string' ? Buffer.from(options.input, 'utf8') : (options.input ?? Buffer.alloc(0)),
      ),
  };
  let status: number;
  try {
    status = await main(args, io);
  } catch (error) {
    stderr.write(
      `k8s-bp: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    status = 2;
  }
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}

/**
 * Runs the built command in a child process, as `npx k8s-bp` does: for what only the real
 * program shows (its launcher, the process it runs in, its exit).
 */
export function runBinary(args: readonly string[], options: CliOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    // Reports on whole corpora run to megabytes; the default 1 MB would cut them off.
    maxBuffer: 512 * 1024 * 1024,
    env: childEnv(options.env),
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** This process's environment without colour settings, then `overrides`; an undefined value unsets a variable. */
function childEnv(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** An output stream that keeps what is written, as a pipe to a parent process would: not a terminal. */
class CapturedOutput extends Writable {
  private readonly chunks: Buffer[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    done();
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
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
