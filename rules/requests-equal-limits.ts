import {
  WORKLOAD_KINDS,
  compareQuantities,
  exemptImagesParam,
  getIn,
  isNegativeQuantity,
  judgedContainers,
  parseQuantity,
} from '../src/kit/rule-api.js';
import type { ContainerRef, Quantity, Resource, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'notEqual';

const RESOURCES = ['cpu', 'memory'] as const;
type ResourceName = (typeof RESOURCES)[number];

type Params = {
  resources: ResourceName[];
  exemptImages: string[];
};

/**
 * Requests equal limits, for predictable scheduling. Judges only resources
 * where both are written and readable: a missing or broken request or limit
 * is for container-requests and container-limits to report.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'requests-equal-limits',
    title: 'Requests equal limits',
    description: 'Give every container the same CPU and memory request as its limit.',
    rationale: [
      'When a request is lower than its limit, the pod is promised less than it may use. Nodes are then packed by',
      'the smaller figure, and when several pods reach for the difference at the same time they are throttled, or',
      'killed and evicted for memory, in ways that depend on their neighbours rather than on themselves. Setting',
      'the two equal gives the pod a fixed share (and, with both resources equal in every container, the',
      'Guaranteed quality of service class), so how it behaves under load can be predicted and tested. The price',
      'is that idle capacity cannot be borrowed; teams that measure their workloads well may choose to overcommit',
      'on purpose, which is why this is a warning. Quantities are compared by value, so `1` equals `1000m` and',
      '`1Gi` equals `1024Mi`.',
    ].join(' '),
    remediation: [
      'Set `resources.requests` and `resources.limits` to the same values, for example both `cpu: 500m` and',
      '`memory: 512Mi`, or write only the limits and let Kubernetes copy them into the requests; to compare only',
      'memory, set `resources: [memory]`.',
    ].join(' '),
    defaultSeverity: 'warning',
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        resources: {
          type: 'array',
          items: { type: 'string', enum: [...RESOURCES] },
          uniqueItems: true,
          default: [...RESOURCES],
          description: 'The resources whose request must equal the limit: `cpu`, `memory` or both.',
        },
        exemptImages: exemptImagesParam(),
      },
    },
    messages: {
      notEqual:
        '{{type}} "{{container}}" has a {{resource}} request of {{request}} but a {{resource}} limit of {{limit}}',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    for (const ref of judgedContainers(resource, params)) {
      // Ephemeral containers cannot set resources.
      if (ref.type === 'ephemeralContainer') continue;
      for (const name of params.resources ?? RESOURCES) {
        const violation = compareOne(resource, ref, name);
        if (violation) yield violation;
      }
    }
  },
};

/** A finding at the request when it and the limit are both readable and differ. */
function compareOne(resource: Resource, ref: ContainerRef, name: ResourceName): Violation<MessageId> | undefined {
  const requestPath = [...ref.path, 'resources', 'requests', name];
  const limitPath = [...ref.path, 'resources', 'limits', name];
  const request = readQuantity(getIn(resource.object, requestPath));
  const limit = readQuantity(getIn(resource.object, limitPath));
  if (!request || !limit || compareQuantities(request, limit) === 0) return undefined;
  return {
    messageId: 'notEqual',
    data: { type: ref.type, container: ref.name, resource: name, request: request.text, limit: limit.text },
    path: requestPath,
    related: [
      { resource, path: limitPath, message: `the ${name} limit of ${ref.type} "${ref.name}" is ${limit.text}` },
    ],
  };
}

function readQuantity(value: unknown): Quantity | undefined {
  const quantity = parseQuantity(value);
  return quantity && !isNegativeQuantity(quantity) ? quantity : undefined;
}

export default rule;
