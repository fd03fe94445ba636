import {
  WORKLOAD_KINDS,
  capabilityEntries,
  effectiveSecurityContext,
  exemptImagesParam,
  getIn,
  isRecord,
  isWindowsPod,
  judgedContainers,
  podSpecOf,
  usesUserNamespace,
} from '../src/kit/rule-api.js';
import type { ContainerRef, ObjectPath, PodSpecRef, Resource, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId =
  | 'hostProcess'
  | 'capability'
  | 'capabilitySpelling'
  | 'appArmorAnnotation'
  | 'appArmorType'
  | 'seLinuxType'
  | 'seLinuxUserRole'
  | 'procMount'
  | 'seccompType'
  | 'sysctl'
  | 'probeHost'
  | 'volumeType'
  | 'seccompUnset'
  | 'nonRootFlag';

type Profile = 'baseline' | 'restricted';

type Params = {
  profile: Profile;
  exemptImages: string[];
};

// The lists below are those of the Pod Security Standards page (kubernetes.io/docs/concepts/security/
// pod-security-standards) and of the Pod Security admission checks that implement it, as of Kubernetes 1.34.

/** Capabilities the baseline profile lets a container add (NET_RAW, in some runtimes' defaults, is not one). */
const BASELINE_CAPABILITIES = [
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
];

/** Sysctls isolated to the pod's own namespaces, the only ones the baseline profile allows. */
const SAFE_SYSCTLS = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
];

/** SELinux types a pod or container may ask for; an empty type means the runtime's default. */
const SELINUX_TYPES = ['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t'];

const CONFINED_PROFILE_TYPES = ['RuntimeDefault', 'Localhost'];

/** Volume sources the restricted profile allows. `hostPath` is the `no-host-path` rule's. */
const RESTRICTED_VOLUME_TYPES = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
];

const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';
const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'];
const LIFECYCLE_HOOKS = ['postStart', 'preStop'];

/** The start of every message: the level that defines the control, and the control's name on the page. */
const VIOLATES = 'violates the Pod Security Standards {{level}} profile ({{control}}):';

