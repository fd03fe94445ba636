import type { ObjectPath } from '../../model/types.js';
import type { Findings } from './findings.js';
/** The most the keys and values of an object's annotations may hold together, in bytes. */
export declare const ANNOTATIONS_SIZE_LIMIT: number;
/** A map of labels (or of a selector's `matchLabels`, or a node selector): keys and values. */
export declare function checkLabels(out: Findings, value: unknown, path: ObjectPath): void;
/**
 * Annotations: keys follow the label key rule, but case does not matter;
 * keys and values together may not pass 256 KiB.
 */
export declare function checkAnnotations(out: Findings, value: unknown, path: ObjectPath): void;
/**
 * A label selector: `matchLabels` as labels, and each of `matchExpressions`
 * with a known operator, values exactly when the operator takes them, and a
 * valid key and values.
 */
export declare function checkLabelSelector(out: Findings, value: unknown, path: ObjectPath): void;
/**
 * One `matchExpressions` entry. Node selectors also allow `Gt` and `Lt`, with
 * exactly one value, and preferred node affinity terms leave values unchecked.
 */
export declare function checkSelectorRequirement(out: Findings, requirement: Record<string, unknown>, path: ObjectPath, operators: readonly string[], checkValues?: boolean): void;
