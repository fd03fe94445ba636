/**
 * The API server compiles a CRD rule with `self` typed from the schema, so a
 * rule that selects a field the schema does not declare (`self.spec.replicaz`,
 * or `self.metadata.labels`, since rules see only the name and generateName
 * of metadata) does not compile. The project's CEL environment types `self`
 * as dyn; this finds those selections in the syntax tree instead.
 *
 * It follows `self` through field selections (`.name`, `.?name`), list
 * indexes and map keys, and judges a selection only on a node that declares
 * properties: maps, int-or-string, untyped nodes and comprehension variables
 * are left alone, so what it reports the API server refuses too.
 */
import type { ASTNode } from '@marcbachmann/cel-js';
import { isRecord } from '../../model/records.js';
import { escapeProperty } from './cel-escape.js';
import { declaresTypeAndObjectMeta, nodeType, propertiesOf } from './schema-json.js';

/** The schema a sub-expression has, when known. */
interface Typed {
  readonly schema: Record<string, unknown>;
  /** True at the root of a resource: apiVersion, kind and metadata (name, generateName) are its fields too. */
  readonly resourceRoot: boolean;
}

const RESOURCE_METADATA = {
  type: 'object',
  properties: { name: { type: 'string' }, generateName: { type: 'string' } },
};

/** The first field the expression selects on `self` that the schema does not declare, or undefined. */
export function undeclaredField(
  ast: ASTNode,
  schema: Record<string, unknown>,
  resourceRoot: boolean,
): string | undefined {
  let found: string | undefined;
  const resolve = (node: ASTNode): Typed | undefined => {
    if (node.op === 'id') return node.args === 'self' ? { schema, resourceRoot } : undefined;
    if ((node.op === '.' || node.op === '.?') && isAstNode(node.args[0]) && typeof node.args[1] === 'string') {
      const receiver = resolve(node.args[0]);
      const field = receiver === undefined ? undefined : selectField(receiver, node.args[1]);
      if (field === false) found ??= node.args[1];
      return field === false ? undefined : field;
    }
    if (node.op === '[]' && isAstNode(node.args[0])) {
      const receiver = resolve(node.args[0]);
      if (isAstNode(node.args[1])) resolve(node.args[1]);
      return receiver === undefined ? undefined : element(receiver.schema);
    }
    for (const child of children(node)) resolve(child);
    return undefined;
  };
  resolve(ast);
  return found;
}

/** The schema of `field` on an object that declares its properties; false when it declares others only. */
function selectField({ schema, resourceRoot }: Typed, field: string): Typed | false | undefined {
  if (schema['x-kubernetes-int-or-string'] === true || nodeType(schema) !== 'object') return undefined;
  const root =
    (resourceRoot || schema['x-kubernetes-embedded-resource'] === true) && !declaresTypeAndObjectMeta(schema);
  if (root && field === 'metadata') return { schema: RESOURCE_METADATA, resourceRoot: false };
  if (root && (field === 'apiVersion' || field === 'kind')) return { schema: { type: 'string' }, resourceRoot: false };
  const properties = propertiesOf(schema);
  if (Object.keys(properties).length === 0) return isRecord(schema.additionalProperties) ? element(schema) : undefined;
  const name = Object.keys(properties).find((key) => escapeProperty(key) === field);
  if (name === undefined) return false;
  const property = properties[name];
  if (!isRecord(property)) return undefined;
  return { schema: property, resourceRoot: property['x-kubernetes-embedded-resource'] === true };
}

/** The schema of a list's items or a map's values. */
function element(schema: Record<string, unknown>): Typed | undefined {
  const inner = nodeType(schema) === 'array' ? schema.items : schema.additionalProperties;
  return isRecord(inner)
    ? { schema: inner, resourceRoot: inner['x-kubernetes-embedded-resource'] === true }
    : undefined;
}

function isAstNode(value: unknown): value is ASTNode {
  return typeof value === 'object' && value !== null && 'op' in value && 'args' in value;
}

function children(node: ASTNode): ASTNode[] {
  if (node.op === 'value') return [];
  const found: ASTNode[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (isAstNode(value)) found.push(value);
  };
  collect(node.args);
  return found;
}
