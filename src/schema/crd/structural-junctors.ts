/**
 * Two structural rules about `allOf`, `anyOf`, `oneOf` and `not`: the one
 * place where they may name types (int-or-string written out as
 * `anyOf: [{type: integer}, {type: string}]`), and completeness: a field they
 * constrain must be declared on the spine too. The API server checks
 * completeness from the junctors of the schema's root (and those nested in
 * them), not from the junctors of deeper nodes; so does this.
 */
import { isRecord } from '../../model/records.js';
import type { ObjectPath } from '../../model/types.js';
import type { SchemaProblem } from '../types.js';
import { formatPath } from '../../engine/paths.js';
import { isNonZero, propertiesOf } from './schema-json.js';

/** True when `anyOf` is exactly `[{type: integer}, {type: string}]`. */
export function isIntOrStringAnyOf(node: Record<string, unknown>): boolean {
  const anyOf = node.anyOf;
  return Array.isArray(anyOf) && anyOf.length === 2 && onlyType(anyOf[0], 'integer') && onlyType(anyOf[1], 'string');
}

/** True when the first entry of `allOf` has that int-or-string `anyOf`. */
export function isIntOrStringAllOf(node: Record<string, unknown>): boolean {
  const allOf = node.allOf;
  return Array.isArray(allOf) && allOf.length >= 1 && isRecord(allOf[0]) && isIntOrStringAnyOf(allOf[0]);
}

function onlyType(node: unknown, type: string): boolean {
  return (
    isRecord(node) &&
    node.type === type &&
    Object.entries(node).every(([key, value]) => key === 'type' || !isNonZero(value))
  );
}

/** Fields constrained under the root's junctors that the spine does not declare. */
export function checkCompleteness(root: Record<string, unknown>, rootPath: ObjectPath): SchemaProblem[] {
  return junctorEntries(root, []).flatMap(([entry, at]) => completeness(entry, root, [], at, rootPath));
}

/** The schemas directly under a node's `not`, `allOf`, `anyOf` and `oneOf`, with their paths from `base`. */
function junctorEntries(node: Record<string, unknown>, base: ObjectPath): [Record<string, unknown>, ObjectPath][] {
  const entries: [Record<string, unknown>, ObjectPath][] = [];
  if (isRecord(node.not)) entries.push([node.not, [...base, 'not']]);
  for (const junctor of ['allOf', 'anyOf', 'oneOf']) {
    const list = node[junctor];
    if (!Array.isArray(list)) continue;
    list.forEach((item, index) => {
      if (isRecord(item)) entries.push([item, [...base, junctor, index]]);
    });
  }
  return entries;
}

/**
 * `nested` (at `nestedPath` from the root) constrains `spine` (at `spinePath`):
 * what it constrains must exist there.
 */
function completeness(
  nested: Record<string, unknown>,
  spine: unknown,
  spinePath: ObjectPath,
  nestedPath: ObjectPath,
  rootPath: ObjectPath,
): SchemaProblem[] {
  if (!isRecord(spine)) return [undeclared(spinePath, nestedPath, rootPath)];
  const problems = junctorEntries(nested, nestedPath).flatMap(([entry, at]) =>
    completeness(entry, spine, spinePath, at, rootPath),
  );
  if (isRecord(nested.items)) {
    problems.push(
      ...completeness(nested.items, spine.items, [...spinePath, 'items'], [...nestedPath, 'items'], rootPath),
    );
  }
  const declared = propertiesOf(spine);
  for (const [key, property] of Object.entries(propertiesOf(nested))) {
    if (!isRecord(property)) continue;
    const spineAt = [...spinePath, 'properties', key];
    const nestedAt = [...nestedPath, 'properties', key];
    if (Object.hasOwn(declared, key))
      problems.push(...completeness(property, declared[key], spineAt, nestedAt, rootPath));
    else problems.push(undeclared(spineAt, nestedAt, rootPath));
  }
  return problems;
}

function undeclared(spinePath: ObjectPath, nestedPath: ObjectPath, rootPath: ObjectPath): SchemaProblem {
  const shown = formatPath(spinePath) || '(the root)';
  return {
    class: 'required',
    path: [...rootPath, ...spinePath],
    message: `${shown} must be declared in the structural schema, since ${formatPath(nestedPath)} constrains it`,
  };
}
