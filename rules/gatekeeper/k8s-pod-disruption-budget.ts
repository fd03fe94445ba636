import type { Inventory, Resource, RuleContext } from '../../src/kit/rule-api.js';
import { isRecord } from '../../src/kit/rule-api.js';
import { gatekeeperRule, has, objectName, regoCompare, regoGreaterThan, sprintf } from '../../src/kit/rego/rego-api.js';

type Params = Record<string, never>;

const PDB_INDEX = 'gatekeeper/k8s-pod-disruption-budget/policy-v1-pdbs';

/**
 * Gatekeeper library `general/poddisruptionbudget`: a PodDisruptionBudget
 * must allow at least one disruption, and a workload selected by one must
 * have more replicas than the budget keeps available.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sPodDisruptionBudget', library: 'general', template: 'poddisruptionbudget' },
  meta: {
    id: 'k8s-pod-disruption-budget',
    title: 'PodDisruptionBudgets leave room for evictions (Gatekeeper K8sPodDisruptionBudget)',
    description:
      'Flag PodDisruptionBudgets that allow no disruption, and workloads whose PodDisruptionBudget keeps all their replicas available.',
    rationale: [
      'A budget that allows no voluntary disruption blocks node drains, so cluster upgrades and autoscaler',
      'scale-downs stall until someone deletes it by hand. The same happens when `minAvailable` is not below the',
      "workload's replica count.",
    ].join(' '),
    remediation: [
      'Give the PodDisruptionBudget a positive `maxUnavailable`, or a `minAvailable` lower than the replica count of',
      'every workload it selects (and no budget at all for a single-replica workload).',
    ].join(' '),
    defaultSeverity: 'error',
    crossResource: true,
    schema: { type: 'object', additionalProperties: false, properties: {} },
  },

  *review({ review, resource, ctx }) {
    const object = review.object;
    const kind = object.kind;
    const name = objectName(object);

    if (review.kind.kind === 'PodDisruptionBudget' && !allowsDisruption(object)) {
      const msg = sprintf(
        'PodDisruptionBudget <%v> has maxUnavailable of 0, only positive integers are allowed for maxUnavailable',
        [name],
      );
      if (msg !== undefined) yield { msg, path: ['spec', 'maxUnavailable'] };
    }

    const spec = isRecord(object.spec) ? object.spec : {};
    const labels = matchLabelsOf(object);
    for (const pdb of budgetsInNamespace(ctx, resource)) {
      if (!selects(matchLabelsOf(pdb.object), labels)) continue;
      const pdbName = objectName(pdb.object);
      if (!allowsDisruption(pdb.object)) {
        const msg = sprintf(
          '%v <%v> has been selected by PodDisruptionBudget <%v> but has maxUnavailable of 0, only positive integers are allowed for maxUnavailable',
          [kind, name, pdbName],
        );
        if (msg !== undefined) yield { msg, path: ['spec', 'selector'] };
      }
      const pdbSpec = isRecord(pdb.object.spec) ? pdb.object.spec : {};
      const minAvailable = has(pdbSpec, 'minAvailable') ? pdbSpec.minAvailable : -1;
      const replicas = spec.replicas;
      if (replicas !== undefined && !regoGreaterThan(replicas, minAvailable)) {
        const msg = sprintf(
          '%v <%v> has %v replica(s) but PodDisruptionBudget <%v> has minAvailable of %v, PodDisruptionBudget count should always be lower than replica(s), and not used when replica(s) is set to 1',
          [kind, name, replicas, pdbName, minAvailable],
        );
        if (msg !== undefined) yield { msg, path: ['spec', 'replicas'] };
      }
    }
  },
});

/** `spec.maxUnavailable` (1 when absent) must be greater than 0; a percent string always is, in Rego's order. */
function allowsDisruption(object: unknown): boolean {
  const spec = isRecord(object) && isRecord(object.spec) ? object.spec : {};
  const maxUnavailable = has(spec, 'maxUnavailable') ? spec.maxUnavailable : 1;
  return regoGreaterThan(maxUnavailable, 0);
}

function matchLabelsOf(object: unknown): Record<string, unknown> | undefined {
  const spec = isRecord(object) ? object.spec : undefined;
  const selector = isRecord(spec) ? spec.selector : undefined;
  const labels = isRecord(selector) ? selector.matchLabels : undefined;
  return isRecord(labels) ? labels : undefined;
}

/** Every pair of the budget's matchLabels is in the object's matchLabels; `matchExpressions` do not count. */
function selects(budget: Record<string, unknown> | undefined, object: Record<string, unknown> | undefined): boolean {
  if (budget === undefined) return true;
  return Object.entries(budget).every(
    ([key, value]) => object !== undefined && has(object, key) && regoCompare(object[key], value) === 0,
  );
}

/** `policy/v1` PodDisruptionBudgets in the reviewed object's namespace, other than the object itself. */
function budgetsInNamespace(ctx: RuleContext, resource: Resource): Resource[] {
  const namespace = resource.namespace ?? ctx.defaultNamespace;
  if (namespace === undefined) return [];
  const defaultNamespace = ctx.defaultNamespace;
  // The index depends on the default namespace, so that is part of its key.
  const index = ctx.inventory.memo(`${PDB_INDEX}:${JSON.stringify(defaultNamespace ?? null)}`, (inventory) =>
    buildBudgetIndex(inventory, defaultNamespace),
  );
  return (index.get(namespace) ?? []).filter((pdb) => pdb !== resource);
}

function buildBudgetIndex(inventory: Inventory, defaultNamespace: string | undefined): Map<string, Resource[]> {
  const index = new Map<string, Resource[]>();
  for (const pdb of inventory.ofKind('policy', 'PodDisruptionBudget')) {
    const namespace = pdb.namespace ?? defaultNamespace;
    if (pdb.object.apiVersion !== 'policy/v1' || namespace === undefined) continue;
    const list = index.get(namespace);
    if (list) list.push(pdb);
    else index.set(namespace, [pdb]);
  }
  return index;
}
