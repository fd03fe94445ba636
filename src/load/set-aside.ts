/**
 * Files among the inputs that are not manifests of their own, although they
 * look like them, and so are set aside before loading:
 *
 * - the files of a Helm chart (Chart.yaml, values files, templates, helpers,
 *   subcharts): only what the chart renders is a manifest. Its `crds/` folder
 *   holds plain manifests that Helm applies as they are, and is linted.
 * - the assertion files of kuttl and chainsaw tests, which hold the parts of
 *   objects a test expects to find (or not to find) in a cluster.
 *
 * - a file that a kustomization names only in a commented-out entry
 *   (`# - auth_proxy_role_binding.yaml`, as kubebuilder scaffolds them): it
 *   is switched off, and often a patch or a part that needs the overlay.
 *
 * A kustomization's inputs (bases, patches) are linted as what it builds; see
 * src/render/kustomize/.
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
  const commented = new CommentedEntries(cwd);
  for (const file of files) {
    const chart = finder.chartOf(file);
    if (chart !== undefined) {
      charts.add(chart);
      continue;
    }
    const assertion = tests.assertionReason(file);
    const switchedOff = assertion ? undefined : commented.kustomizationNaming(file);
    if (assertion) notes.push(`${file}: ${assertion}, not linted as whole objects`);
    else if (switchedOff) notes.push(`${file}: named only in a commented-out entry of ${switchedOff}, not linted`);
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

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
// `# - patch.yaml`, `#- ../rbac`, `#  path: patches/x.yaml`: an entry someone commented out.
const COMMENTED_ENTRY = /^\s*#\s*(?:-\s*)?(?:path:\s*)?([\w./-]+\.ya?ml)\s*$/;
/** How many folders up a kustomization may name a file (`#- patches/webhook_in_x.yaml` from `crd/`). */
const LEVELS_UP = 2;

/** The kustomizations near each file and the files their commented-out entries name. */
class CommentedEntries {
  private readonly named = new Map<string, { kustomization: string; files: Set<string> } | undefined>();

  constructor(private readonly cwd: string) {}

  /** The kustomization (as shown) that names `file` only in a comment, or undefined. */
  kustomizationNaming(file: string): string | undefined {
    let folder = path.posix.dirname(file);
    for (let level = 0; level <= LEVELS_UP; level++) {
      const entries = this.entriesOf(folder);
      if (entries?.files.has(path.posix.normalize(path.posix.relative(folder, file)))) return entries.kustomization;
      const parent = path.posix.dirname(folder);
      if (parent === folder || folder === '.') return undefined;
      folder = parent;
    }
    return undefined;
  }

  private entriesOf(folder: string): { kustomization: string; files: Set<string> } | undefined {
    if (this.named.has(folder)) return this.named.get(folder);
    let found: { kustomization: string; files: Set<string> } | undefined;
    for (const name of KUSTOMIZATION_FILES) {
      const shown = folder === '.' ? name : `${folder}/${name}`;
      const absolute = path.resolve(this.cwd, shown);
      if (!existsSync(absolute)) continue;
      const files = new Set<string>();
      for (const line of readFileSync(absolute, 'utf8').split('\n')) {
        const entry = COMMENTED_ENTRY.exec(line)?.[1];
        if (entry !== undefined) files.add(path.posix.normalize(entry));
      }
      found = { kustomization: shown, files };
      break;
    }
    this.named.set(folder, found);
    return found;
  }
}
