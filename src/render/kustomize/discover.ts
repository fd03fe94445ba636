/**
 * Which kustomizations a run builds, and which input files are only their
 * inputs: a base, a patch or a generator's file is linted as part of what a
 * kustomization builds, never on its own.
 */
import path from 'node:path';
import { minimatch } from 'minimatch';
import { toDisplayPath } from '../../load/sources.js';
import { toPosix } from '../../util/posix-path.js';
import type { Kustomization } from './kustomization.js';
import { SourceFiles } from './source-files.js';

export interface KustomizePlan {
  /** The kustomizations to build, in folder order. */
  entries: Kustomization[];
  /** Input files (as shown) that belong to some kustomization, and why, for `--verbose`. */
  inputs: Map<string, string>;
}

/**
 * `files` are the inputs as shown (relative to `cwd`); `entryPatterns` are
 * globs of kustomization folders (relative to `cwd`) that are entry points;
 * when there are none, every kustomization that no other one builds on.
 * `sources` are the run's files: the stages after this one read the same
 * kustomizations, and find them already read.
 */
export function planKustomize(
  files: readonly string[],
  cwd: string,
  entryPatterns: readonly string[],
  sources = new SourceFiles(),
): KustomizePlan {
  const read = (folder: string) => sources.kustomization(folder);
  const found = new Map<string, Kustomization>();
  for (const file of files) {
    const folder = path.dirname(path.resolve(cwd, file));
    const kustomization = read(folder);
    if (kustomization !== undefined) found.set(folder, kustomization);
  }
  const inputs = new Map<string, string>();
  const owner = new Map<string, string>();
  for (const kustomization of found.values()) {
    const shown = toDisplayPath(kustomization.file, cwd);
    for (const input of closure(kustomization, read)) if (!owner.has(input)) owner.set(input, shown);
  }
  const charts = [...found.values()].flatMap((kustomization) =>
    kustomization.charts.map((chart) => ({ chart, by: toDisplayPath(kustomization.file, cwd) })),
  );
  for (const file of files) {
    const absolute = path.resolve(cwd, file);
    const by =
      owner.get(absolute) ??
      charts.find(({ chart }) => absolute.startsWith(chart + path.sep))?.by ??
      namedAbove(absolute, read, cwd);
    if (found.has(path.dirname(absolute)) && isKustomizationFile(absolute, found)) {
      inputs.set(file, 'a kustomization, linted as what it builds');
    } else if (by !== undefined) inputs.set(file, `an input of ${by}, linted as part of what it builds`);
  }
  // By default the overlays are the entry points: a base that an overlay builds on is linted as the overlay builds
  // it, so its findings are not repeated, and a value the overlay replaces is not reported.
  const builtOn = new Set([...owner.keys()]);
  const isEntry =
    entryPatterns.length > 0
      ? entryMatcher(entryPatterns)
      : (_folder: string, kustomization: Kustomization) => !builtOn.has(kustomization.file);
  const entries = [...found.values()]
    .filter((kustomization) => !kustomization.isComponent)
    .filter((kustomization) => isEntry(toPosix(path.relative(cwd, kustomization.folder)) || '.', kustomization))
    .sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
  return { entries, inputs };
}

/**
 * A kustomization in a folder above that names the file, although it is not
 * among the inputs (`k8s-bp lint overlays/` of a tree whose kustomization
 * sits one folder up): the file is still only a part of what it builds. The
 * search goes up to the file system's root, as a linted file may lie outside
 * the working directory.
 */
function namedAbove(
  absolute: string,
  read: (folder: string) => Kustomization | undefined,
  cwd: string,
): string | undefined {
  for (let folder = path.dirname(absolute); ; folder = path.dirname(folder)) {
    const kustomization = read(folder);
    if (kustomization?.files.includes(absolute)) return toDisplayPath(kustomization.file, cwd);
    if (path.dirname(folder) === folder) return undefined;
  }
}

function isKustomizationFile(absolute: string, found: Map<string, Kustomization>): boolean {
  return found.get(path.dirname(absolute))?.file === absolute;
}

/** Every file a kustomization reads, through the folders it builds on (their kustomization files included). */
function closure(root: Kustomization, read: (folder: string) => Kustomization | undefined): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>([root.folder]);
  const pending = [root];
  while (pending.length > 0) {
    const kustomization = pending.pop()!;
    if (kustomization !== root) files.add(kustomization.file);
    for (const file of kustomization.files) files.add(file);
    for (const folder of kustomization.folders) {
      if (seen.has(folder)) continue;
      seen.add(folder);
      const next = read(folder);
      if (next !== undefined) pending.push(next);
    }
  }
  return files;
}

function entryMatcher(patterns: readonly string[]): (folder: string) => boolean {
  const globs = patterns.map((pattern) => pattern.replace(/^\.\/+/, '').replace(/\/+$/, '') || '.');
  return (folder) => globs.some((glob) => minimatch(folder, glob, { dot: true }));
}
