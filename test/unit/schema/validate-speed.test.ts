/**
 * Validation speed on the published Deployment schema: 10,000 realistic
 * Deployments (a few containers each, probes, resources, env, volumes).
 * The budget is loose enough for a busy two-core machine and tight enough to
 * catch a validator that compiles schemas per call.
 */
import { describe, expect, it } from 'vitest';
import { validateAgainstSchema } from '../../../src/schema/validate.js';
import { ORACLE, ORACLE_FILE } from './oracle.js';

const COUNT = 10_000;
const BUDGET_MS = 5_000;

function container(index: number, name: string): Record<string, unknown> {
  return {
    name,
    image: `registry.example.com/team/${name}:1.${index % 50}.0`,
    imagePullPolicy: 'IfNotPresent',
    args: ['--port=8080', `--replica=${index}`],
    ports: [
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9090 },
    ],
    env: [
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      { name: 'SECRET', valueFrom: { secretKeyRef: { name: 'app-secret', key: 'token' } } },
    ],
    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: 1, memory: '512Mi' } },
    readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 10, failureThreshold: 3 },
    livenessProbe: { tcpSocket: { port: 8080 }, initialDelaySeconds: 5 },
    securityContext: {
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    },
    volumeMounts: [{ name: 'config', mountPath: '/etc/app', readOnly: true }],
  };
}

function deployment(index: number): Record<string, unknown> {
  const labels = { 'app.kubernetes.io/name': `app-${index}`, 'app.kubernetes.io/part-of': 'shop' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `app-${index}`, namespace: 'shop', labels, annotations: { 'example.com/owner': 'team-a' } },
    spec: {
      replicas: 1 + (index % 5),
      revisionHistoryLimit: 5,
      selector: { matchLabels: labels },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      template: {
        metadata: { labels, annotations: { 'prometheus.io/scrape': 'true' } },
        spec: {
          serviceAccountName: 'app',
          securityContext: { runAsUser: 1000, fsGroup: 2000, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [container(index, 'app'), container(index, 'sidecar')],
          volumes: [{ name: 'config', configMap: { name: `app-${index}-config` } }],
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                {
                  weight: 100,
                  podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: labels } },
                },
              ],
            },
          },
          tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'shop', effect: 'NoSchedule' }],
        },
      },
    },
  };
}

if (!ORACLE) console.warn(`Skipping the validation speed test: ${ORACLE_FILE} is absent.`);

describe.skipIf(!ORACLE)('validateAgainstSchema speed', () => {
  it(`validates ${COUNT} Deployments within ${BUDGET_MS} ms`, () => {
    const schemas = ORACLE!;
    const schema = schemas.definition('io.k8s.api.apps.v1.Deployment');
    const options = { mode: 'builtin', resolve: schemas.resolve } as const;
    const manifests = Array.from({ length: COUNT }, (_, index) => deployment(index));
    expect(validateAgainstSchema(manifests[0], schema, options)).toEqual([]);
    const start = performance.now();
    let problems = 0;
    for (const manifest of manifests) problems += validateAgainstSchema(manifest, schema, options).length;
    const elapsed = performance.now() - start;
    console.info(
      `validated ${COUNT} Deployments in ${elapsed.toFixed(0)} ms (${((elapsed * 1000) / COUNT).toFixed(1)} µs each)`,
    );
    expect(problems).toBe(0);
    expect(elapsed).toBeLessThan(BUDGET_MS);
  });
});
