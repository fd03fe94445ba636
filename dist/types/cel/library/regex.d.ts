/**
 * Regular expressions with RE2 syntax and semantics, as Kubernetes evaluates
 * them (Go's `regexp`): `matches` from the CEL standard library, and
 * Kubernetes' regex library (`find`, `findAll`). RE2 runs in time linear in
 * the input, so no pattern can make a check hang, whoever wrote the policy.
 */
import { RE2JS } from 're2js';
import { type Library } from '../cel-types.js';
/** Compiles (once) an RE2 pattern; a syntax error is a CEL error, as in Kubernetes. */
export declare function compileRegex(pattern: string): RE2JS;
/** `string.matches(pattern)`: true when the pattern matches anywhere in the string (unanchored, as in RE2). */
export declare function matches(text: string, pattern: string): boolean;
/** Go's `FindString`: the leftmost match, or `''` when there is none. */
export declare function find(text: string, pattern: string): string;
/**
 * Go's `FindAllString(text, limit)`: successive non-overlapping matches, at
 * most `limit` of them when it is zero or more. An empty match right after
 * the previous match is skipped, as in Go.
 */
export declare function findAll(text: string, pattern: string, limit?: bigint): string[];
export declare const regexLibrary: Library;
