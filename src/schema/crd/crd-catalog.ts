/**
 * An index of the CustomResourceDefinitions in sight (among the linted files,
 * in the inventory, in a folder the user names), to find the schema a custom
 * resource is validated against.
 *
 * When two CRDs define the same group and kind, the first one given wins:
 * callers pass the linted files first, then the inventory, then the user's
 * folders, so the CRD applied next to its resources is the one used. Copies
 * with the same `spec` (the same CRD in several bundles) are not a conflict;
 * CRDs that differ are, and the catalog lists each pair once.
 */
import { isRecord } from '../../model/records.js';
import { didYouMean } from '../../util/suggest.js';
import type { SchemaNode, SchemaProblem } from '../types.js';
import type { ObjectPath } from '../../model/types.js';
import { readCrd, type CrdView } from './crd-object.js';

/** An object that may be a CRD, and where it was read. */
export interface CrdSource {
  readonly object: unknown;
  /** The file as the user named it. */
  readonly file: string;
  /** 0-based index of the YAML document in its file. */
  readonly documentIndex?: number;
}

/** One version of a custom resource kind, as a CRD in sight defines it. */
export interface CrdEntry {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly served: boolean;
  readonly storage: boolean;
  readonly scope: 'Namespaced' | 'Cluster';
  /** The version's `openAPIV3Schema`, undefined when the CRD gives none. */
  readonly schema: SchemaNode | undefined;
  /** Where the schema sits in the CRD object. */
  readonly schemaPath: ObjectPath | undefined;
  /** True when the version has the status subresource (see {@link objectAsCreated}). */
  readonly statusSubresource: boolean;
  /** The CRD's `metadata.name`, e.g. `certificates.cert-manager.io`. */
  readonly crdName: string;
  readonly source: CrdSource;
}

/** What the catalog knows of a custom resource's group, version and kind. */
export type CrdLookup =
  /**
   * A CRD in sight defines and serves the version. `alternatives` are the
   * same version as other, different CRDs in sight define it (a repository
   * may hold several releases of an operator's CRDs).
   */
  | { readonly status: 'found'; readonly entry: CrdEntry; readonly alternatives: readonly CrdEntry[] }
  /**
   * A CRD in sight defines the kind but does not serve the version (it does
   * not list it, or sets `served: false`): the API server has no such kind.
   */
  | { readonly status: 'not-served'; readonly problem: SchemaProblem; readonly source: CrdSource }
  /** No CRD in sight defines the kind: a note for the verbose report, not an error. */
  | { readonly status: 'no-crd'; readonly note: string };

/** Two different CRDs for one group and kind. */
export interface CrdConflict {
  readonly group: string;
  readonly kind: string;
  readonly used: CrdSource;
  readonly ignored: CrdSource;
  readonly message: string;
}

/** The CRDs in sight, by group, version and kind. */
export interface CrdCatalog {
  /** Every version of every kind, from the CRD that won. */
  readonly entries: readonly CrdEntry[];
  readonly conflicts: readonly CrdConflict[];
  /** Looks up a custom resource by its `apiVersion` (`group/version`) and `kind`. */
  lookup(apiVersion: string, kind: string): CrdLookup;
}

interface Definition {
  readonly view: CrdView & { readonly group: string; readonly kind: string };
  readonly source: CrdSource;
  /** The CRD's `spec` as JSON, to tell copies of one CRD from different ones. */
  readonly specText: string;
  readonly entries: readonly CrdEntry[];
}

/** Builds the catalog; objects that are not CRDs, or lack a group or kind, are passed over. */
export function buildCrdCatalog(sources: Iterable<CrdSource>): CrdCatalog {
  const definitions = new Map<string, Definition>();
  // Definitions of a group and kind that differ from the first one, in the order they came.
  const others = new Map<string, Definition[]>();
  const conflicts: CrdConflict[] = [];
  const reported = new Set<string>();
  for (const source of sources) {
    const view = readCrd(source.object);
    if (view?.group === undefined || view.kind === undefined) continue;
    const key = groupKind(view.group, view.kind);
    const text = specText(source.object);
    const known = definitions.get(key);
    if (known === undefined) {
      const complete = { ...view, group: view.group, kind: view.kind };
      definitions.set(key, { view: complete, source, specText: text, entries: entriesOf(complete, source) });
    } else if (text !== known.specText && !reported.has(`${key}\n${text}`)) {
      // One conflict for each different spec, however many files repeat it.
      reported.add(`${key}\n${text}`);
      conflicts.push(conflictOf(known, view.name, source));
      const complete = { ...view, group: view.group, kind: view.kind };
      const other = { view: complete, source, specText: text, entries: entriesOf(complete, source) };
      others.set(key, [...(others.get(key) ?? []), other]);
    }
  }
  const entries = [...definitions.values()].flatMap((definition) => definition.entries);
  return { entries, conflicts, lookup: (apiVersion, kind) => lookup(definitions, others, apiVersion, kind) };
}

