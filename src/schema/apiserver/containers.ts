/**
 * The containers of a pod spec: at least one, names unique across regular and
 * init containers, and each container's own fields. Sidecars (init containers
 * with `restartPolicy: Always`) follow the release.
 */
import type { ObjectPath } from '../../model/types.js';
import { checkEnum, checkPortNumber, checkRange, reportFormat } from './checks.js';
import { checkContainerEnv } from './container-env.js';
import type { Findings } from './findings.js';
import { checkLifecycle, checkProbe, PROBES } from './probes.js';
import { entriesAt, integerOf, isEmptyList, isSet, type ListEntry, quote, recordOf, stringOf } from './read.js';
import { checkContainerResources } from './resources.js';
import { checkContainerSecurityContext } from './security-context.js';
import { dnsLabelProblems, portNameProblems } from './syntax.js';
import { checkVolumeMounts } from './volumes.js';

/** Sidecar containers (SidecarContainers) are on by default from 1.29. */
const SIDECARS_SINCE = 29;
/** From 1.34, ContainerRestartRules lets regular containers carry a restart policy of their own. */
const CONTAINER_RESTART_RULES_SINCE = 34;

/** What a pod spec's containers are checked against. */
export interface ContainerScope {
  /** The names of the pod's volumes that mounts may refer to. */
  readonly volumes: ReadonlySet<string>;
  /** True for a Pod, false for a pod template (some checks are for pods only). */
  readonly isPod: boolean;
}

/** Checks `containers` and `initContainers` of a pod spec. */
export function checkContainers(
  out: Findings,
  spec: Record<string, unknown>,
  path: ObjectPath,
  scope: ContainerScope,
): void {
  if (isEmptyList(spec.containers)) out.required(path, '"containers" must hold at least one container');
  const regular = entriesAt(spec, 'containers', path);
  const init = entriesAt(spec, 'initContainers', path);
  const names = new Set<string>();
  for (const item of regular) {
    checkContainer(out, item, scope);
    checkUniqueName(out, item, names);
    checkRegularContainer(out, item);
  }
  checkHostPortConflicts(out, regular);
  for (const item of init) {
    checkContainer(out, item, scope);
    checkUniqueName(out, item, names);
    checkInitContainer(out, item);
    checkHostPortConflicts(out, [item]);
  }
}

/** The fields every kind of container shares. */
function checkContainer(out: Findings, { entry, path }: ListEntry, scope: ContainerScope): void {
  const name = stringOf(entry.name);
  if (name === '') out.required(path, '"name" is required');
  else if (name !== undefined)
    reportFormat(out, name, [...path, 'name'], 'container name (DNS-1123 label)', dnsLabelProblems(name));
  const image = stringOf(entry.image);
  if (!isSet(entry.image) || image === '') out.required(path, '"image" is required');
  else if (scope.isPod && image !== undefined && image.trim() !== image) {
    out.value([...path, 'image'], `"image" ${quote(image)} must not start or end with white space`);
  }
  checkEnum(
    out,
    entry.terminationMessagePolicy,
    [...path, 'terminationMessagePolicy'],
    ['File', 'FallbackToLogsOnError'],
  );
  checkEnum(out, entry.imagePullPolicy, [...path, 'imagePullPolicy'], ['Always', 'IfNotPresent', 'Never']);
  checkContainerPorts(out, entry, path);
  checkContainerEnv(out, entry, path);
  checkVolumeMounts(out, entry, path, scope.volumes);
  checkContainerResources(out, entry.resources, [...path, 'resources']);
  checkContainerSecurityContext(out, entry.securityContext, [...path, 'securityContext']);
}

/** Container names are unique across regular and init containers. */
function checkUniqueName(out: Findings, { entry, path }: ListEntry, names: Set<string>): void {
  const name = stringOf(entry.name);
  if (name === undefined || name === '') return;
  if (names.has(name)) out.duplicate([...path, 'name'], `container name ${quote(name)} is used by another container`);
  names.add(name);
}

/** Probes and hooks of a regular container; a restart policy of its own only from 1.34. */
function checkRegularContainer(out: Findings, { entry, path }: ListEntry): void {
  checkProbesAndHooks(out, entry, path);
  if (isSet(entry.restartPolicy) && out.since(SIDECARS_SINCE) && out.before(CONTAINER_RESTART_RULES_SINCE)) {
    out.value([...path, 'restartPolicy'], '"restartPolicy" may be set only on init containers');
  }
}

/**
 * An init container's restart policy may only be `Always`, which makes it a
 * sidecar; only sidecars may have probes and lifecycle hooks. With an unknown
 * release, `Always` is taken as a sidecar, which is the lenient reading.
 */
function checkInitContainer(out: Findings, { entry, path }: ListEntry): void {
  if (out.since(SIDECARS_SINCE) && out.before(CONTAINER_RESTART_RULES_SINCE + 1)) {
    checkEnum(out, entry.restartPolicy, [...path, 'restartPolicy'], ['Always']);
  }
  if (entry.restartPolicy === 'Always' && !out.before(SIDECARS_SINCE)) {
    checkProbesAndHooks(out, entry, path);
    return;
  }
  const reason = out.before(SIDECARS_SINCE)
    ? 'may not be set on init containers'
    : 'may not be set on an init container unless its "restartPolicy" is "Always"';
  for (const key of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
    if (isSet(entry[key])) out.value([...path, key], `"${key}" ${reason}`);
  }
}

function checkProbesAndHooks(out: Findings, container: Record<string, unknown>, path: ObjectPath): void {
  for (const [key, type] of PROBES) {
    const probe = recordOf(container[key]);
    if (probe) checkProbe(out, probe, [...path, key], type);
  }
  const lifecycle = recordOf(container.lifecycle);
  if (lifecycle) checkLifecycle(out, lifecycle, [...path, 'lifecycle']);
}

/** Port names are IANA service names, unique in the container; port numbers in range; protocols known. */
function checkContainerPorts(out: Findings, container: Record<string, unknown>, path: ObjectPath): void {
  const names = new Set<string>();
  for (const { entry, path: at } of entriesAt(container, 'ports', path)) {
    const name = stringOf(entry.name);
    if (name !== undefined && name !== '') {
      const problems = portNameProblems(name);
      reportFormat(out, name, [...at, 'name'], 'port name', problems);
      if (problems.length === 0 && names.has(name))
        out.duplicate([...at, 'name'], `port name ${quote(name)} is used by another port of the container`);
      names.add(name);
    }
    checkPortNumber(out, entry.containerPort, [...at, 'containerPort']);
    if (integerOf(entry.hostPort) !== 0) checkRange(out, entry.hostPort, [...at, 'hostPort'], 1, 65535);
    checkEnum(out, entry.protocol, [...at, 'protocol'], ['TCP', 'UDP', 'SCTP']);
  }
}

/** Two containers that run together may not claim the same host port, protocol and host IP. */
function checkHostPortConflicts(out: Findings, containers: readonly ListEntry[]): void {
  const claimed = new Set<string>();
  for (const { entry, path } of containers) {
    for (const { entry: port, path: at } of entriesAt(entry, 'ports', path)) {
      const hostPort = integerOf(port.hostPort);
      if (hostPort === undefined || hostPort === 0) continue;
      const protocol = stringOf(port.protocol) || 'TCP';
      const key = `${protocol}/${stringOf(port.hostIP) ?? ''}/${hostPort}`;
      if (claimed.has(key))
        out.duplicate([...at, 'hostPort'], `host port ${hostPort}/${protocol} is claimed by another port`);
      claimed.add(key);
    }
  }
}
