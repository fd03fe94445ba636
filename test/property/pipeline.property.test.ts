/**
 * Property-based tests of the whole pipeline (load → match → check → SARIF) on
 * arbitrary input: random text, random YAML-ish text, and random
 * Kubernetes-shaped objects whose fields often have the wrong type. Whatever
 * the input, lint() must not throw, no rule may throw (`rule-error`), every
 * finding must point inside the text, and the SARIF log must validate.
 *
 * The seed is fixed, so a failure reproduces; fast-check prints the shrunk
 * counterexample. Run counts are modest to keep the file within ~20 s.
 */
import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Finding } from '../../src/model/types.js';
import { lint, type LintResult } from '../../src/lint.js';
import { builtinRules } from '../../rules/index.js';
import { toSarif } from '../../src/report/sarif.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { sarifSchemaErrors } from '../helpers/sarif-schema.js';

const SEED = 20_240_611;
const TIMEOUT = 60_000;

let cwd = '';
let configFile = '';

beforeAll(() => {
  // The strict preset, plus one sample constraint of every Gatekeeper template k8s-bp implements.
  cwd = tempDir('k8s-bp-property-');
  const constraints = path.join(cwd, 'gatekeeper');
  mkdirSync(constraints);
  for (const set of ['general', 'pod-security-policy']) {
    for (const template of readdirSync(path.join(ROOT, 'fixtures', 'gatekeeper', set))) {
      const samples = path.join(ROOT, 'fixtures', 'gatekeeper', set, template, 'samples');
      const first = readdirSync(samples, { withFileTypes: true }).find((entry) => entry.isDirectory());
      if (!first) continue;
      cpSync(path.join(samples, first.name, 'constraint.yaml'), path.join(constraints, `${template}.yaml`));
    }
  }
  configFile = path.join(cwd, '.k8s-bp.yaml');
  writeFileSync(configFile, 'extends: strict\nconstraints:\n  - gatekeeper/\n');
});

/** Lints `text` as standard input with the strict preset and the Gatekeeper constraints. */
function lintText(text: string): Promise<LintResult> {
  return lint(
    {
      paths: ['-'],
      cwd,
      exclude: [],
      configFile,
      enable: [],
      disable: [],
      readStdin: () => Promise.resolve(text),
    },
    builtinRules,
  );
}

/** The text as the loader sees it: UTF-8 bytes decoded again, without a leading byte-order mark. */
function asLoaded(text: string): string {
  return new TextDecoder('utf-8').decode(Buffer.from(text, 'utf8'));
}

/**
 * The one rule error that is by design: Gatekeeper's own evaluation fails on a
 * pod with two different containers of one name, and k8s-bp reports it as Gatekeeper would.
 */
const isGatekeeperParityError = (finding: Finding) =>
  finding.ruleId === 'rule-error' && finding.message.includes('(Gatekeeper fails with');

const show = (finding: Finding) => `${finding.ruleId} ${finding.line}:${finding.column} ${finding.message}`;

/** The properties every run must have, whatever the input. */
function checkResult(text: string, result: LintResult): void {
  const lines = asLoaded(text).split('\n');
  for (const finding of result.findings) {
    if (!isGatekeeperParityError(finding)) {
      expect(finding.ruleId, `a rule threw: ${finding.message}`).not.toBe('rule-error');
    }
    expect(finding.file).toBe('<stdin>');
    expect(finding.line, show(finding)).toBeGreaterThanOrEqual(1);
    expect(finding.line, show(finding)).toBeLessThanOrEqual(lines.length + 1);
    expect(finding.column, show(finding)).toBeGreaterThanOrEqual(1);
    expect(finding.endLine, show(finding)).toBeGreaterThanOrEqual(finding.line);
  }
  const log = toSarif(result.findings, result.rules, {
    toolVersion: '0.0.0',
    informationUri: 'https://example.com/k8s-bp',
    docsBaseUri: 'https://example.com/k8s-bp/docs/',
    rootDir: cwd,
    cwd,
  });
  expect(sarifSchemaErrors(log)).toEqual([]);
}

/** Stricter than {@link checkResult}: each finding's column is within its line (or just past its end). */
function checkColumns(text: string, result: LintResult): void {
  const lines = asLoaded(text).split('\n');
  for (const finding of result.findings) {
    expect(finding.column, show(finding)).toBeLessThanOrEqual((lines[finding.line - 1] ?? '').length + 1);
  }
}

async function property(text: string): Promise<void> {
  const result = await lintText(text);
  checkResult(text, result);
  checkColumns(text, result);
}

