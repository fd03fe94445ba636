import { isRecord } from '../../src/kit/rule-api.js';
import { gatekeeperRule, isSet, objectName, regoTerm, sprintf } from '../../src/kit/rego/rego-api.js';

type Params = { allowedFlexVolumes?: { driver?: string }[] };

/**
 * Gatekeeper library `pod-security-policy/flexvolume-drivers`: every
 * `flexVolume` volume uses one of the allowed drivers.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sPSPFlexVolumes', library: 'pod-security-policy', template: 'flexvolume-drivers' },
  meta: {
    id: 'k8s-psp-flex-volumes',
    title: 'FlexVolumes use allowed drivers (Gatekeeper K8sPSPFlexVolumes)',
    description: 'Flag flexVolume volumes whose driver is not in the allowed list.',
    rationale: [
      'A FlexVolume driver is a binary that the kubelet runs on the node with full privileges; only drivers',
      'that the cluster operators installed and trust should ever be invoked by a pod.',
    ].join(' '),
    remediation: [
      'Use a volume with one of the drivers in `allowedFlexVolumes`, move to a CSI driver or another volume type,',
      'or add the driver to `allowedFlexVolumes` once it is trusted.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowedFlexVolumes: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              driver: { type: 'string', description: 'A driver name, compared exactly with `flexVolume.driver`.' },
            },
          },
          description:
            'Allowed FlexVolume drivers. Without it nothing is reported; with `[]` every flexVolume is refused.',
        },
      },
    },
  },

  *review({ review }, params) {
    if (review.operation === 'UPDATE') return;
    const object = review.object;
    const spec = isRecord(object) ? object.spec : undefined;
    const volumes = isRecord(spec) ? spec.volumes : undefined;
    if (!Array.isArray(volumes)) return;
    const allowed = params.allowedFlexVolumes;
    for (const [index, volume] of volumes.entries()) {
      if (!isSet(volume, 'flexVolume')) continue;
      const flexVolume = (volume as Record<string, unknown>).flexVolume;
      const driver = isRecord(flexVolume) ? flexVolume.driver : undefined;
      const isAllowed =
        driver !== undefined &&
        Array.isArray(allowed) &&
        allowed.some(
          (entry) => isRecord(entry) && entry.driver !== undefined && regoTerm(entry.driver) === regoTerm(driver),
        );
      if (isAllowed) continue;
      const msg = sprintf('FlexVolume %v is not allowed, pod: %v. Allowed drivers: %v', [
        volume,
        objectName(object),
        allowed,
      ]);
      const path =
        driver === undefined ? ['spec', 'volumes', index] : ['spec', 'volumes', index, 'flexVolume', 'driver'];
      yield msg === undefined ? undefined : { msg, path };
    }
  },
});
