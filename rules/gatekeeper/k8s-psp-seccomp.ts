import { type ObjectPath, exemptImagesParam, isRecord } from '../../src/kit/rule-api.js';
import {
  containersByName,
  gatekeeperRule,
  isExempt,
  isSet,
  regoCompare,
  RegoSet,
  regoValue,
  sprintf,
  type NamedContainer,
} from '../../src/kit/rego/rego-api.js';

type Params = { allowedProfiles?: string[]; allowedLocalhostFiles?: string[]; exemptImages?: string[] };

const CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';
const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';

/** Where a container's profile was found, and the profile in annotation form. */
interface FoundProfile {
  profile: unknown;
  location: string;
  path: ObjectPath;
}

/** A `seccompProfile` object in annotation form; undefined for a type the template does not know. */
function canonicalProfile(seccompProfile: unknown, allowedProfiles: readonly unknown[]): unknown {
  const type = isRecord(seccompProfile) ? seccompProfile.type : undefined;
  switch (type) {
    case 'RuntimeDefault':
      if (allowedProfiles.includes('runtime/default')) return 'runtime/default';
      if (allowedProfiles.includes('docker/default')) return 'docker/default';
      return 'runtime/default';
    case 'Localhost':
      return sprintf('localhost/%v', [(seccompProfile as Record<string, unknown>).localhostProfile]);
    case 'Unconfined':
      return 'unconfined';
    default:
      return undefined;
  }
}

/** The first of: container seccompProfile, pod seccompProfile, container annotation, pod annotation, nothing. */
function profileOf(
  named: NamedContainer,
  object: unknown,
  allowedProfiles: readonly unknown[],
): FoundProfile | undefined {
  const { container, path } = named;
  const securityContext = container.securityContext;
  if (isSet(securityContext, 'seccompProfile')) {
    const profile = canonicalProfile((securityContext as Record<string, unknown>).seccompProfile, allowedProfiles);
    if (profile === undefined) return undefined;
    return { profile, location: 'container securityContext', path: [...path, 'securityContext', 'seccompProfile'] };
  }
  const spec = isRecord(object) ? object.spec : undefined;
  const podContext = isRecord(spec) ? spec.securityContext : undefined;
  if (isSet(podContext, 'seccompProfile')) {
    const profile = canonicalProfile((podContext as Record<string, unknown>).seccompProfile, allowedProfiles);
    if (profile === undefined) return undefined;
    return { profile, location: 'pod securityContext', path: ['spec', 'securityContext', 'seccompProfile'] };
  }
  const metadata = isRecord(object) ? object.metadata : undefined;
  const annotations = isRecord(metadata) ? metadata.annotations : undefined;
  const containerKey = `${CONTAINER_ANNOTATION}${regoValue(named.name)}`;
  if (isSet(annotations, containerKey)) {
    return {
      profile: (annotations as Record<string, unknown>)[containerKey],
      location: `annotation ${containerKey}`,
      path: ['metadata', 'annotations', containerKey],
    };
  }
  if (isSet(annotations, POD_ANNOTATION)) {
    return {
      profile: (annotations as Record<string, unknown>)[POD_ANNOTATION],
      location: `annotation ${POD_ANNOTATION}`,
      path: ['metadata', 'annotations', POD_ANNOTATION],
    };
  }
  return { profile: 'not configured', location: 'no explicit profile found', path };
}

/**
 * `allowedProfiles` plus the annotation forms of the type names in it, one
 * per allowed localhost file (so without `allowedLocalhostFiles` a type name
 * adds nothing).
 */
function allowedSet(allowedProfiles: readonly unknown[], localhostFiles: readonly unknown[]): RegoSet {
  const values: unknown[] = [...allowedProfiles];
  for (const entry of allowedProfiles) {
    if (typeof entry !== 'string' || entry.includes('/')) continue;
    for (const file of localhostFiles) {
      if (entry === 'RuntimeDefault') values.push('runtime/default', 'docker/default');
      else if (entry === 'Localhost') values.push(`localhost/${regoValue(file)}`);
      else if (entry === 'Unconfined') values.push('unconfined');
    }
  }
  return new RegoSet(values);
}

function isAllowed(profile: unknown, allowed: RegoSet): boolean {
  const contains = (value: unknown) => allowed.values.some((item) => regoCompare(item, value) === 0);
  if (typeof profile === 'string' && profile.startsWith('localhost/')) {
    return contains('localhost/*') || contains(profile);
  }
  return contains(profile);
}

/**
 * Gatekeeper library `pod-security-policy/seccomp` (the annotation-era
 * variant): each non-exempt container's seccomp profile, from its security
 * context, the pod's, or the alpha annotations, is one of `allowedProfiles`.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sPSPSeccomp', library: 'pod-security-policy', template: 'seccomp' },
  meta: {
    id: 'k8s-psp-seccomp',
    title: 'Containers use an allowed seccomp profile (Gatekeeper K8sPSPSeccomp)',
    description: 'Flag containers whose seccomp profile, from security context or annotation, is not allowed.',
    rationale: [
      'Seccomp filters the system calls a container may make; running unconfined exposes the whole kernel',
      'interface, which is the usual path for container escapes.',
    ].join(' '),
    remediation: [
      'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod or the container (or a `Localhost`',
      'profile the constraint allows), and drop `unconfined` seccomp annotations.',
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
            'Allowed profiles in annotation form (`runtime/default`, `docker/default`, `unconfined`, `localhost/<file>`, `localhost/*`) or as type names (`RuntimeDefault`, `Localhost`, `Unconfined`); `"*"` allows any profile.',
        },
        allowedLocalhostFiles: {
          type: 'array',
          items: { type: 'string' },
          description:
            'Localhost profile files allowed through the type names in `allowedProfiles`; type names are only translated when this lists at least one file.',
        },
        exemptImages: exemptImagesParam({ withDefault: false }),
      },
    },
  },

  *review({ review }, params) {
    const allowedProfiles: unknown[] = Array.isArray(params.allowedProfiles) ? params.allowedProfiles : [];
    if (allowedProfiles.includes('*')) return;
    const localhostFiles: unknown[] = Array.isArray(params.allowedLocalhostFiles) ? params.allowedLocalhostFiles : [];
    const allowed = allowedSet(allowedProfiles, localhostFiles);
    for (const named of containersByName(review.object, 'K8sPSPSeccomp')) {
      if (isExempt(named.container, params.exemptImages)) continue;
      const found = profileOf(named, review.object, allowedProfiles);
      if (found === undefined || isAllowed(found.profile, allowed)) continue;
      const msg = sprintf(
        "Seccomp profile '%v' is not allowed for container '%v'. Found at: %v. Allowed profiles: %v",
        [found.profile, named.name, found.location, allowed],
      );
      if (msg !== undefined) yield { msg, path: found.path };
    }
  },
});
