import type { ObjectPath } from '../../model/types.js';
import type { Findings } from './findings.js';
/** A workload's `spec.selector`: well formed and, for the apps kinds, not empty. */
export declare function checkWorkloadSelector(out: Findings, spec: Record<string, unknown>, path: ObjectPath, kind: string): void;
/** A pod template and its path from the object root, found where the pod-spec kit says the kind keeps it. */
export interface FoundTemplate {
    readonly template: Record<string, unknown>;
    readonly path: ObjectPath;
}
/** The pod template of a workload kind, or undefined when the object has none there. */
export declare function podTemplateOf(object: Record<string, unknown>, kind: string): FoundTemplate | undefined;
/**
 * The pod template of a controller whose pods always restart (Deployment,
 * ReplicaSet, DaemonSet, ReplicationController): the template is checked as a
 * pod's, its restart policy must be `Always`, and it may not set a deadline.
 */
export declare function checkRestartingTemplate(out: Findings, object: Record<string, unknown>, kind: string): void;
/**
 * A template's restart policy must be `Always` (the default) and it may not
 * set `activeDeadlineSeconds`. When the pod spec is checked too, a value that
 * is no restart policy at all is left to that check.
 */
export declare function checkAlwaysRestarts(out: Findings, template: Record<string, unknown>, path: ObjectPath, kind: string, podSpecChecked: boolean): void;
/**
 * `maxSurge` or `maxUnavailable`: a count that is not negative or a
 * percentage, at most 100% when `capped`. Returns its amount (a default
 * stands in for an unset value), or undefined when it is wrong.
 */
export declare function checkPodAmount(out: Findings, holder: Record<string, unknown>, path: ObjectPath, fallback: number, capped: boolean): number | undefined;
