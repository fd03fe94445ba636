import { isRecord } from '../../src/kit/rule-api.js';
import { gatekeeperRule, isSet, objectName, regoCompare, sprintf } from '../../src/kit/rego/rego-api.js';

type Range = { min_replicas?: number; max_replicas?: number };
type Params = { ranges?: Range[] };

/**
 * Gatekeeper library `general/replicalimits`: an object with a `spec` sets
 * `spec.replicas` inside one of the allowed ranges.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sReplicaLimits', library: 'general', template: 'replicalimits' },
  meta: {
    id: 'k8s-replica-limits',
    title: 'Replica counts stay within allowed ranges (Gatekeeper K8sReplicaLimits)',
    description: 'Flag objects whose `spec.replicas` is missing or outside every allowed range.',
    rationale: [
      'Too few replicas leave a service without redundancy during a rollout or a node failure; too many exhaust',
      'the capacity and quota that other teams rely on. Bounding the count keeps both mistakes out of the cluster.',
    ].join(' '),
    remediation: 'Set `spec.replicas` explicitly to a value inside one of the ranges the constraint allows.',
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ranges: {
          type: 'array',
          description:
            'Allowed ranges, bounds included: `spec.replicas` must lie in one of them. Without it (or with `[]`) every object with a `spec` is refused.',
          items: {
            type: 'object',
            properties: {
              min_replicas: { type: 'integer', description: 'Lowest allowed replica count.' },
              max_replicas: { type: 'integer', description: 'Highest allowed replica count.' },
            },
          },
        },
      },
    },
  },

  *review({ review }, params) {
    const object = review.object;
    if (!isSet(object, 'spec')) return;
    const spec = object.spec;
    const replicas = isRecord(spec) ? spec.replicas : undefined;
    const ranges = params.ranges;
    const allowed =
      replicas !== undefined &&
      Array.isArray(ranges) &&
      ranges.some(
        (range: unknown) =>
          isRecord(range) &&
          range.min_replicas !== undefined &&
          range.max_replicas !== undefined &&
          regoCompare(range.min_replicas, replicas) <= 0 &&
          regoCompare(replicas, range.max_replicas) <= 0,
      );
    if (allowed) return;
    // The message shows the whole parameters object, as the library's does.
    const msg = sprintf('The provided number of replicas is not allowed for %v: %v. Allowed ranges: %v', [
      review.kind.kind,
      objectName(object),
      params,
    ]);
    if (msg !== undefined) yield { msg, path: ['spec', 'replicas'] };
  },
});
