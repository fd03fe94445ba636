/**
 * A container's `env` and `envFrom`: variable names by the release's rule,
 * and exactly one source for each `valueFrom` and `envFrom` entry.
 */
import type { ObjectPath } from '../../model/types.js';
import type { Findings } from './findings.js';
/** Checks `env` and `envFrom` of one container. */
export declare function checkContainerEnv(out: Findings, container: Record<string, unknown>, path: ObjectPath): void;
