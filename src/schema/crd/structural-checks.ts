/**
 * The API server's structural-schema rules for a CRD schema: every node of
 * the spine (properties, items, additionalProperties) names its type, except
 * where `x-kubernetes-int-or-string` or `x-kubernetes-preserve-unknown-fields`
 * stand for it; `allOf`, `anyOf`, `oneOf` and `not` only add value checks
 * (no types, defaults, descriptions or extensions, no field the spine does
 * not declare); the resource's `metadata` may only restrict `name` and
 * `generateName`; embedded resources are objects.
 */
import { RE2JS } from 're2js';
import { isRecord } from '../../model/records.js';
import type { ObjectPath } from '../../model/types.js';
import type { SchemaProblem } from '../types.js';
import { missing, refused } from './crd-problems.js';
import { isNonZero, nodeType, propertiesOf } from './schema-json.js';
import { checkCompleteness, isIntOrStringAllOf, isIntOrStringAnyOf } from './structural-junctors.js';

type Level = 'root' | 'item' | 'field';

const TYPE_NEEDED: Readonly<Record<Level, string>> = {
  root: 'the root of the schema needs a type ("object")',
  item: 'the schema of list items needs a type',
  field: 'the schema of a property needs a type',
};
const NOT_TYPED = ', unless it sets x-kubernetes-int-or-string or x-kubernetes-preserve-unknown-fields';

/** Checks the structural rules of the schema at `path` (the version's `openAPIV3Schema`). */
export function checkStructural(schema: unknown, path: ObjectPath): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  walk(schema, 'root', path, problems);
  if (isRecord(schema)) problems.push(...checkCompleteness(schema, path));
  return problems;
}

function walk(node: unknown, level: Level, path: ObjectPath, problems: SchemaProblem[]): void {
  if (!isRecord(node)) return;
  if (nodeType(node) === 'array' && (node.items === undefined || node.items === null)) {
    problems.push(missing(path, 'items', 'a list needs a schema for its items'));
  }
  walk(node.items, 'item', [...path, 'items'], problems);
  for (const [key, property] of Object.entries(propertiesOf(node))) {
    walk(property, 'field', [...path, 'properties', key], problems);
  }
  const extra = node.additionalProperties;
  if (extra !== undefined && extra !== null && level === 'root') {
    problems.push(refused([...path, 'additionalProperties'], 'must not be used at the root of the schema'));
  }
  walk(extra, 'field', [...path, 'additionalProperties'], problems);
  problems.push(
    ...checkExtensions(node, path),
    ...checkValueValidation(node, path, isIntOrStringAnyOf(node), isIntOrStringAllOf(node)),
    ...checkTypeAndEmbedding(node, level, path),
    ...checkResourceMeta(node, level, path),
  );
}

function checkExtensions(node: Record<string, unknown>, path: ObjectPath): SchemaProblem[] {
  if (node['x-kubernetes-int-or-string'] !== true) return [];
  const problems: SchemaProblem[] = [];
  for (const extension of ['x-kubernetes-preserve-unknown-fields', 'x-kubernetes-embedded-resource']) {
    if (node[extension] === true) {
      problems.push(refused([...path, extension], 'must not be true where x-kubernetes-int-or-string is'));
    }
  }
  return problems;
}

function checkTypeAndEmbedding(node: Record<string, unknown>, level: Level, path: ObjectPath): SchemaProblem[] {
  const type = nodeType(node);
  const embedded = node['x-kubernetes-embedded-resource'] === true;
  const problems: SchemaProblem[] = [];
  if (embedded && type !== 'object') {
    const why = 'must be "object" where x-kubernetes-embedded-resource is true';
    problems.push(type === '' ? missing(path, 'type', why) : refused([...path, 'type'], why));
  } else if (
    type === '' &&
    node['x-kubernetes-int-or-string'] !== true &&
    node['x-kubernetes-preserve-unknown-fields'] !== true
  ) {
    problems.push(missing(path, 'type', `${TYPE_NEEDED[level]}${NOT_TYPED}`));
  }
  if (embedded && node.additionalProperties !== undefined && node.additionalProperties !== null) {
    problems.push(
      refused([...path, 'additionalProperties'], 'must not be used where x-kubernetes-embedded-resource is true'),
    );
  }
  if (level === 'root' && type !== '' && type !== 'object') {
    problems.push(refused([...path, 'type'], `must be "object" at the root of the schema, not "${type}"`));
  }
  if (embedded && node['x-kubernetes-preserve-unknown-fields'] !== true && !isNonZero(node.properties)) {
    const why = 'an embedded resource needs properties, unless it sets x-kubernetes-preserve-unknown-fields';
    problems.push(missing(path, 'properties', why));
  }
  return problems;
}