/**
 * Pods meet a Pod Security Standards profile, `baseline` or `restricted`, in
 * the controls no other rule checks, so that together with those rules a
 * manifest is judged as Pod Security admission would judge it. Baseline:
 * HostProcess, capabilities beyond the 13 the profile allows, AppArmor
 * (annotation and field), SELinux type, user and role, `/proc` mount type,
 * seccomp `Unconfined`, sysctls outside the safe set, and `host` in probes and
 * lifecycle hooks. Restricted adds: volume types, a seccomp profile that must
 * be set, and `runAsNonRoot: true` for containers that run as a non-zero user
 * (which `run-as-non-root` accepts). Left to other rules: host namespaces
 * (`no-host-namespaces`), privileged containers (`no-privileged`), hostPath
 * volumes (`no-host-path`), host ports (`no-host-ports`), privilege escalation
 * (`no-privilege-escalation`), running as root (`run-as-non-root`) and the
 * restricted capabilities control (`drop-all-capabilities` with
 * `allowedCapabilities: [NET_BIND_SERVICE]`). Each message names the level
 * that defines the control, so a baseline finding says baseline under either
 * profile. Values are compared exactly, as admission compares them.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'pod-security-standards',
    title: 'Pods meet a Pod Security Standards profile',
    description:
      'Keep pod specs within the Pod Security Standards profile (`baseline` or `restricted`) in the controls other rules do not check.',
    rationale: [
      'The Pod Security Standards are the Kubernetes project’s own definition of a pod that cannot take over its',
      'node: `baseline` blocks the known ways out of a container, `restricted` adds current hardening practice.',
      'Pod Security admission enforces them per namespace, but only at deploy time, and a rejected rollout is a',
      'poor way to find out that a chart adds NET_ADMIN, turns off seccomp or AppArmor, unmasks `/proc`, picks a',
      'privileged SELinux type or sets a sysctl that reaches the whole node. Checking the manifest first gives the',
      'same answer in review, with the line that causes it, and covers clusters where admission is not enforcing.',
      'This rule checks the controls no other rule covers. Baseline: HostProcess, capabilities, AppArmor, SELinux,',
      '`/proc` mount type, seccomp, sysctls, and hosts in probes and lifecycle hooks. Restricted adds: volume types,',
      'a required seccomp profile, and `runAsNonRoot: true` where a container runs as a non-zero user. The other',
      'baseline controls are `no-host-namespaces`, `no-privileged`, `no-host-path` and `no-host-ports`; the other',
      'restricted ones are `no-privilege-escalation`, `run-as-non-root` and `drop-all-capabilities` (whose default,',
      'no capability added, is stricter than the profile’s NET_BIND_SERVICE). Each message names the profile that',
      'defines the control, so a baseline finding says baseline under either profile.',
    ].join(' '),
    remediation: [
      'Remove the setting the finding names: add only capabilities from the default set, leave `procMount`, the',
      'SELinux user and role and the probe `host` unset, use the `RuntimeDefault` or a `Localhost` seccomp and',
      'AppArmor profile, and keep to the safe sysctls. For `restricted`, also set',
      '`securityContext.seccompProfile.type: RuntimeDefault` and `runAsNonRoot: true` on the pod and use only',
      'ConfigMap, Secret, projected, downward API, emptyDir, ephemeral, image, CSI and PersistentVolumeClaim',
      'volumes. Workloads that need more, such as node agents and CNI plugins, belong in a namespace that',
      'enforces `privileged`, excluded with `match.excludedNamespaces`.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        profile: {
          type: 'string',
          enum: ['baseline', 'restricted'],
          default: 'baseline',
          description:
            'The profile pods must meet: `baseline`, or `restricted`, which adds its own controls to those of `baseline`. The presets run `baseline`; ask for `restricted` in the config.',
        },
        exemptImages: exemptImagesParam({ note: 'Pod-level settings are still checked.' }),
      },
    },
    messages: {
      hostProcess: `${VIOLATES} {{subject}} sets windowsOptions.hostProcess: true, which runs it as a process on the Windows node`,
      capability: `${VIOLATES} {{subject}} adds {{capability}}, which is not on the list of capabilities the profile allows`,
      capabilitySpelling: `${VIOLATES} {{subject}} adds "{{capability}}", but admission compares names exactly: write "{{expected}}"`,
      appArmorAnnotation: `${VIOLATES} annotation {{annotation}} sets the AppArmor profile "{{value}}"; only runtime/default and localhost/ profiles are allowed`,
      appArmorType: `${VIOLATES} {{subject}} sets appArmorProfile.type to "{{value}}"; only RuntimeDefault and Localhost are allowed`,
      seLinuxType: `${VIOLATES} {{subject}} sets seLinuxOptions.type to "{{value}}"; only container_t, container_init_t, container_kvm_t and container_engine_t are allowed`,
      seLinuxUserRole: `${VIOLATES} {{subject}} sets seLinuxOptions.{{field}}, which must be left unset`,
      procMount: `${VIOLATES} {{subject}} sets procMount to "{{value}}"; only Default, which masks sensitive parts of /proc, is allowed`,
      seccompType: `${VIOLATES} {{subject}} sets seccompProfile.type to "{{value}}"; only RuntimeDefault and Localhost are allowed`,
      sysctl: `${VIOLATES} the pod sets sysctl "{{sysctl}}", which is not one of the safe, namespaced sysctls`,
      probeHost: `${VIOLATES} {{subject}} sends {{handler}} to host "{{host}}" instead of the pod`,
      volumeType: `${VIOLATES} volume "{{volume}}" has type {{volumeType}}; only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes are allowed`,
      seccompUnset: `${VIOLATES} {{subject}} sets no seccompProfile.type; set RuntimeDefault or Localhost on the pod or every container`,
      nonRootFlag: `${VIOLATES} {{subject}} runs as user {{user}} but runAsNonRoot is not true; set runAsNonRoot: true on the pod or the container`,
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const containers = judgedContainers(resource, params);
    const found: Violation<MessageId>[] = [
      ...podBaseline(resource, podSpec),
      ...containers.flatMap(containerBaseline),
      ...(params.profile === 'restricted' ? restricted(podSpec, containers) : []),
    ];
    yield* found;
  },
};

/** A violation of one control, with the words every message starts with. */
function violation(
  level: Profile,
  control: string,
  messageId: MessageId,
  data: Record<string, string>,
  path: ObjectPath,
): Violation<MessageId> {
  return { messageId, data: { level, control, ...data }, path };
}

/** `container "web"`, `initContainer "setup"`. */
function describeContainer(ref: ContainerRef): string {
  return `${ref.type} "${ref.name}"`;
}

/** Baseline controls set once for the whole pod: its securityContext, sysctls and AppArmor annotations. */
function podBaseline(resource: Resource, podSpec: PodSpecRef): Violation<MessageId>[] {
  const context = podSpec.spec.securityContext;
  const path = [...podSpec.path, 'securityContext'];
  return [
    ...securityContextBaseline(context, path, 'the pod'),
    ...sysctls(context, path),
    ...appArmorAnnotations(resource, podSpec),
  ];
}

