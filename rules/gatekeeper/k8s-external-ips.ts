import { getIn } from '../../src/kit/rule-api.js';
import { gatekeeperRule, RegoSet, regoTerm, sprintf, type GatekeeperResult } from '../../src/kit/rego/rego-api.js';

type Params = { allowedIPs?: string[] };

/**
 * Gatekeeper library `general/externalip`: a Service's `externalIPs` are all
 * on the allowed list.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sExternalIPs', library: 'general', template: 'externalip' },
  meta: {
    id: 'k8s-external-ips',
    title: 'Services use only allowed external IPs (Gatekeeper K8sExternalIPs)',
    description: 'Flag Services with `spec.externalIPs` entries that are not in the allowed list.',
    rationale: [
      'Any address in `externalIPs` makes the nodes accept traffic for it on the Service, so a tenant could claim',
      "another system's IP and intercept its traffic (CVE-2020-8554).",
    ].join(' '),
    remediation: [
      'Remove the external IPs from the Service, or add the addresses it legitimately owns to `allowedIPs`',
      '(entries are compared as exact strings, not CIDR ranges).',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowedIPs: {
          type: 'array',
          items: { type: 'string' },
          description: 'Addresses Services may list in `externalIPs`, as exact strings. Without it, none are allowed.',
        },
      },
    },
  },

  *review({ review }, params): Iterable<GatekeeperResult> {
    if (review.kind.kind !== 'Service' || review.kind.group !== '') return;
    const externalIPs = getIn(review.object, ['spec', 'externalIPs']);
    if (!Array.isArray(externalIPs)) return;
    const allowed = new Set((Array.isArray(params.allowedIPs) ? params.allowedIPs : []).map((ip) => regoTerm(ip)));
    const forbidden = new RegoSet(externalIPs.filter((ip) => !allowed.has(regoTerm(ip))));
    if (forbidden.size === 0) return;
    const msg = sprintf('service has forbidden external IPs: %v', [forbidden]);
    if (msg !== undefined) yield { msg, path: ['spec', 'externalIPs'] };
  },
});
