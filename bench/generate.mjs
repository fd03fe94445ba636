// Deterministic generator of realistic Kubernetes corpora for the benchmark.
//
//   node bench/generate.mjs 10k [100k ...]     writes bench/.corpora/<size>/ (cached)
//
// Every corpus is a prefix of one endless, seeded stream of applications spread
// over namespaces, so the 1k corpus is the first thousand documents of the 10k
// one. Each corpus comes in two layouts holding the same documents in the same
// order: `one/all.yaml` (a single multi-document file) and `many/<namespace>/*.yaml`
// (about ten documents a file). `manifest.json` counts documents, kinds and the
// violations that were put in on purpose, at known rates (VIOLATION_RATES).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dump } from 'js-yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CORPORA_DIR = path.join(here, '.corpora');
const SEED = 0x6b386270; // "k8bp"

/** The share of objects that get each deliberate violation. */
export const VIOLATION_RATES = {
  missingLimits: 0.3, // a workload with a container that has no resources.limits
  latestTag: 0.06, // a container image tagged :latest
  untaggedImage: 0.04, // a container image with no tag
  privileged: 0.02, // securityContext.privileged: true
  hostNetwork: 0.01, // hostNetwork: true
  publicService: 0.05, // Service of type LoadBalancer or NodePort
  ingressWithoutTls: 0.15, // Ingress without a tls section
  duplicateIngressHost: 0.1, // Ingress reusing the host of a recent Ingress (small groups)
  sharedIngressHost: 0.005, // Ingress on one of three hosts shared across the whole corpus
  wildcardRole: 0.1, // Role with a "*" verb
  deprecatedCronJob: 0.02, // CronJob still on batch/v1beta1
  danglingSelector: 0.03, // Service whose selector matches no workload
};

/** Parses "1k", "10k", "100k", "2500" into a number of documents. */
export function parseSize(text) {
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(String(text).trim());
  if (!match) throw new Error(`not a corpus size: ${text}`);
  const factor = { '': 1, k: 1000, m: 1_000_000 }[match[2].toLowerCase()];
  return Math.round(Number(match[1]) * factor);
}

export function sizeLabel(documents) {
  if (documents % 1_000_000 === 0) return `${documents / 1_000_000}m`;
  if (documents % 1000 === 0) return `${documents / 1000}k`;
  return String(documents);
}

/** mulberry32: small, fast and good enough for picking shapes. */
function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p) => next() < p,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

const TEAMS = ['payments', 'search', 'identity', 'platform', 'data', 'growth', 'media', 'ops', 'risk', 'mobile'];
const STAGES = ['prod', 'staging', 'dev', 'qa'];
const WORDS = [
  'api',
  'worker',
  'gateway',
  'cart',
  'checkout',
  'catalog',
  'billing',
  'ledger',
  'auth',
  'session',
  'profile',
  'notify',
  'mailer',
  'export',
  'import',
  'indexer',
  'crawler',
  'render',
  'thumbs',
  'feed',
  'ranker',
  'quota',
  'audit',
  'report',
  'sync',
  'cache',
  'proxy',
  'scheduler',
  'events',
  'metrics',
];
const REGISTRIES = ['registry.example.com/', 'ghcr.io/example/', 'docker.io/library/', 'quay.io/example/'];
const SIDECARS = [
  { name: 'envoy', image: 'envoyproxy/envoy', port: 15001 },
  { name: 'fluent-bit', image: 'fluent/fluent-bit', port: 2020 },
  { name: 'oauth2-proxy', image: 'quay.io/oauth2-proxy/oauth2-proxy', port: 4180 },
];
const SHARED_HOSTS = ['www.example.com', 'api.example.com', 'status.example.com'];
const DOCS_PER_NAMESPACE = 200;
const DOCS_PER_FILE = 8; // a file is closed after the application that takes it to this many

/**
 * An endless stream of documents: `{ namespace, app, text, kind, violations }`,
 * deterministic for a given seed.
 */
