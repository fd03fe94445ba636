/**
 * Compares the schemas k8s-bp ships for a release with what the API server of that release
 * publishes (the oracle file of the shared folder), as a list of differences in words.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isRecord } from '../../src/model/records.js';
import type { BuiltinRelease } from '../../src/schema/builtin/index.js';
import type { SchemaNode } from '../../src/schema/types.js';
import { ROOT } from './cli.js';

/** Where the oracle sits: beside the repository, never inside it. */
export const ORACLE_FILE = path.join(ROOT, '..', 'shared', 'k8s-openapi', 'schemas-1.27-1.35.json');

interface OracleKind {
  group: string;
  version: string;
  kind: string;
  definition: string;
  namespaced: boolean;
}

/** One release as the API server publishes it. */
export interface OracleRelease {
  kinds: OracleKind[];
  definitions: Map<string, unknown>;
}

interface OracleFile {
  definitions: [string, unknown][];
  releases: Record<string, { definitions: number[]; kinds: OracleKind[] }>;
}

/** The oracle's releases, or undefined when the file is absent. */
export function readOracle(): Map<string, OracleRelease> | undefined {
  if (!existsSync(ORACLE_FILE)) return undefined;
  const file = JSON.parse(readFileSync(ORACLE_FILE, 'utf8')) as OracleFile;
  const releases = new Map<string, OracleRelease>();
  for (const [release, { definitions, kinds }] of Object.entries(file.releases)) {
    const named = new Map(definitions.map((index) => file.definitions[index] ?? ['', undefined]));
    releases.set(release, { kinds, definitions: named });
  }
  return releases;
}

/** A schema node in either form, with the means to follow its references. */
interface Side {
  definition(name: string): unknown;
}

/** Definitions both sides write as a value rather than a reference, by what they hold. */
const SPECIAL: Record<string, string> = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'quantity',
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'int-or-string',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'date-time',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'date-time',
  'io.k8s.apimachinery.pkg.runtime.RawExtension': 'embedded object',
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': 'embedded object',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON': 'any',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray': 'any',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool': 'any',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrStringArray': 'any',
};

function refName(node: Record<string, unknown>): string | undefined {
  const ref = node.$ref ?? (Array.isArray(node.allOf) && node.allOf.length === 1 ? node.allOf[0]?.$ref : undefined);
  return typeof ref === 'string' ? ref.replace(/^#\/(components\/schemas|definitions)\//, '') : undefined;
}

/**
 * A node's type in words: `integer/int32`, `array<ref io.k8s.api.core.v1.EnvVar>`,
 * `map<quantity>`, `int-or-string`, `date-time`, `object without fields`.
 */
export function typeWords(node: unknown, side: Side): string {
  if (!isRecord(node)) return 'none';
  const ref = refName(node);
  if (ref !== undefined) {
    if (SPECIAL[ref]) return SPECIAL[ref];
    const target = side.definition(ref);
    return isEmptyObject(target) ? 'object without fields' : `ref ${ref}`;
  }
  if (node['x-kubernetes-int-or-string'] === true) return 'int-or-string';
  if (node.format === 'quantity') return 'quantity';
  if (node.format === 'date-time') return 'date-time';
  if (node['x-kubernetes-preserve-unknown-fields'] === true) return node.type === 'object' ? 'embedded object' : 'any';
  if (node.type === 'array') return `array<${typeWords(node.items, side)}>`;
  if (node.type === 'object' && node.additionalProperties !== undefined)
    return `map<${typeWords(node.additionalProperties, side)}>`;
  if (isEmptyObject(node)) return 'object without fields';
  if (Object.keys(node).length === 0) return 'any';
  return typeof node.format === 'string' && node.format !== ''
    ? `${String(node.type)}/${node.format}`
    : String(node.type);
}

function isEmptyObject(node: unknown): boolean {
  return (
    isRecord(node) && node.type === 'object' && node.properties === undefined && node.additionalProperties === undefined
  );
}

/** The definitions a node refers to, special ones left out. */
function references(node: unknown, found: Set<string>): void {
  if (Array.isArray(node)) for (const item of node) references(item, found);
  if (!isRecord(node)) return;
  const ref = refName(node);
  if (ref !== undefined && !SPECIAL[ref]) found.add(ref);
  for (const value of Object.values(node)) references(value, found);
}

/** Every definition reachable from the named ones. */
export function reachableDefinitions(roots: readonly string[], side: Side): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.shift() ?? '';
    if (seen.has(name) || SPECIAL[name]) continue;
    seen.add(name);
    const found = new Set<string>();
    references(side.definition(name), found);
    queue.push(...found);
  }
  return seen;
}

