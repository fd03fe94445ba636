import type { Findings } from './findings.js';
type Json = Record<string, unknown>;
/** A Role or ClusterRole: each rule has verbs, and either resources (with API groups) or non-resource URLs. */
export declare function checkRole(out: Findings, object: Json, namespaced: boolean): void;
/** A RoleBinding or ClusterRoleBinding: its role reference and subjects. */
export declare function checkBinding(out: Findings, object: Json, namespaced: boolean): void;
export {};
