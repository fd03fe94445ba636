import { type ObjectPath, exemptImagesParam, isRecord } from '../../src/kit/rule-api.js';
import {
  ALL_CONTAINER_LISTS,
  checkedContainers,
  gatekeeperRule,
  isSet,
  objectName,
  regoTerm,
  sprintf,
} from '../../src/kit/rego/rego-api.js';

type Params = { allowedProfiles?: string[]; exemptImages?: string[] };

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/**
 * The `type: RuntimeDefault | Unconfined | Localhost` form of an
 * `appArmorProfile` written the way the annotations spell profiles; undefined
 * for any other type (which no allowed profile can match).
 */
function canonicalProfile(profile: unknown): unknown {
  if (!isRecord(profile)) return undefined;
  switch (profile.type) {
    case 'RuntimeDefault':
      return 'runtime/default';
    case 'Unconfined':
      return 'unconfined';
    case 'Localhost':
      return sprintf('localhost/%v', [profile.localhostProfile]);
    default:
      return undefined;
  }
}

/** A field is given for AppArmor purposes when it is set (not absent, not `false`) and not null. */
function given(record: unknown, key: string): boolean {
  return isSet(record, key) && (record as Record<string, unknown>)[key] !== null;
}

/**
 * Gatekeeper library `pod-security-policy/apparmor`: each container's
 * effective AppArmor profile (its own `appArmorProfile`, else the
 * per-container annotation, else the pod's `appArmorProfile`, else
 * `runtime/default`) is one of `allowedProfiles`.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sPSPAppArmor', library: 'pod-security-policy', template: 'apparmor' },
  meta: {
    id: 'k8s-psp-app-armor',
    title: 'Containers run under an allowed AppArmor profile (Gatekeeper K8sPSPAppArmor)',
    description: 'Flag containers whose effective AppArmor profile is not one of the allowed profiles.',
    rationale: [
      'AppArmor confines what a container process may do on the node, such as which files it can write and',
      'which capabilities it can use; running unconfined or under an unreviewed profile removes that layer of',
      'defence.',
    ].join(' '),
    remediation: [
      'Give the container an allowed profile through `securityContext.appArmorProfile` (container or pod level)',
      'or the `container.apparmor.security.beta.kubernetes.io/<container>` annotation, or add the profile to',
      '`allowedProfiles`. With nothing set the container runs under `runtime/default`. Profiles are compared',
      'as exact strings, so `localhost/*` does not match `localhost/my-profile`.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowedProfiles: {
          type: 'array',
          items: { type: 'string' },
          description:
            'Allowed profiles, written as the annotations spell them: `runtime/default`, `unconfined` or `localhost/<name>`. Without it nothing is reported.',
        },
        exemptImages: exemptImagesParam({ withDefault: false }),
      },
    },
  },

  *review({ review }, params) {
    const object = review.object;
    const metadata = isRecord(object) ? object.metadata : undefined;
    const annotations = isRecord(metadata) ? metadata.annotations : undefined;
    const spec = isRecord(object) ? object.spec : undefined;
    const podContext = isRecord(spec) ? spec.securityContext : undefined;
    const allowed = params.allowedProfiles;
    for (const { container, path } of checkedContainers(object, ALL_CONTAINER_LISTS, params.exemptImages)) {
      let profile: unknown;
      let where: ObjectPath;
      const annotation = typeof container.name === 'string' ? ANNOTATION_PREFIX + container.name : undefined;
      if (given(container.securityContext, 'appArmorProfile')) {
        profile = canonicalProfile((container.securityContext as Record<string, unknown>).appArmorProfile);
        where = [...path, 'securityContext', 'appArmorProfile'];
      } else if (annotation !== undefined && isSet(annotations, annotation)) {
        profile = (annotations as Record<string, unknown>)[annotation];
        where = ['metadata', 'annotations', annotation];
      } else if (given(podContext, 'appArmorProfile')) {
        profile = canonicalProfile((podContext as Record<string, unknown>).appArmorProfile);
        where = ['spec', 'securityContext', 'appArmorProfile'];
      } else {
        profile = 'runtime/default';
        where = path;
      }
      if (
        profile !== undefined &&
        Array.isArray(allowed) &&
        allowed.some((entry) => regoTerm(entry) === regoTerm(profile))
      ) {
        continue;
      }
      const msg = sprintf('AppArmor profile is not allowed, pod: %v, container: %v. Allowed profiles: %v', [
        objectName(object),
        container.name,
        allowed,
      ]);
      yield msg === undefined ? undefined : { msg, path: where };
    }
  },
});
