import type { Inventory, Resource, RuleContext } from '../../src/kit/rule-api.js';
import { isRecord } from '../../src/kit/rule-api.js';
import { gatekeeperRule, isSet, objectName, regoCompare, sprintf } from '../../src/kit/rego/rego-api.js';

type Range = { min_replicas?: number; max_replicas?: number };
type Params = { ranges?: Range[]; minimumReplicaSpread?: number; enforceScaleTargetRef?: boolean };

const TARGET_INDEX = 'gatekeeper/k8s-horizontal-pod-autoscaler/namespaced-objects';

/**
 * Gatekeeper library `general/horizontalpodautoscaler`: an HPA's replica
 * bounds fit an allowed range, leave enough room to scale, and its scale
 * target exists among the namespaced objects of the inventory.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sHorizontalPodAutoscaler', library: 'general', template: 'horizontalpodautoscaler' },
  meta: {
    id: 'k8s-horizontal-pod-autoscaler',
    title: 'HorizontalPodAutoscalers scale within limits (Gatekeeper K8sHorizontalPodAutoscaler)',
    description:
      'Flag HorizontalPodAutoscalers whose replica bounds are outside the allowed ranges, too close together, or whose target is missing.',
    rationale: [
      'An autoscaler that may shrink a workload to too few replicas, or grow it past what the cluster can hold,',
      'turns a load spike into an outage or a bill; one whose bounds are equal cannot scale at all, and one that',
      'points at a workload that does not exist silently does nothing.',
    ].join(' '),
    remediation: [
      'Set `minReplicas` and `maxReplicas` inside one of the allowed ranges and at least `minimumReplicaSpread`',
      'apart, and make `scaleTargetRef` name an existing workload (same namespace, `apiVersion`, kind and name).',
    ].join(' '),
    defaultSeverity: 'error',
    crossResource: true,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ranges: {
          type: 'array',
          description:
            'Allowed replica ranges: an HPA passes when one range holds both its `minReplicas` and its `maxReplicas`. Without it the range check is off; `[]` refuses every HPA.',
          items: {
            type: 'object',
            properties: {
              min_replicas: { type: 'integer', description: 'Lowest allowed `minReplicas`.' },
              max_replicas: { type: 'integer', description: 'Highest allowed `maxReplicas`.' },
            },
          },
        },
        minimumReplicaSpread: {
          type: 'integer',
          description:
            'Smallest allowed difference between `maxReplicas` and `minReplicas`. Without it the spread is not checked.',
        },
        enforceScaleTargetRef: {
          type: 'boolean',
          description:
            'Require the `scaleTargetRef` to exist in the inventory, in the namespace of the HorizontalPodAutoscaler.',
        },
      },
    },
  },

  *review({ review, resource, ctx }, params) {
    if (review.kind.kind !== 'HorizontalPodAutoscaler') return;
    const object = review.object;
    const spec = isRecord(object.spec) ? object.spec : {};
    const name = objectName(object);
    const minReplicas = spec.minReplicas;
    const maxReplicas = spec.maxReplicas;

    const ranges = params.ranges;
    const inRange =
      Array.isArray(ranges) &&
      ranges.some(
        (range: unknown) =>
          isRecord(range) &&
          range.min_replicas !== undefined &&
          range.max_replicas !== undefined &&
          minReplicas !== undefined &&
          maxReplicas !== undefined &&
          regoCompare(range.min_replicas, minReplicas) <= 0 &&
          regoCompare(range.max_replicas, maxReplicas) >= 0,
      );
    if (!inRange) {
      // The library's format has one placeholder more than it passes values for; Go prints %!v(MISSING).
      const msg = sprintf('The %v <%v> minReplicas %v or maxReplicas %v is not allowed: %v. Allowed ranges: %v', [
        review.kind.kind,
        name,
        minReplicas,
        maxReplicas,
        ranges,
      ]);
      if (msg !== undefined) yield { msg, path: ['spec'] };
    }

    const spread = params.minimumReplicaSpread;
    if (typeof minReplicas === 'number' && typeof maxReplicas === 'number') {
      const actual = maxReplicas - minReplicas;
      if (!(isSet(params, 'minimumReplicaSpread') && regoCompare(actual, spread) >= 0)) {
        const msg = sprintf(
          'The %v <%v> is configured with minReplicas %v and maxReplicas %v which is a spread of %v replica(s). The spread must be at least %v replica(s)',
          [review.kind.kind, name, minReplicas, maxReplicas, actual, spread],
        );
        if (msg !== undefined) yield { msg, path: ['spec', 'maxReplicas'] };
      }
    }

    if (isSet(params, 'enforceScaleTargetRef')) {
      const ref = isRecord(spec.scaleTargetRef) ? spec.scaleTargetRef : {};
      if (!targetExists(ctx, resource, ref)) {
        const msg = sprintf(
          'The HorizontalPodAutoscaler <%v> has a scaleTargetRef of <%v/%v> but it does not exist. The scaleTargetRef for the HorizontalPodAutoscaler must exist',
          [name, ref.kind, ref.name],
        );
        if (msg !== undefined) yield { msg, path: ['spec', 'scaleTargetRef'] };
      }
    }
  },
});

/**
 * Gatekeeper looks the target up as `inventory.namespace[ns][apiVersion][kind][name]`:
 * only objects with a namespace (or the run's default namespace), keyed by the
 * full apiVersion string.
 */
function targetExists(ctx: RuleContext, resource: Resource, ref: Record<string, unknown>): boolean {
  const namespace = resource.namespace ?? ctx.defaultNamespace;
  const { apiVersion, kind, name } = ref;
  if (
    namespace === undefined ||
    typeof apiVersion !== 'string' ||
    typeof kind !== 'string' ||
    typeof name !== 'string'
  ) {
    return false;
  }
  const index = ctx.inventory.memo(TARGET_INDEX, buildTargetIndex);
  const matches = index.get(targetKey(apiVersion, kind, name)) ?? [];
  return matches.some((other) => other !== resource && (other.namespace ?? ctx.defaultNamespace) === namespace);
}

function buildTargetIndex(inventory: Inventory): Map<string, Resource[]> {
  const index = new Map<string, Resource[]>();
  for (const resource of inventory.resources) {
    if (typeof resource.object.apiVersion !== 'string' || resource.name === undefined) continue;
    const key = targetKey(resource.object.apiVersion, resource.kind, resource.name);
    const list = index.get(key);
    if (list) list.push(resource);
    else index.set(key, [resource]);
  }
  return index;
}

function targetKey(apiVersion: string, kind: string, name: string): string {
  return JSON.stringify([apiVersion, kind, name]);
}
