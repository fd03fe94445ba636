/**
 * A pod's volumes and the containers' mounts of them: unique DNS-label names,
 * at most one volume source each, the sources' own required fields and
 * modes, and mounts that name a volume that exists.
 */
import type { ObjectPath } from '../../model/types.js';
import type { Findings } from './findings.js';
/**
 * Checks `spec.volumes` and returns the names a mount may refer to. A volume
 * whose name is itself wrong is left out of the names, as the API server
 * does; one with a wrong source stays in, so a mount of it gets no second
 * finding.
 */
export declare function checkVolumes(out: Findings, spec: Record<string, unknown>, specPath: ObjectPath): Set<string>;
/**
 * A container's `volumeMounts`: each names a volume of the pod, mount paths
 * are unique within the container, `subPath` and `subPathExpr` exclude each
 * other, and `Bidirectional` propagation needs a privileged container.
 */
export declare function checkVolumeMounts(out: Findings, container: Record<string, unknown>, path: ObjectPath, volumes: ReadonlySet<string>): void;
