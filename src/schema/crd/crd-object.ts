/**
 * Reading a CustomResourceDefinition as written, in either API version:
 * `apiextensions.k8s.io/v1`, where every version carries its own schema, and
 * the older `v1beta1`, where a top-level `validation.openAPIV3Schema` (and a
 * top-level `version`) serve every version that has none of its own. The
 * defaults the API server fills in on create are applied here, so that
 * callers see what the server would see.
 */
import { getIn, isRecord } from '../../model/records.js';
import type { ObjectPath } from '../../model/types.js';
import type { SchemaNode } from '../types.js';

/** The API group of CustomResourceDefinitions. */
export const CRD_GROUP = 'apiextensions.k8s.io';
/** The kind of a CustomResourceDefinition. */
export const CRD_KIND = 'CustomResourceDefinition';

/** One version a CRD defines, with the schema that applies to it. */
export interface CrdVersionView {
  readonly name: string;
  /** The index in `spec.versions`, or undefined for a v1beta1 CRD that names its one version in `spec.version`. */
  readonly index: number | undefined;
  readonly served: boolean;
  readonly storage: boolean;
  /**
   * The version's `openAPIV3Schema` as written: a CRD that the API server
   * would refuse may hold anything here (`check-crd` says what is wrong).
   */
  readonly schema: SchemaNode | undefined;
  /** Where `schema` sits in the CRD object. */
  readonly schemaPath: ObjectPath | undefined;
  /** True when the version has the status subresource: then `status` cannot be set on create. */
  readonly statusSubresource: boolean;
}

/** What a CRD defines, read leniently: fields of the wrong type count as absent. */
export interface CrdView {
  readonly apiVersion: 'v1' | 'v1beta1';
  readonly name: string | undefined;
  readonly group: string | undefined;
  readonly kind: string | undefined;
  readonly plural: string | undefined;
  /** As written, or `Namespaced`, the v1beta1 default. */
  readonly scope: string | undefined;
  readonly versions: readonly CrdVersionView[];
}

/** True for an object of kind CustomResourceDefinition in one of the two API versions. */
export function isCrdObject(object: unknown): object is Record<string, unknown> {
  return isRecord(object) && object.kind === CRD_KIND && crdApiVersion(object) !== undefined;
}

function crdApiVersion(object: Record<string, unknown>): 'v1' | 'v1beta1' | undefined {
  if (object.apiVersion === `${CRD_GROUP}/v1`) return 'v1';
  if (object.apiVersion === `${CRD_GROUP}/v1beta1`) return 'v1beta1';
  return undefined;
}

/** A string field, or undefined when it is absent, empty or not a string. */
export function stringAt(value: unknown, path: ObjectPath): string | undefined {
  const found = getIn(value, path);
  return typeof found === 'string' && found !== '' ? found : undefined;
}

/** Reads a CRD; undefined when the object is not one. */
export function readCrd(object: unknown): CrdView | undefined {
  if (!isCrdObject(object)) return undefined;
  const apiVersion = crdApiVersion(object) ?? 'v1';
  const spec = isRecord(object.spec) ? object.spec : {};
  const scope = stringAt(spec, ['scope']) ?? (apiVersion === 'v1beta1' ? 'Namespaced' : undefined);
  return {
    apiVersion,
    name: stringAt(object, ['metadata', 'name']),
    group: stringAt(spec, ['group']),
    kind: stringAt(spec, ['names', 'kind']),
    plural: stringAt(spec, ['names', 'plural']),
    scope,
    versions: apiVersion === 'v1' ? readVersions(spec, undefined) : readBetaVersions(spec),
  };
}

/** `spec.versions`, each with its own schema or else `shared` (a v1beta1 top-level schema). */
function readVersions(
  spec: Record<string, unknown>,
  shared: { schema: SchemaNode; path: ObjectPath } | undefined,
): CrdVersionView[] {
  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  const views: CrdVersionView[] = [];
  versions.forEach((version: unknown, index) => {
    const name = stringAt(version, ['name']);
    if (name === undefined || !isRecord(version)) return;
    const own = getIn(version, ['schema', 'openAPIV3Schema']);
    const schemaPath: ObjectPath = ['spec', 'versions', index, 'schema', 'openAPIV3Schema'];
    const schema = isRecord(own) ? { schema: own as SchemaNode, path: schemaPath } : shared;
    views.push({
      name,
      index,
      served: version.served === true,
      storage: version.storage === true,
      schema: schema?.schema,
      schemaPath: schema?.path,
      statusSubresource: hasStatus(version.subresources ?? spec.subresources),
    });
  });
  return views;
}

/** v1beta1: the top-level schema, and `spec.version` standing for `spec.versions` when that is absent. */
function readBetaVersions(spec: Record<string, unknown>): CrdVersionView[] {
  const top = getIn(spec, ['validation', 'openAPIV3Schema']);
  const shared = isRecord(top)
    ? { schema: top as SchemaNode, path: ['spec', 'validation', 'openAPIV3Schema'] as ObjectPath }
    : undefined;
  const listed = readVersions(spec, shared);
  const single = stringAt(spec, ['version']);
  const written = Array.isArray(spec.versions) && spec.versions.length > 0;
  if (written || single === undefined) return listed;
  const statusSubresource = hasStatus(spec.subresources);
  return [
    {
      name: single,
      index: undefined,
      served: true,
      storage: true,
      schema: shared?.schema,
      schemaPath: shared?.path,
      statusSubresource,
    },
  ];
}

function hasStatus(subresources: unknown): boolean {
  return isRecord(subresources) && isRecord(subresources.status);
}
