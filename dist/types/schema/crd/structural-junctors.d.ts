import type { ObjectPath } from '../../model/types.js';
import type { SchemaProblem } from '../types.js';
/** True when `anyOf` is exactly `[{type: integer}, {type: string}]`. */
export declare function isIntOrStringAnyOf(node: Record<string, unknown>): boolean;
/** True when the first entry of `allOf` has that int-or-string `anyOf`. */
export declare function isIntOrStringAllOf(node: Record<string, unknown>): boolean;
/** Fields constrained under the root's junctors that the spine does not declare. */
export declare function checkCompleteness(root: Record<string, unknown>, rootPath: ObjectPath): SchemaProblem[];
