/**
 * The defaults of a CRD schema, checked as the API server checks them: each
 * must be a valid value of its node's schema (its type, enum, pattern and
 * the rest, with no field the schema would prune) and then pass the node's
 * CEL rules, on an update that changes nothing and on create. Judging a value
 * against a schema is the schema validator's work, so the caller passes it
 * in; the CEL rules run here. Like the API server, this looks at the
 * properties and items of the spine, not at map values.
 */
import { isRecord } from '../../model/records.js';
import type { ObjectPath } from '../../model/types.js';
import type { SchemaNode, SchemaProblem } from '../types.js';
import { runCelValidations } from './cel-validations.js';
import { propertiesOf } from './schema-json.js';

/** Judges a value against a schema node, as a custom resource's fields are judged. */
export type ValueValidator = (value: unknown, schema: SchemaNode) => readonly SchemaProblem[];

/** Checks every default on the spine of the schema at `path`. */
export function checkDefaults(schema: unknown, path: ObjectPath, validateValue?: ValueValidator): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const visit = (node: unknown, at: ObjectPath): void => {
    if (!isRecord(node)) return;
    if (node.default !== undefined && node.default !== null) {
      const where = [...at, 'default'];
      const found = [...(validateValue?.(node.default, node as SchemaNode) ?? [])];
      if (found.length === 0) found.push(...celOnDefault(node.default, node));
      for (const problem of found) {
        problems.push({
          ...problem,
          path: [...where, ...problem.path],
          message: `the default is invalid: ${problem.message}`,
        });
      }
    }
    visit(node.items, [...at, 'items']);
    for (const [key, property] of Object.entries(propertiesOf(node))) visit(property, [...at, 'properties', key]);
  };
  visit(schema, path);
  return problems;
}

function celOnDefault(value: unknown, node: Record<string, unknown>): SchemaProblem[] {
  const resourceRoot = node['x-kubernetes-embedded-resource'] === true;
  const unchanged = runCelValidations(value, node, { resourceRoot, oldIsSame: true });
  return unchanged.length > 0 ? unchanged : runCelValidations(value, node, { resourceRoot });
}
