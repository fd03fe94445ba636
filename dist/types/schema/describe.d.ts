/**
 * The wording of schema problems: which field a message names, and how a
 * value or an expected type reads in a sentence.
 */
import type { ObjectPath } from '../model/types.js';
/**
 * The field a path ends at, as a message names it: the last key, with any
 * list indexes after it (`ports[1]`). The root reads `the object`.
 */
export declare function fieldName(path: ObjectPath): string;
/** A value quoted for a message: JSON for scalars (long strings cut short), `a map` or `a list` otherwise. */
export declare function showValue(value: unknown): string;
/** What a value is, for "must be X, not Y": `the string "3"`, `the number 1.5`, `true`, `a map`. */
export declare function describeActual(value: unknown): string;
/** The phrase for a schema type (`an integer`, `a list`). */
export declare function typePhrase(type: string): string;
/** Values joined for a message: `"TCP", "UDP", "SCTP"`, at most `limit` of them. */
export declare function showList(values: readonly unknown[], limit?: number): string;
