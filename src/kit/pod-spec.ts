import { ownEntry } from '../util/own-entry.js';
import { getIn, isRecord } from '../model/records.js';
import type { KindSelector, ObjectPath, Resource } from '../model/types.js';

type Json = Record<string, unknown>;

/** Where each workload kind keeps its pod spec. */
const POD_SPEC_PATHS: Readonly<Record<string, ObjectPath>> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

const WORKLOAD_GROUPS: Readonly<Record<string, readonly string[]>> = {
  '': ['Pod', 'PodTemplate', 'ReplicationController'],
  apps: ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'],
  batch: ['Job', 'CronJob'],
};

/** Default kinds for rules about pods and containers. */
export const WORKLOAD_KINDS: readonly KindSelector[] = Object.entries(WORKLOAD_GROUPS).map(([group, kinds]) => ({
  apiGroups: [group],
  kinds: [...kinds],
}));

export type ContainerType = 'container' | 'initContainer' | 'ephemeralContainer';

const CONTAINER_FIELDS: ReadonlyArray<[string, ContainerType]> = [
  ['containers', 'container'],
  ['initContainers', 'initContainer'],
  ['ephemeralContainers', 'ephemeralContainer'],
];

export interface PodSpecRef {
  spec: Json;
  /** Path from the object root to the pod spec. */
  path: ObjectPath;
}

export interface ContainerRef {
  container: Json;
  /** `metadata.name`-like display name: the container's `name`, or its index when it has none. */
  name: string;
  type: ContainerType;
  /** Path from the object root to the container. */
  path: ObjectPath;
  podSpec: PodSpecRef;
}

/** True when the resource is a kind that carries a pod spec in a known place. */
export function isWorkload(resource: Resource): boolean {
  return ownEntry(WORKLOAD_GROUPS, resource.group)?.includes(resource.kind) ?? false;
}

/** Where a workload kind keeps its pod spec, from the object root (whatever its API group). */
export function podSpecPathOf(kind: string): ObjectPath | undefined {
  return ownEntry(POD_SPEC_PATHS, kind);
}

/** Where a workload kind keeps its pod template (the `metadata` and `spec` of its pods); a Pod has none. */
export function podTemplatePathOf(kind: string): ObjectPath | undefined {
  return kind === 'Pod' ? undefined : podSpecPathOf(kind)?.slice(0, -1);
}

/** The pod spec of a workload, or undefined when the kind has none or the field is not a mapping. */
export function podSpecOf(resource: Resource): PodSpecRef | undefined {
  if (!isWorkload(resource)) return undefined;
  const path = podSpecPathOf(resource.kind);
  if (!path) return undefined;
  const spec = getIn(resource.object, path);
  return isRecord(spec) ? { spec, path } : undefined;
}

/**
 * Every container of a workload: regular, init and ephemeral, with the path
 * that points into the right nesting. Entries that are not mappings are skipped.
 */
export function containersOf(resource: Resource): ContainerRef[] {
  const podSpec = podSpecOf(resource);
  if (!podSpec) return [];
  const result: ContainerRef[] = [];
  for (const [field, type] of CONTAINER_FIELDS) {
    const list = podSpec.spec[field];
    if (!Array.isArray(list)) continue;
    list.forEach((container: unknown, index) => {
      if (!isRecord(container)) return;
      const name = typeof container.name === 'string' ? container.name : `#${index}`;
      result.push({ container, name, type, path: [...podSpec.path, field, index], podSpec });
    });
  }
  return result;
}
