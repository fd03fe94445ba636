/**
 * Where a workload's pod spec names a ConfigMap or a Secret: environment
 * variables (`env[].valueFrom`, `envFrom[]`) of every container, init and
 * ephemeral ones included, and volumes (`configMap`, `secret`, and the sources
 * of a `projected` volume). Shared by the configuration rules.
 */
import { getIn, isRecord } from '../model/records.js';
import { containersOf, podSpecOf } from './pod-spec.js';
import type { ContainerRef } from './pod-spec.js';
import type { ObjectPath, Resource } from '../model/types.js';

export type ConfigKind = 'ConfigMap' | 'Secret';

/** What in the pod spec holds a reference. */
export type ReferenceSite =
  /** `env[].valueFrom.configMapKeyRef` / `secretKeyRef`: one key into one variable. */
  | { via: 'env'; container: ContainerRef; variable: string; key: string | undefined }
  /** `envFrom[].configMapRef` / `secretRef`: every key as a variable. */
  | { via: 'envFrom'; container: ContainerRef }
  /** `volumes[].configMap` / `secret`, or a source of `volumes[].projected`. */
  | { via: 'volume'; volume: string; projected: boolean };

/** One reference to a ConfigMap or a Secret. */
export interface ConfigReference {
  kind: ConfigKind;
  /** The name as written; undefined when absent or not a string. */
  name: string | undefined;
  /** Path from the object root to the reference (`…secretKeyRef`, `…volumes[0].configMap`). */
  path: ObjectPath;
  /** Path to the field that holds the name (`name`, or `secretName` in a secret volume); may not exist. */
  namePath: ObjectPath;
  site: ReferenceSite;
}

const ENV_REFS: ReadonlyArray<[string, ConfigKind]> = [
  ['configMapKeyRef', 'ConfigMap'],
  ['secretKeyRef', 'Secret'],
];
const ENV_FROM_REFS: ReadonlyArray<[string, ConfigKind]> = [
  ['configMapRef', 'ConfigMap'],
  ['secretRef', 'Secret'],
];
/** Volume source field, kind, and the field holding the name (a secret volume says `secretName`). */
const VOLUME_REFS: ReadonlyArray<[string, ConfigKind, string]> = [
  ['configMap', 'ConfigMap', 'name'],
  ['secret', 'Secret', 'secretName'],
];
const PROJECTED_REFS: ReadonlyArray<[string, ConfigKind, string]> = [
  ['configMap', 'ConfigMap', 'name'],
  ['secret', 'Secret', 'name'],
];

/**
 * Every ConfigMap and Secret reference of a workload, in document order of
 * containers first, then volumes. References whose holder is not a mapping are
 * skipped (the API server rejects them); a reference without a name is kept
 * with `name` undefined.
 */
export function configReferencesOf(resource: Resource): ConfigReference[] {
  const references: ConfigReference[] = [];
  for (const container of containersOf(resource)) {
    references.push(...environmentReferences(container));
  }
  const podSpec = podSpecOf(resource);
  if (podSpec) references.push(...volumeReferences(podSpec.spec.volumes, [...podSpec.path, 'volumes']));
  return references;
}

function environmentReferences(container: ContainerRef): ConfigReference[] {
  return [...envReferences(container), ...envFromReferences(container)];
}

function envReferences(container: ContainerRef): ConfigReference[] {
  const env = container.container.env;
  if (!Array.isArray(env)) return [];
  const references: ConfigReference[] = [];
  env.forEach((variable: unknown, index) => {
    const valueFrom = getIn(variable, ['valueFrom']);
    if (!isRecord(valueFrom) || !isRecord(variable)) return;
    for (const [field, kind] of ENV_REFS) {
      const ref = valueFrom[field];
      if (!isRecord(ref)) continue;
      const path = [...container.path, 'env', index, 'valueFrom', field];
      const site: ReferenceSite = {
        via: 'env',
        container,
        variable: typeof variable.name === 'string' ? variable.name : `#${index}`,
        key: typeof ref.key === 'string' ? ref.key : undefined,
      };
      references.push({ kind, name: stringOrUndefined(ref.name), path, namePath: [...path, 'name'], site });
    }
  });
  return references;
}

function envFromReferences(container: ContainerRef): ConfigReference[] {
  const envFrom = container.container.envFrom;
  if (!Array.isArray(envFrom)) return [];
  const references: ConfigReference[] = [];
  envFrom.forEach((source: unknown, index) => {
    if (!isRecord(source)) return;
    for (const [field, kind] of ENV_FROM_REFS) {
      const ref = source[field];
      if (!isRecord(ref)) continue;
      const path = [...container.path, 'envFrom', index, field];
      const site: ReferenceSite = { via: 'envFrom', container };
      references.push({ kind, name: stringOrUndefined(ref.name), path, namePath: [...path, 'name'], site });
    }
  });
  return references;
}

function volumeReferences(volumes: unknown, volumesPath: ObjectPath): ConfigReference[] {
  if (!Array.isArray(volumes)) return [];
  const references: ConfigReference[] = [];
  volumes.forEach((volume: unknown, index) => {
    if (!isRecord(volume)) return;
    const volumeName = typeof volume.name === 'string' ? volume.name : `#${index}`;
    const volumePath = [...volumesPath, index];
    for (const [field, kind, nameField] of VOLUME_REFS) {
      const ref = volume[field];
      if (!isRecord(ref)) continue;
      const path = [...volumePath, field];
      const site: ReferenceSite = { via: 'volume', volume: volumeName, projected: false };
      references.push({ kind, name: stringOrUndefined(ref[nameField]), path, namePath: [...path, nameField], site });
    }
    const sources = getIn(volume, ['projected', 'sources']);
    if (!Array.isArray(sources)) return;
    sources.forEach((source: unknown, sourceIndex) => {
      for (const [field, kind, nameField] of PROJECTED_REFS) {
        const ref = getIn(source, [field]);
        if (!isRecord(ref)) continue;
        const path = [...volumePath, 'projected', 'sources', sourceIndex, field];
        const site: ReferenceSite = { via: 'volume', volume: volumeName, projected: true };
        references.push({ kind, name: stringOrUndefined(ref[nameField]), path, namePath: [...path, nameField], site });
      }
    });
  });
  return references;
}

/** `container "web"`, `initContainer "setup"`, `volume "config"`: who holds the reference, for messages. */
export function describeReferenceSite(site: ReferenceSite): string {
  if (site.via === 'volume') return `${site.projected ? 'projected volume' : 'volume'} "${site.volume}"`;
  return `${site.container.type} "${site.container.name}"`;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
