import { getIn, isEmptySelector, isRecord, readLabelSelector, targetNamespace } from '../src/kit/rule-api.js';
import type { Inventory, ObjectPath, Resource, Rule, RuleContext, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'noIngressDeny' | 'noEgressDeny';

type Params = {
  requireEgress: boolean;
};

type Direction = 'Ingress' | 'Egress';

/** A namespace that lacks a default-deny policy, reported on one resource. */
interface Gap {
  namespace: string;
  path: ObjectPath;
  /** The directions without a default-deny policy, Ingress first. */
  missing: Direction[];
}

const GAPS_KEY = 'namespace-default-deny/gaps';

/**
 * Every namespace of the input denies traffic by default: it has a
 * NetworkPolicy that selects all of its pods (`podSelector: {}`), applies to
 * Ingress (listed in `policyTypes`, or `policyTypes` left out, which always
 * means Ingress) and allows nothing (no `ingress` rules). With
 * `requireEgress`, the same for Egress (listed in `policyTypes`, no `egress`
 * rules); one policy may do both.
 *
 * A namespace the input creates is always judged; one it only deploys into
 * (`metadata.namespace`, or `--namespace`) is judged only with
 * `--namespaces-complete`, since its policy may already be in the cluster.
 * Each namespace is reported once: on its Namespace object, else on the first
 * resource that lands in it. Built once per run, so the rule stays linear.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'namespace-default-deny',
    title: 'Namespaces deny traffic by default',
    description:
      'Give every namespace a NetworkPolicy that denies all incoming traffic unless another policy allows it.',
    rationale: [
      'Without any NetworkPolicy, every pod accepts connections from every other pod in the cluster, in every',
      'namespace, so one compromised or misconfigured workload can reach all the others, databases and internal',
      'admin endpoints included. Policies in Kubernetes only add permissions once a pod is selected by some policy,',
      'so the safe starting point is a policy that selects all pods of the namespace and allows nothing; each',
      'application then opens exactly the paths it needs with its own policy. Unwanted traffic is refused by',
      'default instead of allowed by default, and the allowed paths are written down where reviewers can see them.',
      'Namespaces the manifests do not create are only judged with `--namespaces-complete`, because their policy',
      'may already exist in the cluster.',
    ].join(' '),
    remediation: [
      'Add a NetworkPolicy to the namespace with `podSelector: {}`, `policyTypes: [Ingress]` (and `Egress` if you',
      'restrict outgoing traffic too) and no `ingress` rules, then allow the traffic each application needs with',
      'further policies. This needs a network plugin that enforces NetworkPolicy (Calico, Cilium, …); exclude',
      'namespaces guarded by cluster-wide policies of the plugin with `match.excludedNamespaces`.',
    ].join(' '),
    defaultSeverity: 'warning',
    defaultKinds: [],
    crossResource: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        requireEgress: {
          type: 'boolean',
          default: false,
          description:
            'Also require a default-deny policy for outgoing traffic: `podSelector: {}`, `Egress` in `policyTypes` and no `egress` rules.',
        },
      },
    },
    messages: {
      noIngressDeny:
        'namespace "{{namespace}}" has no NetworkPolicy in the input that denies incoming traffic by default',
      noEgressDeny:
        'namespace "{{namespace}}" has no NetworkPolicy in the input that denies outgoing traffic by default',
    },
  },

  *check(resource, params, ctx): Iterable<Violation<MessageId>> {
    const gaps = ctx.inventory.memo(GAPS_KEY, (inventory) => findGaps(inventory, ctx));
    const gap = gaps.get(resource);
    if (!gap) return;
    if (gap.missing.includes('Ingress')) {
      yield { messageId: 'noIngressDeny', data: { namespace: gap.namespace }, path: gap.path };
    }
    if (params.requireEgress && gap.missing.includes('Egress')) {
      yield { messageId: 'noEgressDeny', data: { namespace: gap.namespace }, path: gap.path };
    }
  },
};

/**
 * The namespaces that lack a default-deny policy in either direction, keyed
 * by the resource that reports each. Both directions are always computed, so
 * one memo serves constraints with and without `requireEgress`.
 */
function findGaps(inventory: Inventory, ctx: RuleContext): ReadonlyMap<Resource, Gap> {
  const denied: Record<Direction, Set<string>> = { Ingress: new Set(), Egress: new Set() };
  for (const policy of inventory.ofKind('networking.k8s.io', 'NetworkPolicy')) {
    const namespace = targetNamespace(policy, ctx);
    if (namespace === undefined) continue;
    for (const direction of deniedDirections(policy)) denied[direction].add(namespace);
  }
  const missing = (namespace: string): Direction[] =>
    (['Ingress', 'Egress'] as const).filter((direction) => !denied[direction].has(namespace));
  const gaps = new Map<Resource, Gap>();
  const judged = new Set<string>();
  for (const object of inventory.ofKind('', 'Namespace')) {
    const name = object.name;
    if (name === undefined || name === '' || judged.has(name)) continue;
    judged.add(name);
    if (missing(name).length > 0)
      gaps.set(object, { namespace: name, path: ['metadata', 'name'], missing: missing(name) });
  }
  if (!ctx.namespacesComplete) return gaps;
  for (const resource of inventory.resources) {
    const namespace = targetNamespace(resource, ctx);
    if (namespace === undefined || judged.has(namespace)) continue;
    judged.add(namespace);
    const path = resource.namespace ? ['metadata', 'namespace'] : ['metadata'];
    if (missing(namespace).length > 0) gaps.set(resource, { namespace, path, missing: missing(namespace) });
  }
  return gaps;
}

/**
 * The directions in which a policy denies all traffic to all pods of its
 * namespace. `policyTypes` left out means Ingress, plus Egress when the policy
 * has egress rules (which then allow something, so no egress deny).
 */
function deniedDirections(policy: Resource): Direction[] {
  const spec = getIn(policy.object, ['spec']);
  // `spec: {}` (or none) is a valid deny-all policy; a spec of another type is broken and denies nothing.
  if (spec !== undefined && spec !== null && !isRecord(spec)) return [];
  const podSelector = getIn(spec, ['podSelector']);
  // A missing podSelector decodes as the empty selector, which selects every pod.
  const selector = podSelector === undefined || podSelector === null ? {} : readLabelSelector(podSelector);
  if (!selector || !isEmptySelector(selector)) return [];
  const written = getIn(spec, ['policyTypes']);
  const types = Array.isArray(written) ? written : ['Ingress'];
  return (['Ingress', 'Egress'] as const).filter((direction) => {
    if (!types.includes(direction)) return false;
    const rules = getIn(spec, [direction.toLowerCase()]);
    return rules === undefined || rules === null || (Array.isArray(rules) && rules.length === 0);
  });
}

export default rule;