function* documentStream(seed = SEED) {
  const random = createRandom(seed);
  const recentHosts = [];
  let namespaceIndex = 0;
  let appIndex = 0;
  for (;;) {
    const team = TEAMS[namespaceIndex % TEAMS.length];
    const stage = STAGES[Math.floor(namespaceIndex / TEAMS.length) % STAGES.length];
    const namespace = `${team}-${stage}-${String(namespaceIndex).padStart(4, '0')}`;
    let emitted = 0;
    for (const document of namespaceDocuments(random, namespace, team, namespaceIndex)) {
      emitted++;
      yield { ...document, namespace, app: '_namespace' };
    }
    while (emitted < DOCS_PER_NAMESPACE) {
      const app = `${random.pick(WORDS)}-${random.pick(WORDS)}-${appIndex.toString(36)}`;
      appIndex++;
      for (const document of appDocuments(random, { namespace, team, stage, app, recentHosts })) {
        emitted++;
        yield { ...document, namespace, app };
      }
    }
    namespaceIndex++;
  }
}

function doc(kind, object, violations = [], comment) {
  const yaml = dump(object, { lineWidth: -1, noRefs: true });
  return { kind, text: comment ? `# ${comment}\n${yaml}` : yaml, violations };
}

function commonLabels(app, team, component, version) {
  return {
    'app.kubernetes.io/name': app,
    'app.kubernetes.io/instance': `${app}-${team}`,
    'app.kubernetes.io/version': version,
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/part-of': team,
    'app.kubernetes.io/managed-by': 'kustomize',
  };
}

function* namespaceDocuments(random, namespace, team, index) {
  const labels = { 'kubernetes.io/metadata.name': namespace, team };
  if (random.chance(0.7)) labels['pod-security.kubernetes.io/enforce'] = random.pick(['restricted', 'baseline']);
  yield doc('Namespace', {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: namespace,
      labels,
      annotations: { owner: `${team}@example.com`, team, purpose: `${team} services` },
    },
  });
  yield doc('ResourceQuota', {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: { name: 'compute', namespace },
    spec: { hard: { 'requests.cpu': '40', 'requests.memory': '80Gi', 'limits.cpu': '80', 'limits.memory': '160Gi' } },
  });
  yield doc('LimitRange', {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'defaults', namespace },
    spec: {
      limits: [
        {
          type: 'Container',
          default: { cpu: '500m', memory: '512Mi' },
          defaultRequest: { cpu: '100m', memory: '128Mi' },
        },
      ],
    },
  });
  yield doc('NetworkPolicy', {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'default-deny', namespace },
    spec: { podSelector: {}, policyTypes: ['Ingress'] },
  });
  if (index % 10 === 0) {
    const wildcard = random.chance(VIOLATION_RATES.wildcardRole);
    yield doc(
      'ClusterRole',
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: `${namespace}-reader`, labels: { team } },
        rules: [
          { apiGroups: [''], resources: ['pods', 'services', 'endpoints'], verbs: wildcard ? ['*'] : ['get', 'list'] },
          { apiGroups: ['apps'], resources: ['deployments', 'statefulsets'], verbs: ['get', 'list', 'watch'] },
        ],
      },
      wildcard ? ['wildcardRole'] : [],
    );
    yield doc('ClusterRoleBinding', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: `${namespace}-reader`, labels: { team } },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `${namespace}-reader` },
      subjects: [{ kind: 'Group', name: `${team}-oncall`, apiGroup: 'rbac.authorization.k8s.io' }],
    });
  }
}

