import { findNamespaceGaps } from '../src/kit/rule-api.js';
import type { GuardKind, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'missing';

type Params = Record<string, never>;

const GUARD: GuardKind = { group: '', kind: 'LimitRange' };
const GAPS_KEY = 'namespace-has-limit-range/gaps';

/**
 * Every namespace of the input has a LimitRange in the input. A namespace the
 * input creates is always judged; one it only deploys into is judged when the
 * input is the whole of its namespaces (`--namespaces-complete`). Each
 * namespace is reported once (see `findNamespaceGaps`).
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'namespace-has-limit-range',
    title: 'Namespaces have a LimitRange',
    description: 'Give every namespace that the manifests create or deploy into a LimitRange.',
    rationale: [
      'Rules about requests and limits only see the manifests in front of them; a LimitRange is the safety net in',
      'the cluster itself. It fills in default requests and limits for containers that leave them out, so no pod',
      'runs unbounded or gets scheduled as if it needed nothing, and it sets the smallest and largest sizes a',
      'container may ask for. It also keeps a ResourceQuota usable: once a quota counts requests or limits, pods',
      'that do not state them are refused, and the LimitRange defaults are what let them in. Namespaces the',
      'manifests do not create are only judged with `--namespaces-complete`, because their LimitRange may already',
      'exist in the cluster. Each namespace is reported once: on its Namespace object, or else on the first',
      'resource in the input deployed into it.',
    ].join(' '),
    remediation: [
      'Add a LimitRange to the namespace with a `type: Container` entry that sets `defaultRequest` and `default`',
      '(and, if you wish, `min` and `max`) for `cpu` and `memory`; exclude namespaces you do not own (such as',
      '`kube-system`) with `match.excludedNamespaces`.',
    ].join(' '),
    defaultSeverity: 'warning',
    defaultKinds: [],
    crossResource: true,
    schema: { type: 'object', additionalProperties: false, properties: {} },
    messages: {
      missing: 'namespace "{{namespace}}" has no LimitRange in the input',
    },
  },

  *check(resource, _params, ctx): Iterable<Violation<MessageId>> {
    const gaps = ctx.inventory.memo(GAPS_KEY, (inventory) => findNamespaceGaps(inventory, GUARD, ctx));
    const gap = gaps.get(resource);
    if (gap) yield { messageId: 'missing', data: { namespace: gap.namespace }, path: gap.path };
  },
};

export default rule;
