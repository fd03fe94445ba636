/**
 * The API server's checks of the keywords of every node of a CRD schema (its
 * "OpenAPI v3" pass, before the structural one): keywords it does not
 * support, defaults where none may be, the Kubernetes list and map
 * extensions, and the fields of each `x-kubernetes-validations` entry. The
 * walk also notes the nodes whose CEL rules are to be compiled, and whether a
 * problem was found at or below each, since the server compiles rules only
 * where the schema is otherwise sound.
 */
import { isRecord } from '../../model/records.js';
import type { ObjectPath } from '../../model/types.js';
import type { SchemaProblem } from '../types.js';
import { missing, refused, unsupported } from './crd-problems.js';
import { isNonZero, nodeType } from './schema-json.js';
import { checkRuleEntries } from './rule-entry-checks.js';

const TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];
const RESOURCE_META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);
/** Keywords of JSON Schema that a CRD schema may not use, as the API server words their absence. */
const UNSUPPORTED = [
  'id',
  '$schema',
  '$ref',
  'additionalItems',
  'patternProperties',
  'definitions',
  'dependencies',
] as const;

/** Where a node sits, as far as the checks of its keywords depend on it. */
export interface KeywordContext {
  readonly path: ObjectPath;
  readonly isRoot: boolean;
  /** Under the `apiVersion`, `kind` or `metadata` of the resource or of an embedded resource. */
  readonly insideResourceMeta: boolean;
  /** Why a `default` may not be set here, when it may not. */
  readonly defaultsForbidden: string | undefined;
  /** The first ancestor below which old and new values cannot be matched up, so `oldSelf` cannot be used. */
  readonly uncorrelatable: ObjectPath | undefined;
  /** On the structural spine (properties, items, additionalProperties), not inside allOf, anyOf, oneOf or not. */
  readonly onSpine: boolean;
}

/** A node with CEL rules, to compile once the whole schema is known to be structural. */
export interface RuleNode {
  readonly node: Record<string, unknown>;
  readonly path: ObjectPath;
  readonly uncorrelatable: ObjectPath | undefined;
  /** True when a problem was found at this node or below it: the server then leaves its rules uncompiled. */
  readonly troubled: boolean;
  /** True at the root of the resource or of an embedded resource. */
  readonly resourceRoot: boolean;
}

/** What the keyword checks of one schema found. */
export interface KeywordReport {
  readonly problems: SchemaProblem[];
  readonly ruleNodes: RuleNode[];
  /** True when a keyword outside the structural subset (`$ref`, `definitions`, items as a list…) was found. */
  unsupportedFound: boolean;
}

/** Checks every node of the schema at `path`. */
export function checkSchemaKeywords(schema: unknown, path: ObjectPath): KeywordReport {
  const report: KeywordReport = { problems: [], ruleNodes: [], unsupportedFound: false };
  const context: KeywordContext = {
    path,
    isRoot: true,
    insideResourceMeta: false,
    defaultsForbidden: undefined,
    uncorrelatable: undefined,
    onSpine: true,
  };
  walk(schema, context, report);
  return report;
}

function walk(node: unknown, context: KeywordContext, report: KeywordReport): void {
  if (!isRecord(node)) return;
  const before = report.problems.length;
  report.problems.push(...checkGenericKeywords(node, context, report));
  walkChildren(node, context, report);
  report.problems.push(
    ...checkListAndMapTypes(node, context.path),
    ...checkListMapKeys(node, context.path),
    ...checkRuleEntries(node, context.path),
  );
  if (context.onSpine && Array.isArray(node['x-kubernetes-validations'])) {
    const { path, uncorrelatable } = context;
    const resourceRoot = context.isRoot || node['x-kubernetes-embedded-resource'] === true;
    report.ruleNodes.push({ node, path, uncorrelatable, troubled: report.problems.length > before, resourceRoot });
  }
}