function* appDocuments(random, { namespace, team, stage, app, recentHosts }) {
  const roll = random.next();
  const workloadKind = roll < 0.7 ? 'Deployment' : roll < 0.85 ? 'StatefulSet' : 'CronJob';
  const version = `${random.int(1, 4)}.${random.int(0, 30)}.${random.int(0, 12)}`;
  const labels = commonLabels(app, team, workloadKind === 'CronJob' ? 'job' : 'server', version);
  const selector = {
    'app.kubernetes.io/name': app,
    'app.kubernetes.io/instance': labels['app.kubernetes.io/instance'],
  };
  const port = random.pick([8080, 8443, 3000, 9000, 5000]);
  const hasConfig = random.chance(0.8);
  const hasSecret = random.chance(0.2);
  const hasAccount = random.chance(0.7);

  if (hasConfig) {
    const lines = [`server.port=${port}`, `log.level=${random.pick(['info', 'debug', 'warn'])}`];
    for (let i = random.int(3, 12); i > 0; i--)
      lines.push(`${random.pick(WORDS)}.${random.pick(WORDS)}=${random.int(1, 9999)}`);
    yield doc('ConfigMap', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `${app}-config`, namespace, labels },
      data: {
        'application.properties': `${lines.join('\n')}\n`,
        LOG_FORMAT: 'json',
        FEATURE_FLAGS: random.pick(['a,b', 'none', 'beta-search,fast-path']),
        TIMEOUT_SECONDS: String(random.int(5, 120)),
      },
    });
  }
  if (hasSecret) {
    yield doc('Secret', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: `${app}-credentials`, namespace, labels },
      type: 'Opaque',
      stringData: { username: app, password: `changeme-${random.int(1000, 9999)}` },
    });
  }
  if (hasAccount) {
    yield doc('ServiceAccount', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: app, namespace, labels },
      automountServiceAccountToken: false,
    });
  }

  const workload = buildWorkload(random, {
    kind: workloadKind,
    namespace,
    app,
    labels,
    selector,
    version,
    port,
    hasConfig,
    hasSecret,
    hasAccount,
    stage,
  });
  yield workload;

  if (workloadKind !== 'CronJob') {
    const publicService = random.chance(VIOLATION_RATES.publicService);
    const dangling = random.chance(VIOLATION_RATES.danglingSelector);
    const violations = [...(publicService ? ['publicService'] : []), ...(dangling ? ['danglingSelector'] : [])];
    yield doc(
      'Service',
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: app, namespace, labels },
        spec: {
          ...(publicService ? { type: random.pick(['LoadBalancer', 'NodePort']) } : {}),
          ...(workloadKind === 'StatefulSet' ? { clusterIP: 'None' } : {}),
          selector: dangling ? { 'app.kubernetes.io/name': `${app}-old` } : selector,
          ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
        },
      },
      violations,
    );
  }
  if (workloadKind === 'Deployment' && random.chance(0.5)) yield ingress(random, namespace, app, labels, recentHosts);
  const replicas = workload.replicas ?? 1;
  if (workloadKind === 'Deployment' && random.chance(0.2)) {
    yield doc('HorizontalPodAutoscaler', {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: app, namespace, labels },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: app },
        minReplicas: Math.max(replicas, 2),
        maxReplicas: Math.max(replicas, 2) * 4,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
        ],
      },
    });
  }
  if (replicas > 1 && random.chance(0.4)) {
    yield doc('PodDisruptionBudget', {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: app, namespace, labels },
      spec: { minAvailable: 1, selector: { matchLabels: selector } },
    });
  }
  if (random.chance(0.6)) {
    yield doc('NetworkPolicy', {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `${app}-allow`, namespace, labels },
      spec: {
        podSelector: { matchLabels: selector },
        policyTypes: ['Ingress'],
        ingress: [
          {
            from: [
              { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } },
              { podSelector: { matchLabels: { 'app.kubernetes.io/part-of': team } } },
            ],
            ports: [{ protocol: 'TCP', port }],
          },
        ],
      },
    });
  }
  if (random.chance(0.3)) {
    const wildcard = random.chance(VIOLATION_RATES.wildcardRole);
    yield doc(
      'Role',
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: `${app}-leader-election`, namespace, labels },
        rules: [
          {
            apiGroups: ['coordination.k8s.io'],
            resources: ['leases'],
            verbs: wildcard ? ['*'] : ['get', 'create', 'update'],
          },
          { apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] },
        ],
      },
      wildcard ? ['wildcardRole'] : [],
    );
    yield doc('RoleBinding', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: `${app}-leader-election`, namespace, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: `${app}-leader-election` },
      subjects: [{ kind: 'ServiceAccount', name: hasAccount ? app : 'default', namespace }],
    });
  }
}

