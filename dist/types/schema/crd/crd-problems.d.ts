/** Problems of a CustomResourceDefinition object, made the same way by every check of `check-crd`. */
import type { ObjectPath } from '../../model/types.js';
import type { SchemaProblem } from '../types.js';
/** A field the API server requires is absent or empty: the problem points at the map that lacks it. */
export declare function missing(parent: ObjectPath, field: string, why?: string): SchemaProblem;
/** A value the API server refuses, or a field it forbids where it is. */
export declare function refused(path: ObjectPath, message: string): SchemaProblem;
/** A value outside the API server's list, named with what it accepts. */
export declare function unsupported(path: ObjectPath, value: unknown, accepted: readonly string[]): SchemaProblem;
