/**
 * A pod's volumes and the containers' mounts of them: unique DNS-label names,
 * at most one volume source each, the sources' own required fields and
 * modes, and mounts that name a volume that exists.
 */
import type { ObjectPath } from '../../model/types.js';
import { checkEnum, checkRange, reportFormat } from './checks.js';
import type { Findings } from './findings.js';
import { entriesAt, isSet, nonEmptyString, quote, recordOf, stringOf } from './read.js';
import { dnsLabelProblems } from './syntax.js';

/** The keys of a volume that name its source; a volume has at most one. */
const VOLUME_SOURCES = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
];

const HOST_PATH_TYPES = [
  'DirectoryOrCreate',
  'Directory',
  'FileOrCreate',
  'File',
  'Socket',
  'CharDevice',
  'BlockDevice',
];
const MOUNT_PROPAGATIONS = ['None', 'HostToContainer', 'Bidirectional'];
/** File modes are octal 0 to 0777. */
const MAX_FILE_MODE = 0o777;

/**
 * Checks `spec.volumes` and returns the names a mount may refer to. A volume
 * whose name is itself wrong is left out of the names, as the API server
 * does; one with a wrong source stays in, so a mount of it gets no second
 * finding.
 */
export function checkVolumes(out: Findings, spec: Record<string, unknown>, specPath: ObjectPath): Set<string> {
  const names = new Set<string>();
  for (const { entry, path } of entriesAt(spec, 'volumes', specPath)) {
    const name = stringOf(entry.name);
    if (name === '') out.required(path, '"name" is required');
    else if (name !== undefined) {
      const problems = dnsLabelProblems(name);
      reportFormat(out, name, [...path, 'name'], 'volume name (DNS-1123 label)', problems);
      if (names.has(name)) out.duplicate([...path, 'name'], `volume name ${quote(name)} is used by another volume`);
      else if (problems.length === 0) names.add(name);
    }
    checkVolumeSource(out, entry, path);
  }
  return names;
}

/**
 * At most one source (a volume without one becomes an `emptyDir`), and the
 * checks of the common ones. An `image` volume (1.31+, gated) is left alone.
 */
function checkVolumeSource(out: Findings, volume: Record<string, unknown>, path: ObjectPath): void {
  if (isSet(volume.image)) return;
  const sources = VOLUME_SOURCES.filter((key) => isSet(volume[key]));
  for (const extra of sources.slice(1)) {
    out.value([...path, extra], `a volume may have only one source, and this one already has ${quote(sources[0])}`);
  }
  checkConfigSource(out, recordOf(volume.secret), [...path, 'secret'], 'secretName');
  checkConfigSource(out, recordOf(volume.configMap), [...path, 'configMap'], 'name');
  const hostPath = recordOf(volume.hostPath);
  if (hostPath) checkEnum(out, hostPath.type, [...path, 'hostPath', 'type'], HOST_PATH_TYPES);
  const downwardAPI = recordOf(volume.downwardAPI);
  if (downwardAPI) checkFileModes(out, downwardAPI, [...path, 'downwardAPI']);
  const projected = recordOf(volume.projected);
  if (projected) checkRange(out, projected.defaultMode, [...path, 'projected', 'defaultMode'], 0, MAX_FILE_MODE);
}

/** A secret or config map volume: the name of what it mounts, and file modes. */
function checkConfigSource(
  out: Findings,
  source: Record<string, unknown> | undefined,
  path: ObjectPath,
  nameKey: string,
): void {
  if (!source) return;
  if (nonEmptyString(source[nameKey]) === undefined) out.required(path, `"${nameKey}" is required`);
  checkFileModes(out, source, path);
}

/** `defaultMode` and each item's `mode` are file modes, 0 to 0777 (511). */
function checkFileModes(out: Findings, source: Record<string, unknown>, path: ObjectPath): void {
  checkRange(out, source.defaultMode, [...path, 'defaultMode'], 0, MAX_FILE_MODE);
  for (const { entry, path: at } of entriesAt(source, 'items', path)) {
    checkRange(out, entry.mode, [...at, 'mode'], 0, MAX_FILE_MODE);
  }
}

/**
 * A container's `volumeMounts`: each names a volume of the pod, mount paths
 * are unique within the container, `subPath` and `subPathExpr` exclude each
 * other, and `Bidirectional` propagation needs a privileged container.
 */
export function checkVolumeMounts(
  out: Findings,
  container: Record<string, unknown>,
  path: ObjectPath,
  volumes: ReadonlySet<string>,
): void {
  const mountPaths = new Set<string>();
  const privileged = recordOf(container.securityContext)?.privileged === true;
  for (const { entry, path: at } of entriesAt(container, 'volumeMounts', path)) {
    const name = stringOf(entry.name);
    if (name !== undefined && name !== '' && !volumes.has(name)) {
      out.value([...at, 'name'], `volume ${quote(name)} is not among the pod's volumes`);
    }
    const mountPath = stringOf(entry.mountPath);
    if (mountPath !== undefined && mountPath !== '') {
      if (mountPaths.has(mountPath))
        out.duplicate([...at, 'mountPath'], `mount path ${quote(mountPath)} is used by another mount`);
      mountPaths.add(mountPath);
    }
    if (nonEmptyString(entry.subPath) !== undefined && nonEmptyString(entry.subPathExpr) !== undefined) {
      out.value([...at, 'subPathExpr'], '"subPathExpr" and "subPath" may not both be set');
    }
    checkEnum(out, entry.mountPropagation, [...at, 'mountPropagation'], MOUNT_PROPAGATIONS);
    if (entry.mountPropagation === 'Bidirectional' && !privileged) {
      out.value([...at, 'mountPropagation'], '"Bidirectional" mount propagation needs a privileged container');
    }
  }
}
