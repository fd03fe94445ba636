import type { ObjectPath } from '../../model/types.js';
import type { SchemaNode, SchemaProblem } from '../types.js';
/** Judges a value against a schema node, as a custom resource's fields are judged. */
export type ValueValidator = (value: unknown, schema: SchemaNode) => readonly SchemaProblem[];
/** Checks every default on the spine of the schema at `path`. */
export declare function checkDefaults(schema: unknown, path: ObjectPath, validateValue?: ValueValidator): SchemaProblem[];