/** Baseline controls of one container: its own securityContext, capabilities, /proc mount and probe hosts. */
function containerBaseline(ref: ContainerRef): Violation<MessageId>[] {
  const context = ref.container.securityContext;
  const path = [...ref.path, 'securityContext'];
  const subject = describeContainer(ref);
  const found = [...securityContextBaseline(context, path, subject), ...capabilities(ref), ...probeHosts(ref)];
  const procMount = getIn(context, ['procMount']);
  if (typeof procMount === 'string' && procMount !== 'Default') {
    found.push(
      violation('baseline', '/proc mount type', 'procMount', { subject, value: procMount }, [...path, 'procMount']),
    );
  }
  return found;
}

/** The controls a pod and a container both set: HostProcess, AppArmor, SELinux and seccomp. */
function securityContextBaseline(context: unknown, path: ObjectPath, subject: string): Violation<MessageId>[] {
  const found: Violation<MessageId>[] = [];
  if (getIn(context, ['windowsOptions', 'hostProcess']) === true) {
    found.push(
      violation('baseline', 'HostProcess', 'hostProcess', { subject }, [...path, 'windowsOptions', 'hostProcess']),
    );
  }
  const appArmor = getIn(context, ['appArmorProfile', 'type']);
  if (typeof appArmor === 'string' && !CONFINED_PROFILE_TYPES.includes(appArmor)) {
    const where = [...path, 'appArmorProfile', 'type'];
    found.push(violation('baseline', 'AppArmor', 'appArmorType', { subject, value: appArmor }, where));
  }
  const seccomp = getIn(context, ['seccompProfile', 'type']);
  if (typeof seccomp === 'string' && !CONFINED_PROFILE_TYPES.includes(seccomp)) {
    const where = [...path, 'seccompProfile', 'type'];
    found.push(violation('baseline', 'seccomp', 'seccompType', { subject, value: seccomp }, where));
  }
  return [...found, ...seLinux(getIn(context, ['seLinuxOptions']), [...path, 'seLinuxOptions'], subject)];
}

function seLinux(options: unknown, path: ObjectPath, subject: string): Violation<MessageId>[] {
  if (!isRecord(options)) return [];
  const found: Violation<MessageId>[] = [];
  if (typeof options.type === 'string' && !SELINUX_TYPES.includes(options.type)) {
    found.push(violation('baseline', 'SELinux', 'seLinuxType', { subject, value: options.type }, [...path, 'type']));
  }
  for (const field of ['user', 'role']) {
    const value = options[field];
    if (typeof value !== 'string' || value === '') continue;
    found.push(violation('baseline', 'SELinux', 'seLinuxUserRole', { subject, field }, [...path, field]));
  }
  return found;
}

function sysctls(context: unknown, path: ObjectPath): Violation<MessageId>[] {
  const list = getIn(context, ['sysctls']);
  if (!Array.isArray(list)) return [];
  return (list as unknown[]).flatMap((entry, index) => {
    const name = getIn(entry, ['name']);
    if (typeof name !== 'string' || SAFE_SYSCTLS.includes(name)) return [];
    return [violation('baseline', 'sysctls', 'sysctl', { sysctl: name }, [...path, 'sysctls', index, 'name'])];
  });
}

/** The AppArmor annotations on the pod template (or Pod), which admission reads whatever container they name. */
function appArmorAnnotations(resource: Resource, podSpec: PodSpecRef): Violation<MessageId>[] {
  const path = [...podSpec.path.slice(0, -1), 'metadata', 'annotations'];
  const annotations = getIn(resource.object, path);
  if (!isRecord(annotations)) return [];
  return Object.entries(annotations).flatMap(([annotation, value]) => {
    if (!annotation.startsWith(APPARMOR_ANNOTATION) || typeof value !== 'string') return [];
    if (value === '' || value === 'runtime/default' || value.startsWith('localhost/')) return [];
    return [violation('baseline', 'AppArmor', 'appArmorAnnotation', { annotation, value }, [...path, annotation])];
  });
}

