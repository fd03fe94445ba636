import type { Findings } from './findings.js';
type Json = Record<string, unknown>;
/** Checks a Service's spec. */
export declare function checkService(out: Findings, object: Json): void;
export {};
