import type { Inventory, Resource } from '../model/types.js';
/**
 * True for the well-known cluster-scoped kinds listed above (core, RBAC,
 * storage, admission, API registration, Gatekeeper's own kinds and a few
 * popular add-ons). Any other kind counts as namespaced: most custom resources
 * are, and treating an unknown kind as namespaced keeps namespace filters
 * working on it. {@link resourceIsClusterScoped} also reads CRDs in the input.
 */
export declare function isClusterScoped(group: string, kind: string): boolean;
/** True for a core `Namespace` object, which Gatekeeper treats as its own namespace. */
export declare function isNamespaceKind(group: string, kind: string): boolean;
/**
 * True when the resource's kind is cluster-scoped: as its CustomResourceDefinition
 * in the input says (`spec.scope`), else as {@link isClusterScoped} says.
 */
export declare function resourceIsClusterScoped(resource: Resource, inventory: Inventory): boolean;
