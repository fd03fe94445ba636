import type { KindSelector, ObjectPath, Resource } from '../model/types.js';
type Json = Record<string, unknown>;
/** Default kinds for rules about pods and containers. */
export declare const WORKLOAD_KINDS: readonly KindSelector[];
export type ContainerType = 'container' | 'initContainer' | 'ephemeralContainer';
export interface PodSpecRef {
    spec: Json;
    /** Path from the object root to the pod spec. */
    path: ObjectPath;
}
export interface ContainerRef {
    container: Json;
    /** `metadata.name`-like display name: the container's `name`, or its index when it has none. */
    name: string;
    type: ContainerType;
    /** Path from the object root to the container. */
    path: ObjectPath;
    podSpec: PodSpecRef;
}
/** True when the resource is a kind that carries a pod spec in a known place. */
export declare function isWorkload(resource: Resource): boolean;
/** Where a workload kind keeps its pod spec, from the object root (whatever its API group). */
export declare function podSpecPathOf(kind: string): ObjectPath | undefined;
/** Where a workload kind keeps its pod template (the `metadata` and `spec` of its pods); a Pod has none. */
export declare function podTemplatePathOf(kind: string): ObjectPath | undefined;
/** The pod spec of a workload, or undefined when the kind has none or the field is not a mapping. */
export declare function podSpecOf(resource: Resource): PodSpecRef | undefined;
/**
 * Every container of a workload: regular, init and ephemeral, with the path
 * that points into the right nesting. Entries that are not mappings are skipped.
 */
export declare function containersOf(resource: Resource): ContainerRef[];
export {};
