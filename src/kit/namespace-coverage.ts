/**
 * Which namespaces of the input lack a namespace-wide guard object (a
 * ResourceQuota, a LimitRange), and on which resource to report each one.
 * Shared by the namespace-has-* rules; built once per run through
 * `inventory.memo`, so the rules stay linear in the number of resources.
 */
import { resourceIsClusterScoped } from '../engine/scope.js';
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
export function targetNamespace(
  resource: Resource,
  ctx: Pick<RuleContext, 'inventory' | 'defaultNamespace'>,
): string | undefined {
  if (resourceIsClusterScoped(resource, ctx.inventory)) return undefined;
  return resource.namespace || ctx.defaultNamespace || undefined;
}

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
export function findNamespaceGaps(inventory: Inventory, guard: GuardKind, ctx: RuleContext): NamespaceCoverage {
  const covered = new Set<string>();
  for (const object of inventory.ofKind(guard.group, guard.kind)) {
    const namespace = targetNamespace(object, { inventory, defaultNamespace: ctx.defaultNamespace });
    if (namespace !== undefined) covered.add(namespace);
  }
  const gaps = new Map<Resource, NamespaceGap>();
  const judged = new Set<string>(covered);
  for (const object of inventory.ofKind('', 'Namespace')) {
    const name = object.name;
    if (name === undefined || name === '' || judged.has(name)) continue;
    judged.add(name);
    gaps.set(object, { namespace: name, path: ['metadata', 'name'] });
  }
  if (!ctx.namespacesComplete) return gaps;
  for (const resource of inventory.resources) {
    const namespace = targetNamespace(resource, { inventory, defaultNamespace: ctx.defaultNamespace });
    if (namespace === undefined || judged.has(namespace)) continue;
    judged.add(namespace);
    gaps.set(resource, { namespace, path: resource.namespace ? ['metadata', 'namespace'] : ['metadata'] });
  }
  return gaps;
}
