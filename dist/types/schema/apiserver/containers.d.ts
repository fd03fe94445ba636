/**
 * The containers of a pod spec: at least one, names unique across regular and
 * init containers, and each container's own fields. Sidecars (init containers
 * with `restartPolicy: Always`) follow the release.
 */
import type { ObjectPath } from '../../model/types.js';
import type { Findings } from './findings.js';
/** What a pod spec's containers are checked against. */
export interface ContainerScope {
    /** The names of the pod's volumes that mounts may refer to. */
    readonly volumes: ReadonlySet<string>;
    /** True for a Pod, false for a pod template (some checks are for pods only). */
    readonly isPod: boolean;
}
/** Checks `containers` and `initContainers` of a pod spec. */
export declare function checkContainers(out: Findings, spec: Record<string, unknown>, path: ObjectPath, scope: ContainerScope): void;
