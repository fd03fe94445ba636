/**
 * Kustomize's own test cases and the overlays of real repositories, built by
 * k8s-bp and by `kubectl kustomize` (Kustomize v5.7.1): what k8s-bp lints
 * (and `k8s-bp render` prints) must be what Kustomize builds, object for
 * object; and every value k8s-bp places in a base or patch file must be
 * written there as the built object has it, so that no finding lands on a
 * line whose value the overlay replaced. `npm test` runs a spread sample;
 * K8S_BP_FULL_CORPUS=1 runs every case and overlay.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ObjectPath, Resource } from '../../src/model/types.js';
import { decodeDocument, YAML_PARSE_OPTIONS } from '../../src/load/kube-yaml/decode.js';
import { findKustomize } from '../../src/render/kustomize/binary.js';
import { buildOverlay } from '../../src/render/kustomize/build.js';
import { renderKustomizations } from '../../src/render/kustomize/index.js';
import { KUSTOMIZATION_NAMES, readKustomization } from '../../src/render/kustomize/kustomization.js';
import { SourceFiles } from '../../src/render/kustomize/source-files.js';
import { printDocuments } from '../../src/render/print.js';
import { ROOT } from '../helpers/cli.js';
import { referenceBinaries } from '../helpers/reference-binaries.js';

const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const CASES = path.join(CORPUS, 'kustomize-cases');
const REPOS = path.join(CORPUS, 'public-repos');
const FULL = process.env.K8S_BP_FULL_CORPUS !== undefined;
const binaries = referenceBinaries();
const missing = typeof binaries === 'string' ? binaries : [CASES, REPOS].find((dir) => !existsSync(dir));
if (missing) console.log(`skipped the Kustomize corpus test: ${missing} is not available`);

function caseFolders(): string[] {
  if (missing) return [];
  return readdirSync(CASES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const run = (JSON.parse(readFileSync(path.join(CASES, entry.name, 'case.json'), 'utf8')) as { run: string }).run;
      return path.join(CASES, entry.name, 'fs', run);
    })
    .sort();
}

function overlayFolders(): string[] {
  if (missing) return [];
  const listed = JSON.parse(readFileSync(path.join(REPOS, 'kustomizations.json'), 'utf8')) as Array<{
    dir: string;
    rc: number;
  }>;
  return listed.filter((entry) => entry.rc === 0).map((entry) => path.join(REPOS, entry.dir));
}

function spread<T>(items: T[], size: number): T[] {
  if (FULL || items.length <= size) return items;
  const step = items.length / size;
  return Array.from({ length: size }, (_, index) => items[Math.floor(index * step)]!);
}

const folders = [...spread(caseFolders(), 12), ...spread(overlayFolders(), 12)];
const PLACEMENT_TIMEOUT = 180_000;

function kubectl(): string {
  return typeof binaries === 'string' ? '' : binaries.kubectl;
}

/** Documents as Kubernetes tools read them. */
function decodeAll(text: string): unknown[] {
  return parseAllDocuments(text, YAML_PARSE_OPTIONS)
    .filter((document) => document.contents !== null)
    .map((document) => decodeDocument(document).value);
}

function relative(folder: string): string {
  return path.relative(CORPUS, folder);
}

describe.skipIf(missing !== undefined)('Kustomize builds, compared with kubectl kustomize', () => {
  it.each(folders.map((folder) => [relative(folder), folder]))(
    '%s: render prints what Kustomize builds',
    async (_name, folder) => {
      const expected = spawnSync(kubectl(), ['kustomize', folder], { encoding: 'utf8', maxBuffer: 256 << 20 });
      const outcome = await buildOverlay(readKustomization(folder)!, findKustomize(kubectl(), process.env)!);
      if (expected.status !== 0) {
        expect(outcome).toHaveProperty('error');
        return;
      }
      if ('error' in outcome) throw new Error(outcome.error);
      const ours = decodeAll(printDocuments(outcome.objects.map((object) => object.value)));
      expect(ours).toEqual(decodeAll(expected.stdout));
    },
  );

  it.each(folders.map((folder) => [relative(folder), folder]))(
    '%s: every value placed in a base or patch is written there as built',
    async (_name, folder) => {
      const entry = readKustomization(folder);
      if (entry === undefined) throw new Error(`no kustomization in ${folder}`);
      const render = await renderKustomizations([entry], { cwd: '/', binary: kubectl(), env: process.env });
      const sources = new SourceFiles();
      const renames = renamesOf(render.resources, sources);
      const wrong: string[] = [];
      for (const resource of render.resources) {
        for (const [leafPath, value] of leaves(resource.object)) {
          const range = resource.locator.locate(leafPath);
          const file = range.file === undefined ? undefined : path.resolve('/', range.file);
          // Kustomizations and generators' env files are not YAML documents of objects.
          if (file === undefined || isKustomization(file) || !/\.(ya?ml|json)$/i.test(file)) continue;
          const written = writtenValues(sources, file).get(`${range.documentIndex ?? 0}:${range.line}:${range.column}`);
          // A place that is not a leaf (the object or field that holds a missing value) has nothing to compare.
          if (written === undefined) continue;
          if (!sameScalar(written, value) && !renames.has(renameKey(written, value))) {
            wrong.push(
              `${identify(resource)} ${leafPath.join('.')} = ${JSON.stringify(value)} placed at ${relative(file)}:${range.line}:${range.column}, which holds ${JSON.stringify(written)}`,
            );
          }
        }
      }
      expect(wrong).toEqual([]);
    },
    // Every leaf is placed and compared: the largest overlays (kserve's CRDs) hold some 40,000.
    PLACEMENT_TIMEOUT,
  );
});

