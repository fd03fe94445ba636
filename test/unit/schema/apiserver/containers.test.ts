import { describe, expect, it } from 'vitest';
import {
  at,
  duplicate,
  type Json,
  patched,
  pod,
  podWithContainer,
  problemsOf,
  required,
  value,
  workload,
} from './helpers.js';

const C = 'spec.containers.0';

describe('container names and images', () => {
  it('rejects a Pod without containers', () => {
    expect(problemsOf(pod({ 'spec.containers': [] }))).toEqual([
      required('spec', '"containers" must hold at least one container'),
    ]);
  });

  it('rejects a container name that is no DNS label', () => {
    expect(problemsOf(pod({ [`${C}.name`]: 'Web_App' }))).toEqual([
      value(
        `${C}.name`,
        `"name" "Web_App" is not a valid container name (DNS-1123 label): must consist of lower-case letters, digits and '-', and start and end with a letter or digit`,
      ),
    ]);
  });

  it('rejects an empty container name', () => {
    expect(problemsOf(pod({ [`${C}.name`]: '' }))).toEqual([required(C, '"name" is required')]);
  });

  it.each([
    ['a Pod', pod({ [`${C}.image`]: undefined }), [required(C, '"image" is required')]],
    ['a Pod (empty image)', pod({ [`${C}.image`]: '' }), [required(C, '"image" is required')]],
    ['a Pod (null image)', pod({ [`${C}.image`]: null }), [required(C, '"image" is required')]],
    [
      'a Deployment template',
      workload('Deployment', { 'spec.template.spec.containers.0.image': undefined }),
      [required('spec.template.spec.containers.0', '"image" is required')],
    ],
    [
      'an init container',
      pod({ 'spec.initContainers': [{ name: 'init' }] }),
      [required('spec.initContainers.0', '"image" is required')],
    ],
  ])('requires an image in %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });

  it('does not require an image in a StatefulSet template, whose pod spec the API server does not validate', () => {
    expect(problemsOf(workload('StatefulSet', { 'spec.template.spec.containers.0.image': undefined }))).toEqual([]);
  });

  it('rejects an image with surrounding white space in a Pod, but not in a template', () => {
    expect(problemsOf(pod({ [`${C}.image`]: ' nginx ' }))).toEqual([
      value(`${C}.image`, '"image" " nginx " must not start or end with white space'),
    ]);
    expect(problemsOf(workload('Deployment', { 'spec.template.spec.containers.0.image': ' ' }))).toEqual([]);
  });

  it.each([
    [
      'two regular containers',
      {
        'spec.containers': [
          { name: 'app', image: 'x' },
          { name: 'app', image: 'y' },
        ],
      },
      'spec.containers.1.name',
    ],
    [
      'an init container and a regular one',
      { 'spec.initContainers': [{ name: 'app', image: 'x' }] },
      'spec.initContainers.0.name',
    ],
  ])('rejects a container name used by %s', (_, patch, path) => {
    expect(problemsOf(pod(patch))).toEqual([duplicate(path, 'container name "app" is used by another container')]);
  });
});

describe('container enumerations', () => {
  it.each([
    ['imagePullPolicy', 'IfNotPresent'],
    ['imagePullPolicy', ''],
    ['terminationMessagePolicy', 'FallbackToLogsOnError'],
  ])('accepts %s %j', (field, text) => {
    expect(problemsOf(podWithContainer({ [field]: text }))).toEqual([]);
  });

  it.each([
    ['imagePullPolicy', 'always', '"Always", "IfNotPresent", "Never"'],
    ['terminationMessagePolicy', 'Logs', '"File", "FallbackToLogsOnError"'],
  ])('rejects %s %j', (field, text, allowed) => {
    expect(problemsOf(podWithContainer({ [field]: text }))).toEqual([
      value(`${C}.${field}`, `"${field}" must be one of ${allowed}, not "${text}"`),
    ]);
  });
});

describe('container ports', () => {
  const ports = (...entries: Json[]): Json => podWithContainer({ ports: entries });

  it.each([
    ['a named port', ports({ name: 'http', containerPort: 8080, protocol: 'TCP' })],
    ['a host port of 0', ports({ containerPort: 80, hostPort: 0 })],
    ['the same port over two protocols', ports({ containerPort: 53, protocol: 'UDP' }, { containerPort: 53 })],
    ['two ports of the same number (a warning only)', ports({ containerPort: 80 }, { containerPort: 80 })],
  ])('accepts %s', (_, object) => {
    expect(problemsOf(object)).toEqual([]);
  });

  it.each([
    [
      'a container port of 0',
      ports({ containerPort: 0 }),
      [value(`${C}.ports.0.containerPort`, '"containerPort" must be between 1 and 65535, inclusive, not 0')],
    ],
    [
      'a container port of 70000',
      ports({ containerPort: 70000 }),
      [value(`${C}.ports.0.containerPort`, '"containerPort" must be between 1 and 65535, inclusive, not 70000')],
    ],
    [
      'a negative host port',
      ports({ containerPort: 80, hostPort: -1 }),
      [value(`${C}.ports.0.hostPort`, '"hostPort" must be between 1 and 65535, inclusive, not -1')],
    ],
    [
      'a lower-case protocol',
      ports({ containerPort: 80, protocol: 'tcp' }),
      [value(`${C}.ports.0.protocol`, '"protocol" must be one of "TCP", "UDP", "SCTP", not "tcp"')],
    ],
    [
      'a port name of 16 characters',
      ports({ containerPort: 80, name: 'metrics-endpoint' }),
      [
        value(
          `${C}.ports.0.name`,
          '"name" "metrics-endpoint" is not a valid port name: must be no more than 15 characters',
        ),
      ],
    ],
    [
      'a port name of digits',
      ports({ containerPort: 80, name: '8080' }),
      [value(`${C}.ports.0.name`, '"name" "8080" is not a valid port name: must contain at least one letter')],
    ],
    [
      'a port name used twice',
      ports({ containerPort: 80, name: 'http' }, { containerPort: 81, name: 'http' }),
      [duplicate(`${C}.ports.1.name`, 'port name "http" is used by another port of the container')],
    ],
  ])('rejects %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });

  it('accepts one port name in two containers', () => {
    const containers = [
      { name: 'a', image: 'x', ports: [{ name: 'http', containerPort: 80 }] },
      { name: 'b', image: 'x', ports: [{ name: 'http', containerPort: 81 }] },
    ];
    expect(problemsOf(pod({ 'spec.containers': containers }))).toEqual([]);
  });

  it('rejects one host port claimed by two containers, the protocol defaulting to TCP', () => {
    const containers = [
      { name: 'a', image: 'x', ports: [{ containerPort: 80, hostPort: 8080 }] },
      { name: 'b', image: 'x', ports: [{ containerPort: 81, hostPort: 8080, protocol: 'TCP' }] },
    ];
    expect(problemsOf(pod({ 'spec.containers': containers }))).toEqual([
      duplicate('spec.containers.1.ports.0.hostPort', 'host port 8080/TCP is claimed by another port'),
    ]);
  });

  it('accepts one host port in an init container and a regular one, which do not run together', () => {
    const patch = {
      'spec.initContainers': [{ name: 'init', image: 'x', ports: [{ containerPort: 80, hostPort: 8080 }] }],
      [`${C}.ports`]: [{ containerPort: 80, hostPort: 8080 }],
    };
    expect(problemsOf(pod(patch))).toEqual([]);
  });

  it('rejects a host port other than the container port with hostNetwork', () => {
    expect(
      problemsOf(podWithContainer({ ports: [{ containerPort: 80, hostPort: 8080 }] }, { hostNetwork: true })),
    ).toEqual([value(`${C}.ports.0.hostPort`, '"hostPort" must equal "containerPort" when "hostNetwork" is true')]);
  });
});

describe('environment variables', () => {
  const env = (...entries: Json[]): Json => podWithContainer({ env: entries });

  it.each(['1.27', '1.31', '1.32', '1.35'])('accepts a C-like name in %s', (release) => {
    expect(problemsOf(env({ name: 'LOG_LEVEL', value: 'debug' }), release)).toEqual([]);
  });

  it.each(['1.27', '1.31'])('rejects a name starting with a digit in %s, before the relaxed rule', (release) => {
    expect(problemsOf(env({ name: '1ST_VAR', value: 'x' }), release)).toEqual([
      value(
        `${C}.env.0.name`,
        `"name" "1ST_VAR" is not a valid environment variable name (before 1.32): must consist of letters, digits, '_', '-' and '.', and not start with a digit`,
      ),
    ]);
  });

  it.each(['1.32', '1.33', '1.35', 'latest'])('accepts a name starting with a digit in %s', (release) => {
    expect(problemsOf(env({ name: '1ST_VAR', value: 'x' }), release)).toEqual([]);
  });

  it.each(['1.27', '1.35'])('rejects a name with "=" in %s', (release) => {
    const problems = problemsOf(env({ name: 'A=B' }), release);
    expect(problems.map((problem) => problem.path)).toEqual([at(`${C}.env.0.name`)]);
  });

  it('rejects an envFrom prefix by the same rule', () => {
    const object = podWithContainer({ envFrom: [{ prefix: 'A=', configMapRef: { name: 'settings' } }] });
    expect(problemsOf(object, '1.33')).toEqual([
      value(
        `${C}.envFrom.0.prefix`,
        `"prefix" "A=" is not a valid environment variable name: must consist of printable ASCII characters other than '='`,
      ),
    ]);
  });

  it.each([
    [
      'valueFrom without a source',
      env({ name: 'A', valueFrom: {} }),
      [
        required(
          `${C}.env.0.valueFrom`,
          '"valueFrom" must name one of "fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef"',
        ),
      ],
    ],
    [
      'valueFrom with a value',
      env({ name: 'A', value: 'x', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }),
      [value(`${C}.env.0.valueFrom`, '"valueFrom" may not be set when "value" is not empty')],
    ],
    [
      'valueFrom with two sources',
      env({
        name: 'A',
        valueFrom: { secretKeyRef: { name: 's', key: 'k' }, configMapKeyRef: { name: 'c', key: 'k' } },
      }),
      [value(`${C}.env.0.valueFrom`, '"valueFrom" may name only one source, not "configMapKeyRef" and "secretKeyRef"')],
    ],
    [
      'a secret key reference without a name',
      env({ name: 'A', valueFrom: { secretKeyRef: { key: 'password' } } }),
      [required(`${C}.env.0.valueFrom.secretKeyRef`, '"name" is required')],
    ],
    [
      'a config map key with a slash',
      env({ name: 'A', valueFrom: { configMapKeyRef: { name: 'c', key: 'a/b' } } }),
      [
        value(
          `${C}.env.0.valueFrom.configMapKeyRef.key`,
          `"key" "a/b" is not a valid ConfigMap or Secret key: must consist of letters, digits, '-', '_' and '.'`,
        ),
      ],
    ],
    [
      'an unknown container resource',
      env({ name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.gpu' } } }),
      [
        value(
          `${C}.env.0.valueFrom.resourceFieldRef.resource`,
          '"resource" must be one of "limits.cpu", "limits.memory", "limits.ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage", not "limits.gpu"',
        ),
      ],
    ],
    [
      'an envFrom entry without a source',
      podWithContainer({ envFrom: [{ prefix: 'X_' }] }),
      [required(`${C}.envFrom.0`, 'an "envFrom" entry must name "configMapRef" or "secretRef"')],
    ],
  ])('rejects %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });

  it('accepts hugepages in a resourceFieldRef and an envFrom name ending in "-"', () => {
    const object = podWithContainer({
      env: [{ name: 'A', valueFrom: { resourceFieldRef: { resource: 'limits.hugepages-2Mi' } } }],
      envFrom: [{ configMapRef: { name: 'settings-' } }],
    });
    expect(problemsOf(object)).toEqual([]);
  });
});

describe('volume mounts', () => {
  const withVolumes = (mounts: Json[], volumes: Json[] = [{ name: 'data', emptyDir: {} }]): Json =>
    podWithContainer({ volumeMounts: mounts }, { volumes });

  it('accepts mounts of existing volumes at distinct paths', () => {
    expect(
      problemsOf(
        withVolumes([
          { name: 'data', mountPath: '/a' },
          { name: 'data', mountPath: '/b', subPath: 'x' },
        ]),
      ),
    ).toEqual([]);
  });

  it.each([
    [
      'a mount of a volume the pod lacks',
      withVolumes([{ name: 'cache', mountPath: '/cache' }]),
      [value(`${C}.volumeMounts.0.name`, `volume "cache" is not among the pod's volumes`)],
    ],
    [
      'two mounts at one path',
      withVolumes([
        { name: 'data', mountPath: '/a' },
        { name: 'data', mountPath: '/a' },
      ]),
      [duplicate(`${C}.volumeMounts.1.mountPath`, 'mount path "/a" is used by another mount')],
    ],
    [
      'subPath with subPathExpr',
      withVolumes([{ name: 'data', mountPath: '/a', subPath: 'x', subPathExpr: '$(POD)' }]),
      [value(`${C}.volumeMounts.0.subPathExpr`, '"subPathExpr" and "subPath" may not both be set')],
    ],
    [
      'Bidirectional propagation in an unprivileged container',
      withVolumes([{ name: 'data', mountPath: '/a', mountPropagation: 'Bidirectional' }]),
      [value(`${C}.volumeMounts.0.mountPropagation`, '"Bidirectional" mount propagation needs a privileged container')],
    ],
    [
      'a mount of a volume whose name is itself wrong (once, at the volume)',
      withVolumes([{ name: 'Data', mountPath: '/a' }], [{ name: 'Data', emptyDir: {} }]),
      [
        value(
          'spec.volumes.0.name',
          `"name" "Data" is not a valid volume name (DNS-1123 label): must consist of lower-case letters, digits and '-', and start and end with a letter or digit`,
        ),
        value(`${C}.volumeMounts.0.name`, `volume "Data" is not among the pod's volumes`),
      ],
    ],
  ])('rejects %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });
});

describe('probes and lifecycle hooks', () => {
  const probe = (key: string, fields: Json): Json => podWithContainer({ [key]: fields });

  it.each([
    [
      'an HTTP probe on a named port',
      probe('livenessProbe', { httpGet: { path: '/healthz', port: 'http', scheme: 'HTTPS' } }),
    ],
    ['a gRPC probe', probe('readinessProbe', { grpc: { port: 9090 }, successThreshold: 3 })],
    [
      'a success threshold of 0, which becomes 1',
      probe('startupProbe', { tcpSocket: { port: 80 }, successThreshold: 0 }),
    ],
    ['a preStop sleep', probe('lifecycle', { preStop: { sleep: { seconds: 5 } } })],
  ])('accepts %s', (_, object) => {
    expect(problemsOf(object)).toEqual([]);
  });

  it.each([
    [
      'a probe without a handler',
      probe('livenessProbe', { periodSeconds: 10 }),
      [required(`${C}.livenessProbe`, 'a handler is required: one of "exec", "httpGet", "tcpSocket", "grpc"')],
    ],
    [
      'a probe with two handlers',
      probe('readinessProbe', { exec: { command: ['true'] }, httpGet: { port: 80 } }),
      [value(`${C}.readinessProbe.httpGet`, 'only one handler may be set, and "exec" already is')],
    ],
    [
      'an exec handler without a command',
      probe('livenessProbe', { exec: {} }),
      [required(`${C}.livenessProbe.exec`, '"command" is required')],
    ],
    [
      'a probe port out of range',
      probe('livenessProbe', { tcpSocket: { port: 0 } }),
      [value(`${C}.livenessProbe.tcpSocket.port`, '"port" must be between 1 and 65535, inclusive, not 0')],
    ],
    [
      'a probe port name in capitals',
      probe('livenessProbe', { httpGet: { port: 'HTTP' } }),
      [
        value(
          `${C}.livenessProbe.httpGet.port`,
          `"port" "HTTP" is not a valid port name: must consist of lower-case letters, digits and '-'; must contain at least one letter`,
        ),
      ],
    ],
    [
      'a lower-case scheme',
      probe('livenessProbe', { httpGet: { port: 80, scheme: 'https' } }),
      [value(`${C}.livenessProbe.httpGet.scheme`, '"scheme" must be one of "HTTP", "HTTPS", not "https"')],
    ],
    [
      'a header name with a space',
      probe('livenessProbe', { httpGet: { port: 80, httpHeaders: [{ name: 'X Token', value: 'a' }] } }),
      [
        value(
          `${C}.livenessProbe.httpGet.httpHeaders.0.name`,
          `"name" "X Token" is not a valid HTTP header name: must consist of letters, digits and '-'`,
        ),
      ],
    ],
    [
      'a liveness success threshold of 2',
      probe('livenessProbe', { exec: { command: ['true'] }, successThreshold: 2 }),
      [value(`${C}.livenessProbe.successThreshold`, '"successThreshold" must be 1 for a liveness probe, not 2')],
    ],
    [
      'a negative period',
      probe('startupProbe', { exec: { command: ['true'] }, periodSeconds: -5 }),
      [value(`${C}.startupProbe.periodSeconds`, '"periodSeconds" must be greater than or equal to 0, not -5')],
    ],
    [
      'a grace period on a readiness probe',
      probe('readinessProbe', { exec: { command: ['true'] }, terminationGracePeriodSeconds: 10 }),
      [
        value(
          `${C}.readinessProbe.terminationGracePeriodSeconds`,
          '"terminationGracePeriodSeconds" may not be set on a readiness probe',
        ),
      ],
    ],
    [
      'a grace period of 0 on a liveness probe',
      probe('livenessProbe', { exec: { command: ['true'] }, terminationGracePeriodSeconds: 0 }),
      [
        value(
          `${C}.livenessProbe.terminationGracePeriodSeconds`,
          '"terminationGracePeriodSeconds" must be greater than 0, not 0',
        ),
      ],
    ],
    [
      'a preStop hook without a handler',
      probe('lifecycle', { preStop: {} }),
      [required(`${C}.lifecycle.preStop`, 'a handler is required: one of "exec", "httpGet", "tcpSocket", "sleep"')],
    ],
  ])('rejects %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });
});

describe('init containers and sidecars', () => {
  const init = (fields: Json): Json => pod({ 'spec.initContainers': [{ name: 'init', image: 'x', ...fields }] });
  const probe = { exec: { command: ['true'] } };

  it.each(['1.29', '1.33', '1.35', 'latest'])('accepts a sidecar with probes in %s', (release) => {
    expect(problemsOf(init({ restartPolicy: 'Always', readinessProbe: probe }), release)).toEqual([]);
  });

  it.each(['1.27', '1.28'])('rejects probes on an init container in %s, before sidecars', (release) => {
    expect(problemsOf(init({ restartPolicy: 'Always', readinessProbe: probe }), release)).toEqual([
      value('spec.initContainers.0.readinessProbe', '"readinessProbe" may not be set on init containers'),
    ]);
  });

  it('rejects a lifecycle hook on an init container that is no sidecar', () => {
    expect(problemsOf(init({ lifecycle: { preStop: probe } }), '1.33')).toEqual([
      value(
        'spec.initContainers.0.lifecycle',
        `"lifecycle" may not be set on an init container unless its "restartPolicy" is "Always"`,
      ),
    ]);
  });

  it.each(['1.29', '1.34'])('rejects an init container restart policy other than Always in %s', (release) => {
    expect(problemsOf(init({ restartPolicy: 'OnFailure' }), release)).toEqual([
      value('spec.initContainers.0.restartPolicy', '"restartPolicy" must be one of "Always", not "OnFailure"'),
    ]);
  });

  it.each(['1.28', '1.35'])(
    'leaves an init container restart policy to the release in %s (dropped, or container restart rules)',
    (release) => {
      expect(problemsOf(init({ restartPolicy: 'OnFailure' }), release)).toEqual([]);
    },
  );

  it.each(['1.29', '1.33'])('rejects a restart policy on a regular container in %s', (release) => {
    expect(problemsOf(podWithContainer({ restartPolicy: 'Always' }), release)).toEqual([
      value(`${C}.restartPolicy`, '"restartPolicy" may be set only on init containers'),
    ]);
  });

  it.each(['1.28', '1.34', '1.35'])('leaves a restart policy on a regular container alone in %s', (release) => {
    expect(problemsOf(podWithContainer({ restartPolicy: 'Always' }), release)).toEqual([]);
  });
});

describe('container resources', () => {
  const resources = (fields: Json): Json => podWithContainer({ resources: fields });

  it.each([
    ['requests below limits', { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: 1, memory: '128Mi' } }],
    ['equal requests and limits written differently', { requests: { cpu: '1000m' }, limits: { cpu: '1' } }],
    [
      'an extended resource with equal request and limit',
      { requests: { 'nvidia.com/gpu': 1 }, limits: { 'nvidia.com/gpu': 1 } },
    ],
    ['an extended resource limit alone', { limits: { 'nvidia.com/gpu': 2 } }],
    [
      'hugepages with memory',
      { limits: { 'hugepages-2Mi': '100Mi', memory: '1Gi' }, requests: { 'hugepages-2Mi': '100Mi' } },
    ],
    [
      'an amount that does not parse (the schema check reports it)',
      { requests: { cpu: 'lots' }, limits: { cpu: '1' } },
    ],
    [
      'amounts below a thousandth, which the API server rounds up to 1m',
      { requests: { cpu: '900u' }, limits: { cpu: '100u' } },
    ],
  ])('accepts %s', (_, fields) => {
    expect(problemsOf(resources(fields))).toEqual([]);
  });

  it.each([
    [
      'a CPU request above its limit',
      { requests: { cpu: '2' }, limits: { cpu: '500m' } },
      [value(`${C}.resources.requests.cpu`, 'the "cpu" request 2 must be less than or equal to its limit 500m')],
    ],
    [
      'a memory request above its limit across units',
      { requests: { memory: '1Gi' }, limits: { memory: '1000Mi' } },
      [
        value(
          `${C}.resources.requests.memory`,
          'the "memory" request 1Gi must be less than or equal to its limit 1000Mi',
        ),
      ],
    ],
    [
      'an extended resource request below its limit',
      { requests: { 'nvidia.com/gpu': 1 }, limits: { 'nvidia.com/gpu': 2 } },
      [value(at(`${C}.resources.requests`, 'nvidia.com/gpu'), 'the "nvidia.com/gpu" request 1 must equal its limit 2')],
    ],
    [
      'an extended resource request without a limit',
      { requests: { 'nvidia.com/gpu': 1 } },
      [
        required(
          `${C}.resources`,
          'a limit for "nvidia.com/gpu" is required: it may not be overcommitted, so its request needs an equal limit',
        ),
      ],
    ],
    [
      'a fractional extended resource',
      { limits: { 'example.com/dongle': '500m' } },
      [
        value(
          at(`${C}.resources.limits`, 'example.com/dongle'),
          '"example.com/dongle" must be a whole number, not 500m',
        ),
      ],
    ],
    [
      'a request just below zero, which the API server rounds away from zero to -1m',
      { requests: { memory: '-0.5m' } },
      [value(`${C}.resources.requests.memory`, '"memory" must be greater than or equal to 0, not -0.5m')],
    ],
    [
      'a negative memory limit',
      { limits: { memory: '-1Gi' } },
      [value(`${C}.resources.limits.memory`, '"memory" must be greater than or equal to 0, not -1Gi')],
    ],
    [
      'a resource name a container may not use',
      { limits: { gpu: 1 } },
      [
        value(
          `${C}.resources.limits.gpu`,
          'resource name "gpu" is not a resource a container may use: without a domain, only "cpu", "memory", "ephemeral-storage" and "hugepages-<size>" are',
        ),
      ],
    ],
    [
      'hugepages without cpu or memory',
      { limits: { 'hugepages-2Mi': '100Mi' } },
      [value(`${C}.resources`, 'hugepages need a "cpu" or "memory" request or limit as well')],
    ],
  ])('rejects %s', (_, fields, expected) => {
    expect(problemsOf(resources(fields))).toEqual(expected);
  });
});

describe('container security contexts', () => {
  const context = (fields: Json, release?: string) =>
    problemsOf(podWithContainer({ securityContext: fields }), release);

  it('accepts a restricted context', () => {
    expect(
      context({ runAsUser: 1000, allowPrivilegeEscalation: false, seccompProfile: { type: 'RuntimeDefault' } }),
    ).toEqual([]);
  });

  it.each([
    [
      'a negative user id',
      { runAsUser: -1 },
      [value(`${C}.securityContext.runAsUser`, '"runAsUser" must be between 0 and 4294967295, inclusive, not -1')],
    ],
    [
      'privileged without privilege escalation',
      { privileged: true, allowPrivilegeEscalation: false },
      [value(`${C}.securityContext`, '"allowPrivilegeEscalation" may not be false while "privileged" is true')],
    ],
    [
      'an unknown seccomp type',
      { seccompProfile: { type: 'Default' } },
      [
        value(
          `${C}.securityContext.seccompProfile.type`,
          '"type" must be one of "Localhost", "RuntimeDefault", "Unconfined", not "Default"',
        ),
      ],
    ],
    [
      'a Localhost seccomp profile without a file',
      { seccompProfile: { type: 'Localhost' } },
      [
        required(
          `${C}.securityContext.seccompProfile`,
          '"localhostProfile" is required when the seccomp profile type is "Localhost"',
        ),
      ],
    ],
    [
      'a local seccomp file with another type',
      { seccompProfile: { type: 'RuntimeDefault', localhostProfile: 'a.json' } },
      [
        value(
          `${C}.securityContext.seccompProfile.localhostProfile`,
          '"localhostProfile" may be set only when the seccomp profile type is "Localhost"',
        ),
      ],
    ],
  ])('rejects %s', (_, fields, expected) => {
    expect(context(fields)).toEqual(expected);
  });

  it('judges AppArmor profiles from 1.30, when the field exists', () => {
    const fields = { appArmorProfile: { type: 'Enforce' } };
    expect(context(fields, '1.29')).toEqual([]);
    expect(context(fields, '1.30')).toEqual([
      value(
        `${C}.securityContext.appArmorProfile.type`,
        '"type" must be one of "Localhost", "RuntimeDefault", "Unconfined", not "Enforce"',
      ),
    ]);
  });
});

describe('ephemeral containers', () => {
  it('rejects them when a Pod is created', () => {
    const object = pod({ 'spec.ephemeralContainers': [{ name: 'debug', image: 'busybox' }] });
    expect(problemsOf(object)).toEqual([
      value('spec.ephemeralContainers', '"ephemeralContainers" may not be set when a Pod is created'),
    ]);
  });

  it('rejects them in a pod template', () => {
    const object = workload('Deployment', {
      'spec.template.spec.ephemeralContainers': [{ name: 'debug', image: 'busybox' }],
    });
    expect(problemsOf(object)).toEqual([
      value('spec.template.spec.ephemeralContainers', '"ephemeralContainers" are not allowed in a pod template'),
    ]);
  });
});

describe('a template checks containers at paths from the object root', () => {
  it('reports a CronJob container at its full path', () => {
    const object = patched(
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' } },
      {
        'spec.schedule': '@daily',
        'spec.jobTemplate.spec.template.spec': {
          restartPolicy: 'Never',
          containers: [{ name: 'job', image: 'x', imagePullPolicy: 'sometimes' }],
        },
      },
    );
    expect(problemsOf(object)).toEqual([
      value(
        'spec.jobTemplate.spec.template.spec.containers.0.imagePullPolicy',
        '"imagePullPolicy" must be one of "Always", "IfNotPresent", "Never", not "sometimes"',
      ),
    ]);
  });
});