function groupKind(group: string, kind: string): string {
  return `${kind}.${group}`;
}

function specText(object: unknown): string {
  return isRecord(object) ? JSON.stringify(object.spec ?? null) : '';
}

/** How a finding names a CRD: its name and the file it came from. */
export function describeCrdSource(name: string | undefined, source: CrdSource): string {
  const where = source.documentIndex ? `${source.file}, document ${source.documentIndex + 1}` : source.file;
  return `the CustomResourceDefinition "${name ?? '(unnamed)'}" (${where})`;
}

function conflictOf(used: Definition, ignoredName: string | undefined, ignored: CrdSource): CrdConflict {
  const { group, kind } = used.view;
  const message =
    `${describeCrdSource(used.view.name, used.source)} and ${describeCrdSource(ignoredName, ignored)} ` +
    `both define kind "${kind}" of group "${group}" and differ; custom resources are checked against the first`;
  return { group, kind, used: used.source, ignored, message };
}

function entriesOf(view: Definition['view'], source: CrdSource): CrdEntry[] {
  return view.versions.map((version) => ({
    group: view.group,
    version: version.name,
    kind: view.kind,
    served: version.served,
    storage: version.storage,
    scope: view.scope === 'Cluster' ? 'Cluster' : 'Namespaced',
    schema: version.schema,
    schemaPath: version.schemaPath,
    statusSubresource: version.statusSubresource,
    crdName: view.name ?? `${view.plural ?? ''}.${view.group}`,
    source,
  }));
}

function lookup(
  definitions: ReadonlyMap<string, Definition>,
  others: ReadonlyMap<string, readonly Definition[]>,
  apiVersion: string,
  kind: string,
): CrdLookup {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  const definition = definitions.get(groupKind(group, kind));
  if (definition === undefined) return { status: 'no-crd', note: noCrdNote(definitions, group, kind) };
  const candidates = [definition, ...(others.get(groupKind(group, kind)) ?? [])];
  const served = candidates.flatMap((candidate) =>
    candidate.entries.filter((entry) => entry.version === version && entry.served),
  );
  const [first, ...alternatives] = served;
  if (first !== undefined) return { status: 'found', entry: first, alternatives };
  const entry = definition.entries.find((candidate) => candidate.version === version);
  const servedVersions = definition.view.versions
    .filter((candidate) => candidate.served)
    .map((candidate) => candidate.name);
  const crd = describeCrdSource(definition.view.name, definition.source);
  const why = entry ? `${crd} sets served: false for it` : `${crd} does not define it`;
  const servedList = servedVersions.length === 0 ? 'serves no version' : `serves ${servedVersions.join(', ')}`;
  const message = `version "${version}" of kind "${kind}" is not served: ${why}, and ${servedList}`;
  return {
    status: 'not-served',
    source: definition.source,
    problem: { class: 'value', path: ['apiVersion'], message },
  };
}

function noCrdNote(definitions: ReadonlyMap<string, Definition>, group: string, kind: string): string {
  const kindsOfGroup = [...definitions.values()]
    .filter((definition) => definition.view.group === group)
    .map((definition) => definition.view.kind);
  return (
    `no CustomResourceDefinition in sight defines kind "${kind}" of group "${group}"${didYouMean(kind, kindsOfGroup)}; ` +
    'its schema is not checked'
  );
}

/**
 * A custom resource as the API server validates it on create: a version with
 * the status subresource drops the `status` it is given (status is written
 * through its own endpoint), so nothing in it is checked.
 */
export function objectAsCreated(object: Record<string, unknown>, entry: CrdEntry): Record<string, unknown> {
  if (!entry.statusSubresource || !Object.hasOwn(object, 'status')) return object;
  const created = { ...object };
  delete created.status;
  return created;
}
