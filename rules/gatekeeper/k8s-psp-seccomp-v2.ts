import { type ObjectPath, exemptImagesParam, isRecord } from '../../src/kit/rule-api.js';
import {
  containersByName,
  gatekeeperRule,
  has,
  isExempt,
  isSet,
  regoCompare,
  RegoSet,
  sprintf,
  type NamedContainer,
} from '../../src/kit/rego/rego-api.js';

type Params = { allowedProfiles?: string[]; allowedLocalhostFiles?: string[]; exemptImages?: string[] };

/** A container's profile type, its localhost file (`""` when not given), and where it was found. */
interface FoundProfile {
  type: unknown;
  file: unknown;
  location: string;
  path: ObjectPath;
}

function fromSeccompProfile(seccompProfile: unknown, location: string, path: ObjectPath): FoundProfile | undefined {
  // A profile object without a type gives no result at all (and so no violation).
  if (!isRecord(seccompProfile) || seccompProfile.type === undefined) return undefined;
  const file = seccompProfile.localhostProfile === undefined ? '' : seccompProfile.localhostProfile;
  return { type: seccompProfile.type, file, location, path };
}

/** The container's own seccompProfile, else the pod's, else `not configured`. */
function profileOf(named: NamedContainer, object: unknown): FoundProfile | undefined {
  const { container, path } = named;
  const securityContext = container.securityContext;
  if (isSet(securityContext, 'seccompProfile')) {
    return fromSeccompProfile(
      (securityContext as Record<string, unknown>).seccompProfile,
      'container securityContext',
      [...path, 'securityContext', 'seccompProfile'],
    );
  }
  const spec = isRecord(object) ? object.spec : undefined;
  const podContext = isRecord(spec) ? spec.securityContext : undefined;
  if (isSet(podContext, 'seccompProfile')) {
    return fromSeccompProfile((podContext as Record<string, unknown>).seccompProfile, 'pod securityContext', [
      'spec',
      'securityContext',
      'seccompProfile',
    ]);
  }
  return { type: 'not configured', file: '', location: 'no explicit profile found', path };
}

/**
 * `{type}` for every allowed profile but `Localhost`; when `Localhost` is
 * allowed, `{type: Localhost, localHostProfile: f}` for every allowed file
 * (`[""]` without `allowedLocalhostFiles`).
 */
function allowedSet(allowedProfiles: readonly unknown[], localhostFiles: readonly unknown[] | undefined): RegoSet {
  const values: unknown[] = [];
  for (const profile of allowedProfiles) {
    if (profile === 'Localhost') {
      for (const file of localhostFiles ?? ['']) values.push({ type: 'Localhost', localHostProfile: file });
    } else {
      values.push({ type: profile });
    }
  }
  return new RegoSet(values);
}

function isAllowed(found: FoundProfile, allowed: RegoSet, localhostFiles: readonly unknown[] | undefined): boolean {
  const entries = allowed.values.filter(isRecord);
  if (found.type === 'Localhost') {
    if (localhostFiles?.includes('*')) return true;
    return entries.some(
      (entry) =>
        entry.type === 'Localhost' &&
        has(entry, 'localHostProfile') &&
        regoCompare(entry.localHostProfile, found.file) === 0,
    );
  }
  return entries.some((entry) => regoCompare(entry.type, found.type) === 0);
}

/**
 * Gatekeeper library `pod-security-policy/seccompv2`: each non-exempt
 * container's seccomp profile type (its own, else the pod's, else `not
 * configured`) is one of `allowedProfiles`, and a `Localhost` profile uses an
 * allowed file.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sPSPSeccompV2', library: 'pod-security-policy', template: 'seccompv2' },
  meta: {
    id: 'k8s-psp-seccomp-v2',
    title: 'Containers use an allowed seccomp profile type (Gatekeeper K8sPSPSeccompV2)',
    description: 'Flag containers whose securityContext seccomp profile type or localhost file is not allowed.',
    rationale: [
      'Seccomp filters the system calls a container may make; an unconfined or unreviewed profile exposes the',
      'kernel interface that container escapes usually go through.',
    ].join(' '),
    remediation: [
      'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod or the container, or a `Localhost`',
      'profile whose file is in `allowedLocalhostFiles`; if the constraint allows it, `not configured` accepts',
      'containers without any profile.',
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
            'Allowed profile types: `RuntimeDefault`, `Localhost`, `Unconfined`, or `not configured` for containers without a profile; `"*"` allows any.',
        },
        allowedLocalhostFiles: {
          type: 'array',
          items: { type: 'string' },
          description:
            'Allowed files of `Localhost` profiles; `"*"` allows any file (even when `Localhost` is not in `allowedProfiles`).',
        },
        exemptImages: exemptImagesParam({ withDefault: false }),
      },
    },
  },

  *review({ review }, params) {
    const allowedProfiles: unknown[] = Array.isArray(params.allowedProfiles) ? params.allowedProfiles : [];
    if (allowedProfiles.includes('*')) return;
    const localhostFiles: unknown[] | undefined = Array.isArray(params.allowedLocalhostFiles)
      ? params.allowedLocalhostFiles
      : undefined;
    const allowed = allowedSet(allowedProfiles, localhostFiles);
    for (const named of containersByName(review.object, 'K8sPSPSeccompV2')) {
      if (isExempt(named.container, params.exemptImages)) continue;
      const found = profileOf(named, review.object);
      if (found === undefined || isAllowed(found, allowed, localhostFiles)) continue;
      const msg =
        found.type === 'Localhost'
          ? sprintf(
              "Seccomp profile 'Localhost' with file '%v' is not allowed for container '%v'. Found at: %v. Allowed profiles: %v",
              [found.file, named.name, found.location, allowed],
            )
          : sprintf("Seccomp profile '%v' is not allowed for container '%v'. Found at: %v. Allowed profiles: %v", [
              found.type,
              named.name,
              found.location,
              allowed,
            ]);
      if (msg !== undefined) yield { msg, path: found.path };
    }
  },
});
