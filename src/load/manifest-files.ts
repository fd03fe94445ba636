/**
 * Reads the manifests of side inputs (policies, inventory): files, folders and
 * globs the user named, loaded with the same limits and checks as linted
 * files, so that a bad file there is a finding too and never read unbounded.
 */
import path from 'node:path';
import type { Finding, Resource } from '../model/types.js';
import { UsageError } from '../model/errors.js';
import { parseManifests } from './parse.js';
import { readManifestFile, unreadableFile } from './read.js';
import { resolveInputs } from './sources.js';

export interface ManifestFiles {
  resources: Resource[];
  /** Files that could not be read or parsed, and documents that are not valid objects. */
  findings: Finding[];
  /** Documents passed over (not Kubernetes objects), for `--verbose`. */
  notes: string[];
}

/** `option` names the flag the paths came from, for the error when one of them is `-`. */
export async function loadManifestFiles(
  paths: readonly string[],
  options: { cwd: string; maxFileSize: number; option: string },
): Promise<ManifestFiles> {
  const { cwd, maxFileSize } = options;
  const loaded: ManifestFiles = { resources: [], findings: [], notes: [] };
  if (paths.length === 0) return loaded;
  const inputs = await resolveInputs(paths, { cwd, exclude: [] });
  if (inputs.stdin)
    throw new UsageError(
      `${options.option} takes files, folders or globs, not standard input (-)`,
      'STDIN_NOT_ALLOWED',
    );
  loaded.notes.push(...inputs.notes);
  for (const file of inputs.files) {
    const outcome = await readManifestFile(path.resolve(cwd, file), file, maxFileSize).catch(
      (error: NodeJS.ErrnoException) => unreadableFile(file, error),
    );
    if ('finding' in outcome) {
      loaded.findings.push(outcome.finding);
      continue;
    }
    for (const event of parseManifests(outcome.text, file)) {
      if (event.type === 'resource') loaded.resources.push(event.resource);
      else if (event.type === 'problem') loaded.findings.push(event.finding);
      else
        loaded.notes.push(`${event.file}:${event.line}: skipped document ${event.documentIndex + 1}: ${event.reason}`);
    }
  }
  return loaded;
}