function ingress(random, namespace, app, labels, recentHosts) {
  const violations = [];
  let host = `${app}.${namespace}.example.com`;
  if (random.chance(VIOLATION_RATES.sharedIngressHost)) {
    host = random.pick(SHARED_HOSTS);
    violations.push('sharedIngressHost');
  } else if (recentHosts.length > 0 && random.chance(VIOLATION_RATES.duplicateIngressHost)) {
    host = random.pick(recentHosts);
    violations.push('duplicateIngressHost');
  }
  recentHosts.push(host);
  if (recentHosts.length > 50) recentHosts.shift();
  const tls = !random.chance(VIOLATION_RATES.ingressWithoutTls);
  if (!tls) violations.push('ingressWithoutTls');
  return doc(
    'Ingress',
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: app,
        namespace,
        labels,
        annotations: {
          'nginx.ingress.kubernetes.io/proxy-body-size': `${random.int(1, 64)}m`,
          ...(tls
            ? { 'kubernetes.io/ingress.allow-http': 'false', 'cert-manager.io/cluster-issuer': 'letsencrypt' }
            : {}),
        },
      },
      spec: {
        ingressClassName: 'nginx',
        ...(tls ? { tls: [{ hosts: [host], secretName: `${app}-tls` }] } : {}),
        rules: [
          {
            host,
            http: {
              paths: [
                {
                  path: random.pick(['/', `/${app}`, '/api']),
                  pathType: 'Prefix',
                  backend: { service: { name: app, port: { name: 'http' } } },
                },
              ],
            },
          },
        ],
      },
    },
    violations,
  );
}

function image(random, repository, version, violations) {
  if (random.chance(VIOLATION_RATES.latestTag)) {
    violations.push('latestTag');
    return `${repository}:latest`;
  }
  if (random.chance(VIOLATION_RATES.untaggedImage / (1 - VIOLATION_RATES.latestTag))) {
    violations.push('untaggedImage');
    return repository;
  }
  return `${repository}:${version}`;
}

function container(random, options, violations, { withLimits }) {
  const { name, repository, version, port, hasConfig, hasSecret, probes } = options;
  const cpu = random.pick(['100m', '250m', '500m', '1']);
  const memory = random.pick(['128Mi', '256Mi', '512Mi', '1Gi']);
  const env = [{ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }];
  for (let i = random.int(1, 5); i > 0; i--) {
    env.push({ name: `${random.pick(WORDS).toUpperCase()}_${random.pick(WORDS).toUpperCase()}`, value: `${i}` });
  }
  if (hasConfig)
    env.push({ name: 'LOG_FORMAT', valueFrom: { configMapKeyRef: { name: options.config, key: 'LOG_FORMAT' } } });
  if (hasSecret && random.chance(0.5)) {
    env.push({ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: options.secret, key: 'password' } } });
  }
  const privileged = random.chance(VIOLATION_RATES.privileged);
  if (privileged) violations.push('privileged');
  return {
    name,
    image: image(random, repository, version, violations),
    imagePullPolicy: 'IfNotPresent',
    ...(random.chance(0.3) ? { args: ['--port', String(port), '--log-level', 'info'] } : {}),
    ports: [{ name: 'http', containerPort: port, protocol: 'TCP' }],
    env,
    resources: withLimits ? { requests: { cpu, memory }, limits: { cpu, memory } } : { requests: { cpu, memory } },
    ...(probes
      ? {
          readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 10 },
          livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, initialDelaySeconds: 15, periodSeconds: 20 },
        }
      : {}),
    securityContext: privileged
      ? { privileged: true }
      : {
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: random.chance(0.6),
          runAsNonRoot: true,
          capabilities: { drop: ['ALL'] },
        },
    volumeMounts: [
      { name: 'tmp', mountPath: '/tmp' },
      ...(hasConfig ? [{ name: 'config', mountPath: '/etc/app', readOnly: true }] : []),
    ],
  };
}