/** Added capabilities outside the default set; a default one in other letters gets its spelling. */
function capabilities(ref: ContainerRef): Violation<MessageId>[] {
  const subject = describeContainer(ref);
  return capabilityEntries(effectiveSecurityContext(ref), 'add').flatMap((entry) => {
    if (BASELINE_CAPABILITIES.includes(entry.name)) return [];
    const expected = BASELINE_CAPABILITIES.find((name) => name === entry.name.toUpperCase());
    if (expected !== undefined) {
      const data = { subject, capability: entry.name, expected };
      return [violation('baseline', 'capabilities', 'capabilitySpelling', data, entry.path)];
    }
    return [violation('baseline', 'capabilities', 'capability', { subject, capability: entry.name }, entry.path)];
  });
}

/**
 * Probes and lifecycle hooks that name a `host`, which the kubelet then
 * connects to from the node. A pod on the host network is left alone: it
 * already fails baseline for that (`no-host-namespaces`), and there the node's
 * loopback address is the pod's own.
 */
function probeHosts(ref: ContainerRef): Violation<MessageId>[] {
  if (ref.podSpec.spec.hostNetwork === true) return [];
  const handlers: [string, ObjectPath][] = [
    ...PROBES.map((probe): [string, ObjectPath] => [probe, [probe]]),
    ...LIFECYCLE_HOOKS.map((hook): [string, ObjectPath] => [`lifecycle.${hook}`, ['lifecycle', hook]]),
  ];
  return handlers.flatMap(([name, at]) =>
    ['httpGet', 'tcpSocket'].flatMap((kind) => {
      const host = getIn(ref.container, [...at, kind, 'host']);
      if (typeof host !== 'string' || host === '') return [];
      const data = { subject: describeContainer(ref), handler: `${name}.${kind}`, host };
      const path = [...ref.path, ...at, kind, 'host'];
      return [violation('baseline', 'host probes and lifecycle hooks', 'probeHost', data, path)];
    }),
  );
}

/** The controls only the restricted profile has. */
function restricted(podSpec: PodSpecRef, containers: readonly ContainerRef[]): Violation<MessageId>[] {
  return [...volumeTypes(podSpec), ...seccompRequired(podSpec, containers), ...containers.flatMap(nonRootFlag)];
}

function volumeTypes(podSpec: PodSpecRef): Violation<MessageId>[] {
  const volumes = podSpec.spec.volumes;
  if (!Array.isArray(volumes)) return [];
  return (volumes as unknown[]).flatMap((volume, index) => {
    if (!isRecord(volume)) return [];
    const name = typeof volume.name === 'string' ? volume.name : `#${index}`;
    return Object.keys(volume)
      .filter((key) => key !== 'name' && key !== 'hostPath' && !RESTRICTED_VOLUME_TYPES.includes(key))
      .map((volumeType) =>
        violation('restricted', 'volume types', 'volumeType', { volume: name, volumeType }, [
          ...podSpec.path,
          'volumes',
          index,
          volumeType,
        ]),
      );
  });
}

/**
 * Containers with no seccomp profile of their own, when the pod sets none
 * either: one finding for the pod when no container sets one, else one per
 * container that lacks it. A profile of the wrong type is a baseline finding.
 */
function seccompRequired(podSpec: PodSpecRef, containers: readonly ContainerRef[]): Violation<MessageId>[] {
  if (isWindowsPod(podSpec)) return [];
  const podPath = [...podSpec.path, 'securityContext'];
  if (getIn(podSpec.spec, ['securityContext', 'seccompProfile', 'type']) !== undefined) return [];
  const missing = containers.filter(
    (ref) => getIn(ref.container, ['securityContext', 'seccompProfile', 'type']) === undefined,
  );
  if (missing.length === 0) return [];
  if (missing.length === containers.length) {
    const subject = 'the pod, like each of its containers,';
    return [violation('restricted', 'seccomp', 'seccompUnset', { subject }, [...podPath, 'seccompProfile'])];
  }
  return missing.map((ref) =>
    violation('restricted', 'seccomp', 'seccompUnset', { subject: `${describeContainer(ref)}, like the pod,` }, [
      ...ref.path,
      'securityContext',
      'seccompProfile',
    ]),
  );
}

/** A container that runs as a non-zero user without the runAsNonRoot flag, which restricted requires. */
function nonRootFlag(ref: ContainerRef): Violation<MessageId>[] {
  if (usesUserNamespace(ref.podSpec)) return [];
  const { runAsUser, runAsNonRoot } = effectiveSecurityContext(ref);
  if (runAsUser.value === undefined || runAsUser.value <= 0 || runAsNonRoot.value === true) return [];
  const data = { subject: describeContainer(ref), user: String(runAsUser.value) };
  return [violation('restricted', 'running as non-root', 'nonRootFlag', data, runAsNonRoot.path)];
}

export default rule;
