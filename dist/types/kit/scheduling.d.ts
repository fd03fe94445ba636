import type { LabelSelector, ObjectPath, Resource } from '../model/types.js';
/** How many pods a workload asks for, and where it says so. */
export interface ReplicaCount {
    count: number;
    /** `['spec', 'replicas']`: the field when written, or where it would go. */
    path: ObjectPath;
    /** False when the manifest leaves `spec.replicas` out and the API server's default of 1 applies. */
    written: boolean;
}
/**
 * The replica count of a Deployment, StatefulSet, ReplicaSet or
 * ReplicationController: `spec.replicas`, or 1 when it is absent or null (the
 * API server's default). Undefined when the field holds something the API
 * server would refuse (a string, a fraction, a negative number), so that
 * rules skip the object rather than guess.
 */
export declare function replicaCount(resource: Resource): ReplicaCount | undefined;
/** The labels of a workload's pod template (`spec.template.metadata.labels`); entries that are not strings are left out. */
export declare function podTemplateLabels(resource: Resource): Record<string, string>;
/**
 * A label selector read from a manifest, or undefined when the value is not a
 * well-formed `metav1.LabelSelector` (not a mapping, `matchLabels` with
 * non-string values, a requirement with an unknown operator, …). The API
 * server refuses such selectors, so callers treat undefined as selecting nothing.
 */
export declare function readLabelSelector(value: unknown): LabelSelector | undefined;
/** True when a selector has neither `matchLabels` nor `matchExpressions` entries: `{}`. */
export declare function isEmptySelector(selector: LabelSelector): boolean;