function buildWorkload(random, options) {
  const { kind, namespace, app, labels, selector, version, port, hasConfig, hasSecret, hasAccount, stage } = options;
  const violations = [];
  const repository = `${random.pick(REGISTRIES)}${app.split('-')[0]}`;
  const probes = kind !== 'CronJob' && random.chance(0.8);
  const common = { repository, version, port, hasConfig, hasSecret, probes, config: `${app}-config` };
  const missingLimits = random.chance(VIOLATION_RATES.missingLimits);
  if (missingLimits) violations.push('missingLimits');
  const containers = [container(random, { ...common, name: app.split('-')[0] }, violations, { withLimits: true })];
  if (random.chance(0.2)) {
    const sidecar = random.pick(SIDECARS);
    const options = { ...common, name: sidecar.name, repository: sidecar.image, port: sidecar.port, probes: false };
    containers.push(container(random, options, violations, { withLimits: true }));
  }
  // The violation goes on a random container, so that rules must look at every one.
  if (missingLimits) delete random.pick(containers).resources.limits;
  const hostNetwork = random.chance(VIOLATION_RATES.hostNetwork);
  if (hostNetwork) violations.push('hostNetwork');
  const replicas = kind === 'CronJob' ? undefined : random.pick([1, 2, 2, 3, 3, 3, 5, 10]);
  const podSpec = {
    ...(hasAccount ? { serviceAccountName: app } : {}),
    ...(hostNetwork ? { hostNetwork: true } : {}),
    securityContext: {
      runAsNonRoot: true,
      runAsUser: 10001,
      fsGroup: 10001,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    ...(random.chance(0.1)
      ? {
          initContainers: [
            {
              name: 'migrate',
              image: `${repository}-migrations:${version}`,
              command: ['/bin/migrate', 'up'],
              resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '100m', memory: '64Mi' } },
            },
          ],
        }
      : {}),
    containers,
    ...(replicas !== undefined && replicas > 1 && random.chance(0.6)
      ? {
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'topology.kubernetes.io/zone',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: selector },
            },
          ],
        }
      : {}),
    ...(stage === 'prod' ? { nodeSelector: { 'kubernetes.io/os': 'linux', 'node-pool': 'general' } } : {}),
    volumes: [
      { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } },
      ...(hasConfig ? [{ name: 'config', configMap: { name: `${app}-config` } }] : []),
    ],
  };
  const metadata = { name: app, namespace, labels, annotations: { 'example.com/owner': options.app } };
  const template = {
    metadata: { labels, annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(port) } },
    spec: podSpec,
  };
  let object;
  if (kind === 'Deployment') {
    object = {
      apiVersion: 'apps/v1',
      kind,
      metadata,
      spec: {
        replicas,
        revisionHistoryLimit: 5,
        selector: { matchLabels: selector },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
        template,
      },
    };
  } else if (kind === 'StatefulSet') {
    object = {
      apiVersion: 'apps/v1',
      kind,
      metadata,
      spec: {
        replicas,
        serviceName: app,
        selector: { matchLabels: selector },
        template,
        volumeClaimTemplates: [
          {
            metadata: { name: 'data' },
            spec: {
              accessModes: ['ReadWriteOnce'],
              storageClassName: 'standard',
              resources: { requests: { storage: `${random.pick([1, 5, 10, 50])}Gi` } },
            },
          },
        ],
      },
    };
  } else {
    const deprecated = random.chance(VIOLATION_RATES.deprecatedCronJob);
    if (deprecated) violations.push('deprecatedCronJob');
    podSpec.restartPolicy = 'OnFailure';
    object = {
      apiVersion: deprecated ? 'batch/v1beta1' : 'batch/v1',
      kind,
      metadata,
      spec: {
        schedule: `${random.int(0, 59)} ${random.int(0, 23)} * * *`,
        concurrencyPolicy: 'Forbid',
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 1,
        jobTemplate: { spec: { backoffLimit: 2, template } },
      },
    };
  }
  const comment = random.chance(0.3) ? `${kind} ${app}: owned by ${labels['app.kubernetes.io/part-of']}` : undefined;
  return { ...doc(kind, object, violations, comment), replicas };
}

function generatorStamp() {
  return createHash('sha256')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex')
    .slice(0, 16);
}

/**
 * Writes the corpus of `documents` documents unless an up-to-date copy is
 * already there; returns its paths and manifest.
 */
