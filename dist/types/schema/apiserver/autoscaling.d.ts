import type { Findings } from './findings.js';
/** `minReplicas` (default 1) and `maxReplicas` are at least 1, and the minimum is not above the maximum. */
export declare function checkHorizontalPodAutoscaler(out: Findings, object: Record<string, unknown>): void;
