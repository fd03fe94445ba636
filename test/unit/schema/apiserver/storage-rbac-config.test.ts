import { describe, expect, it } from 'vitest';
import { duplicate, type Json, patched, problemsOf, required, value } from './helpers.js';

describe('PersistentVolumeClaims', () => {
  const claim = (spec: Json): Json =>
    patched({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' } }, { spec });
  const STORAGE = { requests: { storage: '1Gi' } };

  it.each([
    ['a plain claim', { accessModes: ['ReadWriteOnce'], resources: STORAGE }],
    ['ReadWriteOncePod alone', { accessModes: ['ReadWriteOncePod'], resources: STORAGE, volumeMode: 'Block' }],
    [
      'an empty storage class, which disables dynamic provisioning',
      { accessModes: ['ReadOnlyMany'], resources: STORAGE, storageClassName: '' },
    ],
  ])('accepts %s', (_, spec) => {
    expect(problemsOf(claim(spec))).toEqual([]);
  });

  it.each([
    ['no access mode', { resources: STORAGE }, [required('spec', '"accessModes" must hold at least one access mode')]],
    [
      'a misspelt access mode',
      { accessModes: ['ReadWriteOnly'], resources: STORAGE },
      [
        value(
          'spec.accessModes.0',
          '"accessModes" must be one of "ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod", not "ReadWriteOnly"',
        ),
      ],
    ],
    [
      'ReadWriteOncePod with another mode',
      { accessModes: ['ReadWriteOncePod', 'ReadWriteOnce'], resources: STORAGE },
      [value('spec.accessModes', '"ReadWriteOncePod" may not be combined with other access modes ("ReadWriteOnce")')],
    ],
    [
      'no storage request',
      { accessModes: ['ReadWriteOnce'], resources: { requests: { cpu: '1' } } },
      [required('spec.resources.requests', 'a storage request ("resources.requests.storage") is required')],
    ],
    [
      'no resources',
      { accessModes: ['ReadWriteOnce'] },
      [required('spec', 'a storage request ("resources.requests.storage") is required')],
    ],
    [
      'a storage request of zero',
      { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: 0 } } },
      [value('spec.resources.requests.storage', 'the storage request must be greater than zero, not 0')],
    ],
    [
      'an unknown volume mode',
      { accessModes: ['ReadWriteOnce'], resources: STORAGE, volumeMode: 'File' },
      [value('spec.volumeMode', '"volumeMode" must be one of "Block", "Filesystem", not "File"')],
    ],
  ])('rejects %s', (_, spec, expected) => {
    expect(problemsOf(claim(spec))).toEqual(expected);
  });

  it('rejects an unknown reclaim policy on a PersistentVolume', () => {
    const volume = patched(
      { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv-1' } },
      {
        spec: {
          accessModes: ['ReadWriteOnce'],
          capacity: { storage: '1Gi' },
          persistentVolumeReclaimPolicy: 'Keep',
          hostPath: { path: '/d' },
        },
      },
    );
    expect(problemsOf(volume)).toEqual([
      value(
        'spec.persistentVolumeReclaimPolicy',
        '"persistentVolumeReclaimPolicy" must be one of "Delete", "Recycle", "Retain", not "Keep"',
      ),
    ]);
  });
});

describe('RBAC', () => {
  const RBAC = 'rbac.authorization.k8s.io/v1';
  const role = (kind: string, rules: Json[]): Json => ({ apiVersion: RBAC, kind, metadata: { name: 'reader' }, rules });
  const binding = (kind: string, fields: Json): Json => ({
    apiVersion: RBAC,
    kind,
    metadata: { name: 'read' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
    ...fields,
  });

  it.each([
    [
      'a Role rule',
      role('Role', [{ apiGroups: [''], resources: ['pods', 'services'], resourceNames: ['web'], verbs: ['get'] }]),
    ],
    ['a ClusterRole URL rule', role('ClusterRole', [{ nonResourceURLs: ['/healthz'], verbs: ['get'] }])],
    [
      'a role reference without an API group, which defaults to the RBAC group',
      binding('RoleBinding', { roleRef: { kind: 'Role', name: 'view' } }),
    ],
    [
      'a binding of a user without an API group, which the API server fills in',
      binding('RoleBinding', { subjects: [{ kind: 'User', name: 'alice' }] }),
    ],
    [
      'a ClusterRoleBinding of a service account',
      binding('ClusterRoleBinding', { subjects: [{ kind: 'ServiceAccount', name: 'web', namespace: 'shop' }] }),
    ],
  ])('accepts %s', (_, object) => {
    expect(problemsOf(object)).toEqual([]);
  });

  it.each([
    [
      'a rule without verbs',
      role('Role', [{ apiGroups: [''], resources: ['pods'] }]),
      [required('rules.0', '"verbs" must hold at least one verb')],
    ],
    [
      'a rule without API groups',
      role('ClusterRole', [{ resources: ['pods'], verbs: ['get'] }]),
      [required('rules.0', '"apiGroups" must hold at least one group (use "" for the core group)')],
    ],
    [
      'a URL rule in a Role',
      role('Role', [{ nonResourceURLs: ['/metrics'], verbs: ['get'] }]),
      [value('rules.0.nonResourceURLs', 'a namespaced Role may not grant "nonResourceURLs"')],
    ],
    [
      'a rule of resources and URLs',
      role('ClusterRole', [{ nonResourceURLs: ['/metrics'], resources: ['pods'], verbs: ['get'] }]),
      [value('rules.0.nonResourceURLs', 'a rule may grant resources or "nonResourceURLs", not both')],
    ],
    [
      'a ClusterRoleBinding of a Role',
      binding('ClusterRoleBinding', { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'view' } }),
      [value('roleRef.kind', '"kind" must be one of "ClusterRole", not "Role"')],
    ],
    [
      'a role reference in another group',
      binding('RoleBinding', { roleRef: { apiGroup: 'rbac.authorization.k8s.io/v1', kind: 'Role', name: 'view' } }),
      [
        value(
          'roleRef.apiGroup',
          '"apiGroup" must be one of "rbac.authorization.k8s.io", not "rbac.authorization.k8s.io/v1"',
        ),
      ],
    ],
    [
      'a service account subject without a namespace in a ClusterRoleBinding',
      binding('ClusterRoleBinding', { subjects: [{ kind: 'ServiceAccount', name: 'web' }] }),
      [required('subjects.0', '"namespace" is required for a ServiceAccount subject of a ClusterRoleBinding')],
    ],
    [
      'a service account subject with the RBAC group',
      binding('RoleBinding', {
        subjects: [{ kind: 'ServiceAccount', name: 'web', apiGroup: 'rbac.authorization.k8s.io' }],
      }),
      [value('subjects.0.apiGroup', '"apiGroup" must be empty for a ServiceAccount, not "rbac.authorization.k8s.io"')],
    ],
    [
      'an unknown subject kind',
      binding('RoleBinding', { subjects: [{ kind: 'Team', name: 'ops' }] }),
      [value('subjects.0.kind', '"kind" must be one of "ServiceAccount", "User", "Group", not "Team"')],
    ],
  ])('rejects %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });
});

describe('ConfigMaps and Secrets', () => {
  const configMap = (fields: Json): Json => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'settings' },
    ...fields,
  });
  const secret = (fields: Json): Json => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' }, ...fields });

  it.each([
    [
      'ConfigMap data and binary data',
      configMap({ data: { 'app.yaml': 'a: 1' }, binaryData: { 'logo.png': 'iVBORw0KGgo=' } }),
    ],
    [
      'a TLS Secret from stringData',
      secret({ type: 'kubernetes.io/tls', stringData: { 'tls.crt': 'x', 'tls.key': 'y' } }),
    ],
    [
      'a basic-auth Secret with a user name only',
      secret({ type: 'kubernetes.io/basic-auth', stringData: { username: 'a' } }),
    ],
    ['an Opaque Secret', secret({ data: { token: 'dG9rZW4=' } })],
  ])('accepts %s', (_, object) => {
    expect(problemsOf(object)).toEqual([]);
  });

  it.each([
    [
      'a ConfigMap key with a slash',
      configMap({ data: { 'conf/app.yaml': 'x' } }),
      [
        value(
          ['data', 'conf/app.yaml'],
          `key "conf/app.yaml" is not a valid ConfigMap or Secret key: must consist of letters, digits, '-', '_' and '.'`,
        ),
      ],
    ],
    [
      'a key in both data and binaryData',
      configMap({ data: { a: 'x' }, binaryData: { a: 'eA==' } }),
      [duplicate('data.a', 'key "a" is in both "data" and "binaryData"')],
    ],
    [
      'a ConfigMap of more than 1 MiB',
      configMap({ data: { big: 'x'.repeat(1024 * 1024 + 1) } }),
      [value('', 'a ConfigMap may hold at most 1048576 bytes (1 MiB) of data, not 1048577')],
    ],
    [
      'a TLS Secret without a key',
      secret({ type: 'kubernetes.io/tls', data: { 'tls.crt': 'eA==' } }),
      [required('data', 'a Secret of type "kubernetes.io/tls" needs the key "tls.key"')],
    ],
    [
      'a docker config Secret without its key',
      secret({ type: 'kubernetes.io/dockerconfigjson' }),
      [required('', 'a Secret of type "kubernetes.io/dockerconfigjson" needs the key ".dockerconfigjson"')],
    ],
    [
      'a service account token Secret without its annotation',
      secret({ type: 'kubernetes.io/service-account-token' }),
      [
        required(
          'metadata',
          'a Secret of type "kubernetes.io/service-account-token" needs the annotation "kubernetes.io/service-account.name"',
        ),
      ],
    ],
  ])('rejects %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });
});

