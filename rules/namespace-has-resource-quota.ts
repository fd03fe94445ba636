import { findNamespaceGaps } from '../src/kit/rule-api.js';
import type { GuardKind, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'missing';

type Params = Record<string, never>;

const GUARD: GuardKind = { group: '', kind: 'ResourceQuota' };
const GAPS_KEY = 'namespace-has-resource-quota/gaps';

/**
 * Every namespace of the input has a ResourceQuota in the input. A namespace
 * the input creates is always judged; one it only deploys into is judged when
 * the input is the whole of its namespaces (`--namespaces-complete`). Each
 * namespace is reported once (see `findNamespaceGaps`).
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'namespace-has-resource-quota',
    title: 'Namespaces have a ResourceQuota',
    description: 'Give every namespace that the manifests create or deploy into a ResourceQuota.',
    rationale: [
      'A namespace is how a cluster is shared between teams and environments, but by itself it shares nothing',
      'fairly: one namespace can request every core and gigabyte of the cluster, or create Services and volumes',
      'without end, and a runaway rollout or a forgotten experiment then starves everybody else. A ResourceQuota',
      'caps what the namespace may claim in total, makes its cost visible, and turns "the cluster is full" into a',
      'clear error for the one team that went over its share. Namespaces the manifests do not create are only',
      'judged with `--namespaces-complete`, because their quota may already exist in the cluster. Each namespace',
      'is reported once: on its Namespace object, or else on the first resource in the input deployed into it.',
    ].join(' '),
    remediation: [
      'Add a ResourceQuota to the namespace with `spec.hard` entries such as `requests.cpu`, `requests.memory`,',
      '`limits.memory` and `pods`, sized for what the team should use; exclude namespaces you do not own (such as',
      '`kube-system`) with `match.excludedNamespaces`.',
    ].join(' '),
    defaultSeverity: 'warning',
    defaultKinds: [],
    crossResource: true,
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      missing: 'namespace "{{namespace}}" has no ResourceQuota in the input',
    },
  },

  *check(resource, _params, ctx): Iterable<Violation<MessageId>> {
    const gaps = ctx.inventory.memo(GAPS_KEY, (inventory) => findNamespaceGaps(inventory, GUARD, ctx));
    const gap = gaps.get(resource);
    if (gap) yield { messageId: 'missing', data: { namespace: gap.namespace }, path: gap.path };
  },
};

export default rule;