function identify(resource: Resource): string {
  return `${resource.kind}/${resource.name ?? ''}`;
}

function isKustomization(file: string): boolean {
  return (KUSTOMIZATION_NAMES as readonly string[]).includes(path.basename(file));
}

/**
 * The built value is the written one, or one Kustomize derived from it where
 * it stands: a name reference that gained the prefix, suffix or hash of the
 * object it names, or a `$(VAR)` reference replaced by the variable's value.
 * For those the reference is the line the user edits. Two more are the same
 * text read by two YAML readers: Kustomize keeps `yes`, `on` and their kin as
 * strings where Kubernetes' reader makes them booleans, and it ends a block
 * scalar that ends its file without a line break without one, where `yaml`
 * adds it.
 */
function sameScalar(written: unknown, built: unknown): boolean {
  if (written === built || String(written) === String(built)) return true;
  if (typeof written === 'boolean' && typeof built === 'string') return YAML_11_BOOLEANS.get(built) === written;
  if (typeof written !== 'string') return false;
  if (typeof built === 'string' && written === `${built}\n`) return true;
  // A generator's literal (`key=value`) is where a generated key's value is written.
  if (/^[^=]+=/.test(written) && written.slice(written.indexOf('=') + 1) === String(built)) return true;
  if (/\$\([^)]+\)/.test(written)) return true;
  return typeof built === 'string' && written !== '' && built.includes(written);
}

/** The words YAML 1.1 reads as booleans, which Kustomize's YAML 1.2 reader keeps as written. */
const YAML_11_BOOLEANS = new Map(
  ['y', 'yes', 'on', 'true', 'n', 'no', 'off', 'false'].flatMap((word) => {
    const truth = ['y', 'yes', 'on', 'true'].includes(word);
    const spellings = [word, word[0]!.toUpperCase() + word.slice(1), word.toUpperCase()];
    return spellings.map((spelling) => [spelling, truth] as const);
  }),
);

/**
 * The names and namespaces the overlay changed, as `old\0new`: an object's
 * own, as its document writes it, to what it was built with. Kustomize makes
 * every name reference to the object follow (whether a prefix, the namespace
 * transformer or a patch that `allowNameChange` renamed it), and the line the
 * user edits for such a value is the reference, which still names the object
 * as it was written. An object is paired with its document through its kind,
 * which only a patch that changes kinds places elsewhere.
 */
function renamesOf(resources: readonly Resource[], sources: SourceFiles): Set<string> {
  const renames = new Set<string>();
  for (const resource of resources) {
    const range = resource.locator.locate(['kind']);
    if (range.file === undefined) continue;
    const document = sources.get(path.resolve('/', range.file))?.documents[range.documentIndex ?? 0];
    const written = (document?.value as { metadata?: Record<string, unknown> } | undefined)?.metadata;
    for (const field of ['name', 'namespace'] as const) {
      const from = written?.[field];
      const to = field === 'name' ? resource.name : resource.namespace;
      if (typeof from === 'string' && typeof to === 'string' && from !== to) renames.add(renameKey(from, to));
    }
  }
  return renames;
}

function renameKey(from: unknown, to: unknown): string {
  return `${String(from)}\u0000${String(to)}`;
}

/** Every scalar of an object, with its path. */
function leaves(value: unknown, prefix: ObjectPath = []): Array<[ObjectPath, unknown]> {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...prefix, index]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...prefix, key]));
  }
  return [[prefix, value]];
}

const writtenCache = new Map<string, Map<string, unknown>>();

/** The scalars written in a file, by the place a finding on them would point at (document:line:column). */
function writtenValues(sources: SourceFiles, file: string): Map<string, unknown> {
  let values = writtenCache.get(file);
  if (values) return values;
  values = new Map();
  writtenCache.set(file, values);
  for (const document of sources.get(file)?.documents ?? []) {
    // A generator written as an object of its own holds literals, not the object it makes.
    if (/Generator$/.test(String((document.value as { kind?: unknown } | null)?.kind))) continue;
    for (const [leafPath, value] of leaves(document.value)) {
      const range = document.locator.locate(leafPath);
      values.set(`${document.index}:${range.line}:${range.column}`, value);
    }
  }
  return values;
}
