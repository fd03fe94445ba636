import { WORKLOAD_KINDS, exemptImagesParam, getIn, judgedContainers } from '../src/kit/rule-api.js';
import type { ContainerRef, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'hostPort' | 'outsideRange';

type Params = {
  min: number;
  max: number;
  exemptImages: string[];
};

/**
 * No container binds a port of its node, except in an allowed range. Covers
 * the port half of Gatekeeper’s K8sPSPHostNetworkingPorts (same `min`, `max`
 * and `exemptImages`, inclusive range, containers, init and ephemeral
 * containers), with one difference: here no host port is allowed unless a
 * range is given, where Gatekeeper allows every port until `min` or `max` is
 * set (map a missing `min` to 1 and a missing `max` to 65535). Each port is
 * its own finding. `hostNetwork` is the `no-host-namespaces` rule’s concern.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'no-host-ports',
    title: 'Containers do not bind host ports',
    description: 'Set no `hostPort` on container ports, except within the allowed range.',
    rationale: [
      'A hostPort makes the node itself listen for the container, on every address of the node. That bypasses',
      'the Service layer and most network policies, exposes the workload wherever the node is reachable, and',
      'limits the workload to one pod per node for each port, so scheduling fails in ways that are hard to',
      'diagnose. Services, Ingresses and, for node agents, a narrow allowed range cover the legitimate needs.',
    ].join(' '),
    remediation: [
      'Remove `hostPort` and reach the container through a Service (type ClusterIP, NodePort or LoadBalancer)',
      'or an Ingress. If a node agent must own a port on each node, set `min` and `max` to the range you allow.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        min: {
          type: 'integer',
          minimum: 0,
          maximum: 65535,
          default: 0,
          description: 'The lowest host port allowed. With `max`, an inclusive range; both 0: no host port is allowed.',
        },
        max: {
          type: 'integer',
          minimum: 0,
          maximum: 65535,
          default: 0,
          description: 'The highest host port allowed (inclusive). 0: no host port is allowed.',
        },
        exemptImages: exemptImagesParam(),
      },
    },
    messages: {
      hostPort: '{{type}} "{{container}}" binds host port {{port}}',
      outsideRange: '{{type}} "{{container}}" binds host port {{port}}, outside the allowed range {{min}}-{{max}}',
    },
  },

  validate(params): string[] {
    return params.min > params.max ? [`min (${params.min}) is above max (${params.max})`] : [];
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    for (const ref of judgedContainers(resource, params)) {
      yield* checkPorts(ref, params);
    }
  },
};

function* checkPorts(ref: ContainerRef, params: Params): Generator<Violation<MessageId>> {
  const ports = ref.container.ports;
  if (!Array.isArray(ports)) return;
  const ranged = params.max > 0;
  for (const [index, entry] of (ports as unknown[]).entries()) {
    const port = getIn(entry, ['hostPort']);
    // 0 and a missing hostPort both mean "no host port"; other types are the API server’s to reject.
    if (typeof port !== 'number' || port === 0) continue;
    if (ranged && port >= params.min && port <= params.max) continue;
    const data = { type: ref.type, container: ref.name, port };
    const path = [...ref.path, 'ports', index, 'hostPort'];
    if (ranged) yield { messageId: 'outsideRange', data: { ...data, min: params.min, max: params.max }, path };
    else yield { messageId: 'hostPort', data, path };
  }
}

export default rule;