/** The differences of one release, each a line of words. */
export function releaseDifferences(ours: BuiltinRelease, oracle: OracleRelease): string[] {
  const differences = kindDifferences(ours, oracle);
  const oursSide: Side = { definition: (name) => ours.resolve(`#/definitions/${name}`) };
  const oracleSide: Side = { definition: (name) => oracle.definitions.get(name) };
  const oursReached = reachableDefinitions(
    ours.kinds().map((kind) => kind.definition),
    oursSide,
  );
  const oracleReached = reachableDefinitions(
    oracle.kinds.map((kind) => kind.definition),
    oracleSide,
  );
  for (const name of [...oracleReached].sort()) {
    const theirs = oracleSide.definition(name);
    if (isEmptyObject(theirs)) continue; // written inline on our side
    if (!oursReached.has(name)) differences.push(`${name}: missing`);
    else differences.push(...definitionDifferences(name, oursSide.definition(name), theirs, oursSide, oracleSide));
  }
  for (const name of [...oursReached].sort()) if (!oracleReached.has(name)) differences.push(`${name}: extra`);
  return differences;
}

function kindDifferences(ours: BuiltinRelease, oracle: OracleRelease): string[] {
  const words = (kind: { group: string; version: string; kind: string }): string =>
    `kind ${kind.group === '' ? '' : `${kind.group}/`}${kind.version} ${kind.kind}`;
  const differences: string[] = [];
  for (const kind of oracle.kinds) {
    const served = ours.kind(kind.group, kind.version, kind.kind);
    if (!served) differences.push(`${words(kind)}: missing`);
    else if (served.definition !== kind.definition) differences.push(`${words(kind)}: definition ${served.definition}`);
    else if (served.namespaced !== kind.namespaced)
      differences.push(`${words(kind)}: ${served.namespaced ? 'namespaced' : 'cluster-scoped'}`);
  }
  for (const kind of ours.kinds()) {
    if (!oracle.kinds.some((other) => words(other) === words(kind))) differences.push(`${words(kind)}: extra`);
  }
  return differences;
}

function definitionDifferences(
  name: string,
  ours: unknown,
  theirs: unknown,
  oursSide: Side,
  oracleSide: Side,
): string[] {
  const differences: string[] = [];
  const fieldsOf = (node: unknown): Record<string, unknown> =>
    isRecord(node) && isRecord(node.properties) ? node.properties : {};
  const requiredOf = (node: unknown): string[] =>
    isRecord(node) && Array.isArray(node.required) ? (node.required as string[]) : [];
  const [ourFields, theirFields] = [fieldsOf(ours), fieldsOf(theirs)];
  for (const field of Object.keys(theirFields).sort()) {
    if (!(field in ourFields)) {
      differences.push(`${name}.${field}: missing`);
      continue;
    }
    const [mine, other] = [typeWords(ourFields[field], oursSide), typeWords(theirFields[field], oracleSide)];
    if (mine !== other) differences.push(`${name}.${field}: ${mine}, not ${other}`);
  }
  for (const field of Object.keys(ourFields).sort())
    if (!(field in theirFields)) differences.push(`${name}.${field}: extra`);
  const [ourRequired, theirRequired] = [requiredOf(ours), requiredOf(theirs)];
  for (const field of theirRequired)
    if (!ourRequired.includes(field)) differences.push(`${name}.${field}: not required`);
  for (const field of ourRequired) if (!theirRequired.includes(field)) differences.push(`${name}.${field}: required`);
  return differences;
}

/** The list-map keys we ship that the oracle does not give the same list. */
export function listKeyDifferences(ours: BuiltinRelease, oracle: OracleRelease): string[] {
  const differences: string[] = [];
  const oursSide: Side = { definition: (name) => ours.resolve(`#/definitions/${name}`) };
  for (const name of reachableDefinitions(
    ours.kinds().map((kind) => kind.definition),
    oursSide,
  )) {
    const properties = (oursSide.definition(name) as SchemaNode | undefined)?.properties ?? {};
    for (const [field, node] of Object.entries(properties)) {
      const keys = node['x-kubernetes-list-map-keys'];
      if (keys === undefined) continue;
      const theirs = (oracle.definitions.get(name) as SchemaNode | undefined)?.properties?.[field];
      const theirKeys = theirs?.['x-kubernetes-list-map-keys'];
      if (JSON.stringify(theirKeys) !== JSON.stringify(keys))
        differences.push(`${name}.${field}: list-map keys ${keys.join(', ')}, not ${theirKeys?.join(', ') ?? 'none'}`);
    }
  }
  return differences;
}
