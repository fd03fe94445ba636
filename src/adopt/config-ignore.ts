/**
 * The config's `ignore` entries: rules silenced for files matching globs,
 * which are relative to the directory of the config file.
 */
import path from 'node:path';
import { minimatch } from 'minimatch';
import { relativePosix } from '../util/posix-path.js';

/** One entry of the config's `ignore` list, with where it is written. */
export interface IgnoreEntry {
  paths: string[];
  rules: string[];
  reason: string | undefined;
  /** Position of the entry in the config file, for findings about it. */
  location: { file: string; line: number; column: number };
}

/** True when `file` (relative to `cwd`) matches one of the entry's globs, taken relative to `baseDir`. */
export function entryMatchesFile(entry: IgnoreEntry, file: string, cwd: string, baseDir: string): boolean {
  const relative = relativePosix(baseDir, cwd, file);
  return entry.paths.some(
    (pattern) =>
      minimatch(relative, pattern, { dot: true }) ||
      minimatch(relative, `${pattern.replace(/\/$/, '')}/**`, { dot: true }) ||
      (!pattern.includes('/') && minimatch(path.posix.basename(relative), pattern, { dot: true })),
  );
}