// ---------------------------------------------------------------------------
// (a) Text

/** Pieces of YAML syntax, Kubernetes keys, and characters that trouble parsers and terminals. */
const FRAGMENTS = [
  'apiVersion: v1',
  'apiVersion: apps/v1',
  'kind: Pod',
  'kind: Deployment',
  'kind: List',
  'items:',
  'metadata:',
  'name: web',
  'namespace: shop',
  'labels:',
  'app: web',
  'spec:',
  'template:',
  'containers:',
  '- name: c',
  'image: nginx:latest',
  'image: 5',
  'replicas: "3"',
  'resources: {limits: {cpu: 1}}',
  'hostPort: 80',
  'privileged: true',
  'hostPath: {path: /}',
  '__proto__:',
  'constructor:',
  'key: value',
  '- ',
  '-',
  '  ',
  '    ',
  '\t',
  '---',
  '...',
  '&a ',
  '*a',
  '*b',
  '<<: *a',
  '? ',
  ': ',
  ':',
  '"',
  "'",
  '{',
  '}',
  '[',
  ']',
  ',',
  '#',
  '# comment',
  '|',
  '>-',
  '!!str ',
  '!!int ',
  '!custom ',
  '%YAML 1.2',
  '%TAG ! tag:x,2000:',
  '{{ .Values.image }}',
  '"\\u00e9\\x41\\q"',
  '\ufeff',
  '\u0000',
  '\u001b[31m',
  '\u2028',
  '😀',
  '名前',
  '\ud800',
  '0x1F',
  '1e400',
  '.inf',
  '~',
  'null',
  'yes',
];
const SEPARATORS = ['\n', '\n', '\n', '\r\n', '\r', ' ', ''];

const yamlish = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
        { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
      ),
      fc.constantFrom(...SEPARATORS),
      fc.nat(6),
    ),
    { maxLength: 40 },
  )
  .map((parts) =>
    parts.map(([fragment, separator, indent]) => `${' '.repeat(indent)}${fragment}${separator}`).join(''),
  );

describe('lint() on arbitrary text', () => {
  it(
    'never throws on random strings, and its findings and SARIF hold',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 })),
          property,
        ),
        { seed: SEED, numRuns: 100 },
      );
    },
    TIMEOUT,
  );

  it(
    'never throws on random YAML-like text, and its findings and SARIF hold',
    async () => {
      await fc.assert(
        fc.asyncProperty(yamlish, async (text) => checkResult(text, await lintText(text))),
        { seed: SEED, numRuns: 200 },
      );
    },
    TIMEOUT,
  );

  it(
    'points at columns within the line on random YAML-like text',
    async () => {
      await fc.assert(
        fc.asyncProperty(yamlish, async (text) => checkColumns(text, await lintText(text))),
        { seed: SEED + 1, numRuns: 80 },
      );
    },
    TIMEOUT,
  );
});

// ---------------------------------------------------------------------------
// (b) Kubernetes-shaped objects with fields of random types

/** Any small JSON-like value: what a mistyped field holds. */
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer({ min: -70_000, max: 70_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxKeys: 3 }),
);

/** Usually the right shape, sometimes anything. */
function maybe<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary }, { weight: 1, arbitrary: junk });
}