function walkChildren(node: Record<string, unknown>, context: KeywordContext, report: KeywordReport): void {
  const child = (key: ObjectPath, changes: Partial<KeywordContext> = {}): KeywordContext => ({
    ...context,
    isRoot: false,
    path: [...context.path, ...key],
    ...changes,
  });
  if (isRecord(node.additionalProperties)) {
    const defaultsForbidden = context.insideResourceMeta
      ? 'inside additionalProperties of object metadata'
      : context.defaultsForbidden;
    walk(node.additionalProperties, child(['additionalProperties'], { defaultsForbidden }), report);
  }
  const atomic = node['x-kubernetes-map-type'] === 'atomic';
  for (const [key, property] of Object.entries(isRecord(node.properties) ? node.properties : {})) {
    const meta = (context.isRoot || node['x-kubernetes-embedded-resource'] === true) && RESOURCE_META_FIELDS.has(key);
    walk(
      property,
      child(['properties', key], {
        uncorrelatable: context.uncorrelatable ?? (atomic ? context.path : undefined),
        insideResourceMeta: context.insideResourceMeta || meta,
        defaultsForbidden: meta && context.isRoot ? `in the top-level ${key}` : context.defaultsForbidden,
      }),
      report,
    );
  }
  walk(node.not, child(['not'], { onSpine: false }), report);
  for (const junctor of ['allOf', 'anyOf', 'oneOf']) {
    const list = node[junctor];
    if (Array.isArray(list))
      list.forEach((item, index) => walk(item, child([junctor, index], { onSpine: false }), report));
  }
  if (isRecord(node.items)) {
    const correlatable = node['x-kubernetes-list-type'] === 'map';
    const uncorrelatable = context.uncorrelatable ?? (correlatable ? undefined : context.path);
    walk(node.items, child(['items'], { uncorrelatable }), report);
  }
}

/** Type names, defaults, and JSON Schema keywords a CRD schema does not support. */
function checkGenericKeywords(
  node: Record<string, unknown>,
  context: KeywordContext,
  report: KeywordReport,
): SchemaProblem[] {
  const { path } = context;
  const problems: SchemaProblem[] = [];
  const type = node.type;
  if (type === 'null') problems.push(refused([...path, 'type'], 'must not be "null": use nullable: true instead'));
  else if (typeof type === 'string' && type !== '' && !TYPES.includes(type)) {
    problems.push(unsupported([...path, 'type'], type, TYPES));
  }
  if (node.default !== undefined && node.default !== null && context.defaultsForbidden !== undefined) {
    problems.push(refused([...path, 'default'], `must not be set ${context.defaultsForbidden}`));
  }
  for (const keyword of UNSUPPORTED) {
    if (!isNonZero(node[keyword])) continue;
    report.unsupportedFound = true;
    problems.push(refused([...path, keyword], `${keyword} is not supported in a CustomResourceDefinition's schema`));
  }
  if (Array.isArray(node.items) && node.items.length > 0) {
    report.unsupportedFound = true;
    problems.push(refused([...path, 'items'], 'must be one schema for every item, not a list of schemas'));
  }
  return [...problems, ...checkShapeKeywords(node, context)];
}

/** Keywords that are valid JSON Schema but that Kubernetes refuses in these places or with these values. */
function checkShapeKeywords(
  node: Record<string, unknown>,
  { path, insideResourceMeta }: KeywordContext,
): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  if (insideResourceMeta && node['x-kubernetes-embedded-resource'] === true) {
    problems.push(refused([...path, 'x-kubernetes-embedded-resource'], 'must not be used inside resource metadata'));
  }
  if (node.uniqueItems === true) {
    problems.push(
      refused([...path, 'uniqueItems'], 'must not be true: checking it would take time quadratic in the list'),
    );
  }
  const extra = node.additionalProperties;
  if ((extra === false || isRecord(extra)) && isNonZero(node.properties)) {
    problems.push(
      refused(
        [...path, 'additionalProperties'],
        'must not be set beside properties: a node is either an object with fields or a map',
      ),
    );
  }
  if (node['x-kubernetes-preserve-unknown-fields'] === false) {
    problems.push(refused([...path, 'x-kubernetes-preserve-unknown-fields'], 'must be true or absent'));
  }
  return problems;
}

/** `x-kubernetes-map-type` and `x-kubernetes-list-type`: on the right type, with a known value; set items atomic. */
function checkListAndMapTypes(node: Record<string, unknown>, path: ObjectPath): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const mapType = node['x-kubernetes-map-type'];
  const listType = node['x-kubernetes-list-type'];
  if (mapType !== undefined && mapType !== null) {
    problems.push(...typeRequiredFor(node, path, 'object', 'x-kubernetes-map-type'));
    if (mapType !== 'atomic' && mapType !== 'granular') {
      problems.push(unsupported([...path, 'x-kubernetes-map-type'], mapType, ['atomic', 'granular']));
    }
  }
  if (listType === undefined || listType === null) return problems;
  const typeProblems = typeRequiredFor(node, path, 'array', 'x-kubernetes-list-type');
  problems.push(...typeProblems);
  if (typeProblems.length === 0 && listType === 'set' && isRecord(node.items)) {
    problems.push(...checkSetItemsAtomic(node.items, [...path, 'items']));
  }
  if (listType !== 'atomic' && listType !== 'set' && listType !== 'map') {
    problems.push(unsupported([...path, 'x-kubernetes-list-type'], listType, ['atomic', 'set', 'map']));
  }
  return problems;
}

