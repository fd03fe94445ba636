import type { SchemaNode, SchemaResolver } from '../types.js';
import { schemaFile, type SchemaFile } from './file.js';

/** A kind that a release serves. */
export interface BuiltinKind {
  /** `''` for the core group. */
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** The definition's name, as `$ref`s spell it after `#/definitions/`. */
  readonly definition: string;
  readonly schema: SchemaNode;
  /** Whether objects of the kind live in a namespace. */
  readonly namespaced: boolean;
}

/** The built-in kinds of one Kubernetes release, and their schemas. */
export interface BuiltinRelease {
  /** `'1.31'`. */
  readonly release: string;
  /** The kind served as `group/version`, or undefined when the release does not serve it. */
  kind(group: string, version: string, kind: string): BuiltinKind | undefined;
  /** The versions of a group that serve a kind, most stable first (`['v2', 'v1', 'v1beta1']`). */
  versionsOf(group: string, kind: string): readonly string[];
  /** Every kind the release serves. */
  kinds(): readonly BuiltinKind[];
  /** Finds a definition by a `$ref` (`#/definitions/io.k8s.api.core.v1.Container`). */
  readonly resolve: SchemaResolver;
}

const REF_PREFIX = '#/definitions/';

/** Builds the lookups of one release of the file. */
export function makeRelease(file: SchemaFile, release: string): BuiltinRelease | undefined {
  if (!Object.hasOwn(file.releases, release)) return undefined;
  const indexes = file.releases[release];
  if (indexes === undefined) return undefined;
  const definitions = new Map<string, SchemaNode>();
  for (const index of indexes.definitions) {
    const entry = file.definitions[index];
    if (entry) definitions.set(entry[0], entry[1]);
  }
  const kinds = new Map<string, BuiltinKind>();
  const versions = new Map<string, string[]>();
  for (const index of indexes.kinds) {
    const entry = file.kinds[index];
    const schema = entry && definitions.get(entry[3]);
    if (!entry || !schema) continue;
    const [group, version, kind, definition, namespaced] = entry;
    kinds.set(`${group}/${version}/${kind}`, { group, version, kind, definition, schema, namespaced });
    const known = versions.get(`${group}/${kind}`) ?? [];
    versions.set(`${group}/${kind}`, [...known, version]);
  }
  return {
    release,
    kind: (group, version, kind) => kinds.get(`${group}/${version}/${kind}`),
    versionsOf: (group, kind) => [...(versions.get(`${group}/${kind}`) ?? [])].sort(byStability),
    kinds: () => [...kinds.values()],
    resolve: (ref) => (ref.startsWith(REF_PREFIX) ? definitions.get(ref.slice(REF_PREFIX.length)) : undefined),
  };
}

/**
 * Kubernetes' order of API versions: GA before beta before alpha, and within each the higher
 * number first (`v2`, `v1`, `v1beta2`, `v1beta1`, `v1alpha1`).
 */
function byStability(a: string, b: string): number {
  const rank = (version: string): number[] => {
    const match = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(version);
    if (!match) return [0, 0, 0];
    const level = match[2] === undefined ? 3 : match[2] === 'beta' ? 2 : 1;
    return [level, Number(match[1]), Number(match[3] ?? 0)];
  };
  const [x, y] = [rank(a), rank(b)];
  for (let index = 0; index < x.length; index++) {
    const difference = (y[index] ?? 0) - (x[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

const releases = new Map<string, BuiltinRelease | undefined>();

/**
 * The built-in kinds of a Kubernetes release (`'1.31'`), or undefined for a release not in
 * {@link SUPPORTED_RELEASES}. The schemas are read on the first call.
 */
export function builtinRelease(release: string): BuiltinRelease | undefined {
  if (!releases.has(release)) releases.set(release, makeRelease(schemaFile(), release));
  return releases.get(release);
}