/** At the root and in embedded resources, `apiVersion` and `kind` are strings and `metadata` an object. */
function checkResourceMeta(node: Record<string, unknown>, level: Level, path: ObjectPath): SchemaProblem[] {
  const isResource = level === 'root' || node['x-kubernetes-embedded-resource'] === true;
  const properties = propertiesOf(node);
  const problems: SchemaProblem[] = [];
  for (const field of ['kind', 'apiVersion']) {
    const property = properties[field];
    if (!isResource || !isRecord(property) || nodeType(property) === 'string') continue;
    problems.push(refused([...path, 'properties', field, 'type'], `must be "string" for the resource's ${field}`));
  }
  const metadata = properties.metadata;
  if (!isRecord(metadata)) return problems;
  const at = [...path, 'properties', 'metadata'];
  if (isResource && nodeType(metadata) !== 'object') {
    problems.push(refused([...at, 'type'], 'must be "object" for the resource\'s metadata'));
  }
  if (level === 'root' && restrictsMoreThanNames(metadata)) {
    const why = 'may only restrict name and generateName: the API server checks the rest of the metadata itself';
    problems.push(refused(at, why));
  }
  return problems;
}

/** True when the root `metadata` schema sets anything but its type and the schemas of `name` and `generateName`. */
function restrictsMoreThanNames(metadata: Record<string, unknown>): boolean {
  const names = Object.keys(propertiesOf(metadata));
  const onlyNames = names.every((name) => name === 'name' || name === 'generateName');
  return Object.entries(metadata).some(([key, value]) => {
    if (key === 'type' || key === 'default') return false;
    if (key === 'properties') return !onlyNames;
    return isNonZero(value);
  });
}

/**
 * The value checks of a node: the schemas under its junctors (each checked as
 * a nested value validation), and its pattern, which must be RE2.
 */
export function checkValueValidation(
  node: Record<string, unknown>,
  path: ObjectPath,
  skipAnyOf: boolean,
  skipFirstAllOfAnyOf: boolean,
): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const junctor = (key: string, skip: (index: number) => boolean): void => {
    const list = node[key];
    if (!Array.isArray(list)) return;
    list.forEach((item, index) => problems.push(...checkNested(item, [...path, key, index], skip(index))));
  };
  if (!skipAnyOf) junctor('anyOf', () => false);
  junctor('allOf', (index) => skipFirstAllOfAnyOf && index === 0);
  junctor('oneOf', () => false);
  problems.push(...checkNested(node.not, [...path, 'not'], false));
  if (typeof node.pattern === 'string' && node.pattern !== '') {
    try {
      RE2JS.compile(node.pattern);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      problems.push(refused([...path, 'pattern'], `must be a valid RE2 regular expression: ${why}`));
    }
  }
  return problems;
}

/** Keywords that shape values, which a schema under allOf, anyOf, oneOf or not must leave to the spine. */
const SHAPING = [
  'type',
  'additionalProperties',
  'default',
  'title',
  'description',
  'nullable',
  'externalDocs',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-embedded-resource',
  'x-kubernetes-int-or-string',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-list-type',
  'x-kubernetes-map-type',
  'x-kubernetes-validations',
];

function checkNested(node: unknown, path: ObjectPath, skipAnyOf: boolean): SchemaProblem[] {
  if (!isRecord(node)) return [];
  const problems = checkValueValidation(node, path, skipAnyOf, false);
  problems.push(...checkNested(node.items, [...path, 'items'], false));
  const properties = propertiesOf(node);
  for (const [key, property] of Object.entries(properties)) {
    problems.push(...checkNested(property, [...path, 'properties', key], false));
  }
  for (const keyword of SHAPING) {
    const value = node[keyword];
    const set =
      keyword === 'default' || keyword === 'additionalProperties'
        ? value !== undefined && value !== null
        : isNonZero(value);
    if (set)
      problems.push(
        refused(
          [...path, keyword],
          'must not be set inside allOf, anyOf, oneOf or not: only the structural schema may say it',
        ),
      );
  }
  if (Object.hasOwn(properties, 'metadata')) {
    problems.push(
      refused([...path, 'properties', 'metadata'], 'must not be constrained inside allOf, anyOf, oneOf or not'),
    );
  }
  return problems;
}
