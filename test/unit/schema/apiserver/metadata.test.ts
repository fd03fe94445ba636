import { describe, expect, it } from 'vitest';
import { type Json, patched, pod, problemsOf, required, value } from './helpers.js';

const SUBDOMAIN_RULE =
  "must consist of lower-case letters, digits, '-' and '.', and start and end with a letter or digit";
const LABEL_RULE = "must consist of lower-case letters, digits and '-', and start and end with a letter or digit";
const DNS_1035_RULE =
  "must consist of lower-case letters, digits and '-', start with a letter, and end with a letter or digit";

/** An object of `apiVersion`/`kind` with only metadata, enough for the name checks of kinds with no body checks. */
function named(apiVersion: string, kind: string, metadata: Json): Json {
  return { apiVersion, kind, metadata };
}

describe('object names follow the rule of their kind', () => {
  it.each([
    ['a Pod with a DNS subdomain name', named('v1', 'ConfigMap', { name: 'web.v2' })],
    ['a Namespace with a DNS label', named('v1', 'Namespace', { name: 'team-a' })],
    ['a Service with a DNS-1035 label', named('v1', 'Service', { name: 'web' })],
    ['a StatefulSet with a DNS label', named('apps/v1', 'StatefulSet', { name: 'db-0' })],
    [
      'a ClusterRole with colons and capitals',
      named('rbac.authorization.k8s.io/v1', 'ClusterRole', { name: 'system:Admin' }),
    ],
    ['a RoleBinding with a space', named('rbac.authorization.k8s.io/v1', 'RoleBinding', { name: 'read only' })],
    ['a PodDisruptionBudget with capitals', named('policy/v1', 'PodDisruptionBudget', { name: 'WebBudget' })],
    ['a CronJob of 52 characters', named('batch/v1', 'CronJob', { name: 'c'.repeat(52) })],
    ['a generated name ending in "-"', named('v1', 'ConfigMap', { generateName: 'web-' })],
    ['a Service generated name ending in "-"', named('v1', 'Service', { generateName: 'web-' })],
  ])('accepts %s', (_, object) => {
    expect(problemsOf(object)).toEqual([]);
  });

  it.each([
    [
      'a ConfigMap with capitals',
      named('v1', 'ConfigMap', { name: 'My_App' }),
      [value('metadata.name', `"name" "My_App" is not a valid DNS-1123 subdomain: ${SUBDOMAIN_RULE}`)],
    ],
    [
      'a Namespace with a dot',
      named('v1', 'Namespace', { name: 'team.a' }),
      [value('metadata.name', '"name" "team.a" is not a valid DNS-1123 label: must not contain dots')],
    ],
    [
      'a Service starting with a digit',
      named('v1', 'Service', { name: '1web' }),
      [value('metadata.name', `"name" "1web" is not a valid DNS-1035 label: ${DNS_1035_RULE}`)],
    ],
    [
      'a StatefulSet with a dot',
      named('apps/v1', 'StatefulSet', { name: 'db.primary' }),
      [value('metadata.name', '"name" "db.primary" is not a valid DNS-1123 label: must not contain dots')],
    ],
    [
      'a Role with a slash',
      named('rbac.authorization.k8s.io/v1', 'Role', { name: 'team/reader' }),
      [value('metadata.name', `"name" "team/reader" is not a valid path segment name: may not contain '/'`)],
    ],
    [
      'a Deployment of 254 characters',
      named('apps/v1', 'Deployment', { name: 'd'.repeat(254) }),
      [
        value(
          'metadata.name',
          `"name" "${'d'.repeat(254)}" is not a valid DNS-1123 subdomain: must be no more than 253 characters`,
        ),
      ],
    ],
    [
      'a CronJob of 53 characters',
      named('batch/v1', 'CronJob', { name: 'c'.repeat(53) }),
      [value('metadata.name', `a CronJob's "name" must be no more than 52 characters`)],
    ],
    [
      'a Service generated name starting with a digit',
      named('v1', 'Service', { generateName: '1web-' }),
      [value('metadata.generateName', `"generateName" "1web-" is not a valid DNS-1035 label prefix: ${DNS_1035_RULE}`)],
    ],
  ])('rejects %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });
});

describe('a name is required unless one is generated', () => {
  it('rejects metadata without a name or generateName', () => {
    expect(problemsOf(named('v1', 'ConfigMap', { namespace: 'shop' }))).toEqual([
      required('metadata', '"name" or "generateName" is required'),
    ]);
  });

  it('rejects an empty name, pointing at the metadata', () => {
    expect(problemsOf(named('v1', 'ConfigMap', { name: '' }))).toEqual([
      required('metadata', '"name" or "generateName" is required'),
    ]);
  });

  it('rejects an object without metadata, pointing at the root', () => {
    expect(problemsOf({ apiVersion: 'v1', kind: 'ConfigMap' })).toEqual([
      required('', '"name" or "generateName" is required'),
    ]);
  });
});

describe('namespaces', () => {
  it('accepts a DNS label namespace', () => {
    expect(problemsOf(pod({ 'metadata.namespace': 'team-a' }))).toEqual([]);
  });

  it('rejects a namespace that is no DNS label', () => {
    expect(problemsOf(pod({ 'metadata.namespace': 'Team_A' }))).toEqual([
      value('metadata.namespace', `"namespace" "Team_A" is not a valid namespace name: ${LABEL_RULE}`),
    ]);
  });

  it('leaves a namespace on a cluster-scoped kind alone: the API server clears it', () => {
    expect(problemsOf(named('v1', 'Namespace', { name: 'team-a', namespace: 'Not_Used' }))).toEqual([]);
  });
});

describe('labels', () => {
  it.each([
    ['prefixed keys and empty values', { 'app.kubernetes.io/name': 'web', tier: '' }],
    ['values with dots and underscores', { version: 'v1.2_3' }],
  ])('accepts %s', (_, labels) => {
    expect(problemsOf(pod({ 'metadata.labels': labels }))).toEqual([]);
  });

  it.each([
    [
      'a key with a space',
      { 'my app': 'web' },
      [
        value(
          ['metadata', 'labels', 'my app'],
          `label key "my app" is not valid: it has a name part that must consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit`,
        ),
      ],
    ],
    [
      'a key with an upper-case prefix',
      { 'Example.com/app': 'web' },
      [
        value(
          ['metadata', 'labels', 'Example.com/app'],
          `label key "Example.com/app" is not valid: it has a prefix that ${SUBDOMAIN_RULE}`,
        ),
      ],
    ],
    [
      'a value of 64 characters',
      { app: 'w'.repeat(64) },
      [
        value(
          'metadata.labels.app',
          `label value "${'w'.repeat(64)}" of "app" is not valid: it must be no more than 63 characters`,
        ),
      ],
    ],
    [
      'a value with a slash',
      { image: 'nginx/1.27' },
      [
        value(
          'metadata.labels.image',
          `label value "nginx/1.27" of "image" is not valid: it must be empty or consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit`,
        ),
      ],
    ],
  ])('rejects %s', (_, labels, expected) => {
    expect(problemsOf(pod({ 'metadata.labels': labels }))).toEqual(expected);
  });
});

describe('annotations', () => {
  it('accepts upper-case keys, which annotations allow', () => {
    expect(problemsOf(pod({ 'metadata.annotations': { 'Example.com/Owner': 'team a' } }))).toEqual([]);
  });

  it('accepts annotations of 256 KiB in all', () => {
    const text = 'x'.repeat(256 * 1024 - 'note'.length);
    expect(problemsOf(pod({ 'metadata.annotations': { note: text } }))).toEqual([]);
  });

  it('rejects annotations of more than 256 KiB in all', () => {
    const text = 'x'.repeat(256 * 1024);
    expect(problemsOf(pod({ 'metadata.annotations': { note: text } }))).toEqual([
      value('metadata.annotations', 'annotations take 262148 bytes, more than the limit of 262144 (256 KiB)'),
    ]);
  });

  it('counts the bytes of UTF-8, as the API server does', () => {
    const text = 'é'.repeat(128 * 1024);
    expect(problemsOf(pod({ 'metadata.annotations': { n: text } }))).toEqual([
      value('metadata.annotations', 'annotations take 262145 bytes, more than the limit of 262144 (256 KiB)'),
    ]);
  });

  it('rejects a key with two slashes', () => {
    expect(problemsOf(pod({ 'metadata.annotations': { 'a/b/c': 'x' } }))).toEqual([
      value(
        ['metadata', 'annotations', 'a/b/c'],
        `annotation key "a/b/c" is not valid: it may contain at most one '/', between a DNS subdomain prefix and the name`,
      ),
    ]);
  });
});

describe('finalizers', () => {
  it.each([['kubernetes'], ['example.com/cleanup'], ['foregroundDeletion']])('accepts %j', (finalizer) => {
    expect(problemsOf(pod({ 'metadata.finalizers': [finalizer] }))).toEqual([]);
  });

  it('rejects a finalizer without a domain that is not a standard one', () => {
    expect(problemsOf(pod({ 'metadata.finalizers': ['cleanup'] }))).toEqual([
      value('metadata.finalizers.0', 'finalizer "cleanup" must have a domain prefix (such as "example.com/cleanup")'),
    ]);
  });

  it('accepts a finalizer without a domain on a kind checked only as stored objects are', () => {
    const budget = named('policy/v1', 'PodDisruptionBudget', { name: 'web', finalizers: ['cleanup'] });
    expect(problemsOf(budget)).toEqual([]);
  });
});

describe('kinds and versions that are not judged', () => {
  it.each([
    ['a custom resource', named('example.com/v1', 'Widget', { name: 'Not_Checked' })],
    ['a version the releases do not serve', named('apps/v1beta2', 'Deployment', { name: 'Not_Checked' })],
    ['a built-in kind not in the table', named('v1', 'Event', { name: 'Not_Checked' })],
  ])('reports nothing for %s', (_, object) => {
    expect(problemsOf(object)).toEqual([]);
  });

  it.each([
    ['metadata that is a string', patched(pod(), { metadata: 'web' })],
    ['containers given as a map', patched(pod(), { 'spec.containers': { app: { image: 'x' } } })],
    ['ports given as a string', { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: '80' } }],
    [
      'access modes given as a string',
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'c' },
        spec: { accessModes: 'ReadWriteOnce', resources: { requests: { storage: '1Gi' } } },
      },
    ],
  ])('reports no missing field for %s, which the schema check reports', (_, object) => {
    expect(problemsOf(object)).toEqual([]);
  });

  it('leaves fields of the wrong type to the schema check', () => {
    const object = patched(pod(), {
      'metadata.name': 42,
      'metadata.labels': { app: 1 },
      'spec.containers.0.ports': [{ containerPort: '80' }],
    });
    expect(problemsOf(object)).toEqual([]);
  });
});
