/**
 * Pod and container security contexts: user and group ids in range, known
 * seccomp and AppArmor profile types, and the combinations the API server
 * refuses. `procMount` is left alone: before its gate is on by default, the
 * API server drops the field rather than judge it.
 */
import type { ObjectPath } from '../../model/types.js';
import { checkEnum, checkRange, reportFormat } from './checks.js';
import type { Findings } from './findings.js';
import { isSet, listOf, quote, recordOf, stringOf } from './read.js';

/** User and group ids are unsigned 32-bit numbers. */
const MAX_ID = 0xffffffff;
const PROFILE_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];
/** `appArmorProfile` fields exist, on by default, from 1.30. */
const APPARMOR_FIELDS_SINCE = 30;
const SYSCTL_NAME = /^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$/;

/** Checks a container's `securityContext`. */
export function checkContainerSecurityContext(out: Findings, value: unknown, path: ObjectPath): void {
  const context = recordOf(value);
  if (!context) return;
  checkRange(out, context.runAsUser, [...path, 'runAsUser'], 0, MAX_ID);
  checkRange(out, context.runAsGroup, [...path, 'runAsGroup'], 0, MAX_ID);
  checkProfile(out, context.seccompProfile, [...path, 'seccompProfile'], 'seccomp');
  if (out.since(APPARMOR_FIELDS_SINCE))
    checkProfile(out, context.appArmorProfile, [...path, 'appArmorProfile'], 'AppArmor');
  if (context.allowPrivilegeEscalation === false) {
    if (context.privileged === true) {
      out.value(path, '"allowPrivilegeEscalation" may not be false while "privileged" is true');
    }
    const added = listOf(recordOf(context.capabilities)?.add);
    if (added.includes('CAP_SYS_ADMIN')) {
      out.value(path, '"allowPrivilegeEscalation" may not be false while "capabilities.add" holds "CAP_SYS_ADMIN"');
    }
  }
}

/**
 * Checks the pod's `securityContext`, and the pod spec fields the API server
 * keeps with it (`shareProcessNamespace` and `hostPID`).
 */
export function checkPodSecurityContext(out: Findings, spec: Record<string, unknown>, path: ObjectPath): void {
  if (spec.shareProcessNamespace === true && spec.hostPID === true) {
    out.value([...path, 'shareProcessNamespace'], '"shareProcessNamespace" and "hostPID" may not both be true');
  }
  const at = [...path, 'securityContext'];
  const context = recordOf(spec.securityContext);
  if (!context) return;
  for (const key of ['runAsUser', 'runAsGroup', 'fsGroup']) checkRange(out, context[key], [...at, key], 0, MAX_ID);
  listOf(context.supplementalGroups).forEach((group, index) => {
    checkRange(out, group, [...at, 'supplementalGroups', index], 0, MAX_ID);
  });
  checkEnum(out, context.fsGroupChangePolicy, [...at, 'fsGroupChangePolicy'], ['OnRootMismatch', 'Always']);
  checkProfile(out, context.seccompProfile, [...at, 'seccompProfile'], 'seccomp');
  if (out.since(APPARMOR_FIELDS_SINCE))
    checkProfile(out, context.appArmorProfile, [...at, 'appArmorProfile'], 'AppArmor');
  checkSysctls(out, context.sysctls, [...at, 'sysctls']);
}

/** A seccomp or AppArmor profile: a known type, and a local profile exactly when the type is `Localhost`. */
function checkProfile(out: Findings, value: unknown, path: ObjectPath, what: string): void {
  const profile = recordOf(value);
  if (!profile) return;
  const type = stringOf(profile.type);
  // A missing type is the schema's finding; an empty one is the API server's.
  if (type === '') {
    out.required(path, `"type" is required in a ${what} profile`);
    return;
  }
  checkEnum(out, type, [...path, 'type'], PROFILE_TYPES);
  if (type === 'Localhost' && !isSet(profile.localhostProfile)) {
    out.required(path, `"localhostProfile" is required when the ${what} profile type is "Localhost"`);
  } else if (type !== 'Localhost' && type !== undefined && isSet(profile.localhostProfile)) {
    out.value(
      [...path, 'localhostProfile'],
      `"localhostProfile" may be set only when the ${what} profile type is "Localhost"`,
    );
  }
}

/** Sysctl names are dotted (or slashed) segments of at most 253 characters, and each appears once. */
function checkSysctls(out: Findings, value: unknown, path: ObjectPath): void {
  const seen = new Set<string>();
  listOf(value).forEach((sysctl, index) => {
    const name = stringOf(recordOf(sysctl)?.name);
    if (name === undefined || name === '') return;
    const at = [...path, index, 'name'];
    const problems =
      name.length <= 253 && SYSCTL_NAME.test(name)
        ? []
        : ['must be dotted lower-case segments, 253 characters at most'];
    reportFormat(out, name, at, 'sysctl name', problems);
    if (problems.length === 0 && seen.has(name)) out.duplicate(at, `sysctl ${quote(name)} is set twice`);
    seen.add(name);
  });
}
