import { isRecord } from '../../src/kit/rule-api.js';
import {
  CONTAINERS_AND_INIT,
  gatekeeperRule,
  has,
  objectName,
  podContainers,
  sprintf,
  type GatekeeperResult,
} from '../../src/kit/rego/rego-api.js';
import type { ObjectPath } from '../../src/kit/rule-api.js';

const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/** Where the token gets mounted: `automountServiceAccountToken: true`, or a container mounting its path. */
function tokenMountPath(object: unknown): ObjectPath | undefined {
  const spec = isRecord(object) ? object.spec : undefined;
  if (!isRecord(spec)) return undefined;
  if (spec.automountServiceAccountToken === true) return ['spec', 'automountServiceAccountToken'];
  if (has(spec, 'automountServiceAccountToken')) return undefined;
  for (const { container, path } of podContainers(object, CONTAINERS_AND_INIT)) {
    const mounts = container.volumeMounts;
    if (!Array.isArray(mounts)) continue;
    const index = mounts.findIndex((mount) => isRecord(mount) && mount.mountPath === TOKEN_MOUNT_PATH);
    if (index >= 0) return [...path, 'volumeMounts', index, 'mountPath'];
  }
  return undefined;
}

/**
 * Gatekeeper library `general/automount-serviceaccount-token`: a pod does
 * not mount its service account token.
 */
export default gatekeeperRule<Record<string, never>>({
  gatekeeper: {
    kind: 'K8sPSPAutomountServiceAccountTokenPod',
    library: 'general',
    template: 'automount-serviceaccount-token',
  },
  meta: {
    id: 'k8s-psp-automount-service-account-token-pod',
    title: 'Pods do not automount the service account token (Gatekeeper K8sPSPAutomountServiceAccountTokenPod)',
    description:
      'Flag pods that set `automountServiceAccountToken: true`, or leave it unset while a container mounts the token path.',
    rationale: [
      'A mounted service account token lets anyone who compromises the container call the Kubernetes API with the',
      "pod's identity; most workloads never talk to the API and should not carry that credential.",
    ].join(' '),
    remediation: [
      'Set `spec.automountServiceAccountToken: false` on the pod, and drop any volume mount at',
      '`/var/run/secrets/kubernetes.io/serviceaccount` unless the workload really calls the API.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: { type: 'object', additionalProperties: false, properties: {} },
  },

  *review({ review }): Iterable<GatekeeperResult | undefined> {
    if (review.operation === 'UPDATE') return;
    const path = tokenMountPath(review.object);
    if (path === undefined) return;
    const msg = sprintf('Automounting service account token is disallowed, pod: %v', [objectName(review.object)]);
    if (msg !== undefined) yield { msg, path };
  },
});
