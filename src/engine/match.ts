/**
 * Gatekeeper's `spec.match`: which resources a constraint applies to. Each
 * matcher follows the function of the same name in Gatekeeper's
 * `pkg/mutation/match/match.go`; all of them must agree. Where offline input
 * lacks what a cluster would supply (a namespace, a Namespace object, API
 * discovery), the choices are documented on the functions below.
 */
import { getIn } from '../model/records.js';
import { labelSelectorMatches, selectorKeys } from './label-selector.js';
import { isNamespaceKind, resourceIsClusterScoped } from './scope.js';
import type { Inventory, KindSelector, LabelSelector, Match, Resource } from '../model/types.js';
import { wildcardMatches, wildcardMatchesGenerateName } from './wildcard.js';

export { labelSelectorMatches } from './label-selector.js';
export { isClusterScoped, resourceIsClusterScoped } from './scope.js';
export { validateMatch, type MatchProblem } from './match-validate.js';

/** What matching needs beyond the constraint and the resource. */
export interface MatchContext {
  inventory: Inventory;
  /** The namespace that manifests without one will be applied to (`--namespace`, like `kubectl -n`). */
  defaultNamespace: string | undefined;
}

/**
 * The label the API server puts on every Namespace, set to its name. Gatekeeper
 * in a cluster sees it, so selectors keyed on it are common; manifests rarely
 * write it, so we add it.
 */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * True when the constraint's match selects the resource: every field given
 * must agree (kinds, scope, namespaces, excludedNamespaces, labelSelector,
 * namespaceSelector, name). `defaultKinds` (the rule's kinds) stand in when
 * `match.kinds` is absent or empty; with neither, every kind matches.
 *
 * Namespace filters compare against {@link namespaceForMatching}. When that is
 * undefined they cannot exclude the resource, as in Gatekeeper's matchers.
 */
export function matchesResource(
  match: Match,
  resource: Resource,
  ctx: MatchContext,
  defaultKinds?: readonly KindSelector[],
): boolean {
  const kinds = match.kinds != null && match.kinds.length > 0 ? match.kinds : defaultKinds;
  const namespace = namespaceForMatching(resource, ctx);
  return (
    kindsMatch(kinds, resource) &&
    scopeMatches(match.scope, resource, ctx) &&
    namespacesMatch(match.namespaces, namespace) &&
    excludedNamespacesMatch(match.excludedNamespaces, namespace) &&
    (match.labelSelector == null || labelSelectorMatches(match.labelSelector, labelsForMatching(resource))) &&
    namespaceSelectorMatches(match.namespaceSelector, resource, namespace, ctx) &&
    nameMatches(match.name, resource)
  );
}

/**
 * The namespace that `namespaces`, `excludedNamespaces` and `namespaceSelector`
 * look at, or undefined when they do not apply:
 *
 * - A Namespace object is its own namespace (Gatekeeper: `IsNamespace` → the object's name).
 * - A cluster-scoped kind ({@link resourceIsClusterScoped}) has none, even if
 *   the manifest writes `metadata.namespace`: the API server drops it before
 *   Gatekeeper's webhook sees the object.
 * - A namespaced kind has `metadata.namespace`, else `ctx.defaultNamespace`
 *   (as if written, like `kubectl -n`), else none. With none, the filters let
 *   the resource through: that is how Gatekeeper's matchers treat an object
 *   reviewed with no namespace at all, which is how `gator verify` reviews
 *   manifests that omit one ("if we don't have a namespace, we can't
 *   disqualify the match" in `namespacesMatch`).
 */
export function namespaceForMatching(resource: Resource, ctx: MatchContext): string | undefined {
  if (isNamespaceKind(resource.group, resource.kind)) return resource.name ?? '';
  if (resourceIsClusterScoped(resource, ctx.inventory)) return undefined;
  return resource.namespace || ctx.defaultNamespace || undefined;
}

/**
 * The namespace whose Namespace object `match.namespaceSelector` needed but the
 * input lacks, or undefined when the selector could be evaluated (or does not
 * apply). {@link matchesResource} treats such a resource as matched; callers
 * can use this to say so, e.g. under `--verbose`.
 */
export function unresolvedNamespace(match: Match, resource: Resource, ctx: MatchContext): string | undefined {
  const selector = match.namespaceSelector;
  if (selector == null || isNamespaceKind(resource.group, resource.kind)) return undefined;
  const namespace = namespaceForMatching(resource, ctx);
  if (namespace === undefined) return undefined;
  return knownNamespaceLabels(namespace, selector, ctx) === undefined ? namespace : undefined;
}

/** Gatekeeper's `kindsMatch`: any entry may match; an empty or `*` list accepts anything. */
function kindsMatch(selectors: readonly KindSelector[] | undefined, resource: Resource): boolean {
  if (selectors == null || selectors.length === 0) return true;
  return selectors.some(
    (selector) => listAccepts(selector.kinds, resource.kind) && listAccepts(selector.apiGroups, resource.group),
  );
}

function listAccepts(list: readonly string[] | undefined, value: string): boolean {
  return list == null || list.length === 0 || list.includes('*') || list.includes(value);
}

/**
 * Gatekeeper's `scopeMatch` decides scope from whether the object has a
 * namespace. Offline a namespaced manifest often omits it, so we decide from
 * the kind instead; in a cluster both give the same answer. Like Gatekeeper,
 * anything other than `Cluster` or `Namespaced` selects both.
 */
function scopeMatches(scope: Match['scope'], resource: Resource, ctx: MatchContext): boolean {
  if (scope !== 'Cluster' && scope !== 'Namespaced') return true;
  return (scope === 'Cluster') === resourceIsClusterScoped(resource, ctx.inventory);
}

/** Gatekeeper's `namespacesMatch`. */
function namespacesMatch(patterns: readonly string[] | undefined, namespace: string | undefined): boolean {
  if (patterns == null || patterns.length === 0 || namespace === undefined) return true;
  return patterns.some((pattern) => wildcardMatches(pattern, namespace));
}

/** Gatekeeper's `excludedNamespacesMatch`. */
function excludedNamespacesMatch(patterns: readonly string[] | undefined, namespace: string | undefined): boolean {
  if (patterns == null || patterns.length === 0 || namespace === undefined) return true;
  return !patterns.some((pattern) => wildcardMatches(pattern, namespace));
}

/**
 * Gatekeeper's `namespaceSelectorMatch`: a Namespace object is judged by its
 * own labels, any other object by its Namespace's labels, and an object with
 * no namespace (cluster-scoped, or unknown offline) is not excluded.
 *
 * When the input has no Namespace object for the namespace, Gatekeeper cannot
 * evaluate the selector and rejects the object with an error ("namespace
 * selector for namespace-scoped object but missing Namespace"), which gator
 * reports as a violation of the constraint. We fail closed the same way: the
 * constraint applies and the rule runs. The one label we know without the
 * object, `kubernetes.io/metadata.name`, still decides selectors that read
 * nothing else.
 */
function namespaceSelectorMatches(
  selector: LabelSelector | undefined,
  resource: Resource,
  namespace: string | undefined,
  ctx: MatchContext,
): boolean {
  if (selector == null) return true;
  if (isNamespaceKind(resource.group, resource.kind))
    return labelSelectorMatches(selector, labelsForMatching(resource));
  if (namespace === undefined) return true;
  const labels = knownNamespaceLabels(namespace, selector, ctx);
  return labels === undefined || labelSelectorMatches(selector, labels);
}

/** The labels of a namespace, when the input has its object or the selector reads only the name label. */
function knownNamespaceLabels(
  namespace: string,
  selector: LabelSelector,
  ctx: MatchContext,
): Readonly<Record<string, string>> | undefined {
  const object = ctx.inventory.namespaceObject(namespace);
  if (object) return labelsForMatching(object);
  if (selectorKeys(selector).every((key) => key === NAMESPACE_NAME_LABEL)) return { [NAMESPACE_NAME_LABEL]: namespace };
  return undefined;
}

/** The resource's labels, plus the name label the API server adds to every Namespace. */
function labelsForMatching(resource: Resource): Readonly<Record<string, string>> {
  if (!isNamespaceKind(resource.group, resource.kind) || resource.name === undefined) return resource.labels;
  return { ...resource.labels, [NAMESPACE_NAME_LABEL]: resource.name };
}

/**
 * Gatekeeper's `namesMatch`: an empty pattern accepts anything; an object
 * with only `metadata.generateName` matches a pattern that fixes just the
 * start of the name.
 */
function nameMatches(pattern: string | undefined, resource: Resource): boolean {
  if (pattern == null || pattern === '') return true;
  if (wildcardMatches(pattern, resource.name ?? '')) return true;
  const generateName = getIn(resource.object, ['metadata', 'generateName']);
  return typeof generateName === 'string' && generateName !== '' && wildcardMatchesGenerateName(pattern, generateName);
}
