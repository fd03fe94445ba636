import type { ObjectPath } from '../../model/types.js';
import type { Findings } from './findings.js';
/** Checks `resources.limits` and `resources.requests` of one container. */
export declare function checkContainerResources(out: Findings, value: unknown, path: ObjectPath): void;
