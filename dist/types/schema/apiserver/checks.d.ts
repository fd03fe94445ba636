/**
 * The small checks most kinds share: enumerations, ranges and string
 * formats. Each reads a field as the decoder would and stays silent on a
 * value of the wrong type, which the schema interpreter reports.
 */
import type { ObjectPath } from '../../model/types.js';
import type { Findings } from './findings.js';
/** The last key of a path, for a message naming the field. */
export declare function fieldName(path: ObjectPath): string;
/**
 * A field with a closed set of values. An empty string is left alone: the
 * API server fills it with the default before it validates.
 */
export declare function checkEnum(out: Findings, value: unknown, path: ObjectPath, allowed: readonly string[]): void;
/** Reports a string that is not one of `allowed`, the empty string included. */
export declare function reportUnlessOneOf(out: Findings, text: string, path: ObjectPath, allowed: readonly string[]): void;
/** A string field in a named format; `problemsOf` says what is wrong with a value. */
export declare function checkFormat(out: Findings, value: unknown, path: ObjectPath, format: string, problemsOf: (text: string) => readonly string[]): void;
/** Reports a string that `problems` say is not in `format`; nothing when there are none. */
export declare function reportFormat(out: Findings, text: string, path: ObjectPath, format: string, problems: readonly string[]): void;
/** An integer that may not be negative (replicas, thresholds, history limits). */
export declare function checkNonNegative(out: Findings, value: unknown, path: ObjectPath): void;
/** An integer within `[low, high]`. */
export declare function checkRange(out: Findings, value: unknown, path: ObjectPath, low: number, high: number): void;
/** A port number, 1 to 65535. */
export declare function checkPortNumber(out: Findings, value: unknown, path: ObjectPath): void;
/** A port given by number (1–65535) or by IANA service name, as probes and network policies take it. */
export declare function checkPortNumberOrName(out: Findings, value: unknown, path: ObjectPath): void;
/** A label key or qualified name (condition types, topology keys, taint keys). */
export declare function checkLabelKey(out: Findings, value: unknown, path: ObjectPath): void;
