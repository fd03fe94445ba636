import {
  getIn,
  isEmptySelector,
  labelSelectorMatches,
  podTemplateLabels,
  readLabelSelector,
  replicaCount,
  targetNamespace,
} from '../src/kit/rule-api.js';
import type { Inventory, LabelSelector, Resource, Rule, RuleContext, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'noBudget';

type Params = Record<string, never>;

const WORKLOAD_KINDS = ['Deployment', 'StatefulSet'];

/** A PodDisruptionBudget and the pods it selects; `selector` undefined selects none. */
interface Budget {
  resource: Resource;
  selector: LabelSelector | undefined;
}

/** Namespace (undefined: not known) → the budgets that land there, in input order. */
type BudgetIndex = ReadonlyMap<string | undefined, readonly Budget[]>;

const INDEX_KEY = 'pdb-for-replicated-workloads/budgets';

/**
 * Deployments and StatefulSets with more than one replica are covered by a
 * PodDisruptionBudget in their namespace. Coverage is decided as the eviction
 * API decides it: the budget's label selector against the pod template's
 * labels, not by names. Budgets are indexed by namespace once per run.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'pdb-for-replicated-workloads',
    title: 'Replicated workloads have a PodDisruptionBudget',
    description:
      'Cover every Deployment and StatefulSet with more than one replica by a PodDisruptionBudget that selects its pods.',
    rationale: [
      'Nodes are drained all the time: for upgrades, by the cluster autoscaler, when spot capacity goes away. A',
      'drain evicts pods, and without a PodDisruptionBudget nothing stops it from evicting every replica of a',
      'service at once, so an ordinary maintenance task becomes an outage. A budget states how many pods must stay',
      'up (or how many may be down), and the eviction API waits rather than break it. Only workloads that ask for',
      'more than one replica are checked: a single replica cannot be kept up through a drain anyway, and a budget',
      'that allows no eviction would block the drain instead.',
    ].join(' '),
    remediation: [
      'Add a PodDisruptionBudget in the same namespace whose `spec.selector` matches the labels of the pod',
      'template, with `maxUnavailable: 1` or a `minAvailable` below the replica count.',
    ].join(' '),
    defaultSeverity: 'warning',
    defaultKinds: [{ apiGroups: ['apps'], kinds: [...WORKLOAD_KINDS] }],
    crossResource: true,
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      noBudget: '{{kind}} "{{name}}" runs {{replicas}} replicas but no PodDisruptionBudget{{where}} selects its pods',
    },
  },

  *check(resource, _params, ctx): Iterable<Violation<MessageId>> {
    if (resource.group !== 'apps' || !WORKLOAD_KINDS.includes(resource.kind)) return;
    const replicas = replicaCount(resource);
    if (!replicas || replicas.count <= 1) return;
    const namespace = targetNamespace(resource, ctx);
    const budgets = ctx.inventory.memo(INDEX_KEY, (inventory) => buildIndex(inventory, ctx)).get(namespace) ?? [];
    const labels = podTemplateLabels(resource);
    if (budgets.some((budget) => budget.selector && labelSelectorMatches(budget.selector, labels))) return;
    yield {
      messageId: 'noBudget',
      data: {
        kind: resource.kind,
        name: resource.name ?? '(unnamed)',
        replicas: replicas.count,
        where: namespace === undefined ? '' : ` in namespace "${namespace}"`,
      },
      path: replicas.path,
    };
  },
};

/** Built once per run through `ctx.inventory.memo`: each workload then scans only its own namespace's budgets. */
function buildIndex(inventory: Inventory, ctx: RuleContext): BudgetIndex {
  const index = new Map<string | undefined, Budget[]>();
  for (const resource of inventory.ofKind('policy', 'PodDisruptionBudget')) {
    const namespace = targetNamespace(resource, ctx);
    const budget: Budget = { resource, selector: budgetSelector(resource) };
    const list = index.get(namespace);
    if (list) list.push(budget);
    else index.set(namespace, [budget]);
  }
  return index;
}

/**
 * The pods a budget selects. A missing or malformed selector selects none;
 * an empty one (`{}`) selects every pod of the namespace in `policy/v1` but
 * none in `policy/v1beta1`, as the eviction API reads them.
 */
function budgetSelector(resource: Resource): LabelSelector | undefined {
  const selector = readLabelSelector(getIn(resource.object, ['spec', 'selector']));
  if (selector && resource.version === 'v1beta1' && isEmptySelector(selector)) return undefined;
  return selector;
}

export default rule;
