import type { ObjectPath, Resource } from '../model/types.js';
/** The API group of Roles, ClusterRoles and their bindings. */
export declare const RBAC_GROUP = "rbac.authorization.k8s.io";
/** One string of a rule's list field, with its index in the list as written. */
export interface ListItem {
    value: string;
    index: number;
}
/** One entry of a Role's or ClusterRole's `rules`, its list fields read as strings. */
export interface PolicyRuleRef {
    /** Index in `rules`. */
    index: number;
    /** Path from the object root to the rule. */
    path: ObjectPath;
    apiGroups: readonly ListItem[];
    resources: readonly ListItem[];
    verbs: readonly ListItem[];
    resourceNames: readonly ListItem[];
}
/** True for a Role or ClusterRole (any version of the RBAC group). */
export declare function isRbacRole(resource: Resource, kinds?: readonly string[]): boolean;
/**
 * The rules of a Role or ClusterRole. Entries that are not mappings are
 * skipped, and so are list items that are not strings (the API server refuses
 * both); indexes stay those of the manifest so findings point at the right item.
 */
export declare function policyRulesOf(resource: Resource): PolicyRuleRef[];
/** The string items of a list field, with their indexes; anything else reads as an empty list. */
export declare function stringItems(list: unknown): ListItem[];
/**
 * The items equal to one of `wanted` or to `*`, which RBAC reads as "all"
 * (for resources: every resource and subresource). A subresource such as
 * `secrets/status` does not cover the resource itself.
 */
export declare function itemsGranting(items: readonly ListItem[], wanted: readonly string[]): ListItem[];
/**
 * True when `name` fits `pattern`, a glob like those of `match.namespaces`: a
 * leading `*` matches any start, a trailing `*` any end (`argocd-*`,
 * `*.example.com`); anything else is compared exactly.
 */
export declare function nameMatchesPattern(name: string, pattern: string): boolean;
/** True when `name` matches any of the patterns ({@link nameMatchesPattern}). */
export declare function isExemptName(name: string | undefined, patterns: readonly string[] | undefined): boolean;
/** `Role "name"`, for messages; an object without a name is `(unnamed)`. */
export declare function describeObject(resource: Resource): string;
/** The listed values joined for a message: `get, list, watch`. */
export declare function listValues(items: readonly ListItem[]): string;
