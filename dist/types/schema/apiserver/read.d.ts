import type { ObjectPath } from '../../model/types.js';
type Json = Record<string, unknown>;
/** The value when it is a mapping. */
export declare function recordOf(value: unknown): Json | undefined;
/** The value when it is a string. */
export declare function stringOf(value: unknown): string | undefined;
/** The value when it is a whole number. */
export declare function integerOf(value: unknown): number | undefined;
/** The value when it is a boolean. */
export declare function booleanOf(value: unknown): boolean | undefined;
/** The value when it is a list (its entries may be of any shape). */
export declare function listOf(value: unknown): readonly unknown[];
/**
 * True when a list field holds no entry: unset, `null` or `[]`. A value of
 * another type is not empty: it is the schema check's finding.
 */
export declare function isEmptyList(value: unknown): boolean;
/** True when the field holds anything but `null` or nothing. */
export declare function isSet(value: unknown): boolean;
/** A string that is set and not empty: Go reads an empty string like an absent one. */
export declare function nonEmptyString(value: unknown): string | undefined;
/** One mapping entry of a list, with the path to it. */
export interface ListEntry {
    readonly entry: Json;
    readonly index: number;
    readonly path: ObjectPath;
}
/** The mapping entries of the list at `path` under `parent`, each with its path; other entries are skipped. */
export declare function entriesAt(parent: Json, key: string, path: ObjectPath): ListEntry[];
/** The string entries of a mapping (a label or annotation map), skipping the others. */
export declare function stringEntries(value: unknown): Array<[string, string]>;
/** A string or number as a message shows it: strings quoted, everything else as JSON. */
export declare function quote(value: unknown): string;
/** `"A", "B", "C"` for a message listing the values a field accepts. */
export declare function quoteAll(values: readonly string[]): string;
export {};
