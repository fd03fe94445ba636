/**
 * Reading RBAC objects (Roles, ClusterRoles and their bindings) without
 * trusting their shape: the helpers the access-control rules share.
 */
import { isRecord } from '../model/records.js';
import type { ObjectPath, Resource } from '../model/types.js';
import { wildcardMatches } from '../engine/wildcard.js';

/** The API group of Roles, ClusterRoles and their bindings. */
export const RBAC_GROUP = 'rbac.authorization.k8s.io';

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
export function isRbacRole(resource: Resource, kinds: readonly string[] = ['Role', 'ClusterRole']): boolean {
  return resource.group === RBAC_GROUP && kinds.includes(resource.kind);
}

/**
 * The rules of a Role or ClusterRole. Entries that are not mappings are
 * skipped, and so are list items that are not strings (the API server refuses
 * both); indexes stay those of the manifest so findings point at the right item.
 */
export function policyRulesOf(resource: Resource): PolicyRuleRef[] {
  const rules = resource.object['rules'];
  if (!Array.isArray(rules)) return [];
  const result: PolicyRuleRef[] = [];
  rules.forEach((rule: unknown, index) => {
    if (!isRecord(rule)) return;
    result.push({
      index,
      path: ['rules', index],
      apiGroups: stringItems(rule['apiGroups']),
      resources: stringItems(rule['resources']),
      verbs: stringItems(rule['verbs']),
      resourceNames: stringItems(rule['resourceNames']),
    });
  });
  return result;
}

/** The string items of a list field, with their indexes; anything else reads as an empty list. */
export function stringItems(list: unknown): ListItem[] {
  if (!Array.isArray(list)) return [];
  const items: ListItem[] = [];
  list.forEach((value: unknown, index) => {
    if (typeof value === 'string') items.push({ value, index });
  });
  return items;
}

/**
 * The items equal to one of `wanted` or to `*`, which RBAC reads as "all"
 * (for resources: every resource and subresource). A subresource such as
 * `secrets/status` does not cover the resource itself.
 */
export function itemsGranting(items: readonly ListItem[], wanted: readonly string[]): ListItem[] {
  return items.filter((item) => item.value === '*' || wanted.includes(item.value));
}

/**
 * True when `name` fits `pattern`, a glob like those of `match.namespaces`: a
 * leading `*` matches any start, a trailing `*` any end (`argocd-*`,
 * `*.example.com`); anything else is compared exactly.
 */
export function nameMatchesPattern(name: string, pattern: string): boolean {
  return wildcardMatches(pattern, name);
}

/** True when `name` matches any of the patterns ({@link nameMatchesPattern}). */
export function isExemptName(name: string | undefined, patterns: readonly string[] | undefined): boolean {
  if (name === undefined || !patterns) return false;
  return patterns.some((pattern) => nameMatchesPattern(name, pattern));
}

/** `Role "name"`, for messages; an object without a name is `(unnamed)`. */
export function describeObject(resource: Resource): string {
  return `${resource.kind} "${resource.name ?? '(unnamed)'}"`;
}

/** The listed values joined for a message: `get, list, watch`. */
export function listValues(items: readonly ListItem[]): string {
  return [...new Set(items.map((item) => item.value))].join(', ');
}