describe('HorizontalPodAutoscalers', () => {
  const autoscaler = (apiVersion: string, spec: Json): Json => ({
    apiVersion,
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, ...spec },
  });

  it.each([
    ['autoscaling/v2', { minReplicas: 2, maxReplicas: 10 }],
    ['autoscaling/v1', { maxReplicas: 1 }],
  ])('accepts bounds in %s', (apiVersion, spec) => {
    expect(problemsOf(autoscaler(apiVersion, spec))).toEqual([]);
  });

  it.each([
    [
      'a minimum of 0',
      { minReplicas: 0, maxReplicas: 3 },
      [value('spec.minReplicas', '"minReplicas" must be at least 1, not 0')],
    ],
    ['a maximum of 0', { maxReplicas: 0 }, [value('spec.maxReplicas', '"maxReplicas" must be at least 1, not 0')]],
    [
      'a maximum below the minimum',
      { minReplicas: 5, maxReplicas: 3 },
      [value('spec.maxReplicas', '"maxReplicas" (3) must not be below "minReplicas" (5)')],
    ],
  ])('rejects %s', (_, spec, expected) => {
    expect(problemsOf(autoscaler('autoscaling/v2', spec))).toEqual(expected);
  });
});

describe('more storage, RBAC and Secret rules', () => {
  const RBAC = 'rbac.authorization.k8s.io/v1';
  it.each([
    [
      'a storage class name with capitals',
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'd' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'Fast' },
      },
      [
        value(
          'spec.storageClassName',
          `"storageClassName" "Fast" is not a valid DNS-1123 subdomain: must consist of lower-case letters, digits, '-' and '.', and start and end with a letter or digit`,
        ),
      ],
    ],
    [
      'a claim selector with an unknown operator',
      {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: { name: 'd' },
        spec: {
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: '1Gi' } },
          selector: { matchExpressions: [{ key: 'tier', operator: 'Equals', values: ['a'] }] },
        },
      },
      [
        value(
          'spec.selector.matchExpressions.0.operator',
          '"operator" must be one of "In", "NotIn", "Exists", "DoesNotExist", not "Equals"',
        ),
      ],
    ],
    [
      'a rule without resources',
      { apiVersion: RBAC, kind: 'Role', metadata: { name: 'r' }, rules: [{ apiGroups: [''], verbs: ['get'] }] },
      [required('rules.0', '"resources" must hold at least one resource')],
    ],
    [
      'a role reference with a slash',
      {
        apiVersion: RBAC,
        kind: 'RoleBinding',
        metadata: { name: 'b' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'a/b' },
      },
      [value('roleRef.name', `"name" "a/b" is not a valid role name: may not contain '/'`)],
    ],
    [
      'a service account subject name with capitals',
      {
        apiVersion: RBAC,
        kind: 'RoleBinding',
        metadata: { name: 'b' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' },
        subjects: [{ kind: 'ServiceAccount', name: 'Web' }],
      },
      [
        value(
          'subjects.0.name',
          `"name" "Web" is not a valid ServiceAccount name (DNS-1123 subdomain): must consist of lower-case letters, digits, '-' and '.', and start and end with a letter or digit`,
        ),
      ],
    ],
    [
      'a user subject in the core group',
      {
        apiVersion: RBAC,
        kind: 'RoleBinding',
        metadata: { name: 'b' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' },
        subjects: [{ kind: 'User', name: 'a', apiGroup: 'v1' }],
      },
      [value('subjects.0.apiGroup', '"apiGroup" must be "rbac.authorization.k8s.io" for a User, not "v1"')],
    ],
    [
      'an SSH Secret without its key',
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, type: 'kubernetes.io/ssh-auth', data: {} },
      [required('data', 'a Secret of type "kubernetes.io/ssh-auth" needs the key "ssh-privatekey"')],
    ],
    [
      'a basic-auth Secret without a user name or password',
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 's' },
        type: 'kubernetes.io/basic-auth',
        stringData: { token: 'x' },
      },
      [required('', 'a Secret of type "kubernetes.io/basic-auth" needs the key "username" or "password"')],
    ],
  ])('rejects %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });
});
