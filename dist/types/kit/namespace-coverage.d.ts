import type { Inventory, ObjectPath, Resource, RuleContext } from '../model/types.js';
/** A namespace that lacks the guard, reported on one resource. */
export interface NamespaceGap {
    namespace: string;
    /** Where on the reporting resource the finding points. */
    path: ObjectPath;
}
/** The namespaces that lack a guard, keyed by the resource that reports each. */
export type NamespaceCoverage = ReadonlyMap<Resource, NamespaceGap>;
/** The kind of the guard object: `{group: '', kind: 'ResourceQuota'}`. */
export interface GuardKind {
    group: string;
    kind: string;
}
/**
 * The namespace a namespaced resource will land in: `metadata.namespace`, else
 * `--namespace`, else undefined (unknown). Undefined for cluster-scoped kinds,
 * Namespace objects included.
 */
export declare function targetNamespace(resource: Resource, ctx: Pick<RuleContext, 'inventory' | 'defaultNamespace'>): string | undefined;
/**
 * Finds every namespace without a guard object:
 *
 * - A namespace the input creates (a Namespace object) is always judged, and
 *   reported on that object's `metadata.name` (the first one, if written twice).
 * - A namespace the input only deploys into is judged only when
 *   `ctx.namespacesComplete` says the input holds all of it, and is reported on
 *   the first resource (in input order) that lands there, at its
 *   `metadata.namespace` (or `metadata` when `--namespace` supplies it).
 *
 * A guard counts for the namespace it lands in by the same reckoning, so a
 * ResourceQuota without `metadata.namespace` covers `--namespace`.
 */
export declare function findNamespaceGaps(inventory: Inventory, guard: GuardKind, ctx: RuleContext): NamespaceCoverage;
