/**
 * The security settings a container actually runs with, combined from the
 * pod's `spec.securityContext` and the container's own `securityContext` the
 * way the kubelet combines them, with the place each value comes from so that
 * a finding can point at the field that decides.
 *
 * The kubelet starts from the pod-level fields that also exist on containers
 * (runAsUser, runAsGroup, runAsNonRoot, seLinuxOptions, seccompProfile,
 * appArmorProfile, windowsOptions) and lets every field the container sets
 * replace the pod's. A container field that is absent or `null` (a nil
 * pointer in the API) does not replace anything. `seLinuxOptions`,
 * `seccompProfile` and `appArmorProfile` are replaced as a whole, while
 * `windowsOptions` is replaced field by field (the two GMSA fields together).
 * privileged, allowPrivilegeEscalation, readOnlyRootFilesystem, capabilities
 * and procMount exist only on containers. Pod-only fields (fsGroup,
 * supplementalGroups, sysctls…) are not part of a container's context.
 *
 * A value of the wrong type (`runAsUser: "1000"`) counts as not set: the API
 * server would reject the manifest, and rules must not guess what it meant.
 */
import { getIn, isRecord } from '../model/records.js';
import type { ContainerRef, PodSpecRef } from './pod-spec.js';
import type { ObjectPath } from '../model/types.js';

type Json = Record<string, unknown>;

/** Where an effective value was set. */
export type SettingSource = 'container' | 'pod' | 'unset';

/** One field of the effective security context. */
export interface EffectiveSetting<T> {
  /** The value in force, or undefined when nothing sets it (the runtime's default applies). */
  readonly value: T | undefined;
  readonly source: SettingSource;
  /**
   * Path from the object root to the field that decides: the container's
   * field, else the pod's. When neither sets it, the container's own (missing)
   * field, so that the engine points at the nearest part of the container that exists.
   */
  readonly path: ObjectPath;
}

/** The Windows options, combined field by field. */
export interface EffectiveWindowsOptions {
  readonly runAsUserName: EffectiveSetting<string>;
  readonly hostProcess: EffectiveSetting<boolean>;
  readonly gmsaCredentialSpecName: EffectiveSetting<string>;
  readonly gmsaCredentialSpec: EffectiveSetting<string>;
}

/** Everything the kubelet hands the runtime for one container's security. */
export interface EffectiveSecurityContext {
  /** Path of the container's `securityContext` (which may not exist). */
  readonly containerPath: ObjectPath;
  /** Path of the pod's `securityContext` (which may not exist). */
  readonly podPath: ObjectPath;
  readonly runAsUser: EffectiveSetting<number>;
  readonly runAsGroup: EffectiveSetting<number>;
  readonly runAsNonRoot: EffectiveSetting<boolean>;
  readonly seLinuxOptions: EffectiveSetting<Json>;
  readonly seccompProfile: EffectiveSetting<Json>;
  readonly appArmorProfile: EffectiveSetting<Json>;
  readonly windowsOptions: EffectiveWindowsOptions;
  // Container-only fields.
  readonly privileged: EffectiveSetting<boolean>;
  readonly allowPrivilegeEscalation: EffectiveSetting<boolean>;
  readonly readOnlyRootFilesystem: EffectiveSetting<boolean>;
  readonly capabilities: EffectiveSetting<Json>;
  readonly procMount: EffectiveSetting<string>;
}

type Guard<T> = (value: unknown) => value is T;

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isString = (value: unknown): value is string => typeof value === 'string';
const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/** The effective security context of one container, as the kubelet computes it. */
export function effectiveSecurityContext(ref: ContainerRef): EffectiveSecurityContext {
  const containerPath = [...ref.path, 'securityContext'];
  const podPath = [...ref.podSpec.path, 'securityContext'];
  const own = ref.container.securityContext;
  const pod = ref.podSpec.spec.securityContext;
  const shared = <T>(field: string, guard: Guard<T>) => pick(own, pod, [field], containerPath, podPath, guard);
  const only = <T>(field: string, guard: Guard<T>) => pick(own, undefined, [field], containerPath, podPath, guard);
  return {
    containerPath,
    podPath,
    runAsUser: shared('runAsUser', isInteger),
    runAsGroup: shared('runAsGroup', isInteger),
    runAsNonRoot: shared('runAsNonRoot', isBoolean),
    seLinuxOptions: shared('seLinuxOptions', isRecord),
    seccompProfile: shared('seccompProfile', isRecord),
    appArmorProfile: shared('appArmorProfile', isRecord),
    windowsOptions: windowsOptionsOf(own, pod, containerPath, podPath),
    privileged: only('privileged', isBoolean),
    allowPrivilegeEscalation: only('allowPrivilegeEscalation', isBoolean),
    readOnlyRootFilesystem: only('readOnlyRootFilesystem', isBoolean),
    capabilities: only('capabilities', isRecord),
    procMount: only('procMount', isString),
  };
}

