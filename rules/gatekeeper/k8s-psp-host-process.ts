import { exemptImagesParam, isRecord } from '../../src/kit/rule-api.js';
import {
  ALL_CONTAINER_LISTS,
  checkedContainers,
  gatekeeperRule,
  objectName,
  sprintf,
} from '../../src/kit/rego/rego-api.js';

type Params = { exemptImages?: string[] };

/** `securityContext.windowsOptions.hostProcess` is exactly `true`: only a boolean `true` counts. */
function requestsHostProcess(securityContext: unknown): boolean {
  if (!isRecord(securityContext)) return false;
  const windowsOptions = securityContext.windowsOptions;
  return isRecord(windowsOptions) && windowsOptions.hostProcess === true;
}

/**
 * Gatekeeper library `pod-security-policy/host-process`: neither the pod nor
 * any container that is not exempt asks for a Windows HostProcess container.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sPSPHostProcess', library: 'pod-security-policy', template: 'host-process' },
  meta: {
    id: 'k8s-psp-host-process',
    title: 'Pods do not run Windows HostProcess containers (Gatekeeper K8sPSPHostProcess)',
    description: 'Flag pods and containers that set securityContext.windowsOptions.hostProcess to true.',
    rationale: [
      'A Windows HostProcess container runs directly on the node with access to its network, processes and file',
      'system, so anything that compromises it controls the whole node.',
    ].join(' '),
    remediation: [
      'Remove `windowsOptions.hostProcess: true` from the pod security context and from every container, or set it',
      'to `false`. Images of trusted node agents can be listed in `exemptImages` (this does not excuse the',
      'pod-level setting).',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        exemptImages: exemptImagesParam({ withDefault: false }),
      },
    },
  },

  *review({ review }, params) {
    if (review.operation === 'UPDATE') return;
    const spec = isRecord(review.object) ? review.object.spec : undefined;
    if (isRecord(spec) && requestsHostProcess(spec.securityContext)) {
      const msg = sprintf('HostProcess is not allowed at pod level: %v', [objectName(review.object)]);
      if (msg !== undefined) {
        yield { msg, path: ['spec', 'securityContext', 'windowsOptions', 'hostProcess'] };
      }
    }
    for (const { container, path } of checkedContainers(review.object, ALL_CONTAINER_LISTS, params.exemptImages)) {
      if (!requestsHostProcess(container.securityContext)) continue;
      const msg = sprintf(
        'HostProcess container is not allowed: %v, securityContext.windowsOptions.hostProcess: true',
        [container.name],
      );
      if (msg !== undefined) yield { msg, path: [...path, 'securityContext', 'windowsOptions', 'hostProcess'] };
    }
  },
});
