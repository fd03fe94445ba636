import {
  WORKLOAD_KINDS,
  describeValue,
  exemptImagesParam,
  getIn,
  isNegativeQuantity,
  isRecord,
  isUnset,
  judgedContainers,
  parseQuantity,
} from '../src/kit/rule-api.js';
import type { ContainerRef, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'noRequests' | 'noRequest' | 'invalidRequest';

type Params = {
  exemptImages: string[];
};

const RESOURCES = ['cpu', 'memory'] as const;
type ResourceName = (typeof RESOURCES)[number];

/**
 * Every container requests cpu and memory. The counterpart of
 * container-limits, with the same containers (regular and init; ephemeral
 * containers cannot set resources), the same `exemptImages` and the same kind
 * of messages. A limit without a request counts as a request, because the
 * API server copies the limit into the missing request.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'container-requests',
    title: 'Containers set CPU and memory requests',
    description: 'Set a CPU and a memory request on every container.',
    rationale: [
      'The scheduler places a pod by its requests: they are the share of a node the pod is promised. A container',
      'without requests is placed as if it needed nothing, so nodes get packed with more work than they can carry,',
      'and under memory pressure the kubelet evicts pods without requests first. Requests also make the quality of',
      'service class of a pod, feed the autoscalers, and are what a ResourceQuota on requests counts. Init',
      'containers are checked because the pod cannot start until a node has room for them. Ephemeral debug',
      'containers are not: Kubernetes does not let them set resources. A limit written without a request counts,',
      'since the API server then sets the request to the limit.',
    ].join(' '),
    remediation: [
      'Add `resources.requests.cpu` and `resources.requests.memory` to the container, sized from what it uses in',
      'normal operation, such as `250m` and `256Mi` (or write only limits when requests should equal them).',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        exemptImages: exemptImagesParam(),
      },
    },
    messages: {
      noRequests:
        '{{type}} "{{container}}" sets no resource requests (resources.requests.cpu and resources.requests.memory)',
      noRequest: '{{type}} "{{container}}" has no {{resource}} request',
      invalidRequest: '{{type}} "{{container}}" has a {{resource}} request "{{value}}" that is not a valid quantity',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    for (const ref of judgedContainers(resource, params)) {
      if (ref.type === 'ephemeralContainer') continue;
      yield* checkContainer(ref);
    }
  },
};

/** The findings for one container: missing and unreadable requests. */
function* checkContainer(ref: ContainerRef): Generator<Violation<MessageId>> {
  const requestsPath = [...ref.path, 'resources', 'requests'];
  const data = { type: ref.type, container: ref.name };
  const requests = getIn(ref.container, ['resources', 'requests']);
  const missing = RESOURCES.filter((name) => isUnset(getIn(requests, [name])) && !hasLimit(ref, name));
  if (!isRecord(requests) && missing.length === RESOURCES.length) {
    yield { messageId: 'noRequests', data, path: requestsPath };
    return;
  }
  for (const name of RESOURCES) {
    const path = [...requestsPath, name];
    if (missing.includes(name)) {
      yield { messageId: 'noRequest', data: { ...data, resource: name }, path };
      continue;
    }
    const written = getIn(requests, [name]);
    if (isUnset(written)) continue;
    const quantity = parseQuantity(written);
    if (!quantity || isNegativeQuantity(quantity)) {
      yield { messageId: 'invalidRequest', data: { ...data, resource: name, value: describeValue(written) }, path };
    }
  }
}

/** A written limit stands in for a missing request: the API server copies it over. */
function hasLimit(ref: ContainerRef, name: ResourceName): boolean {
  return !isUnset(getIn(ref.container, ['resources', 'limits', name]));
}

export default rule;