/** The container's value if it sets one, else the pod's, else unset at the container's field. */
function pick<T>(
  own: unknown,
  pod: unknown,
  field: readonly string[],
  containerPath: ObjectPath,
  podPath: ObjectPath,
  guard: Guard<T>,
): EffectiveSetting<T> {
  const mine = getIn(own, field);
  if (guard(mine)) return { value: mine, source: 'container', path: [...containerPath, ...field] };
  const inherited = getIn(pod, field);
  if (guard(inherited)) return { value: inherited, source: 'pod', path: [...podPath, ...field] };
  return { value: undefined, source: 'unset', path: [...containerPath, ...field] };
}

function windowsOptionsOf(
  own: unknown,
  pod: unknown,
  containerPath: ObjectPath,
  podPath: ObjectPath,
): EffectiveWindowsOptions {
  const field = (name: string) => ['windowsOptions', name];
  const setting = <T>(name: string, guard: Guard<T>) => pick(own, pod, field(name), containerPath, podPath, guard);
  // The kubelet takes both GMSA fields from the container when it sets either of them.
  const gmsaFromContainer = ['gmsaCredentialSpecName', 'gmsaCredentialSpec'].some((name) =>
    isString(getIn(own, field(name))),
  );
  const gmsa = (name: string) =>
    gmsaFromContainer ? pick(own, undefined, field(name), containerPath, podPath, isString) : setting(name, isString);
  return {
    runAsUserName: setting('runAsUserName', isString),
    hostProcess: setting('hostProcess', isBoolean),
    gmsaCredentialSpecName: gmsa('gmsaCredentialSpecName'),
    gmsaCredentialSpec: gmsa('gmsaCredentialSpec'),
  };
}

/** One entry of `capabilities.add` or `capabilities.drop`, with its path. */
export interface CapabilityEntry {
  /** The name as written. */
  readonly name: string;
  readonly path: ObjectPath;
}

/** The string entries of `capabilities.add` or `.drop`; entries of other types are skipped. */
export function capabilityEntries(context: EffectiveSecurityContext, list: 'add' | 'drop'): CapabilityEntry[] {
  const entries = getIn(context.capabilities.value, [list]);
  if (!Array.isArray(entries)) return [];
  const listPath = [...context.containerPath, 'capabilities', list];
  return entries.flatMap((name: unknown, index) =>
    typeof name === 'string' ? [{ name, path: [...listPath, index] }] : [],
  );
}

/**
 * The capability name the runtime uses: containerd and CRI-O upper-case what
 * the manifest says (and then add the `CAP_` prefix), so `net_raw` is `NET_RAW`.
 */
export function normalizeCapability(name: string): string {
  return name.toUpperCase();
}

/** Why privilege escalation is or is not possible for a container, and the field that decides. */
export interface PrivilegeEscalation {
  readonly allowed: boolean;
  /**
   * `privileged` and `sysAdmin` make escalation possible whatever the field says;
   * `explicit` is the field itself; `default` means nothing is set, so the
   * kernel's default (no `no_new_privs`) applies.
   */
  readonly reason: 'privileged' | 'sysAdmin' | 'explicit' | 'default';
  readonly path: ObjectPath;
  /** For `sysAdmin`: the added capability as written (`SYS_ADMIN`, `ALL`…). */
  readonly capability?: string;
}

/**
 * Whether a container's processes can gain privileges (setuid binaries, file
 * capabilities). The field only sets the `no_new_privs` flag; the API documents
 * escalation as always possible for a privileged container or one that adds
 * CAP_SYS_ADMIN (written `SYS_ADMIN`, or granted by adding `ALL`).
 */
export function privilegeEscalation(context: EffectiveSecurityContext): PrivilegeEscalation {
  if (context.privileged.value === true) return { allowed: true, reason: 'privileged', path: context.privileged.path };
  const sysAdmin = capabilityEntries(context, 'add').find((entry) =>
    ['SYS_ADMIN', 'CAP_SYS_ADMIN', 'ALL'].includes(normalizeCapability(entry.name)),
  );
  if (sysAdmin) return { allowed: true, reason: 'sysAdmin', path: sysAdmin.path, capability: sysAdmin.name };
  const field = context.allowPrivilegeEscalation;
  if (field.value === undefined) return { allowed: true, reason: 'default', path: field.path };
  return { allowed: field.value, reason: 'explicit', path: field.path };
}

/**
 * True for a pod that declares `os.name: windows`. The API forbids the
 * Linux-only security fields (privileged, capabilities, allowPrivilegeEscalation,
 * readOnlyRootFilesystem, runAsUser, seccomp, SELinux…) on such pods, so rules
 * that require one of them skip it.
 */
export function isWindowsPod(podSpec: PodSpecRef): boolean {
  return getIn(podSpec.spec, ['os', 'name']) === 'windows';
}

/**
 * True for a pod with `hostUsers: false`: it runs in its own user namespace,
 * so its root user maps to an unprivileged user on the node.
 */
export function usesUserNamespace(podSpec: PodSpecRef): boolean {
  return podSpec.spec.hostUsers === false;
}
