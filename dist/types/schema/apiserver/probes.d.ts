/**
 * Probes and lifecycle hooks: exactly one handler each, the handler's own
 * fields, and the probe's counters.
 */
import type { ObjectPath } from '../../model/types.js';
import type { Findings } from './findings.js';
/** The probes a container may have, and whether each must report success once (`successThreshold: 1`). */
export declare const PROBES: ReadonlyArray<readonly [string, 'liveness' | 'readiness' | 'startup']>;
/** Checks one probe of a container. */
export declare function checkProbe(out: Findings, probe: Record<string, unknown>, path: ObjectPath, type: 'liveness' | 'readiness' | 'startup'): void;
/** Checks `lifecycle.postStart` and `lifecycle.preStop`. */
export declare function checkLifecycle(out: Findings, lifecycle: Record<string, unknown>, path: ObjectPath): void;
