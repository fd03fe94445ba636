/**
 * A CustomResourceDefinition, checked as the API server checks one on
 * create: its names and versions, its conversion settings, each version's
 * subresources, columns and selectable fields, and each schema: keywords,
 * structural rules, defaults, and CEL rules that must compile. Problems carry
 * paths into the CRD object as written (a v1beta1 CRD's shared schema sits at
 * `spec.validation.openAPIV3Schema`).
 *
 * What the published OpenAPI of CustomResourceDefinition says (field types,
 * unknown fields) is left to the schema validator. A v1beta1 CRD, which API
 * servers since 1.22 refuse outright, is checked as the releases that served
 * it did.
 */
import { isRecord } from '../../model/records.js';
import type { ObjectPath } from '../../model/types.js';
import type { SchemaProblem } from '../types.js';
import { isCrdObject } from './crd-object.js';
import { checkConversion } from './crd-conversion-checks.js';
import { refused } from './crd-problems.js';
import { checkCrdSpec, checkSchemasPresent } from './crd-spec-checks.js';
import { checkColumns, checkSubresources, checkVersionFields } from './crd-version-checks.js';
import { checkRuleCompilation } from './rule-compile-checks.js';
import { checkDefaults, type ValueValidator } from './schema-defaults.js';
import { checkSchemaKeywords } from './schema-keyword-checks.js';
import { isNonZero, schemaHas } from './schema-json.js';
import { checkStructural } from './structural-checks.js';

export type { ValueValidator } from './schema-defaults.js';

/** What {@link checkCrd} may use beyond the CRD itself. */
export interface CheckCrdOptions {
  /**
   * Judges a value against a schema node as custom resources are judged
   * (`validateAgainstSchema` in CRD mode): used for the schemas' defaults,
   * which are not judged without it.
   */
  readonly validateValue?: ValueValidator;
}

/** Checks a CRD object; anything that is not one gives no problem. */
export function checkCrd(object: unknown, options: CheckCrdOptions = {}): SchemaProblem[] {
  if (!isCrdObject(object)) return [];
  const apiVersion = object.apiVersion === 'apiextensions.k8s.io/v1beta1' ? 'v1beta1' : 'v1';
  const spec = isRecord(object.spec) ? object.spec : {};
  const structural = apiVersion === 'v1' || requiresStructural(spec);
  const context: SchemaCheck = { structural, validateValue: options.validateValue };
  return [
    ...checkCrdSpec(object, apiVersion),
    ...checkSchemasPresent(spec, apiVersion),
    ...checkConversion(spec, apiVersion),
    ...checkVersions(spec, apiVersion, context),
    ...(apiVersion === 'v1beta1' ? checkBetaTopLevel(spec, context) : []),
  ];
}

interface SchemaCheck {
  /** Whether schemas must be structural: always in v1; in v1beta1 when pruning, defaults or extensions ask for it. */
  readonly structural: boolean;
  readonly validateValue: ValueValidator | undefined;
}

function checkVersions(
  spec: Record<string, unknown>,
  apiVersion: 'v1' | 'v1beta1',
  context: SchemaCheck,
): SchemaProblem[] {
  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  const topSchema = isRecord(spec.validation) ? spec.validation.openAPIV3Schema : undefined;
  return versions.flatMap((version: unknown, index) => {
    if (!isRecord(version)) return [];
    const at: ObjectPath = ['spec', 'versions', index];
    const own = isRecord(version.schema) ? version.schema.openAPIV3Schema : undefined;
    const columnKey = apiVersion === 'v1' ? 'jsonPath' : 'JSONPath';
    const problems = checkVersionFields(version, at, isRecord(own) ? own : topSchema, columnKey);
    if (isRecord(own)) {
      const subresources = version.subresources ?? spec.subresources;
      const statusEnabled = isRecord(subresources) && isRecord(subresources.status);
      problems.push(...checkVersionSchema(own, [...at, 'schema', 'openAPIV3Schema'], statusEnabled, context));
    }
    return problems;
  });
}

/** One version's `openAPIV3Schema` (or v1beta1's shared one) at `path`. */
function checkVersionSchema(
  schema: Record<string, unknown>,
  path: ObjectPath,
  statusEnabled: boolean,
  context: SchemaCheck,
): SchemaProblem[] {
  const problems = statusEnabled ? checkRootWithStatus(schema, path) : [];
  if (schema.nullable === true)
    problems.push(refused([...path, 'nullable'], 'must not be true at the root of the schema'));
  const keywords = checkSchemaKeywords(schema, path);
  problems.push(...keywords.problems);
  if (!context.structural || keywords.unsupportedFound) return problems;
  // The API server goes on to defaults and CEL only with a structural schema.
  const structural = checkStructural(schema, path);
  if (structural.length > 0) return [...problems, ...structural];
  const defaults = checkDefaults(schema, path, context.validateValue);
  if (defaults.length > 0) return [...problems, ...defaults];
  return [...problems, ...checkRuleCompilation(keywords.ruleNodes)];
}

