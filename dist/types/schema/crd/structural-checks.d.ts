import type { ObjectPath } from '../../model/types.js';
import type { SchemaProblem } from '../types.js';
/** Checks the structural rules of the schema at `path` (the version's `openAPIV3Schema`). */
export declare function checkStructural(schema: unknown, path: ObjectPath): SchemaProblem[];
/**
 * The value checks of a node: the schemas under its junctors (each checked as
 * a nested value validation), and its pattern, which must be RE2.
 */
export declare function checkValueValidation(node: Record<string, unknown>, path: ObjectPath, skipAnyOf: boolean, skipFirstAllOfAnyOf: boolean): SchemaProblem[];
