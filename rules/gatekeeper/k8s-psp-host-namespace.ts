import { isRecord } from '../../src/kit/rule-api.js';
import { gatekeeperRule, isSet, objectName, sprintf } from '../../src/kit/rego/rego-api.js';

type Params = Record<string, never>;

/**
 * Gatekeeper library `pod-security-policy/host-namespaces`: pods share
 * neither the host's process ID nor its IPC namespace.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sPSPHostNamespace', library: 'pod-security-policy', template: 'host-namespaces' },
  meta: {
    id: 'k8s-psp-host-namespace',
    title: 'Pods do not share the host PID or IPC namespace (Gatekeeper K8sPSPHostNamespace)',
    description: 'Flag pods that set spec.hostPID or spec.hostIPC.',
    rationale: [
      "A pod in the host's PID namespace can see and signal every process on the node, and one in its IPC",
      'namespace can read shared memory of other workloads; both break the isolation between pod and node.',
    ].join(' '),
    remediation: 'Remove `hostPID` and `hostIPC` from the pod spec, or set them to `false`.',
    defaultSeverity: 'error',
    schema: { type: 'object', additionalProperties: false, properties: {} },
  },

  *review({ review }) {
    if (review.operation === 'UPDATE') return;
    const object = review.object;
    const spec = isRecord(object) ? object.spec : undefined;
    const field = isSet(spec, 'hostPID') ? 'hostPID' : isSet(spec, 'hostIPC') ? 'hostIPC' : undefined;
    if (field === undefined) return;
    const msg = sprintf('Sharing the host namespace is not allowed: %v', [objectName(object)]);
    yield msg === undefined ? undefined : { msg, path: ['spec', field] };
  },
});
