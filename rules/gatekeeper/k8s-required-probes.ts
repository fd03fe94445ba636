import { gatekeeperRule, isSet, objectName, podContainers, sprintf } from '../../src/kit/rego/rego-api.js';

type Params = { probes?: string[]; probeTypes?: string[] };

/**
 * Gatekeeper library `general/requiredprobes`: every container (not init or
 * ephemeral ones) has each listed probe, configured with one of the listed
 * probe types. UPDATE requests are not checked.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sRequiredProbes', library: 'general', template: 'requiredprobes' },
  meta: {
    id: 'k8s-required-probes',
    title: 'Containers define the required probes (Gatekeeper K8sRequiredProbes)',
    description: 'Flag containers that lack a listed probe or whose probe uses none of the listed probe types.',
    rationale: [
      'Without a readiness probe traffic reaches a container before it can serve, and without a liveness probe a',
      'hung process keeps its pod in rotation until someone restarts it by hand.',
    ].join(' '),
    remediation: [
      'Give every container each probe named in `probes`, configured with one of the handlers in `probeTypes`',
      '(for example `httpGet` or `tcpSocket`).',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        probes: {
          type: 'array',
          items: { type: 'string' },
          description: 'Probe fields every container must have, such as `readinessProbe` and `livenessProbe`.',
        },
        probeTypes: {
          type: 'array',
          items: { type: 'string' },
          description:
            'Probe handlers that count, such as `tcpSocket`, `httpGet` and `exec`. Without it (or with `[]`) no probe satisfies the check.',
        },
      },
    },
  },

  *review({ review }, params) {
    if (review.operation === 'UPDATE') return;
    const probes = Array.isArray(params.probes) ? params.probes : [];
    const probeTypes = Array.isArray(params.probeTypes) ? params.probeTypes : [];
    for (const { container, path } of podContainers(review.object, ['containers'])) {
      for (const probe of probes) {
        if (typeof probe !== 'string') continue;
        const configured = isSet(container, probe) && probeTypes.some((type) => isSet(container[probe], type));
        if (configured) continue;
        const msg = sprintf('Container <%v> in your <%v> <%v> has no <%v>', [
          container.name,
          review.kind.kind,
          objectName(review.object),
          probe,
        ]);
        if (msg !== undefined) yield { msg, path: [...path, probe] };
      }
    }
  },
});
