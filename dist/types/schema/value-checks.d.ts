import type { CompiledNode, SchemaMode } from './compile.js';
/** The type a value must have, as a phrase, when it does not have it; undefined when it does. */
export declare function typeMismatch(value: unknown, node: CompiledNode, mode: SchemaMode): string | undefined;
/** `must be X, not Y`. */
export declare function mustBe(expected: string, value: unknown): string;
/** A built-in integer field out of the range of its Go type (int32, int64). */
export declare function integerRangeProblem(value: number, node: CompiledNode): string | undefined;
/** A value not in the node's enum. */
export declare function enumProblem(value: unknown, allowed: readonly unknown[]): string | undefined;
/** Unicode code points in a text, as the API server counts a string's length. */
export declare function codePoints(text: string): number;
/** The first of maxLength, minLength and pattern that a string fails, in the API server's order. */
export declare function stringLimitProblem(text: string, node: CompiledNode): string | undefined;
/** A built-in quantity string the decoder refuses (it trims spaces first). */
export declare function quantityProblem(text: string): string | undefined;
/**
 * multipleOf, minimum and maximum, each reported. An integer is compared with
 * a bound cut to an integer, as the API server compares 64-bit integers.
 */
export declare function numberLimitProblems(value: number, node: CompiledNode): string[];
/** minItems/maxItems or minProperties/maxProperties. */
export declare function countProblem(count: number, min: number | undefined, max: number | undefined, noun: 'item' | 'entry'): string | undefined;
