import type { Findings } from './findings.js';
type Json = Record<string, unknown>;
/** A Job. */
export declare function checkJob(out: Findings, object: Json): void;
/** A CronJob: its own settings, then its job template's spec, whose selector is generated. */
export declare function checkCronJob(out: Findings, object: Json): void;
export {};
