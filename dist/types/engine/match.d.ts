import type { Inventory, KindSelector, Match, Resource } from '../model/types.js';
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
 * True when the constraint's match selects the resource: every field given
 * must agree (kinds, scope, namespaces, excludedNamespaces, labelSelector,
 * namespaceSelector, name). `defaultKinds` (the rule's kinds) stand in when
 * `match.kinds` is absent or empty; with neither, every kind matches.
 *
 * Namespace filters compare against {@link namespaceForMatching}. When that is
 * undefined they cannot exclude the resource, as in Gatekeeper's matchers.
 */
export declare function matchesResource(match: Match, resource: Resource, ctx: MatchContext, defaultKinds?: readonly KindSelector[]): boolean;
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
export declare function namespaceForMatching(resource: Resource, ctx: MatchContext): string | undefined;
/**
 * The namespace whose Namespace object `match.namespaceSelector` needed but the
 * input lacks, or undefined when the selector could be evaluated (or does not
 * apply). {@link matchesResource} treats such a resource as matched; callers
 * can use this to say so, e.g. under `--verbose`.
 */
export declare function unresolvedNamespace(match: Match, resource: Resource, ctx: MatchContext): string | undefined;