export function ensureCorpus(documents, { log = () => {} } = {}) {
  const dir = path.join(CORPORA_DIR, sizeLabel(documents));
  const stamp = generatorStamp();
  const manifestFile = path.join(dir, 'manifest.json');
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (manifest.stamp === stamp) return corpusPaths(dir, manifest);
  }
  log(`generating the ${sizeLabel(documents)} corpus in ${path.relative(process.cwd(), dir) || '.'}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'one'), { recursive: true });
  const kinds = {};
  const violations = {};
  const big = [];
  let files = 0;
  let pending = [];
  let pendingNamespace;
  let fileIndex = 0;
  const flush = () => {
    if (pending.length === 0) return;
    const folder = path.join(dir, 'many', pendingNamespace);
    if (fileIndex === 0) mkdirSync(folder, { recursive: true });
    const name = `${String(fileIndex).padStart(3, '0')}-${pending[0].app}.yaml`;
    writeFileSync(path.join(folder, name), pending.map((entry) => entry.text).join('---\n'));
    files++;
    fileIndex++;
    pending = [];
  };
  let count = 0;
  let lastApp;
  for (const entry of documentStream()) {
    if (count === documents) break;
    // A file ends between applications, never inside one, and at every namespace.
    if (entry.namespace !== pendingNamespace) {
      flush();
      pendingNamespace = entry.namespace;
      fileIndex = 0;
    } else if (entry.app !== lastApp && pending.length >= DOCS_PER_FILE) flush();
    lastApp = entry.app;
    pending.push(entry);
    big.push(entry.text);
    kinds[entry.kind] = (kinds[entry.kind] ?? 0) + 1;
    for (const violation of entry.violations) violations[violation] = (violations[violation] ?? 0) + 1;
    count++;
  }
  flush();
  const bigText = big.join('---\n');
  writeFileSync(path.join(dir, 'one', 'all.yaml'), bigText);
  const manifest = {
    stamp,
    documents: count,
    files: { one: 1, many: files },
    bytes: Buffer.byteLength(bigText),
    kinds: Object.fromEntries(Object.entries(kinds).sort()),
    violations: Object.fromEntries(Object.entries(violations).sort()),
    violationRates: VIOLATION_RATES,
  };
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return corpusPaths(dir, manifest);
}

function corpusPaths(dir, manifest) {
  return { dir, one: path.join(dir, 'one'), many: path.join(dir, 'many'), manifest };
}

/** A single small file (one application, a few documents) for the start-up measurement. */
export function ensureSmallFile() {
  const file = path.join(CORPORA_DIR, 'one-small.yaml');
  const texts = [];
  for (const entry of documentStream()) {
    if (entry.app === '_namespace') continue;
    if (texts.length > 0 && entry.app !== texts[0].app) break;
    texts.push(entry);
  }
  const text = texts.map((entry) => entry.text).join('---\n');
  mkdirSync(CORPORA_DIR, { recursive: true });
  if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  return file;
}

/** A config that runs the recommended rules, so that no .k8s-bp.yaml up the tree interferes. */
export function ensureConfig() {
  const file = path.join(CORPORA_DIR, 'k8s-bp.yaml');
  mkdirSync(CORPORA_DIR, { recursive: true });
  writeFileSync(file, 'extends: recommended\n');
  return file;
}

/** The recommended preset with the schema rules off: what schema validation costs is the difference. */
export function ensureConfigWithoutSchemas(ruleIds) {
  const file = path.join(CORPORA_DIR, 'k8s-bp-no-schemas.yaml');
  mkdirSync(CORPORA_DIR, { recursive: true });
  const off = ruleIds.map((id) => `  ${id}: 'off'\n`).join('');
  writeFileSync(file, `extends: recommended\nrules:\n${off}`);
  return file;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2);
  if (sizes.length === 0) sizes.push('1k', '10k', '100k');
  for (const size of sizes) {
    const started = Date.now();
    const corpus = ensureCorpus(parseSize(size), { log: (line) => console.error(line) });
    const { documents, files, bytes, violations } = corpus.manifest;
    console.log(
      `${corpus.dir}: ${documents} documents, ${files.many} small files, ${(bytes / 1048576).toFixed(1)} MiB, ` +
        `${Object.entries(violations)
          .map(([key, value]) => `${key} ${value}`)
          .join(', ')} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
}