/** A record whose fields may each be absent. */
function some<T extends Record<string, fc.Arbitrary<unknown>>>(fields: T): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(fields, { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
}

const name = fc.constantFrom('web', 'api', 'db', 'default', 'kube-system', 'team-a', 'x'.repeat(70), '', 'Web_1');
const labelKey = fc.constantFrom(
  'app',
  'app.kubernetes.io/name',
  'team',
  'tier',
  'version',
  'pod-security.kubernetes.io/enforce',
);
const labelValue = fc.constantFrom('web', 'api', 'restricted', 'privileged', 'v1', '', 'a'.repeat(64));
const labels = fc.dictionary(labelKey, maybe(labelValue), { maxKeys: 4 });
const image = fc.constantFrom(
  'nginx',
  'nginx:latest',
  'nginx:1.27.2',
  'registry.example.com/api:v1.4.2-3f9c2ab',
  'openpolicyagent/opa:0.9.2',
  'busybox@sha256:' + 'a'.repeat(64),
  ':',
  '',
  'UPPER:Case',
);
const quantity = fc.oneof(fc.constantFrom('100m', '1', '2Gi', '512Mi', '1.5', '-1', 'lots', '1e3', ''), fc.integer());
const resources = some({
  limits: maybe(some({ cpu: quantity, memory: quantity })),
  requests: maybe(some({ cpu: quantity, memory: quantity })),
});
const capabilities = some({
  add: maybe(fc.array(fc.constantFrom('ALL', 'NET_ADMIN', 'NET_BIND_SERVICE', 'SYS_ADMIN'), { maxLength: 3 })),
  drop: maybe(fc.array(fc.constantFrom('ALL', 'NET_RAW'), { maxLength: 2 })),
});
const securityContext = some({
  privileged: maybe(fc.boolean()),
  allowPrivilegeEscalation: maybe(fc.boolean()),
  readOnlyRootFilesystem: maybe(fc.boolean()),
  runAsNonRoot: maybe(fc.boolean()),
  runAsUser: maybe(fc.integer({ min: -1, max: 70_000 })),
  runAsGroup: maybe(fc.integer({ min: -1, max: 70_000 })),
  capabilities: maybe(capabilities),
  seccompProfile: maybe(some({ type: fc.constantFrom('RuntimeDefault', 'Unconfined', 'Localhost') })),
  procMount: maybe(fc.constantFrom('Default', 'Unmasked')),
  seLinuxOptions: maybe(some({ level: fc.string({ maxLength: 4 }), type: fc.string({ maxLength: 4 }) })),
});
const probe = some({
  httpGet: maybe(some({ path: fc.constantFrom('/', '/healthz'), port: maybe(fc.integer({ min: 0, max: 70_000 })) })),
});
const container = some({
  name: maybe(name),
  image: maybe(image),
  imagePullPolicy: maybe(fc.constantFrom('Always', 'IfNotPresent')),
  args: maybe(fc.array(maybe(fc.string({ maxLength: 5 })), { maxLength: 3 })),
  ports: maybe(
    fc.array(
      some({
        containerPort: maybe(fc.integer({ min: 0, max: 70_000 })),
        hostPort: maybe(fc.integer({ min: 0, max: 70_000 })),
      }),
      {
        maxLength: 2,
      },
    ),
  ),
  env: maybe(
    fc.array(
      some({
        name: maybe(fc.constantFrom('PASSWORD', 'MODE')),
        value: maybe(fc.string({ maxLength: 4 })),
        valueFrom: maybe(some({ secretKeyRef: maybe(some({ name, key: fc.constant('k') })) })),
      }),
      { maxLength: 2 },
    ),
  ),
  envFrom: maybe(
    fc.array(some({ configMapRef: maybe(some({ name })), secretRef: maybe(some({ name })) }), { maxLength: 2 }),
  ),
  volumeMounts: maybe(fc.array(some({ name, mountPath: fc.constantFrom('/data', '/') }), { maxLength: 2 })),
  resources: maybe(resources),
  securityContext: maybe(securityContext),
  livenessProbe: maybe(probe),
  readinessProbe: maybe(probe),
});
const containers = fc.oneof(
  { weight: 4, arbitrary: fc.array(maybe(container), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('web', 'api'), container, { maxKeys: 2 }) },
);
const podSpec = some({
  containers,
  initContainers: maybe(fc.array(container, { maxLength: 1 })),
  ephemeralContainers: maybe(fc.array(container, { maxLength: 1 })),
  volumes: maybe(
    fc.array(
      some({
        name,
        hostPath: maybe(some({ path: maybe(fc.constantFrom('/', '/var/log', '/etc')) })),
        secret: maybe(some({ secretName: name })),
        configMap: maybe(some({ name })),
        emptyDir: fc.constant({}),
      }),
      { maxLength: 2 },
    ),
  ),
  hostNetwork: maybe(fc.boolean()),
  hostPID: maybe(fc.boolean()),
  hostIPC: maybe(fc.boolean()),
  serviceAccountName: maybe(name),
  automountServiceAccountToken: maybe(fc.boolean()),
  securityContext: maybe(securityContext),
  affinity: maybe(
    some({
      podAntiAffinity: maybe(
        some({ requiredDuringSchedulingIgnoredDuringExecution: fc.array(junk, { maxLength: 1 }) }),
      ),
    }),
  ),
  topologySpreadConstraints: maybe(
    fc.array(some({ maxSkew: fc.integer(), topologyKey: fc.constant('zone') }), { maxLength: 1 }),
  ),
});
const metadata = some({
  name: maybe(name),
  namespace: maybe(name),
  labels: maybe(labels),
  annotations: maybe(
    fc.dictionary(
      fc.constantFrom(
        'owner',
        'team',
        'purpose',
        'ttl',
        'storageclass.kubernetes.io/is-default-class',
        'kubernetes.io/ingress.allow-http',
      ),
      maybe(fc.constantFrom('me', 'true', 'false', '24h', '2020-01-01T00:00:00Z', '-1d')),
      { maxKeys: 3 },
    ),
  ),
});
const selector = some({ matchLabels: maybe(labels), matchExpressions: maybe(fc.array(junk, { maxLength: 1 })) });
const template = some({ metadata: maybe(metadata), spec: maybe(podSpec) });
const workloadSpec = some({
  replicas: maybe(fc.integer({ min: -1, max: 5 })),
  selector: maybe(selector),
  template: maybe(template),
});
const policyRule = some({
  apiGroups: maybe(fc.array(fc.constantFrom('', '*', 'apps', 'admissionregistration.k8s.io'), { maxLength: 2 })),
  resources: maybe(
    fc.array(fc.constantFrom('*', 'secrets', 'pods', 'validatingwebhookconfigurations'), { maxLength: 2 }),
  ),
  verbs: maybe(fc.array(fc.constantFrom('*', 'get', 'list', 'create', 'patch'), { maxLength: 3 })),
});
const webhook = some({
  name,
  rules: maybe(fc.array(policyRule, { maxLength: 2 })),
  namespaceSelector: maybe(selector),
  objectSelector: maybe(selector),
});

/** [kind, apiVersions, the fields beside metadata]. */
const KINDS: [string, string[], fc.Arbitrary<Record<string, unknown>>][] = [
  ['Pod', ['v1'], some({ spec: maybe(podSpec) })],
  ['Deployment', ['apps/v1', 'extensions/v1beta1'], some({ spec: maybe(workloadSpec) })],
  ['StatefulSet', ['apps/v1'], some({ spec: maybe(workloadSpec) })],
  ['DaemonSet', ['apps/v1'], some({ spec: maybe(workloadSpec) })],
  ['ReplicaSet', ['apps/v1'], some({ spec: maybe(workloadSpec) })],
  ['Job', ['batch/v1'], some({ spec: maybe(some({ template: maybe(template) })) })],
  [
    'CronJob',
    ['batch/v1', 'batch/v1beta1'],
    some({ spec: maybe(some({ jobTemplate: maybe(some({ spec: maybe(some({ template: maybe(template) })) })) })) }),
  ],
  [
    'Service',
    ['v1'],
    some({
      spec: maybe(
        some({
          type: maybe(fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName')),
          selector: maybe(labels),
          ports: maybe(
            fc.array(some({ port: maybe(fc.integer()), nodePort: maybe(fc.integer()), targetPort: junk }), {
              maxLength: 2,
            }),
          ),
          externalIPs: maybe(fc.array(fc.constantFrom('1.2.3.4', 'x'), { maxLength: 2 })),
        }),
      ),
    }),
  ],
  [
    'Ingress',
    ['networking.k8s.io/v1', 'extensions/v1beta1'],
    some({
      spec: maybe(
        some({
          tls: maybe(
            fc.array(
              some({ hosts: maybe(fc.array(fc.constantFrom('a.example.com', '*.example.com'), { maxLength: 2 })) }),
              { maxLength: 2 },
            ),
          ),
          rules: maybe(
            fc.array(
              some({
                host: maybe(fc.constantFrom('a.example.com', 'b.example.com', '*')),
                http: maybe(
                  some({
                    paths: maybe(
                      fc.array(
                        some({
                          path: fc.constant('/'),
                          backend: maybe(
                            some({ service: maybe(some({ name, port: maybe(some({ number: fc.integer() })) })) }),
                          ),
                        }),
                        {
                          maxLength: 2,
                        },
                      ),
                    ),
                  }),
                ),
              }),
              { maxLength: 2 },
            ),
          ),
        }),
      ),
    }),
  ],
  [
    'ConfigMap',
    ['v1'],
    some({
      data: maybe(fc.dictionary(fc.string({ maxLength: 4 }), maybe(fc.string({ maxLength: 4 })), { maxKeys: 3 })),
    }),
  ],
  [
    'Secret',
    ['v1'],
    some({
      data: maybe(fc.dictionary(fc.string({ maxLength: 4 }), maybe(fc.string({ maxLength: 4 })), { maxKeys: 2 })),
      stringData: junk,
    }),
  ],
  ['Namespace', ['v1'], some({ spec: junk })],
  [
    'NetworkPolicy',
    ['networking.k8s.io/v1'],
    some({
      spec: maybe(
        some({
          podSelector: maybe(selector),
          policyTypes: maybe(fc.array(fc.constantFrom('Ingress', 'Egress'), { maxLength: 2 })),
          ingress: junk,
        }),
      ),
    }),
  ],
  [
    'PodDisruptionBudget',
    ['policy/v1', 'policy/v1beta1'],
    some({ spec: maybe(some({ selector: maybe(selector), minAvailable: junk })) }),
  ],
  [
    'HorizontalPodAutoscaler',
    ['autoscaling/v2', 'autoscaling/v1'],
    some({
      spec: maybe(
        some({
          scaleTargetRef: maybe(some({ kind: fc.constantFrom('Deployment', 'StatefulSet'), name })),
          minReplicas: junk,
          maxReplicas: junk,
        }),
      ),
    }),
  ],
  ['Role', ['rbac.authorization.k8s.io/v1'], some({ rules: maybe(fc.array(policyRule, { maxLength: 2 })) })],
  ['ClusterRole', ['rbac.authorization.k8s.io/v1'], some({ rules: maybe(fc.array(policyRule, { maxLength: 2 })) })],
  [
    'ClusterRoleBinding',
    ['rbac.authorization.k8s.io/v1'],
    some({
      roleRef: maybe(
        some({ kind: fc.constant('ClusterRole'), name: fc.constantFrom('edit', 'admin', 'cluster-admin') }),
      ),
      subjects: junk,
    }),
  ],
  [
    'RoleBinding',
    ['rbac.authorization.k8s.io/v1'],
    some({ roleRef: maybe(some({ kind: fc.constant('ClusterRole'), name: fc.constantFrom('edit', 'view') })) }),
  ],
  [
    'ValidatingWebhookConfiguration',
    ['admissionregistration.k8s.io/v1'],
    some({ webhooks: maybe(fc.array(webhook, { maxLength: 2 })) }),
  ],
  [
    'MutatingWebhookConfiguration',
    ['admissionregistration.k8s.io/v1'],
    some({ webhooks: maybe(fc.array(webhook, { maxLength: 2 })) }),
  ],
  ['StorageClass', ['storage.k8s.io/v1'], some({ provisioner: junk })],
  ['ServiceAccount', ['v1'], some({ automountServiceAccountToken: junk })],
  ['LimitRange', ['v1'], some({ spec: junk })],
  ['ResourceQuota', ['v1'], some({ spec: junk })],
  ['PersistentVolumeClaim', ['v1'], some({ spec: maybe(some({ storageClassName: maybe(name) })) })],
];

const kubeObject: fc.Arbitrary<Record<string, unknown>> = fc
  .constantFrom(...KINDS)
  .chain(([kind, versions, body]) =>
    fc.tuple(
      maybe(fc.constantFrom(...versions)),
      fc.oneof({ weight: 9, arbitrary: fc.constant(kind) }, { weight: 1, arbitrary: junk }),
      maybe(metadata),
      body,
    ),
  )
  .map(([apiVersion, kind, meta, body]) => ({ apiVersion, kind, metadata: meta, ...body }));

/** One to four documents, sometimes as the items of a List. */
const manifestText = fc
  .tuple(fc.array(kubeObject, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean())
  .map(([objects, asList, crlf]) => {
    const documents = asList
      ? [stringify({ apiVersion: 'v1', kind: 'List', items: objects })]
      : objects.map((object) => stringify(object));
    const text = documents.join('---\n');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

describe('lint() on random Kubernetes-shaped objects', () => {
  it(
    'never throws, no rule throws, and its findings and SARIF hold',
    async () => {
      await fc.assert(fc.asyncProperty(manifestText, property), { seed: SEED, numRuns: 200 });
    },
    TIMEOUT,
  );

  it(
    'gives an invalid-resource finding, and still runs the rules, when containers are a map',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fc.constantFrom('web', 'api'), container, { minKeys: 1, maxKeys: 2 }),
          async (map) => {
            const text = stringify({
              apiVersion: 'v1',
              kind: 'Pod',
              metadata: { name: 'p' },
              spec: { containers: map },
            });
            const result = await lintText(text);
            checkResult(text, result);
            expect(result.findings.filter((finding) => finding.ruleId === 'invalid-resource')).toContainEqual(
              expect.objectContaining({ path: 'spec.containers', line: 6, column: 3 }),
            );
            // Rules that judge the pod, not its containers, still run.
            expect(result.findings.map((finding) => finding.ruleId)).toContain('dedicated-service-account');
          },
        ),
        { seed: SEED, numRuns: 20 },
      );
    },
    TIMEOUT,
  );
});
