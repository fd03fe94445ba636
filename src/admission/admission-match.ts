/**
 * Which objects a ValidatingAdmissionPolicy and its binding apply to: the
 * resource rules (`apiGroups`, `apiVersions`, `resources`, `operations`,
 * `scope`, `resourceNames`), `excludeResourceRules`, and the namespace and
 * object selectors, as the API server matches an admission request.
 *
 * A manifest is reviewed as a CREATE request. Rules name resources (plural,
 * lowercase): see src/engine/resource-names.ts.
 */
import { getIn, isRecord } from '../model/records.js';
import { resourceName } from '../engine/resource-names.js';
import { labelSelectorMatches, selectorKeys } from '../engine/label-selector.js';
import { namespaceForMatching } from '../engine/match.js';
import { isNamespaceKind, resourceIsClusterScoped } from '../engine/scope.js';
import type { Inventory, LabelSelector, Resource } from '../model/types.js';
import type { MatchResources, ResourceRule } from './policy-manifests.js';

export interface MatchContext {
  inventory: Inventory;
  defaultNamespace: string | undefined;
}

/** The operation a resource is reviewed as: its AdmissionReview's, else CREATE. */
export function operationOf(resource: Resource): string {
  const operation = resource.admission?.operation;
  return typeof operation === 'string' && operation !== '' ? operation : 'CREATE';
}

/** True when the match (a policy's `matchConstraints` or a binding's `matchResources`) selects the resource. */
export function matchResources(match: MatchResources, resource: Resource, ctx: MatchContext): boolean {
  const rules = match.resourceRules;
  if (rules !== undefined && !rules.some((rule) => ruleMatches(rule, resource, ctx))) return false;
  if (match.excludeResourceRules.some((rule) => ruleMatches(rule, resource, ctx))) return false;
  return (
    objectSelectorMatches(match.objectSelector, resource) &&
    namespaceSelectorMatches(match.namespaceSelector, resource, ctx)
  );
}

function accepts(list: readonly string[], value: string): boolean {
  return list.includes('*') || list.includes(value);
}

/** The API server's rule matching: `pods/*` and `*\/*` also match the resource itself, whose subresource is empty. */
function ruleMatches(rule: ResourceRule, resource: Resource, ctx: MatchContext): boolean {
  if (!accepts(rule.operations, operationOf(resource))) return false;
  if (!accepts(rule.apiGroups, resource.group) || !accepts(rule.apiVersions, resource.version)) return false;
  const name = resourceName(resource, ctx.inventory);
  const resourceMatches = rule.resources.some((entry) => {
    const slash = entry.indexOf('/');
    const main = slash === -1 ? entry : entry.slice(0, slash);
    const sub = slash === -1 ? '' : entry.slice(slash + 1);
    return (main === '*' || main === name) && (sub === '*' || sub === '');
  });
  if (!resourceMatches) return false;
  if (rule.scope !== '*') {
    const clusterScoped = resourceIsClusterScoped(resource, ctx.inventory);
    if ((rule.scope === 'Cluster') !== clusterScoped) return false;
  }
  return rule.resourceNames.length === 0 || (resource.name !== undefined && rule.resourceNames.includes(resource.name));
}

/** The object's labels, or (on a DELETE review) the old object's: either may match. */
function objectSelectorMatches(selector: LabelSelector | undefined, resource: Resource): boolean {
  if (selector === undefined) return true;
  if (labelSelectorMatches(selector, resource.labels)) return true;
  const oldLabels = getIn(resource.admission?.oldObject, ['metadata', 'labels']);
  return isRecord(oldLabels) && labelSelectorMatches(selector, stringsOf(oldLabels));
}

function stringsOf(value: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * The API server's namespace selector: a Namespace is judged by its own
 * labels, another cluster-scoped object always matches, a namespaced object
 * by its Namespace's labels. Offline the Namespace object may be missing:
 * then the policy applies (the safe reading, as for Gatekeeper constraints),
 * unless the selector reads only the name label, which is known.
 */
function namespaceSelectorMatches(selector: LabelSelector | undefined, resource: Resource, ctx: MatchContext): boolean {
  if (selector === undefined) return true;
  if (isNamespaceKind(resource.group, resource.kind)) {
    return labelSelectorMatches(selector, { ...resource.labels, [NAMESPACE_NAME_LABEL]: resource.name ?? '' });
  }
  const namespace = namespaceForMatching(resource, ctx);
  if (namespace === undefined) return true;
  const object = ctx.inventory.namespaceObject(namespace);
  if (object) return labelSelectorMatches(selector, { ...object.labels, [NAMESPACE_NAME_LABEL]: namespace });
  if (selectorKeys(selector).every((key) => key === NAMESPACE_NAME_LABEL)) {
    return labelSelectorMatches(selector, { [NAMESPACE_NAME_LABEL]: namespace });
  }
  return true;
}
