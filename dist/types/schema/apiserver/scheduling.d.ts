/**
 * The scheduling fields of a pod spec: tolerations, node and pod affinity,
 * and topology spread constraints.
 */
import type { ObjectPath } from '../../model/types.js';
import type { Findings } from './findings.js';
/**
 * Tolerations: a valid key; an empty key only with `Exists`; a value only
 * with `Equal` (or no operator); `tolerationSeconds` only with `NoExecute`.
 */
export declare function checkTolerations(out: Findings, spec: Record<string, unknown>, path: ObjectPath): void;
/** Node affinity terms, pod (anti-)affinity terms and their weights. */
export declare function checkAffinity(out: Findings, value: unknown, path: ObjectPath): void;
/**
 * Topology spread constraints: a positive `maxSkew`, a topology key, a known
 * `whenUnsatisfiable`, a positive `minDomains` only with `DoNotSchedule`, and
 * no two constraints with the same key and action.
 */
export declare function checkTopologySpread(out: Findings, spec: Record<string, unknown>, path: ObjectPath): void;
