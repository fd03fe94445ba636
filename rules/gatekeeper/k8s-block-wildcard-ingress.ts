import { getIn, isRecord } from '../../src/kit/rule-api.js';
import { gatekeeperRule, has, type GatekeeperResult } from '../../src/kit/rego/rego-api.js';

/**
 * Gatekeeper library `general/block-wildcard-ingress`: every rule of an
 * Ingress names a concrete host.
 */
export default gatekeeperRule<Record<string, never>>({
  gatekeeper: { kind: 'K8sBlockWildcardIngress', library: 'general', template: 'block-wildcard-ingress' },
  meta: {
    id: 'k8s-block-wildcard-ingress',
    title: 'Ingress rules name a concrete host (Gatekeeper K8sBlockWildcardIngress)',
    description: 'Flag Ingress rules whose host is missing, empty, or contains a `*` wildcard.',
    rationale: [
      'A rule without a host or with a wildcard host matches requests meant for other applications, so one team',
      "could capture another team's traffic through the shared ingress controller.",
    ].join(' '),
    remediation: 'Give every rule under `spec.rules` the exact host name it serves, without `*`.',
    defaultSeverity: 'error',
    schema: { type: 'object', additionalProperties: false, properties: {} },
  },

  *review({ review }): Iterable<GatekeeperResult> {
    if (review.kind.kind !== 'Ingress') return;
    const rules = getIn(review.object, ['spec', 'rules']);
    if (!Array.isArray(rules)) return;
    for (const [index, rule] of rules.entries()) {
      if (!isRecord(rule)) continue;
      const host = has(rule, 'host') ? rule.host : '';
      if (typeof host !== 'string' || (host !== '' && !host.includes('*'))) continue;
      yield {
        // A string renders as itself under `%v`.
        msg: `Hostname '${host}' is not allowed since it counts as a wildcard, which can be used to intercept traffic from other applications.`,
        path: has(rule, 'host') ? ['spec', 'rules', index, 'host'] : ['spec', 'rules', index],
      };
    }
  },
});
