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
    readonly privileged: EffectiveSetting<boolean>;
    readonly allowPrivilegeEscalation: EffectiveSetting<boolean>;
    readonly readOnlyRootFilesystem: EffectiveSetting<boolean>;
    readonly capabilities: EffectiveSetting<Json>;
    readonly procMount: EffectiveSetting<string>;
}
/** The effective security context of one container, as the kubelet computes it. */
export declare function effectiveSecurityContext(ref: ContainerRef): EffectiveSecurityContext;
/** One entry of `capabilities.add` or `capabilities.drop`, with its path. */
export interface CapabilityEntry {
    /** The name as written. */
    readonly name: string;
    readonly path: ObjectPath;
}
/** The string entries of `capabilities.add` or `.drop`; entries of other types are skipped. */
export declare function capabilityEntries(context: EffectiveSecurityContext, list: 'add' | 'drop'): CapabilityEntry[];
/**
 * The capability name the runtime uses: containerd and CRI-O upper-case what
 * the manifest says (and then add the `CAP_` prefix), so `net_raw` is `NET_RAW`.
 */
export declare function normalizeCapability(name: string): string;
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
export declare function privilegeEscalation(context: EffectiveSecurityContext): PrivilegeEscalation;
/**
 * True for a pod that declares `os.name: windows`. The API forbids the
 * Linux-only security fields (privileged, capabilities, allowPrivilegeEscalation,
 * readOnlyRootFilesystem, runAsUser, seccomp, SELinux…) on such pods, so rules
 * that require one of them skip it.
 */
export declare function isWindowsPod(podSpec: PodSpecRef): boolean;
/**
 * True for a pod with `hostUsers: false`: it runs in its own user namespace,
 * so its root user maps to an unprivileged user on the node.
 */
export declare function usesUserNamespace(podSpec: PodSpecRef): boolean;
export {};
