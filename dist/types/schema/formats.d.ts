import type { SchemaMode } from './compile.js';
/**
 * How to describe the format a string fails, or undefined when it has the
 * format or the format is not checked in this mode (and release, for CRDs).
 */
export declare function formatFailure(formatKey: string, text: string, mode: SchemaMode, release?: readonly [number, number]): string | undefined;
