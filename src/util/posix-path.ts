import path from 'node:path';

/** A path with forward slashes whatever the platform: how reports, baselines and config globs name files. */
export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** `file` (relative to `cwd`, or absolute) relative to the directory `base`, with forward slashes. */
export function relativePosix(base: string, cwd: string, file: string): string {
  return toPosix(path.relative(base, path.resolve(cwd, file)));
}
