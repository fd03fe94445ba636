/**
 * Globs without loading `glob` up front: it brings Node's streams and a
 * file-system cache, and most runs name plain files and directories. Whether
 * an argument is a pattern at all is minimatch's call, as it is `glob`'s.
 */
import { Minimatch } from 'minimatch';
import type { GlobOptionsWithFileTypesFalse } from 'glob';

/** True when `pattern` has wildcards, braces or classes (backslashes are path separators, not escapes). */
export function isGlobPattern(pattern: string): boolean {
  return new Minimatch(pattern, { windowsPathsNoEscape: true }).hasMagic();
}

/** The paths that match `pattern`, as `glob` finds them. */
export async function findGlob(pattern: string, options: GlobOptionsWithFileTypesFalse): Promise<string[]> {
  const { glob } = await import('glob');
  return glob(pattern, options);
}
