import type { ContainerRef } from './pod-spec.js';
import type { ObjectPath, Resource } from '../model/types.js';
export type ConfigKind = 'ConfigMap' | 'Secret';
/** What in the pod spec holds a reference. */
export type ReferenceSite = 
/** `env[].valueFrom.configMapKeyRef` / `secretKeyRef`: one key into one variable. */
{
    via: 'env';
    container: ContainerRef;
    variable: string;
    key: string | undefined;
}
/** `envFrom[].configMapRef` / `secretRef`: every key as a variable. */
 | {
    via: 'envFrom';
    container: ContainerRef;
}
/** `volumes[].configMap` / `secret`, or a source of `volumes[].projected`. */
 | {
    via: 'volume';
    volume: string;
    projected: boolean;
};
/** One reference to a ConfigMap or a Secret. */
export interface ConfigReference {
    kind: ConfigKind;
    /** The name as written; undefined when absent or not a string. */
    name: string | undefined;
    /** Path from the object root to the reference (`…secretKeyRef`, `…volumes[0].configMap`). */
    path: ObjectPath;
    /** Path to the field that holds the name (`name`, or `secretName` in a secret volume); may not exist. */
    namePath: ObjectPath;
    site: ReferenceSite;
}
/**
 * Every ConfigMap and Secret reference of a workload, in document order of
 * containers first, then volumes. References whose holder is not a mapping are
 * skipped (the API server rejects them); a reference without a name is kept
 * with `name` undefined.
 */
export declare function configReferencesOf(resource: Resource): ConfigReference[];
/** `container "web"`, `initContainer "setup"`, `volume "config"`: who holds the reference, for messages. */
export declare function describeReferenceSite(site: ReferenceSite): string;
