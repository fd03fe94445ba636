import type { Findings } from './findings.js';
type Json = Record<string, unknown>;
/** A Deployment: counters, the progress deadline, selector, template and strategy. */
export declare function checkDeployment(out: Findings, object: Json): void;
/** A ReplicaSet: counters, selector and template. */
export declare function checkReplicaSet(out: Findings, object: Json): void;
/** A ReplicationController: counters and template (its selector defaults to the template's labels). */
export declare function checkReplicationController(out: Findings, object: Json): void;
/** A DaemonSet: selector, template, counters and update strategy. */
export declare function checkDaemonSet(out: Findings, object: Json): void;
/**
 * A StatefulSet. The API server does not validate its pod spec (pods fail
 * later, in the controller), only the template's labels, annotations and
 * restart policy, so neither does this.
 */
export declare function checkStatefulSet(out: Findings, object: Json): void;
/** A PodTemplate object: its `template` is a pod template. */
export declare function checkPodTemplateObject(out: Findings, object: Json): void;
/** A Pod: its spec, with the checks that hold for pods only. */
export declare function checkPod(out: Findings, object: Json): void;
export {};
