/**
 * A kustomization as a file: where it is, what it says, and which files and
 * folders it reads. Kustomize's own field names; both the current and the
 * deprecated spellings are read, since real repositories hold both.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readSingleDocument } from '../../load/kube-yaml/single-document.js';
import { isRecord } from '../../model/records.js';

/** The names Kustomize looks for, in its order. */
export const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

export interface Kustomization {
  /** The kustomization file, absolute. */
  file: string;
  /** Its folder, absolute. */
  folder: string;
  /** What it says, as Kubernetes tools read YAML; undefined when it does not read. */
  value: Record<string, unknown> | undefined;
  /** A `kind: Component` is only ever an input of another kustomization. */
  isComponent: boolean;
  /** Folders it builds on (resources, bases and components that are folders), absolute. */
  folders: string[];
  /** Files it reads (resources, patches, generator inputs, configurations, …), absolute. */
  files: string[];
  /** Folders of the Helm charts it inflates (`helmCharts` under `helmGlobals.chartHome`), absolute. */
  charts: string[];
}

/** The kustomization file of a folder, or undefined when it has none. */
export function kustomizationFileIn(folder: string): string | undefined {
  for (const name of KUSTOMIZATION_NAMES) {
    const file = path.join(folder, name);
    if (existsSync(file)) return file;
  }
  return undefined;
}

/**
 * Reads the kustomization of `folder`; undefined when the folder has none.
 * `readText` gives a file's text (undefined when it cannot be read): a run
 * reads through its own cache, so that each file is read once.
 */
export function readKustomization(
  folder: string,
  readText: (file: string) => string | undefined = readTextFile,
): Kustomization | undefined {
  const file = kustomizationFileIn(folder);
  if (file === undefined) return undefined;
  let value: Record<string, unknown> | undefined;
  try {
    const text = readText(file);
    const read = text === undefined ? undefined : readSingleDocument(text);
    if (read !== undefined && 'value' in read && isRecord(read.value)) value = read.value;
  } catch {
    value = undefined;
  }
  const kustomization: Kustomization = {
    file,
    folder,
    value,
    isComponent: value?.kind === 'Component',
    folders: [],
    files: [],
    charts: [],
  };
  if (value !== undefined) collectInputs(value, kustomization);
  return kustomization;
}

function readTextFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** Remote bases (`github.com/…`, `https://…`) are not read from the disk. */
function isRemote(reference: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(reference) || /^(?:github\.com|gitlab\.com|bitbucket\.org)\//.test(reference);
}

function collectInputs(value: Record<string, unknown>, into: Kustomization): void {
  const add = (reference: unknown) => {
    if (typeof reference !== 'string' || reference.includes('\n') || isRemote(reference)) return;
    const absolute = path.resolve(into.folder, reference);
    let isFolder = false;
    try {
      isFolder = statSync(absolute).isDirectory();
    } catch {
      return;
    }
    (isFolder ? into.folders : into.files).push(absolute);
  };
  for (const key of ['resources', 'bases', 'components', 'crds', 'configurations', 'patchesStrategicMerge']) {
    list(value[key]).forEach(add);
  }
  for (const key of ['transformers', 'generators', 'validators']) list(value[key]).forEach(add);
  for (const key of ['patches', 'patchesJson6902', 'replacements']) {
    for (const entry of list(value[key])) add(isRecord(entry) ? entry.path : entry);
  }
  for (const key of ['configMapGenerator', 'secretGenerator']) {
    for (const entry of list(value[key])) {
      if (!isRecord(entry)) continue;
      for (const file of list(entry.files)) add(typeof file === 'string' ? file.slice(file.indexOf('=') + 1) : file);
      list(entry.envs).forEach(add);
      add(entry.env);
    }
  }
  const globals = isRecord(value.helmGlobals) ? value.helmGlobals : {};
  const chartHome = typeof globals.chartHome === 'string' ? globals.chartHome : 'charts';
  for (const chart of list(value.helmCharts)) {
    if (!isRecord(chart)) continue;
    add(chart.valuesFile);
    for (const file of list(chart.additionalValuesFiles)) add(file);
    if (typeof chart.name === 'string') into.charts.push(path.resolve(into.folder, chartHome, chart.name));
  }
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