function typeRequiredFor(node: Record<string, unknown>, path: ObjectPath, type: string, by: string): SchemaProblem[] {
  const written = nodeType(node);
  if (written === type) return [];
  const why = `must be "${type}" where ${by} is set`;
  return written === '' ? [missing(path, 'type', why)] : [refused([...path, 'type'], why)];
}

/** The items of a set are compared whole, so they must be atomic. */
function checkSetItemsAtomic(items: Record<string, unknown>, path: ObjectPath): SchemaProblem[] {
  const why = 'must be "atomic" for the items of a list with x-kubernetes-list-type: set';
  const type = nodeType(items);
  const listType = items['x-kubernetes-list-type'];
  if (type === 'array' && listType !== undefined && listType !== null && listType !== 'atomic') {
    return [refused([...path, 'x-kubernetes-list-type'], why)];
  }
  if (type === 'object' && items['x-kubernetes-map-type'] !== 'atomic') {
    return [refused([...path, 'x-kubernetes-map-type'], why)];
  }
  return [];
}

/**
 * `x-kubernetes-list-map-keys` with `x-kubernetes-list-type: map`: keys that
 * are scalar properties of the items, each required or defaulted and not
 * nullable; items of sets and map lists not nullable.
 */
function checkListMapKeys(node: Record<string, unknown>, path: ObjectPath): SchemaProblem[] {
  const listType = node['x-kubernetes-list-type'];
  const keys = Array.isArray(node['x-kubernetes-list-map-keys']) ? node['x-kubernetes-list-map-keys'] : [];
  const problems: SchemaProblem[] = [];
  if (keys.length > 0 && listType !== 'map') {
    const why = 'must be "map" where x-kubernetes-list-map-keys is set';
    problems.push(
      listType === undefined || listType === null
        ? missing(path, 'x-kubernetes-list-type', why)
        : refused([...path, 'x-kubernetes-list-type'], why),
    );
  }
  const items = node.items;
  if ((listType === 'set' || listType === 'map') && isRecord(items) && items.nullable === true) {
    problems.push(
      refused(
        [...path, 'items', 'nullable'],
        `must not be true for the items of a list with x-kubernetes-list-type: ${listType}`,
      ),
    );
  }
  if (listType !== 'map') return problems;
  if (keys.length === 0)
    problems.push(missing(path, 'x-kubernetes-list-map-keys', 'a list with x-kubernetes-list-type: map needs keys'));
  if (items === undefined || items === null)
    return [
      ...problems,
      missing(path, 'items', 'a list with x-kubernetes-list-type: map needs a schema for its items'),
    ];
  if (!isRecord(items)) return problems;
  if (nodeType(items) !== 'object') {
    return [
      ...problems,
      refused([...path, 'items', 'type'], 'must be "object" for the items of a list with x-kubernetes-list-type: map'),
    ];
  }
  return [...problems, ...checkKeyProperties(items, keys, path)];
}

function checkKeyProperties(
  items: Record<string, unknown>,
  keys: readonly unknown[],
  path: ObjectPath,
): SchemaProblem[] {
  const properties = isRecord(items.properties) ? items.properties : {};
  const required = Array.isArray(items.required) ? items.required : [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<unknown>();
  for (const key of keys) {
    const keysPath = [...path, 'x-kubernetes-list-map-keys'];
    if (seen.has(key)) problems.push(refused(keysPath, `must not name "${String(key)}" twice`));
    seen.add(key);
    const property = typeof key === 'string' && Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (!isRecord(property)) {
      problems.push(refused(keysPath, `"${String(key)}" is not a property of the items`));
      continue;
    }
    const at = [...path, 'items', 'properties', key as string];
    const type = nodeType(property);
    if (type === 'array' || type === 'object')
      problems.push(refused([...at, 'type'], 'must be a scalar type for a key of a list-map'));
    if (!required.includes(key) && (property.default === undefined || property.default === null)) {
      problems.push({
        class: 'required',
        path: at,
        message: `list-map key "${key as string}" must be listed in items.required or have a default`,
      });
    }
    if (property.nullable === true)
      problems.push(refused([...at, 'nullable'], 'must not be true for a key of a list-map'));
  }
  return problems;
}
