import { WORKLOAD_KINDS, containersOf, getIn, isRecord, podSpecOf } from '../src/kit/rule-api.js';
import type { ContainerRef, ObjectPath, PodSpecRef, Resource, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'hostPath' | 'notAllowed' | 'writableMount';

type Params = {
  allowedPathPrefixes: string[];
  readOnlyPathPrefixes: string[];
};

/** A `hostPath` volume of a pod spec. */
interface HostPathVolume {
  index: number;
  /** The volume’s name, or `#<index>` when it has none. */
  name: string;
  /** `hostPath.path` as written; empty when missing. */
  hostPath: string;
}

/**
 * Pods mount no directory of the node, except under allowed prefixes.
 * Covers Gatekeeper’s K8sPSPHostFilesystem: an `allowedHostPaths` entry with
 * `readOnly: true` goes to `readOnlyPathPrefixes`, any other to
 * `allowedPathPrefixes`. Prefixes match whole path segments as there; unlike
 * there, repeated slashes and `.` segments are ignored (the kernel ignores
 * them too), and a path with a `..` segment matches no prefix.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'no-host-path',
    title: 'Pods do not mount host directories',
    description: 'Use no `hostPath` volume, except under an allowed path prefix.',
    rationale: [
      'A hostPath volume puts a piece of the node’s filesystem inside the container. Depending on the path that',
      'means reading other pods’ secrets and logs, talking to the container runtime’s socket (which amounts to root',
      'on the node), or writing files the node itself will execute. It also ties the pod to whatever happens to be',
      'on that node, so it behaves differently after rescheduling. Application data belongs in volumes the',
      'cluster manages; the few node agents that must read host files should be limited to known paths, and',
      'to read-only access where they only read.',
    ].join(' '),
    remediation: [
      'Replace the hostPath volume with an `emptyDir`, a ConfigMap or Secret, or a PersistentVolumeClaim. If a',
      'node agent needs host files, add the narrowest directory to `allowedPathPrefixes`, or to',
      '`readOnlyPathPrefixes` and mount it with `readOnly: true` in every container.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowedPathPrefixes: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          default: [],
          description:
            'Host paths that may be mounted, with whatever is below them. Prefixes match whole path segments: `/var/log` allows `/var/log/app` but not `/var/logs`; `/` allows everything.',
        },
        readOnlyPathPrefixes: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          default: [],
          description:
            'Host paths that may be mounted only if every container that mounts the volume sets `readOnly: true`. Matched like `allowedPathPrefixes`.',
        },
      },
    },
    messages: {
      hostPath: 'volume "{{volume}}" mounts host path "{{path}}"',
      notAllowed: 'volume "{{volume}}" mounts host path "{{path}}", which is under no allowed prefix ({{allowed}})',
      writableMount:
        '{{type}} "{{container}}" mounts volume "{{volume}}" (host path "{{path}}") writable, but that path may only be mounted read-only',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const allowed = params.allowedPathPrefixes;
    const readOnly = params.readOnlyPathPrefixes;
    for (const volume of hostPathVolumes(podSpec)) {
      if (isUnderAny(volume.hostPath, allowed)) continue;
      if (isUnderAny(volume.hostPath, readOnly)) {
        yield* writableMounts(resource, volume);
        continue;
      }
      const data = { volume: volume.name, path: volume.hostPath };
      const path = [...podSpec.path, 'volumes', volume.index, 'hostPath', 'path'];
      const prefixes = [...allowed, ...readOnly];
      if (prefixes.length === 0) yield { messageId: 'hostPath', data, path };
      else yield { messageId: 'notAllowed', data: { ...data, allowed: prefixes.join(', ') }, path };
    }
  },
};

function hostPathVolumes(podSpec: PodSpecRef): HostPathVolume[] {
  const volumes = podSpec.spec.volumes;
  if (!Array.isArray(volumes)) return [];
  return volumes.flatMap((volume: unknown, index) => {
    if (!isRecord(volume) || !isRecord(volume.hostPath)) return [];
    const name = typeof volume.name === 'string' ? volume.name : `#${index}`;
    const hostPath = typeof volume.hostPath.path === 'string' ? volume.hostPath.path : '';
    return [{ index, name, hostPath }];
  });
}

/** The findings for each container that mounts a read-only-only volume without `readOnly: true`. */
function* writableMounts(resource: Resource, volume: HostPathVolume): Generator<Violation<MessageId>> {
  for (const ref of containersOf(resource)) {
    for (const mount of mountsOf(ref, volume.name)) {
      if (mount.readOnly) continue;
      yield {
        messageId: 'writableMount',
        data: { type: ref.type, container: ref.name, volume: volume.name, path: volume.hostPath },
        path: [...mount.path, 'readOnly'],
      };
    }
  }
}

function mountsOf(ref: ContainerRef, volumeName: string): { path: ObjectPath; readOnly: boolean }[] {
  const mounts = ref.container.volumeMounts;
  if (!Array.isArray(mounts)) return [];
  return mounts.flatMap((mount: unknown, index) =>
    getIn(mount, ['name']) === volumeName
      ? [{ path: [...ref.path, 'volumeMounts', index], readOnly: getIn(mount, ['readOnly']) === true }]
      : [],
  );
}

function isUnderAny(hostPath: string, prefixes: readonly string[]): boolean {
  const path = segments(hostPath);
  if (!path) return false;
  return prefixes.some((prefix) => {
    const head = segments(prefix);
    return head !== undefined && head.length <= path.length && head.every((part, index) => part === path[index]);
  });
}

/** The path’s segments without empty and `.` ones; undefined when it climbs with `..`, which no prefix may allow. */
function segments(path: string): string[] | undefined {
  const parts = path.split('/').filter((part) => part !== '' && part !== '.');
  return parts.includes('..') ? undefined : parts;
}

export default rule;
