import { describe, expect, it } from 'vitest';
import { at, duplicate, type Json, pod, prefixed, problemsOf, required, value } from './helpers.js';

const withSpec = (fields: Json): Json => pod(prefixed('spec', fields));
const LABEL_RULE = "must consist of lower-case letters, digits and '-', and start and end with a letter or digit";

describe('pod-level enumerations and names', () => {
  it.each([
    ['a known restart policy', { restartPolicy: 'OnFailure' }],
    ['an empty restart policy, which defaults', { restartPolicy: '' }],
    ['a known DNS policy', { dnsPolicy: 'ClusterFirstWithHostNet' }],
    ['DNS policy None with a name server', { dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'] } }],
    ['host and subdomain names', { hostname: 'web-0', subdomain: 'web', serviceAccountName: 'web.reader' }],
    ['an OS name', { os: { name: 'windows' } }],
    ['a node selector', { nodeSelector: { 'kubernetes.io/os': 'linux' } }],
  ])('accepts %s', (_, fields) => {
    expect(problemsOf(withSpec(fields))).toEqual([]);
  });

  it.each([
    [
      'a lower-case restart policy',
      { restartPolicy: 'always' },
      [value('spec.restartPolicy', '"restartPolicy" must be one of "Always", "OnFailure", "Never", not "always"')],
    ],
    [
      'an unknown DNS policy',
      { dnsPolicy: 'ClusterFirstWithHostNetwork' },
      [
        value(
          'spec.dnsPolicy',
          '"dnsPolicy" must be one of "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None", not "ClusterFirstWithHostNetwork"',
        ),
      ],
    ],
    [
      'DNS policy None without a config',
      { dnsPolicy: 'None' },
      [required('spec', '"dnsConfig" is required when "dnsPolicy" is "None"')],
    ],
    [
      'DNS policy None without a name server',
      { dnsPolicy: 'None', dnsConfig: { searches: ['svc.local'] } },
      [required('spec.dnsConfig', '"nameservers" must hold at least one server when "dnsPolicy" is "None"')],
    ],
    [
      'four name servers',
      { dnsConfig: { nameservers: ['1.1.1.1', '1.0.0.1', '8.8.8.8', '8.8.4.4'] } },
      [value('spec.dnsConfig.nameservers', '"nameservers" may hold at most 3 servers, not 4')],
    ],
    [
      'a hostname with a dot',
      { hostname: 'web.internal' },
      [value('spec.hostname', '"hostname" "web.internal" is not a valid DNS-1123 label: must not contain dots')],
    ],
    [
      'a service account name in capitals',
      { serviceAccountName: 'Reader' },
      [
        value(
          'spec.serviceAccountName',
          `"serviceAccountName" "Reader" is not a valid DNS-1123 subdomain: must consist of lower-case letters, digits, '-' and '.', and start and end with a letter or digit`,
        ),
      ],
    ],
    [
      'an active deadline of 0',
      { activeDeadlineSeconds: 0 },
      [
        value(
          'spec.activeDeadlineSeconds',
          '"activeDeadlineSeconds" must be between 1 and 2147483647, inclusive, not 0',
        ),
      ],
    ],
    [
      'a capitalized OS',
      { os: { name: 'Linux' } },
      [value('spec.os.name', '"name" must be one of "linux", "windows", not "Linux"')],
    ],
    [
      'a preemption policy of its own',
      { preemptionPolicy: 'Always' },
      [
        value(
          'spec.preemptionPolicy',
          '"preemptionPolicy" must be one of "PreemptLowerPriority", "Never", not "Always"',
        ),
      ],
    ],
    [
      'a node selector value with a space',
      { nodeSelector: { zone: 'eu west' } },
      [
        value(
          'spec.nodeSelector.zone',
          `label value "eu west" of "zone" is not valid: it must be empty or consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit`,
        ),
      ],
    ],
    [
      'a readiness gate that is no qualified name',
      { readinessGates: [{ conditionType: 'ready now' }] },
      [
        value(
          'spec.readinessGates.0.conditionType',
          `"conditionType" "ready now" is not a valid qualified name: has a name part that must consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit`,
        ),
      ],
    ],
  ])('rejects %s', (_, fields, expected) => {
    expect(problemsOf(withSpec(fields))).toEqual(expected);
  });

  it('rejects a node name on a Pod with scheduling gates', () => {
    expect(problemsOf(withSpec({ nodeName: 'node-1', schedulingGates: [{ name: 'example.com/wait' }] }))).toEqual([
      value('spec.nodeName', '"nodeName" may not be set while "schedulingGates" remain'),
    ]);
  });

  it('leaves a negative termination grace period alone: the API server turns it into 1', () => {
    expect(problemsOf(withSpec({ terminationGracePeriodSeconds: -1 }))).toEqual([]);
  });
});

describe('volumes', () => {
  const volumes = (...entries: Json[]): Json => withSpec({ volumes: entries });

  it.each([
    [
      'a config map and a secret',
      volumes(
        { name: 'config', configMap: { name: 'settings', defaultMode: 0o644 } },
        { name: 'tls', secret: { secretName: 'tls' } },
      ),
    ],
    ['a volume without a source, which becomes an emptyDir', volumes({ name: 'scratch' })],
    ['a host path of a known type', volumes({ name: 'sock', hostPath: { path: '/run/x.sock', type: 'Socket' } })],
  ])('accepts %s', (_, object) => {
    expect(problemsOf(object)).toEqual([]);
  });

  it.each([
    [
      'a volume name with capitals',
      volumes({ name: 'Config', emptyDir: {} }),
      [value('spec.volumes.0.name', `"name" "Config" is not a valid volume name (DNS-1123 label): ${LABEL_RULE}`)],
    ],
    [
      'two volumes of one name',
      volumes({ name: 'data', emptyDir: {} }, { name: 'data', configMap: { name: 'c' } }),
      [duplicate('spec.volumes.1.name', 'volume name "data" is used by another volume')],
    ],
    [
      'a volume with two sources',
      volumes({ name: 'data', emptyDir: {}, configMap: { name: 'c' } }),
      [value('spec.volumes.0.configMap', 'a volume may have only one source, and this one already has "emptyDir"')],
    ],
    [
      'a secret volume without a secret name',
      volumes({ name: 'tls', secret: {} }),
      [required('spec.volumes.0.secret', '"secretName" is required')],
    ],
    [
      'a config map volume without a name',
      volumes({ name: 'c', configMap: { optional: true } }),
      [required('spec.volumes.0.configMap', '"name" is required')],
    ],
    [
      'a file mode written in decimal',
      volumes({ name: 'c', configMap: { name: 'c', items: [{ key: 'a', path: 'a', mode: 644 }] } }),
      [value('spec.volumes.0.configMap.items.0.mode', '"mode" must be between 0 and 511, inclusive, not 644')],
    ],
    [
      'an unknown host path type',
      volumes({ name: 'h', hostPath: { path: '/x', type: 'Dir' } }),
      [
        value(
          'spec.volumes.0.hostPath.type',
          '"type" must be one of "DirectoryOrCreate", "Directory", "FileOrCreate", "File", "Socket", "CharDevice", "BlockDevice", not "Dir"',
        ),
      ],
    ],
  ])('rejects %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });
});

describe('tolerations', () => {
  const tolerations = (...entries: Json[]): Json => withSpec({ tolerations: entries });

  it.each([
    ['an Equal toleration', tolerations({ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' })],
    ['a toleration of every taint', tolerations({ operator: 'Exists' })],
    [
      'tolerationSeconds with NoExecute',
      tolerations({
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 60,
      }),
    ],
  ])('accepts %s', (_, object) => {
    expect(problemsOf(object)).toEqual([]);
  });

  it.each([
    [
      'an empty key without Exists',
      tolerations({ operator: 'Equal', value: 'x' }),
      [
        value(
          'spec.tolerations.0.operator',
          '"operator" must be "Exists" when "key" is empty (which matches every taint)',
        ),
      ],
    ],
    [
      'a value with Exists',
      tolerations({ key: 'a', operator: 'Exists', value: 'x' }),
      [value('spec.tolerations.0.value', '"value" must be empty when "operator" is "Exists"')],
    ],
    [
      'an unknown operator',
      tolerations({ key: 'a', operator: 'In', value: 'x' }),
      [value('spec.tolerations.0.operator', '"operator" must be one of "Equal", "Exists", not "In"')],
    ],
    [
      'an unknown effect',
      tolerations({ key: 'a', operator: 'Exists', effect: 'NoExec' }),
      [
        value(
          'spec.tolerations.0.effect',
          '"effect" must be one of "NoSchedule", "PreferNoSchedule", "NoExecute", not "NoExec"',
        ),
      ],
    ],
    [
      'tolerationSeconds without NoExecute',
      tolerations({ key: 'a', operator: 'Exists', tolerationSeconds: 30 }),
      [value('spec.tolerations.0.effect', '"effect" must be "NoExecute" when "tolerationSeconds" is set')],
    ],
  ])('rejects %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });
});

describe('affinity', () => {
  const affinity = (fields: Json): Json => withSpec({ affinity: fields });
  const required_ = 'requiredDuringSchedulingIgnoredDuringExecution';

  it('accepts node and pod affinity terms', () => {
    const object = affinity({
      nodeAffinity: {
        [required_]: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'cpu-count', operator: 'Gt', values: ['4'] }] }],
        },
        preferredDuringSchedulingIgnoredDuringExecution: [
          {
            weight: 10,
            preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['not a label value'] }] },
          },
        ],
      },
      podAntiAffinity: {
        [required_]: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' }],
      },
    });
    expect(problemsOf(object)).toEqual([]);
  });

  it('judges label values in required node affinity terms from 1.33', () => {
    const term = { matchExpressions: [{ key: 'zone', operator: 'In', values: ['eu west'] }] };
    const object = affinity({ nodeAffinity: { [required_]: { nodeSelectorTerms: [term] } } });
    expect(problemsOf(object, '1.31')).toEqual([]);
    expect(problemsOf(object, '1.33')).toEqual([
      value(
        `spec.affinity.nodeAffinity.${required_}.nodeSelectorTerms.0.matchExpressions.0.values.0`,
        `"values" "eu west" is not a valid label value: must be empty or consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit`,
      ),
    ]);
  });

  it.each([
    [
      'a required node affinity without terms',
      { nodeAffinity: { [required_]: { nodeSelectorTerms: [] } } },
      [required(`spec.affinity.nodeAffinity.${required_}`, '"nodeSelectorTerms" must hold at least one term')],
    ],
    [
      'Gt with two values',
      {
        nodeAffinity: {
          [required_]: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'n', operator: 'Gt', values: ['1', '2'] }] }],
          },
        },
      },
      [
        value(
          `spec.affinity.nodeAffinity.${required_}.nodeSelectorTerms.0.matchExpressions.0.values`,
          '"values" must hold exactly one value when "operator" is "Gt"',
        ),
      ],
    ],
    [
      'a weight of 0',
      {
        podAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, podAffinityTerm: { topologyKey: 'zone' } }],
        },
      },
      [
        value(
          'spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution.0.weight',
          '"weight" must be between 1 and 100, inclusive, not 0',
        ),
      ],
    ],
    [
      'an empty topology key',
      { podAffinity: { [required_]: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: '' }] } },
      [required(`spec.affinity.podAffinity.${required_}.0`, '"topologyKey" must not be empty')],
    ],
    [
      'a selector with an unknown operator',
      {
        podAffinity: {
          [required_]: [
            {
              labelSelector: { matchExpressions: [{ key: 'app', operator: 'Is', values: ['db'] }] },
              topologyKey: 'zone',
            },
          ],
        },
      },
      [
        value(
          `spec.affinity.podAffinity.${required_}.0.labelSelector.matchExpressions.0.operator`,
          '"operator" must be one of "In", "NotIn", "Exists", "DoesNotExist", not "Is"',
        ),
      ],
    ],
  ])('rejects %s', (_, fields, expected) => {
    expect(problemsOf(affinity(fields))).toEqual(expected);
  });
});

