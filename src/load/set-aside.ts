/**
 * Files among the inputs that are not manifests of their own, although they
 * look like them, and so are set aside before loading:
 *
 * - the files of a Helm chart (Chart.yaml, values files, templates, helpers,
 *   subcharts): only what the chart renders is a manifest. Its `crds/` folder
 *   holds plain manifests that Helm applies as they are, and is linted.
 * - the assertion files of kuttl and chainsaw tests, which hold the parts of
 *   objects a test expects to find (or not to find) in a cluster;
 * - the patch files a Kustomize kustomization names, which hold the parts of
 *   objects an overlay changes.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readSingleDocument } from './kube-yaml/single-document.js';

export interface SetAside {
  /** Chart folders (as shown, relative to the working directory) whose files were among the inputs. */
  charts: string[];
  /** Why each test assertion file was set aside, for `--verbose`. */
  notes: string[];
}

/** Splits the files to lint (shown relative to `cwd`) into those to load and those set aside. */
export function setAside(files: readonly string[], cwd: string): { files: string[]; setAside: SetAside } {
  const charts = new Set<string>();
  const notes: string[] = [];
  const kept: string[] = [];
  const finder = new ChartFinder(cwd);
  const tests = new TestFolders(cwd);
  const patches = new KustomizePatches(cwd);
  for (const file of files) {
    const chart = finder.chartOf(file);
    if (chart !== undefined) {
      charts.add(chart);
      continue;
    }
    const assertion = tests.assertionReason(file) ?? patches.patchReason(file);
    if (assertion) notes.push(`${file}: ${assertion}, not linted as whole objects`);
    else kept.push(file);
  }
  return { files: kept, setAside: { charts: [...charts].sort(), notes } };
}

/** Finds the Helm chart a file belongs to, by looking for Chart.yaml in the folders above it. */
class ChartFinder {
  private readonly known = new Map<string, boolean>();

  constructor(private readonly cwd: string) {}

  /** The chart folder (as shown) that `file` is part of, or undefined; files under a chart's `crds/` are not. */
  chartOf(file: string): string | undefined {
    const parts = file.split('/');
    // The outermost chart counts: a subchart's files are its parent's. A relative path starts in the working directory.
    for (let depth = file.startsWith('/') ? 1 : 0; depth < parts.length; depth++) {
      const folder = depth === 0 ? '.' : parts.slice(0, depth).join('/');
      if (folder === '' || !this.isChart(folder)) continue;
      return parts[depth] === 'crds' ? undefined : folder;
    }
    return undefined;
  }

  private isChart(folder: string): boolean {
    let chart = this.known.get(folder);
    if (chart === undefined) {
      chart = existsSync(path.resolve(this.cwd, folder, 'Chart.yaml'));
      this.known.set(folder, chart);
    }
    return chart;
  }
}

const KUTTL_ASSERTION = /^\d+-(?:assert|errors)(?:[-.][^/]*)?\.ya?ml$/i;

/** Test folders of kuttl (steps named NN-…) and chainsaw (a chainsaw-test.yaml that names its files). */
class TestFolders {
  private readonly chainsaw = new Map<string, Map<string, string>>();

  constructor(private readonly cwd: string) {}

  assertionReason(file: string): string | undefined {
    const name = path.posix.basename(file);
    const folder = path.posix.dirname(file);
    const role = this.chainsawRoles(folder).get(name);
    if (role) return `a chainsaw test's ${role} file, which holds partial objects`;
    if (KUTTL_ASSERTION.test(name))
      return 'a kuttl test assertion (NN-assert or NN-errors), which holds partial objects';
    return undefined;
  }

  /** The files a chainsaw test in `folder` uses for assertions and patches, by name. */
  private chainsawRoles(folder: string): Map<string, string> {
    let roles = this.chainsaw.get(folder);
    if (roles) return roles;
    roles = new Map();
    this.chainsaw.set(folder, roles);
    const test = firstYaml(path.resolve(this.cwd, folder), ['chainsaw-test.yaml', 'chainsaw-test.yml']);
    if (test) collectChainsawFiles(test.value, roles);
    return roles;
  }
}

/** The operations of a chainsaw test whose `file` holds partial objects. */
const PARTIAL_OPERATIONS = new Set(['assert', 'error', 'patch']);

function collectChainsawFiles(value: unknown, roles: Map<string, string>): void {
  if (Array.isArray(value)) return value.forEach((item) => collectChainsawFiles(item, roles));
  if (typeof value !== 'object' || value === null) return;
  for (const [key, entry] of Object.entries(value)) {
    const file = (entry as { file?: unknown } | null)?.file;
    if (PARTIAL_OPERATIONS.has(key) && typeof file === 'string') roles.set(path.posix.basename(file), key);
    collectChainsawFiles(entry, roles);
  }
}

const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** The value of the first of these files that the folder holds and that reads as YAML; undefined when none does. */
function firstYaml(folder: string, names: readonly string[]): { file: string; value: unknown } | undefined {
  for (const name of names) {
    const file = path.join(folder, name);
    if (!existsSync(file)) continue;
    try {
      const read = readSingleDocument(readFileSync(file, 'utf8'));
      return 'value' in read ? { file, value: read.value } : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The patch files that kustomizations name, found in the folders above each file. */
class KustomizePatches {
  private readonly byFolder = new Map<string, Map<string, string>>();

  constructor(private readonly cwd: string) {}

  /**
   * Why a file is a patch, when a kustomization in its folder or a folder above names it as one.
   * The search goes up to the file system's root, not the working directory: a file outside it
   * (an absolute path, a sibling checkout) can be a patch of a kustomization a few folders up.
   */
  patchReason(file: string): string | undefined {
    const absolute = path.resolve(this.cwd, file);
    for (let folder = path.dirname(absolute); ; folder = path.dirname(folder)) {
      const kustomization = this.patchesOf(folder).get(absolute);
      if (kustomization) return `a patch that ${kustomization} applies`;
      if (path.dirname(folder) === folder) return undefined;
    }
  }

  /** Patch file (absolute) → the kustomization (as shown) that names it, for a folder's kustomization. */
  private patchesOf(folder: string): Map<string, string> {
    let patches = this.byFolder.get(folder);
    if (patches) return patches;
    patches = new Map();
    this.byFolder.set(folder, patches);
    const kustomization = firstYaml(folder, KUSTOMIZATION_NAMES);
    if (kustomization) {
      const shown = path.relative(this.cwd, kustomization.file);
      for (const patch of patchPaths(kustomization.value)) patches.set(path.resolve(folder, patch), shown);
    }
    return patches;
  }
}

/** The files a kustomization applies as patches: `patches` and `patchesJson6902` paths, `patchesStrategicMerge` files. */
function patchPaths(kustomization: unknown): string[] {
  if (typeof kustomization !== 'object' || kustomization === null) return [];
  const { patches, patchesJson6902, patchesStrategicMerge } = kustomization as Record<string, unknown>;
  const paths: string[] = [];
  for (const entry of [...asList(patches), ...asList(patchesJson6902)]) {
    const file = (entry as { path?: unknown } | null)?.path;
    if (typeof file === 'string') paths.push(file);
  }
  // A strategic-merge entry is a file, or an inline patch (which spans lines).
  for (const entry of asList(patchesStrategicMerge)) {
    if (typeof entry === 'string' && !entry.includes('\n')) paths.push(entry);
  }
  return paths;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
