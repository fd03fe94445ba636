import { isRecord, type ObjectPath } from '../../src/kit/rule-api.js';
import { gatekeeperRule, isSet, objectName, sprintf } from '../../src/kit/rego/rego-api.js';

type Params = { volumes?: string[] };

/**
 * Gatekeeper library `pod-security-policy/volumes`: every volume source the
 * pod uses (any key of a `spec.volumes` entry other than `name`) is one of
 * `volumes`, or `volumes` holds `"*"`. Each refused type counts once per pod.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sPSPVolumeTypes', library: 'pod-security-policy', template: 'volumes' },
  meta: {
    id: 'k8s-psp-volume-types',
    title: 'Pods use only allowed volume types (Gatekeeper K8sPSPVolumeTypes)',
    description: 'Flag pod volumes whose source type is not in the allowed list.',
    rationale: [
      'Some volume sources, such as hostPath, reach outside the pod to the node or to shared storage; limiting',
      'pods to a reviewed set of types keeps that access behind an explicit decision.',
    ].join(' '),
    remediation: [
      'Replace the volume with one of the allowed types (for example `emptyDir`, `configMap`, `secret` or a',
      '`persistentVolumeClaim`), or add its type to `volumes` if the team accepts it.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        volumes: {
          type: 'array',
          items: { type: 'string' },
          description:
            'Allowed volume source field names (`configMap`, `emptyDir`, `persistentVolumeClaim`, ...); `"*"` allows every type. Without it nothing is checked; with `[]` every volume is refused.',
        },
      },
    },
  },

  *review({ review }, params) {
    if (review.operation === 'UPDATE') return;
    const allowed: unknown = params.volumes;
    if (Array.isArray(allowed) && allowed.includes('*')) return;
    const spec = isRecord(review.object) ? review.object.spec : undefined;
    const volumes = isRecord(spec) ? spec.volumes : undefined;
    if (!Array.isArray(volumes)) return;
    // Each type once, pointing at the first volume that uses it.
    const types = new Map<string, ObjectPath>();
    volumes.forEach((volume: unknown, index) => {
      if (!isRecord(volume)) return;
      for (const key of Object.keys(volume)) {
        if (key === 'name' || !isSet(volume, key) || types.has(key)) continue;
        types.set(key, ['spec', 'volumes', index, key]);
      }
    });
    for (const [type, path] of types) {
      if (Array.isArray(allowed) && allowed.includes(type)) continue;
      const msg = sprintf('The volume type %v is not allowed, pod: %v. Allowed volume types: %v', [
        type,
        objectName(review.object),
        allowed,
      ]);
      if (msg !== undefined) yield { msg, path };
    }
  },
});
