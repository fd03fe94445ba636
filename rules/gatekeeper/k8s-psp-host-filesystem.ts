import { isRecord } from '../../src/kit/rule-api.js';
import {
  ALL_CONTAINER_LISTS,
  gatekeeperRule,
  has,
  isSet,
  objectName,
  podContainers,
  regoTerm,
  sprintf,
} from '../../src/kit/rego/rego-api.js';

type Params = { allowedHostPaths?: { pathPrefix?: string; readOnly?: boolean }[] };

/**
 * A path's segments as the template splits them: leading and trailing `/`s
 * stripped, then split on `/`; `/` alone has none. Undefined for non-strings.
 */
function segments(path: unknown): string[] | undefined {
  if (typeof path !== 'string') return undefined;
  if (path === '/') return [];
  return path.replace(/^\/+|\/+$/g, '').split('/');
}

/** `prefix` covers `path` segment by segment (`/foo` covers `/foo/bar`, not `/fool`). */
function pathMatches(prefix: unknown, path: unknown): boolean {
  const want = segments(prefix);
  const have = segments(path);
  if (!want || !have || want.length > have.length) return false;
  return want.every((segment, index) => segment === have[index]);
}

/** Some container (any list) mounts the volume without `readOnly` set. */
function mountedWritable(object: unknown, volumeName: unknown): boolean {
  if (volumeName === undefined) return false;
  return podContainers(object, ALL_CONTAINER_LISTS).some(({ container }) => {
    const mounts = container.volumeMounts;
    return (
      Array.isArray(mounts) &&
      mounts.some(
        (mount) =>
          isRecord(mount) &&
          has(mount, 'name') &&
          regoTerm(mount.name) === regoTerm(volumeName) &&
          !isSet(mount, 'readOnly'),
      )
    );
  });
}

/**
 * Gatekeeper library `pod-security-policy/host-filesystem`: every `hostPath`
 * volume lies under an allowed path prefix, and is mounted read-only
 * everywhere when that prefix demands it.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sPSPHostFilesystem', library: 'pod-security-policy', template: 'host-filesystem' },
  meta: {
    id: 'k8s-psp-host-filesystem',
    title: 'hostPath volumes stay under allowed paths (Gatekeeper K8sPSPHostFilesystem)',
    description:
      'Flag hostPath volumes outside the allowed path prefixes or mounted writable where read-only is required.',
    rationale: [
      "A hostPath volume exposes the node's own filesystem to the pod; write access to the wrong directory,",
      'such as the container runtime socket or kubelet state, hands over the whole node.',
    ].join(' '),
    remediation: [
      'Use another volume type, point the hostPath under one of `allowedHostPaths`, and mount it with',
      '`readOnly: true` in every container when the matching entry sets `readOnly: true`. Without',
      '`allowedHostPaths` (or with `[]`) no hostPath volume is allowed.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowedHostPaths: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              pathPrefix: {
                type: 'string',
                description: 'A host directory; paths under it match, compared segment by segment.',
              },
              readOnly: {
                type: 'boolean',
                description: 'When true, every container must mount volumes under this prefix read-only.',
              },
            },
          },
          description:
            'Host path prefixes that hostPath volumes may use. Absent or `[]` forbids every hostPath volume.',
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
    const allowedPaths: unknown[] = params.allowedHostPaths ?? [];
    for (const [index, volume] of volumes.entries()) {
      if (!isSet(volume, 'hostPath')) continue;
      const record = volume as Record<string, unknown>;
      const hostPath = isRecord(record.hostPath) ? record.hostPath.path : undefined;
      const allowed = allowedPaths.some(
        (entry) =>
          isRecord(entry) &&
          pathMatches(entry.pathPrefix, hostPath) &&
          (entry.readOnly !== true || !mountedWritable(object, record.name)),
      );
      if (allowed) continue;
      const msg = sprintf('HostPath volume %v is not allowed, pod: %v. Allowed path: %v', [
        volume,
        objectName(object),
        allowedPaths,
      ]);
      yield msg === undefined ? undefined : { msg, path: ['spec', 'volumes', index] };
    }
  },
});
