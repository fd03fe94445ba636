import type { ObjectPath } from '../../model/types.js';
import type { SchemaProblem } from '../types.js';
/**
 * Checks one entry of `spec.versions` at `at`; `schema` is the schema that
 * applies to it, `columnKey` how the CRD's API version spells a column's JSON path.
 */
export declare function checkVersionFields(version: Record<string, unknown>, at: ObjectPath, schema: unknown, columnKey?: string): SchemaProblem[];
/** The scale subresource's paths: simple JSON paths under `.spec` and `.status`. */
export declare function checkSubresources(subresources: unknown, at: ObjectPath): SchemaProblem[];
/**
 * `additionalPrinterColumns`: a name, a type and format kubectl knows, a JSON
 * path starting with `.` (spelled `jsonPath` in v1, `JSONPath` in v1beta1).
 */
export declare function checkColumns(columns: unknown, at: ObjectPath, pathKey?: string): SchemaProblem[];
