import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { findGlob, isGlobPattern } from '../util/glob.js';
import { minimatch } from 'minimatch';
import { UsageError } from '../model/errors.js';
import { compareStrings } from '../model/string-order.js';
import { toPosix } from '../util/posix-path.js';

/** The argument that means "read standard input". */
export const STDIN_ARG = '-';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const NEVER_WALKED = new Set(['node_modules', '.git']);

export interface InputOptions {
  cwd: string;
  /** minimatch patterns, matched against paths relative to `cwd` (and against base names when they have no slash). */
  exclude: readonly string[];
}

export interface Inputs {
  /** Files to lint, relative to `cwd` with forward slashes, sorted and without duplicates. */
  files: string[];
  stdin: boolean;
  /** Things passed over that `--verbose` reports. */
  notes: string[];
}

/** Expands file, directory and glob arguments into the files to lint. */
export async function resolveInputs(args: readonly string[], options: InputOptions): Promise<Inputs> {
  const found = new Set<string>();
  const notes: string[] = [];
  let stdin = false;
  for (const arg of args) {
    if (arg === STDIN_ARG) {
      stdin = true;
      continue;
    }
    for (const file of await expandArgument(arg, options, notes)) found.add(file);
  }
  const files = [...found].filter((file) => !isExcluded(file, options.exclude)).sort(compareStrings);
  return { files, stdin, notes };
}

async function expandArgument(arg: string, options: InputOptions, notes: string[]): Promise<string[]> {
  const absolute = path.resolve(options.cwd, arg);
  const info = await stat(absolute).catch(() => undefined);
  if (info?.isDirectory()) return walkDirectory(absolute, options, notes);
  if (info) return [toDisplayPath(absolute, options.cwd)];
  if (isGlobPattern(arg)) return expandGlob(arg, options, notes);
  throw new UsageError(`no such file or directory: ${arg}`, 'PATH_NOT_FOUND');
}

async function expandGlob(pattern: string, options: InputOptions, notes: string[]): Promise<string[]> {
  const matches = await findGlob(pattern, {
    cwd: options.cwd,
    nodir: true,
    dot: false,
    absolute: true,
    ignore: ['**/node_modules/**', '**/.git/**'],
  });
  if (matches.length === 0) throw new UsageError(`no files match the pattern: ${pattern}`, 'GLOB_NO_MATCH');
  // A glob follows the same rules as a directory walk: no linked directories, no links out of its base.
  const base = path.resolve(options.cwd, globBase(pattern));
  const realBase = await realpath(base).catch(() => base);
  const kept: string[] = [];
  for (const match of matches.sort(compareStrings)) {
    const display = toDisplayPath(match, options.cwd);
    const reason = await linkReason(match, base, realBase);
    if (reason) notes.push(`${display}: ${reason}, not followed`);
    else kept.push(display);
  }
  return kept;
}

/** The directory a glob starts from: its leading segments without wildcards. */
function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (isGlobPattern(segment)) break;
    fixed.push(segment);
  }
  return fixed.join('/') || '.';
}

/** Why a file the glob matched is not linted: it sits in a linked directory, or links outside the base. */
async function linkReason(file: string, base: string, realBase: string): Promise<string | undefined> {
  const relative = path.relative(base, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const parts = relative.split(path.sep);
  let current = base;
  for (const part of parts.slice(0, -1)) {
    current = path.join(current, part);
    const info = await lstat(current).catch(() => undefined);
    if (info?.isSymbolicLink()) return 'inside a symbolic link to a directory';
  }
  const info = await lstat(file).catch(() => undefined);
  if (!info?.isSymbolicLink()) return undefined;
  const real = await realpath(file).catch(() => undefined);
  if (real === undefined) return 'broken symbolic link';
  return real.startsWith(realBase + path.sep) ? undefined : 'symbolic link to a file outside the linted directory';
}

async function walkDirectory(root: string, options: InputOptions, notes: string[]): Promise<string[]> {
  const files: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const directory = pending.pop() as string;
    for (const entry of await readdir(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      const display = toDisplayPath(full, options.cwd);
      if (NEVER_WALKED.has(entry.name) || isExcluded(display, options.exclude)) continue;
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isSymbolicLink()) await followFileLink(full, display, root, files, notes);
      else if (entry.isFile() && MANIFEST_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) files.push(display);
    }
  }
  return files;
}

// Linked files inside the directory being walked are linted; links that lead
// outside it are not followed (a checkout must not reach into the machine), and
// linked directories are never walked, which rules out loops.
async function followFileLink(
  full: string,
  display: string,
  root: string,
  files: string[],
  notes: string[],
): Promise<void> {
  const target = await stat(full).catch(() => undefined);
  if (target?.isFile() && MANIFEST_EXTENSIONS.has(path.extname(full).toLowerCase())) {
    const [real, realRoot] = await Promise.all([realpath(full), realpath(root)]);
    if (real === realRoot || real.startsWith(realRoot + path.sep)) files.push(display);
    else notes.push(`${display}: symbolic link to a file outside the linted directory, not followed`);
  } else if (target?.isDirectory()) notes.push(`${display}: symbolic link to a directory, not followed`);
  else if (!target && (await lstat(full).catch(() => undefined))) notes.push(`${display}: broken symbolic link`);
}

function isExcluded(file: string, patterns: readonly string[]): boolean {
  return patterns.some(
    (pattern) =>
      minimatch(file, pattern, { dot: true }) ||
      minimatch(file, `${pattern.replace(/\/$/, '')}/**`, { dot: true }) ||
      (!pattern.includes('/') && minimatch(path.posix.basename(file), pattern, { dot: true })),
  );
}

/** Relative to the working directory with forward slashes, or absolute when outside it. */
export function toDisplayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  return toPosix(shown);
}
