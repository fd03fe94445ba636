/**
 * `allOf`, `anyOf`, `oneOf` and `not`. In a CRD they are value validations:
 * each branch judges the value (already defaulted) without deciding which
 * fields exist. In a built-in schema, `anyOf`/`oneOf` only say which JSON
 * types a field takes (a quantity is a string or a number).
 */
import type { CompiledNode } from './compile.js';
import type { Walker } from './walker.js';
/** Checks the value against the node's alternatives, reporting on the walker. */
export declare function checkAlternatives(walker: Walker, value: unknown, view: CompiledNode): void;
