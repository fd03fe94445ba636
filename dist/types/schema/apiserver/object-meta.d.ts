import type { Findings } from './findings.js';
import type { KindRules } from './kinds.js';
/** Checks the object's metadata against its kind's rules. */
export declare function checkObjectMeta(out: Findings, object: Record<string, unknown>, kind: string, rules: KindRules): void;
