import { type ObjectPath, exemptImagesParam, isRecord } from '../../src/kit/rule-api.js';
import {
  ALL_CONTAINER_LISTS,
  checkedContainers,
  gatekeeperRule,
  isSet,
  objectName,
  regoCompare,
  sprintf,
} from '../../src/kit/rego/rego-api.js';

type Params = { hostNetwork?: boolean; min?: number; max?: number; exemptImages?: string[] };

/** Where the pod breaks the constraint: `spec.hostNetwork`, else the first host port out of range. */
function offence(object: unknown, params: Params): ObjectPath | undefined {
  const spec = isRecord(object) ? object.spec : undefined;
  if (!isSet(params, 'hostNetwork') && isSet(spec, 'hostNetwork')) return ['spec', 'hostNetwork'];
  const hasMin = Object.hasOwn(params, 'min');
  const hasMax = Object.hasOwn(params, 'max');
  if (!hasMin && !hasMax) return undefined;
  for (const { container, path } of checkedContainers(object, ALL_CONTAINER_LISTS, params.exemptImages)) {
    const ports = container.ports;
    if (!Array.isArray(ports)) continue;
    for (const [index, port] of ports.entries()) {
      if (!isRecord(port) || !Object.hasOwn(port, 'hostPort')) continue;
      const hostPort = port.hostPort;
      if ((hasMin && regoCompare(hostPort, params.min) < 0) || (hasMax && regoCompare(hostPort, params.max) > 0)) {
        return [...path, 'ports', index, 'hostPort'];
      }
    }
  }
  return undefined;
}

/**
 * Gatekeeper library `pod-security-policy/host-network-ports`: pods use the
 * host network only when `hostNetwork` allows it, and host ports of
 * containers that are not exempt stay within `min`..`max`.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sPSPHostNetworkingPorts', library: 'pod-security-policy', template: 'host-network-ports' },
  meta: {
    id: 'k8s-psp-host-networking-ports',
    title: 'Pods keep off the host network and use allowed host ports (Gatekeeper K8sPSPHostNetworkingPorts)',
    description: 'Flag pods that use the host network when it is not allowed or bind host ports outside the range.',
    rationale: [
      "A pod on the host network sees all of the node's traffic and can reach services bound to localhost, and a",
      'host port ties the pod to a node-wide port that other workloads or node daemons may rely on.',
    ].join(' '),
    remediation: [
      'Remove `spec.hostNetwork: true` unless the constraint sets `hostNetwork: true`, and keep each',
      '`ports[].hostPort` between `min` and `max` (or drop the host port and use a Service instead).',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        hostNetwork: {
          type: 'boolean',
          description: 'Whether pods may use the host network. Absent or `false` forbids it.',
        },
        min: { type: 'integer', description: 'Lowest allowed host port, inclusive. Absent means no lower limit.' },
        max: { type: 'integer', description: 'Highest allowed host port, inclusive. Absent means no upper limit.' },
        exemptImages: exemptImagesParam({
          note: 'Only their host ports are skipped: the host network is checked regardless.',
          withDefault: false,
        }),
      },
    },
  },

  *review({ review }, params) {
    if (review.operation === 'UPDATE') return;
    const path = offence(review.object, params);
    if (path === undefined) return;
    const msg = sprintf('The specified hostNetwork and hostPort are not allowed, pod: %v. Allowed values: %v', [
      objectName(review.object),
      params,
    ]);
    yield msg === undefined ? undefined : { msg, path };
  },
});
