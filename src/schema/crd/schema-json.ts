/** Reading the nodes of a CRD schema as JSON, with Go's notion of a field that is set. */
import { isRecord } from '../../model/records.js';

/** True when Go would see the field as set: not absent, null, false, zero, empty text, list or map. */
export function isNonZero(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === '' || value === 0) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) return Object.keys(value).length > 0;
  return true;
}

/** The node's `type`, or `''` when it has none (or not a string). */
export function nodeType(node: Record<string, unknown>): string {
  return typeof node.type === 'string' ? node.type : '';
}

/** The node's declared properties (empty when it declares none). */
export function propertiesOf(node: Record<string, unknown>): Record<string, unknown> {
  return isRecord(node.properties) ? node.properties : {};
}

/** True when `test` holds for the node or any node below it, under any keyword. */
export function schemaHas(node: unknown, test: (node: Record<string, unknown>) => boolean): boolean {
  if (!isRecord(node)) return false;
  if (test(node)) return true;
  const below: unknown[] = [node.items, node.additionalProperties, node.not, node.additionalItems];
  for (const key of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(node[key])) below.push(...(node[key] as unknown[]));
  for (const key of ['properties', 'patternProperties', 'definitions', 'dependencies']) {
    if (isRecord(node[key])) below.push(...Object.values(node[key] as Record<string, unknown>));
  }
  if (Array.isArray(node.items)) below.push(...(node.items as unknown[]));
  return below.some((child) => schemaHas(child, test));
}

/**
 * True when a resource root's schema already declares `apiVersion` and `kind`
 * as strings and `metadata` as an object with string `name` and
 * `generateName`: CEL rules then see its properties as declared. Otherwise the
 * API server puts those four in place of whatever the schema says of them.
 */
export function declaresTypeAndObjectMeta(node: Record<string, unknown>): boolean {
  const properties = propertiesOf(node);
  const typeOf = (value: unknown): string => (isRecord(value) ? nodeType(value) : '');
  const metadata = properties.metadata;
  if (!isRecord(metadata) || nodeType(metadata) !== 'object') return false;
  const meta = propertiesOf(metadata);
  return (
    typeOf(properties.kind) === 'string' &&
    typeOf(properties.apiVersion) === 'string' &&
    typeOf(meta.name) === 'string' &&
    typeOf(meta.generateName) === 'string'
  );
}