describe('topology spread constraints', () => {
  const spread = (...entries: Json[]): Json => withSpec({ topologySpreadConstraints: entries });
  const base = { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' };

  it('accepts a constraint with minDomains and DoNotSchedule', () => {
    expect(problemsOf(spread({ ...base, minDomains: 3, labelSelector: { matchLabels: { app: 'web' } } }))).toEqual([]);
  });

  it.each([
    [
      'a maxSkew of 0',
      spread({ ...base, maxSkew: 0 }),
      [value('spec.topologySpreadConstraints.0.maxSkew', '"maxSkew" must be greater than 0, not 0')],
    ],
    [
      'an unknown action',
      spread({ ...base, whenUnsatisfiable: 'Schedule' }),
      [
        value(
          'spec.topologySpreadConstraints.0.whenUnsatisfiable',
          '"whenUnsatisfiable" must be one of "DoNotSchedule", "ScheduleAnyway", not "Schedule"',
        ),
      ],
    ],
    [
      'minDomains with ScheduleAnyway',
      spread({ ...base, whenUnsatisfiable: 'ScheduleAnyway', minDomains: 2 }),
      [
        value(
          'spec.topologySpreadConstraints.0.minDomains',
          '"minDomains" may be set only when "whenUnsatisfiable" is "DoNotSchedule"',
        ),
      ],
    ],
    [
      'two constraints on one key and action',
      spread(base, { ...base, maxSkew: 2 }),
      [
        duplicate(
          'spec.topologySpreadConstraints.1',
          'another constraint already has topology key "zone" and "whenUnsatisfiable" "DoNotSchedule"',
        ),
      ],
    ],
  ])('rejects %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });
});

describe('pod security context', () => {
  const context = (fields: Json, spec: Json = {}): Json => withSpec({ securityContext: fields, ...spec });

  it('accepts ids, a group change policy and sysctls', () => {
    const fields = {
      runAsUser: 1000,
      fsGroup: 2000,
      fsGroupChangePolicy: 'OnRootMismatch',
      sysctls: [{ name: 'net.core.somaxconn', value: '1024' }],
    };
    expect(problemsOf(context(fields))).toEqual([]);
  });

  it.each([
    [
      'a supplemental group above the range',
      context({ supplementalGroups: [4294967296] }),
      [
        value(
          'spec.securityContext.supplementalGroups.0',
          '"supplementalGroups" must be between 0 and 4294967295, inclusive, not 4294967296',
        ),
      ],
    ],
    [
      'shared process namespace with hostPID',
      withSpec({ shareProcessNamespace: true, hostPID: true }),
      [value('spec.shareProcessNamespace', '"shareProcessNamespace" and "hostPID" may not both be true')],
    ],
    [
      'an unknown group change policy',
      context({ fsGroupChangePolicy: 'Never' }),
      [
        value(
          'spec.securityContext.fsGroupChangePolicy',
          '"fsGroupChangePolicy" must be one of "OnRootMismatch", "Always", not "Never"',
        ),
      ],
    ],
    [
      'a sysctl set twice',
      context({
        sysctls: [
          { name: 'kernel.shm_rmid_forced', value: '1' },
          { name: 'kernel.shm_rmid_forced', value: '0' },
        ],
      }),
      [duplicate('spec.securityContext.sysctls.1.name', 'sysctl "kernel.shm_rmid_forced" is set twice')],
    ],
    [
      'an empty seccomp type',
      context({ seccompProfile: { type: '' } }),
      [required('spec.securityContext.seccompProfile', '"type" is required in a seccomp profile')],
    ],
  ])('rejects %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });

  it('points a bad sysctl name at the entry', () => {
    expect(problemsOf(context({ sysctls: [{ name: 'Net.Core', value: '1' }] }))).toEqual([
      value(
        at('spec.securityContext.sysctls.0.name'),
        '"name" "Net.Core" is not a valid sysctl name: must be dotted lower-case segments, 253 characters at most',
      ),
    ]);
  });
});

describe('more pod spec fields', () => {
  it.each([
    [
      'a downward API file mode above 0777',
      {
        volumes: [
          {
            name: 'info',
            downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' }, mode: 1000 }] },
          },
        ],
      },
      [value('spec.volumes.0.downwardAPI.items.0.mode', '"mode" must be between 0 and 511, inclusive, not 1000')],
    ],
    [
      'a projected default mode above 0777',
      { volumes: [{ name: 'token', projected: { defaultMode: 777, sources: [] } }] },
      [value('spec.volumes.0.projected.defaultMode', '"defaultMode" must be between 0 and 511, inclusive, not 777')],
    ],
    [
      'a config map default mode above 0777',
      { volumes: [{ name: 'c', configMap: { name: 'c', defaultMode: 644 } }] },
      [value('spec.volumes.0.configMap.defaultMode', '"defaultMode" must be between 0 and 511, inclusive, not 644')],
    ],
    [
      '33 search domains',
      { dnsConfig: { searches: Array.from({ length: 33 }, (_, index) => `d${index}.example`) } },
      [value('spec.dnsConfig.searches', '"searches" may hold at most 32 domains, not 33')],
    ],
    [
      'a priority class name with capitals',
      { priorityClassName: 'High' },
      [
        value(
          'spec.priorityClassName',
          `"priorityClassName" "High" is not a valid DNS-1123 subdomain: must consist of lower-case letters, digits, '-' and '.', and start and end with a letter or digit`,
        ),
      ],
    ],
    [
      'an empty runtime class name',
      { runtimeClassName: '' },
      [
        value(
          'spec.runtimeClassName',
          `"runtimeClassName" "" is not a valid DNS-1123 subdomain: must consist of lower-case letters, digits, '-' and '.', and start and end with a letter or digit`,
        ),
      ],
    ],
    [
      'a pod affinity namespace that is no DNS label',
      {
        affinity: {
          podAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'zone', namespaces: ['Team_A'] }],
          },
        },
      },
      [
        value(
          'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution.0.namespaces.0',
          `"namespaces" "Team_A" is not a valid namespace name: ${LABEL_RULE}`,
        ),
      ],
    ],
    [
      'an unknown node inclusion policy',
      {
        topologySpreadConstraints: [
          { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', nodeTaintsPolicy: 'Skip' },
        ],
      },
      [
        value(
          'spec.topologySpreadConstraints.0.nodeTaintsPolicy',
          '"nodeTaintsPolicy" must be one of "Honor", "Ignore", not "Skip"',
        ),
      ],
    ],
    [
      'a container adding CAP_SYS_ADMIN without privilege escalation',
      {
        containers: [
          {
            name: 'app',
            image: 'x',
            securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['CAP_SYS_ADMIN'] } },
          },
        ],
      },
      [
        value(
          'spec.containers.0.securityContext',
          '"allowPrivilegeEscalation" may not be false while "capabilities.add" holds "CAP_SYS_ADMIN"',
        ),
      ],
    ],
    [
      'an envFrom entry with two sources',
      {
        containers: [{ name: 'app', image: 'x', envFrom: [{ configMapRef: { name: 'a' }, secretRef: { name: 'b' } }] }],
      },
      [value('spec.containers.0.envFrom.0', 'an "envFrom" entry may name only one of "configMapRef" and "secretRef"')],
    ],
    [
      'an envFrom secret without a name',
      { containers: [{ name: 'app', image: 'x', envFrom: [{ secretRef: {} }] }] },
      [required('spec.containers.0.envFrom.0.secretRef', '"name" is required')],
    ],
    [
      'a gRPC probe on port 0',
      { containers: [{ name: 'app', image: 'x', readinessProbe: { grpc: { port: 0 } } }] },
      [value('spec.containers.0.readinessProbe.grpc.port', '"port" must be between 1 and 65535, inclusive, not 0')],
    ],
  ])('rejects %s', (_, fields, expected) => {
    expect(problemsOf(withSpec(fields))).toEqual(expected);
  });
});
