/**
 * Pod and container security contexts: user and group ids in range, known
 * seccomp and AppArmor profile types, and the combinations the API server
 * refuses. `procMount` is left alone: before its gate is on by default, the
 * API server drops the field rather than judge it.
 */
import type { ObjectPath } from '../../model/types.js';
import type { Findings } from './findings.js';
/** Checks a container's `securityContext`. */
export declare function checkContainerSecurityContext(out: Findings, value: unknown, path: ObjectPath): void;
/**
 * Checks the pod's `securityContext`, and the pod spec fields the API server
 * keeps with it (`shareProcessNamespace` and `hostPID`).
 */
export declare function checkPodSecurityContext(out: Findings, spec: Record<string, unknown>, path: ObjectPath): void;
