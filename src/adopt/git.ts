/**
 * What changed since a git revision: the lines of each file that differ
 * between the revision's merge base with HEAD and the working tree, plus
 * untracked files. Git runs as a child process, without a shell.
 */
import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../load/errors.js';

/** Changed lines per file; files are absolute paths. `'all'` marks a file that is new as a whole. */
export interface ChangeSet {
  /** The revision the changes are measured against, as given. */
  ref: string;
  /** The repository's top directory, absolute. */
  root: string;
  files: ReadonlyMap<string, ReadonlySet<number> | 'all'>;
}

/** The changes since `ref`, for the repository that holds `cwd`; a usage error when there is none or the ref is unknown. */
export async function changedSince(ref: string, cwd: string): Promise<ChangeSet> {
  if (ref === '' || ref.startsWith('-')) {
    throw new UsageError(`--changed-since takes a git revision, not "${ref}"`, 'BAD_ARGUMENTS');
  }
  const top = await git(['rev-parse', '--show-toplevel'], cwd).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new UsageError('--changed-since needs git, which is not installed', 'NO_GIT');
    throw new UsageError(`--changed-since needs a git repository, and ${cwd} is not in one`, 'NOT_A_REPOSITORY');
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
  for (const file of untracked.split('\0').filter((name) => name !== '')) files.set(path.join(root, file), 'all');
  return { ref, root, files };
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

function git(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout);
    });
  });
}
