import { describe, expect, it } from 'vitest';
import type { ObjectPath } from '../../../../src/model/types.js';
import { cronJob, job, type Json, pod, problemsOf, workload } from './helpers.js';

/** Every path of a JSON value, the root excluded. */
function pathsOf(value: unknown, prefix: ObjectPath = []): ObjectPath[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
  }
  return [];
}

function replaced(object: Json, path: ObjectPath, replacement: unknown): Json {
  const copy = structuredClone(object);
  let parent: Record<string | number, unknown> = copy;
  for (const segment of path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>;
  parent[path[path.length - 1] ?? ''] = replacement;
  return copy;
}

const ODD_VALUES: readonly unknown[] = [null, 0, -1, 1.5, '', 'x', true, [], {}, [null], { '': null }];

const RICH_POD = pod({
  'metadata.labels': { app: 'web' },
  'metadata.annotations': { note: 'x' },
  'spec.volumes': [{ name: 'data', configMap: { name: 'c', items: [{ key: 'a', path: 'a', mode: 0o600 }] } }],
  'spec.tolerations': [{ key: 'k', operator: 'Equal', value: 'v', effect: 'NoSchedule' }],
  'spec.affinity': {
    podAntiAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: [
        { labelSelector: { matchExpressions: [{ key: 'a', operator: 'In', values: ['b'] }] }, topologyKey: 'zone' },
      ],
    },
  },
  'spec.containers': [
    {
      name: 'app',
      image: 'nginx',
      ports: [{ name: 'http', containerPort: 80, hostPort: 8080 }],
      env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }],
      envFrom: [{ configMapRef: { name: 'c' } }],
      volumeMounts: [{ name: 'data', mountPath: '/d' }],
      resources: { requests: { cpu: '1' }, limits: { cpu: '2' } },
      livenessProbe: { httpGet: { port: 'http', httpHeaders: [{ name: 'X', value: 'y' }] } },
      lifecycle: { preStop: { exec: { command: ['sleep', '1'] } } },
      securityContext: { runAsUser: 1, seccompProfile: { type: 'RuntimeDefault' } },
    },
  ],
});

const OBJECTS: ReadonlyArray<[string, Json]> = [
  ['Pod', RICH_POD],
  ['Deployment', workload('Deployment', { 'spec.strategy': { rollingUpdate: { maxSurge: 1 } } })],
  ['DaemonSet', workload('DaemonSet', { 'spec.updateStrategy': { rollingUpdate: { maxSurge: 0 } } })],
  ['StatefulSet', workload('StatefulSet', { 'spec.updateStrategy': { rollingUpdate: { partition: 0 } } })],
  ['Job', job()],
  ['CronJob', cronJob()],
  [
    'Service',
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's' },
      spec: { type: 'NodePort', ports: [{ name: 'a', port: 80, nodePort: 30000 }], selector: { a: 'b' } },
    },
  ],
  [
    'Ingress',
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'i' },
      spec: {
        rules: [
          {
            host: 'a.b',
            http: {
              paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 's', port: { number: 80 } } } }],
            },
          },
        ],
      },
    },
  ],
];

describe('odd shapes', () => {
  it.each(OBJECTS)('never throws on a %s with any field replaced by a value of another shape', (_, object) => {
    for (const path of pathsOf(object)) {
      for (const odd of ODD_VALUES) {
        expect(() => problemsOf(replaced(object, path, odd))).not.toThrow();
      }
    }
  });

  it.each(OBJECTS)('finds nothing in the valid %s the odd-shape runs start from', (_, object) => {
    expect(problemsOf(object)).toEqual([]);
  });

  it('never throws on a top-level field of another shape', () => {
    for (const odd of ODD_VALUES) {
      expect(() => problemsOf({ apiVersion: 'v1', kind: 'Pod', metadata: odd, spec: odd })).not.toThrow();
    }
  });
});
