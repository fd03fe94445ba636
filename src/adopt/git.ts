/**
 * What changed since a git revision: the lines of each file that differ
 * between the revision's merge base with HEAD and the working tree, plus
 * untracked files. Git runs as a child process, without a shell.
 */
import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../model/errors.js';

/** Changed lines per file; files are absolute paths. `'all'` marks a file that is new as a whole. */
export interface ChangeSet {
  /** The revision the changes are measured against, as given. */
  ref: string;
  /** The repository's top directory, absolute. */
  root: string;
  files: ReadonlyMap<string, ReadonlySet<number> | 'all'>;
  /** Manifest files (by extension) that existed at the revision and no longer do: absolute path → text then. */
  deleted?: ReadonlyMap<string, string>;
}

/** The changes since `ref`, for the repository that holds `cwd`; a usage error when there is none or the ref is unknown. */
export async function changedSince(ref: string, cwd: string): Promise<ChangeSet> {
  if (ref === '' || ref.startsWith('-')) {
    throw new UsageError(`--changed-since takes a git revision, not "${ref}"`, 'BAD_ARGUMENTS');
  }
  const top = await git(['rev-parse', '--show-toplevel'], cwd).catch((error: GitError) => {
    throw noRepository(error, cwd);
  });
  const root = await realpath(top.trim());
  await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root).catch(() => {
    throw new UsageError(
      `--changed-since: unknown git revision "${ref}"; in a shallow clone, fetch it first (actions/checkout: fetch-depth: 0)`,
      'UNKNOWN_REVISION',
    );
  });
  // Like a pull request, compare against where the branch left `ref`, not against what `ref` gained since.
  const base = await git(['merge-base', ref, 'HEAD'], root).catch(() => {
    throw new UsageError(
      `--changed-since: "${ref}" and HEAD have no common history here; in a shallow clone, fetch more of it (actions/checkout: fetch-depth: 0)`,
      'NO_MERGE_BASE',
    );
  });
  const diff = await git(
    [
      '-c',
      'core.quotepath=false',
      'diff',
      '--unified=0',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--find-renames',
      '--src-prefix=a/',
      '--dst-prefix=b/',
      base.trim(),
      '--',
    ],
    root,
  );
  const untracked = await git(['ls-files', '-z', '--others', '--exclude-standard'], root);
  const files = new Map<string, ReadonlySet<number> | 'all'>();
  for (const [file, lines] of parseDiff(diff)) files.set(path.join(root, file), lines);
  for (const file of nulSeparated(untracked)) files.set(path.join(root, file), 'all');
  return { ref, root, files, deleted: await deletedManifests(base.trim(), root) };
}

const MANIFEST_EXTENSION = /\.(?:ya?ml|json)$/i;

/**
 * The manifest files deleted since `base`, with their text then: the objects
 * in them are changed objects too (a rule that looks for them no longer finds them).
 */
async function deletedManifests(base: string, root: string): Promise<Map<string, string>> {
  const list = await git(['diff', '-z', '--name-only', '--find-renames', '--diff-filter=D', base, '--'], root);
  const deleted = new Map<string, string>();
  for (const file of nulSeparated(list).filter((name) => MANIFEST_EXTENSION.test(name))) {
    const text = await git(['show', `${base}:${file}`], root).catch(() => '');
    deleted.set(path.join(root, file), text);
  }
  return deleted;
}

/**
 * The added and modified lines of each file in a `git diff --unified=0`, by
 * the path on the new side. Where lines were only deleted, the lines on either
 * side of the gap count as changed: a finding about a removed field points
 * at what surrounds it.
 */
export function parseDiff(diff: string): Map<string, Set<number>> {
  const files = new Map<string, Set<number>>();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('diff --git ')) {
      current = undefined;
    } else if (line.startsWith('+++ ')) {
      const name = unquote(line.slice(4).replace(/\t$/, ''));
      if (name.startsWith('b/')) {
        current = new Set();
        files.set(name.slice(2), current);
      } else current = undefined; // /dev/null: the file was deleted
    } else if (line.startsWith('@@ ') && current !== undefined) {
      const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!hunk) continue;
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      if (count === 0) {
        // Deleted lines sat between `start` and `start + 1`.
        if (start > 0) current.add(start);
        current.add(start + 1);
      } else for (let added = start; added < start + count; added++) current.add(added);
    }
  }
  return files;
}

function nulSeparated(text: string): string[] {
  return text.split('\0').filter((name) => name !== '');
}

/** Git quotes unusual paths C-style ("a\tb", octal bytes); turns one back into text. */
function unquote(name: string): string {
  if (!name.startsWith('"') || !name.endsWith('"')) return name;
  const bytes: number[] = [];
  const body = name.slice(1, -1);
  const escapes: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let index = 0; index < body.length; index++) {
    const char = body.charAt(index);
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const next = body.charAt(index + 1);
    const octal = /^[0-7]{3}/.exec(body.slice(index + 1));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      index += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      index += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** A failed git command, with the first line git wrote to standard error. */
interface GitError extends Error {
  code?: unknown;
  gitMessage?: string;
}

function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const line = stderr.split('\n').find((text) => text.trim() !== '');
      reject(Object.assign(error, line === undefined ? {} : { gitMessage: line.trim() }));
    });
  });
}

/** Why `git rev-parse --show-toplevel` failed, as a usage error. */
function noRepository(error: GitError, cwd: string): UsageError {
  if (error.code === 'ENOENT') return new UsageError('--changed-since needs git, which is not installed', 'NO_GIT');
  // A checkout owned by another user (a container job) is refused by git until it is marked safe.
  if (error.gitMessage?.includes('dubious ownership') === true) {
    return new UsageError(
      `--changed-since: git refuses the repository at ${cwd} (${error.gitMessage}); mark it safe with git config --global --add safe.directory <path>`,
      'NOT_A_REPOSITORY',
    );
  }
  return new UsageError(`--changed-since needs a git repository, and ${cwd} is not in one`, 'NOT_A_REPOSITORY');
}
