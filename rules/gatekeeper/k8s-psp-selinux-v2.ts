import { exemptImagesParam, isRecord } from '../../src/kit/rule-api.js';
import {
  ALL_CONTAINER_LISTS,
  checkedContainers,
  gatekeeperRule,
  isSet,
  objectName,
  regoCompare,
  sprintf,
} from '../../src/kit/rego/rego-api.js';

type SELinuxOptions = { level?: string; role?: string; type?: string; user?: string };
type Params = { allowedSELinuxOptions?: SELinuxOptions[]; exemptImages?: string[] };

const FIELDS = ['level', 'role', 'type', 'user'] as const;

/**
 * An options object is allowed when some allowed entry agrees with it on each
 * field it sets: the entry must hold the same value (an entry that leaves the
 * field out does not agree).
 */
function isAllowed(options: unknown, allowedList: unknown): boolean {
  if (!Array.isArray(allowedList)) return false;
  return allowedList.some((entry: unknown) =>
    FIELDS.every((field) => {
      if (!isSet(options, field)) return true;
      const value = (options as Record<string, unknown>)[field];
      return isRecord(entry) && Object.hasOwn(entry, field) && regoCompare(entry[field], value) === 0;
    }),
  );
}

/**
 * Gatekeeper library `pod-security-policy/selinux`: the pod's and every
 * non-exempt container's `securityContext.seLinuxOptions`, when set, match
 * one of `allowedSELinuxOptions`.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sPSPSELinuxV2', library: 'pod-security-policy', template: 'selinux' },
  meta: {
    id: 'k8s-psp-selinux-v2',
    title: 'Pods use only allowed SELinux options (Gatekeeper K8sPSPSELinuxV2)',
    description: 'Flag pod and container seLinuxOptions that match none of the allowed option sets.',
    rationale: [
      'The SELinux label decides what a container process may touch on the node; a custom type, user or role can',
      'lift the confinement that the default container label provides.',
    ].join(' '),
    remediation: [
      'Remove `seLinuxOptions` so the runtime assigns its default label, or use values from one of the entries in',
      '`allowedSELinuxOptions` (every field you set must appear with the same value in that entry).',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowedSELinuxOptions: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              level: { type: 'string', description: 'The SELinux level label (MCS/MLS range).' },
              role: { type: 'string', description: 'The SELinux role label.' },
              type: { type: 'string', description: 'The SELinux type label, e.g. `container_t`.' },
              user: { type: 'string', description: 'The SELinux user label.' },
            },
          },
          description:
            'Allowed option sets. Without it nothing is checked; with `[]` every pod or container that sets seLinuxOptions is refused.',
        },
        exemptImages: exemptImagesParam({ withDefault: false }),
      },
    },
  },

  *review({ review }, params) {
    if (review.operation === 'UPDATE') return;
    const allowedList: unknown = params.allowedSELinuxOptions;
    const podName = objectName(review.object);
    const spec = isRecord(review.object) ? review.object.spec : undefined;
    const podContext = isRecord(spec) ? spec.securityContext : undefined;
    if (
      isSet(podContext, 'seLinuxOptions') &&
      !isAllowed((podContext as Record<string, unknown>).seLinuxOptions, allowedList)
    ) {
      const msg = sprintf('SELinux options is not allowed, pod: %v. Allowed options: %v', [podName, allowedList]);
      if (msg !== undefined) yield { msg, path: ['spec', 'securityContext', 'seLinuxOptions'] };
    }
    for (const { container, path } of checkedContainers(review.object, ALL_CONTAINER_LISTS, params.exemptImages)) {
      const securityContext = container.securityContext;
      if (!isSet(securityContext, 'seLinuxOptions')) continue;
      if (isAllowed((securityContext as Record<string, unknown>).seLinuxOptions, allowedList)) continue;
      const msg = sprintf('SELinux options is not allowed, pod: %v, container: %v. Allowed options: %v', [
        podName,
        container.name,
        allowedList,
      ]);
      if (msg !== undefined) yield { msg, path: [...path, 'securityContext', 'seLinuxOptions'] };
    }
  },
});