/** With the status subresource, the root may only hold what still holds once `status` is split off. */
const ROOT_WITH_STATUS = new Set([
  'description',
  'type',
  'format',
  'title',
  'maximum',
  'exclusiveMaximum',
  'minimum',
  'exclusiveMinimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'multipleOf',
  'required',
  'items',
  'properties',
  'externalDocs',
  'example',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-validations',
]);

function checkRootWithStatus(schema: Record<string, unknown>, path: ObjectPath): SchemaProblem[] {
  if (typeof schema.type === 'string' && schema.type !== '' && schema.type !== 'object') {
    return [refused([...path, 'type'], 'must be "object" at the root when the status subresource is enabled')];
  }
  const extra = Object.keys(schema).filter((key) => !ROOT_WITH_STATUS.has(key) && isNonZero(schema[key]));
  if (extra.length === 0) return [];
  const why = `must not set ${extra.join(', ')} at the root when the status subresource is enabled (the status is validated apart from the rest)`;
  return [refused(path, why)];
}

/** v1beta1's top-level schema, subresources and columns, which per-version ones may not repeat or duplicate. */
function checkBetaTopLevel(spec: Record<string, unknown>, context: SchemaCheck): SchemaProblem[] {
  const versions = (Array.isArray(spec.versions) ? spec.versions : []).filter(isRecord);
  const problems: SchemaProblem[] = [];
  const perVersion = (field: string): boolean => versions.some((version) => isNonZero(version[field]));
  const exclusive: [string, string][] = [
    ['validation', 'schema'],
    ['subresources', 'subresources'],
    ['additionalPrinterColumns', 'additionalPrinterColumns'],
  ];
  for (const [top, own] of exclusive) {
    if (isNonZero(spec[top]) && perVersion(own))
      problems.push(refused(['spec', top], `must not be set when versions set their own ${own}`));
    if (
      versions.length > 0 &&
      versions.every((version) => isNonZero(version[own])) &&
      allEqual(versions.map((version) => version[own]))
    ) {
      problems.push(
        refused(['spec', 'versions'], `must not give every version the same ${own}: set it once in spec.${top}`),
      );
    }
  }
  const schema = isRecord(spec.validation) ? spec.validation.openAPIV3Schema : undefined;
  if (isRecord(schema)) {
    const statusEnabled = [spec, ...versions].some(
      (holder) => isRecord(holder.subresources) && isRecord(holder.subresources.status),
    );
    problems.push(...checkVersionSchema(schema, ['spec', 'validation', 'openAPIV3Schema'], statusEnabled, context));
  }
  problems.push(...checkSubresources(spec.subresources, ['spec', 'subresources']));
  problems.push(...checkColumns(spec.additionalPrinterColumns, ['spec', 'additionalPrinterColumns'], 'JSONPath'));
  if (
    spec.preserveUnknownFields !== false &&
    anySchemaHas(spec, (node) => node.default !== undefined && node.default !== null)
  ) {
    problems.push(refused(['spec', 'preserveUnknownFields'], 'must be false for the schemas to use defaults'));
  }
  return problems;
}

function allEqual(values: readonly unknown[]): boolean {
  const first = JSON.stringify(values[0]);
  return values.every((value) => JSON.stringify(value) === first);
}

const EXTENSION_SET = (node: Record<string, unknown>): boolean =>
  node['x-kubernetes-embedded-resource'] === true ||
  (node['x-kubernetes-preserve-unknown-fields'] !== undefined &&
    node['x-kubernetes-preserve-unknown-fields'] !== null) ||
  node['x-kubernetes-int-or-string'] === true ||
  isNonZero(node['x-kubernetes-list-map-keys']) ||
  (node['x-kubernetes-list-type'] !== undefined && node['x-kubernetes-list-type'] !== null) ||
  isNonZero(node['x-kubernetes-validations']);

/** v1beta1 schemas must be structural when fields are pruned, or defaults or Kubernetes extensions are used. */
function requiresStructural(spec: Record<string, unknown>): boolean {
  if (spec.preserveUnknownFields === false) return true;
  return anySchemaHas(spec, (node) => EXTENSION_SET(node) || (node.default !== undefined && node.default !== null));
}

function anySchemaHas(spec: Record<string, unknown>, test: (node: Record<string, unknown>) => boolean): boolean {
  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  const schemas = [
    spec.validation,
    ...versions.map((version: unknown) => (isRecord(version) ? version.schema : undefined)),
  ];
  return schemas.some((holder) => isRecord(holder) && schemaHas(holder.openAPIV3Schema, test));
}
