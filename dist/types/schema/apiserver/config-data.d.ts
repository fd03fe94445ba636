import type { Findings } from './findings.js';
type Json = Record<string, unknown>;
/** A ConfigMap: valid keys, none in both `data` and `binaryData`, and at most 1 MiB in all. */
export declare function checkConfigMap(out: Findings, object: Json): void;
/**
 * A Secret: valid keys in `data` and `stringData` (which the API server
 * merges into `data` before it validates), and the keys its type requires.
 */
export declare function checkSecret(out: Findings, object: Json): void;
export {};
