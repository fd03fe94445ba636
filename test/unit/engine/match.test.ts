import { describe, expect, it } from 'vitest';
import {
  isClusterScoped,
  labelSelectorMatches,
  matchesResource,
  namespaceForMatching,
  unresolvedNamespace,
  validateMatch,
  type MatchContext,
} from '../../../src/engine/match.js';
import type { Inventory, KindSelector, LabelSelector, Match, Resource } from '../../../src/model/types.js';

interface Meta {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  generateName?: string;
}

/** A resource as the loader would build it, from an apiVersion, a kind and some metadata. */
function resource(apiVersion: string, kind: string, meta: Meta = {}, spec?: Record<string, unknown>): Resource {
  const slash = apiVersion.indexOf('/');
  return {
    object: { apiVersion, kind, metadata: { ...meta }, ...(spec ? { spec } : {}) },
    file: 'in.yaml',
    documentIndex: 0,
    pathInDocument: [],
    locator: { locate: () => ({ line: 1, column: 1, endLine: 1, endColumn: 1 }) },
    group: slash === -1 ? '' : apiVersion.slice(0, slash),
    version: slash === -1 ? apiVersion : apiVersion.slice(slash + 1),
    kind,
    name: meta.name,
    namespace: meta.namespace,
    labels: meta.labels ?? {},
    annotations: {},
  };
}

/** Just enough of an inventory for matching: lookups by kind and Namespace name, and memos. */
function inventory(resources: readonly Resource[]): Inventory {
  const memos = new Map<string, unknown>();
  const self: Inventory = {
    resources,
    ofKind: (group, kind) => resources.filter((r) => r.group === group && r.kind === kind),
    namespaceObject: (name) => resources.find((r) => r.group === '' && r.kind === 'Namespace' && r.name === name),
    memo<T>(key: string, build: (inv: Inventory) => T): T {
      if (!memos.has(key)) memos.set(key, build(self));
      return memos.get(key) as T;
    },
  };
  return self;
}

function context(others: readonly Resource[] = [], defaultNamespace?: string): MatchContext {
  return { inventory: inventory(others), defaultNamespace };
}

const deployment = (meta: Meta = {}) => resource('apps/v1', 'Deployment', { name: 'web', ...meta });
const namespace = (name: string, labels: Record<string, string> = {}) => resource('v1', 'Namespace', { name, labels });
const clusterRole = (meta: Meta = {}) =>
  resource('rbac.authorization.k8s.io/v1', 'ClusterRole', { name: 'r', ...meta });
const crd = (group: string, kind: string, scope: string) =>
  resource(
    'apiextensions.k8s.io/v1',
    'CustomResourceDefinition',
    { name: `x.${group}` },
    { group, names: { kind }, scope },
  );

describe('match.kinds', () => {
  const rows: [string, KindSelector[], Resource, boolean][] = [
    [
      'an exact group and kind selects the resource',
      [{ apiGroups: ['apps'], kinds: ['Deployment'] }],
      deployment(),
      true,
    ],
    ['another kind in the same group does not', [{ apiGroups: ['apps'], kinds: ['StatefulSet'] }], deployment(), false],
    [
      'the right kind in another group does not',
      [{ apiGroups: ['extensions'], kinds: ['Deployment'] }],
      deployment(),
      false,
    ],
    ['"" names the core group', [{ apiGroups: [''], kinds: ['Pod'] }], resource('v1', 'Pod'), true],
    ['"" does not select a grouped kind', [{ apiGroups: [''], kinds: ['Deployment'] }], deployment(), false],
    ['"*" accepts every group', [{ apiGroups: ['*'], kinds: ['Deployment'] }], deployment(), true],
    ['"*" accepts every kind', [{ apiGroups: ['apps'], kinds: ['*'] }], deployment(), true],
    ['an entry without apiGroups accepts every group', [{ kinds: ['Deployment'] }], deployment(), true],
    ['an entry with empty lists accepts everything', [{ apiGroups: [], kinds: [] }], resource('v1', 'Pod'), true],
    [
      'any one entry is enough',
      [
        { apiGroups: [''], kinds: ['Pod'] },
        { apiGroups: ['apps'], kinds: ['Deployment'] },
      ],
      deployment(),
      true,
    ],
    ['kind names are case-sensitive', [{ apiGroups: ['apps'], kinds: ['deployment'] }], deployment(), false],
  ];
  it.each(rows)('%s', (_, kinds, target, expected) => {
    expect(matchesResource({ kinds }, target, context())).toBe(expected);
  });

  it("uses the rule's default kinds when match.kinds is absent or empty", () => {
    const defaults: KindSelector[] = [{ apiGroups: [''], kinds: ['Pod'] }];
    expect(matchesResource({}, deployment(), context(), defaults)).toBe(false);
    expect(matchesResource({ kinds: [] }, deployment(), context(), defaults)).toBe(false);
    expect(matchesResource({}, resource('v1', 'Pod'), context(), defaults)).toBe(true);
  });

  it('lets match.kinds widen a rule beyond its default kinds', () => {
    const defaults: KindSelector[] = [{ apiGroups: [''], kinds: ['Pod'] }];
    expect(matchesResource({ kinds: [{ apiGroups: ['apps'], kinds: ['*'] }] }, deployment(), context(), defaults)).toBe(
      true,
    );
  });

  it('selects every kind when neither match.kinds nor default kinds are given', () => {
    expect(matchesResource({}, clusterRole(), context())).toBe(true);
  });
});

describe('match.namespaces and match.excludedNamespaces', () => {
  const rows: [string, string[], string, boolean][] = [
    ['an exact name', ['shop'], 'shop', true],
    ['an exact name does not match a longer one', ['shop'], 'shop-dev', false],
    ['a prefix glob "kube-*"', ['kube-*'], 'kube-system', true],
    ['a prefix glob does not match elsewhere', ['kube-*'], 'my-kube-system', false],
    ['a suffix glob "*-system"', ['*-system'], 'gatekeeper-system', true],
    ['a suffix glob does not match a prefix', ['*-system'], 'system-a', false],
    ['a contains glob "*sys*"', ['*sys*'], 'kube-system', true],
    ['a contains glob needs the text', ['*sys*'], 'default', false],
    ['a lone "*" matches every namespace', ['*'], 'anything', true],
    ['any listed pattern is enough', ['a', 'shop'], 'shop', true],
  ];
  it.each(rows)('namespaces: %s', (_, patterns, ns, expected) => {
    expect(matchesResource({ namespaces: patterns }, deployment({ namespace: ns }), context())).toBe(expected);
  });
  it.each(rows)('excludedNamespaces is the opposite: %s', (_, patterns, ns, expected) => {
    expect(matchesResource({ excludedNamespaces: patterns }, deployment({ namespace: ns }), context())).toBe(!expected);
  });

  it('needs both: in a listed namespace and not in an excluded one', () => {
    const match: Match = { namespaces: ['team-*'], excludedNamespaces: ['team-legacy'] };
    expect(matchesResource(match, deployment({ namespace: 'team-a' }), context())).toBe(true);
    expect(matchesResource(match, deployment({ namespace: 'team-legacy' }), context())).toBe(false);
  });

  it('treats a Namespace object as being in the namespace it names', () => {
    expect(matchesResource({ namespaces: ['shop'] }, namespace('shop'), context())).toBe(true);
    expect(matchesResource({ excludedNamespaces: ['kube-*'] }, namespace('kube-system'), context())).toBe(false);
  });

  it('does not apply namespace filters to cluster-scoped objects, even with a stray metadata.namespace', () => {
    expect(matchesResource({ namespaces: ['shop'] }, clusterRole(), context())).toBe(true);
    expect(matchesResource({ excludedNamespaces: ['*'] }, clusterRole({ namespace: 'shop' }), context())).toBe(true);
  });
});

describe('a namespaced manifest without metadata.namespace', () => {
  const bare = deployment();

  it('is not excluded by namespace filters when no default namespace is given (as gator treats it)', () => {
    const ctx = context();
    expect(namespaceForMatching(bare, ctx)).toBeUndefined();
    expect(matchesResource({ namespaces: ['shop'] }, bare, ctx)).toBe(true);
    expect(matchesResource({ excludedNamespaces: ['*'] }, bare, ctx)).toBe(true);
    expect(matchesResource({ namespaceSelector: { matchLabels: { team: 'a' } } }, bare, ctx)).toBe(true);
  });

  it('is matched as if it were in the default namespace when one is given', () => {
    const ctx = context([namespace('shop', { team: 'a' })], 'shop');
    expect(namespaceForMatching(bare, ctx)).toBe('shop');
    expect(matchesResource({ namespaces: ['shop'] }, bare, ctx)).toBe(true);
    expect(matchesResource({ namespaces: ['other'] }, bare, ctx)).toBe(false);
    expect(matchesResource({ excludedNamespaces: ['sh*'] }, bare, ctx)).toBe(false);
    expect(matchesResource({ namespaceSelector: { matchLabels: { team: 'b' } } }, bare, ctx)).toBe(false);
  });

  it('keeps a written namespace over the default one', () => {
    const ctx = context([], 'shop');
    expect(matchesResource({ namespaces: ['shop'] }, deployment({ namespace: 'other' }), ctx)).toBe(false);
  });

  it('is still namespaced for match.scope', () => {
    expect(matchesResource({ scope: 'Namespaced' }, bare, context())).toBe(true);
    expect(matchesResource({ scope: 'Cluster' }, bare, context())).toBe(false);
  });
});

describe('match.labelSelector', () => {
  const labels = { app: 'web', tier: 'front' };
  const rows: [string, LabelSelector, boolean][] = [
    ['an empty selector selects everything', {}, true],
    ['matchLabels needs each key with that value', { matchLabels: { app: 'web' } }, true],
    ['matchLabels fails on another value', { matchLabels: { app: 'api' } }, false],
    ['matchLabels fails on a missing key', { matchLabels: { team: 'a' } }, false],
    ['In accepts a listed value', { matchExpressions: [{ key: 'app', operator: 'In', values: ['api', 'web'] }] }, true],
    ['In rejects an unlisted value', { matchExpressions: [{ key: 'app', operator: 'In', values: ['api'] }] }, false],
    ['In rejects a missing key', { matchExpressions: [{ key: 'team', operator: 'In', values: ['a'] }] }, false],
    ['NotIn rejects a listed value', { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] }, false],
    [
      'NotIn accepts an unlisted value',
      { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['api'] }] },
      true,
    ],
    ['NotIn accepts a missing key', { matchExpressions: [{ key: 'team', operator: 'NotIn', values: ['a'] }] }, true],
    ['Exists needs the key', { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, true],
    ['Exists fails without the key', { matchExpressions: [{ key: 'team', operator: 'Exists' }] }, false],
    ['DoesNotExist needs the key absent', { matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }] }, true],
    ['DoesNotExist fails with the key', { matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, false],
    [
      'matchLabels and matchExpressions must all hold',
      { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['back'] }] },
      false,
    ],
  ];
  it.each(rows)('%s', (_, selector, expected) => {
    expect(labelSelectorMatches(selector, labels)).toBe(expected);
    expect(matchesResource({ labelSelector: selector }, deployment({ labels }), context())).toBe(expected);
  });

  it('does not read inherited properties as labels', () => {
    expect(labelSelectorMatches({ matchExpressions: [{ key: 'toString', operator: 'Exists' }] }, {})).toBe(false);
  });
});

describe('match.namespaceSelector', () => {
  const prod = namespace('prod', { env: 'prod' });
  const dev = namespace('dev', { env: 'dev' });
  const selector: LabelSelector = { matchLabels: { env: 'prod' } };

  it("judges a namespaced object by its Namespace's labels from the input", () => {
    const ctx = context([prod, dev]);
    expect(matchesResource({ namespaceSelector: selector }, deployment({ namespace: 'prod' }), ctx)).toBe(true);
    expect(matchesResource({ namespaceSelector: selector }, deployment({ namespace: 'dev' }), ctx)).toBe(false);
  });

  it('judges a Namespace object by its own labels', () => {
    expect(matchesResource({ namespaceSelector: selector }, prod, context())).toBe(true);
    expect(matchesResource({ namespaceSelector: selector }, dev, context())).toBe(false);
  });

  it('does not exclude cluster-scoped objects', () => {
    expect(matchesResource({ namespaceSelector: selector }, clusterRole(), context([dev]))).toBe(true);
  });

  it('applies the constraint when the Namespace is not in the input, and says which one was missing', () => {
    const target = deployment({ namespace: 'elsewhere' });
    expect(matchesResource({ namespaceSelector: selector }, target, context([prod]))).toBe(true);
    expect(unresolvedNamespace({ namespaceSelector: selector }, target, context([prod]))).toBe('elsewhere');
    expect(
      unresolvedNamespace({ namespaceSelector: selector }, deployment({ namespace: 'prod' }), context([prod])),
    ).toBe(undefined);
  });

  it('knows the kubernetes.io/metadata.name label of every namespace, even one not in the input', () => {
    const notSystem: LabelSelector = {
      matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system'] }],
    };
    const ctx = context();
    expect(matchesResource({ namespaceSelector: notSystem }, deployment({ namespace: 'kube-system' }), ctx)).toBe(
      false,
    );
    expect(matchesResource({ namespaceSelector: notSystem }, deployment({ namespace: 'shop' }), ctx)).toBe(true);
    expect(unresolvedNamespace({ namespaceSelector: notSystem }, deployment({ namespace: 'shop' }), ctx)).toBe(
      undefined,
    );
    expect(matchesResource({ namespaceSelector: notSystem }, namespace('kube-system'), ctx)).toBe(false);
  });
});

describe('match.name', () => {
  const rows: [string, string, Meta, boolean][] = [
    ['an exact name', 'web', { name: 'web' }, true],
    ['an exact name does not match a prefix of it', 'web', { name: 'web-1' }, false],
    ['a prefix glob "web-*"', 'web-*', { name: 'web-1' }, true],
    ['a suffix glob "*-db"', '*-db', { name: 'orders-db' }, true],
    ['a suffix glob does not match a prefix', '*-db', { name: 'db-orders' }, false],
    ['a contains glob "*cache*"', '*cache*', { name: 'redis-cache-0' }, true],
    ['an empty pattern matches every name', '', { name: 'anything' }, true],
    ['a prefix glob matches a generateName with that prefix', 'job-*', { generateName: 'job-nightly-' }, true],
    ['an exact name never matches a generateName', 'job-', { generateName: 'job-' }, false],
    ['a suffix glob never matches a generateName', '*-x', { generateName: 'a-x' }, false],
  ];
  it.each(rows)('%s', (_, pattern, meta, expected) => {
    expect(matchesResource({ name: pattern }, resource('v1', 'Pod', meta), context())).toBe(expected);
  });
});

describe('match.scope', () => {
  const custom = resource('example.com/v1', 'Widget', { name: 'w' });
  const rows: [string, Resource, Resource[], Record<'Namespaced' | 'Cluster' | '*', boolean>][] = [
    ['a Deployment is namespaced', deployment({ namespace: 'a' }), [], { Namespaced: true, Cluster: false, '*': true }],
    ['a ClusterRole is cluster-scoped', clusterRole(), [], { Namespaced: false, Cluster: true, '*': true }],
    ['a Namespace is cluster-scoped', namespace('a'), [], { Namespaced: false, Cluster: true, '*': true }],
    ['an unknown kind counts as namespaced', custom, [], { Namespaced: true, Cluster: false, '*': true }],
    [
      "a custom kind follows its CRD's scope when the CRD is in the input",
      custom,
      [crd('example.com', 'Widget', 'Cluster')],
      { Namespaced: false, Cluster: true, '*': true },
    ],
  ];
  it.each(rows)('%s', (_, target, others, expected) => {
    const ctx = context(others);
    for (const scope of ['Namespaced', 'Cluster', '*'] as const) {
      expect(matchesResource({ scope }, target, ctx), scope).toBe(expected[scope]);
    }
    expect(matchesResource({}, target, ctx)).toBe(true);
  });

  it('lets a cluster-scoped CRD kind through namespace filters', () => {
    const ctx = context([crd('example.com', 'Widget', 'Cluster')]);
    expect(matchesResource({ namespaces: ['shop'] }, custom, ctx)).toBe(true);
    expect(matchesResource({ namespaces: ['shop'] }, custom, context([], 'other'))).toBe(false);
  });
});

describe('all match fields together', () => {
  const match: Match = {
    kinds: [{ apiGroups: ['apps'], kinds: ['Deployment'] }],
    namespaces: ['shop-*'],
    excludedNamespaces: ['shop-legacy'],
    labelSelector: { matchLabels: { app: 'web' } },
    name: 'web*',
    scope: 'Namespaced',
  };
  const good: Meta = { name: 'web', namespace: 'shop-eu', labels: { app: 'web' } };

  it('selects a resource that satisfies every field', () => {
    expect(matchesResource(match, deployment(good), context())).toBe(true);
  });
  it.each([
    ['kind', resource('apps/v1', 'StatefulSet', good)],
    ['namespace', deployment({ ...good, namespace: 'other' })],
    ['excluded namespace', deployment({ ...good, namespace: 'shop-legacy' })],
    ['labels', deployment({ ...good, labels: {} })],
    ['name', deployment({ ...good, name: 'api' })],
  ])('rejects a resource that fails only on %s', (_, target) => {
    expect(matchesResource(match, target, context())).toBe(false);
  });
});

describe('isClusterScoped', () => {
  it.each([
    ['', 'Namespace', true],
    ['', 'Node', true],
    ['', 'PersistentVolume', true],
    ['rbac.authorization.k8s.io', 'ClusterRole', true],
    ['rbac.authorization.k8s.io', 'ClusterRoleBinding', true],
    ['storage.k8s.io', 'StorageClass', true],
    ['apiextensions.k8s.io', 'CustomResourceDefinition', true],
    ['admissionregistration.k8s.io', 'ValidatingWebhookConfiguration', true],
    ['admissionregistration.k8s.io', 'ValidatingAdmissionPolicyBinding', true],
    ['scheduling.k8s.io', 'PriorityClass', true],
    ['networking.k8s.io', 'IngressClass', true],
    ['constraints.gatekeeper.sh', 'K8sRequiredLabels', true],
    ['', 'PersistentVolumeClaim', false],
    ['rbac.authorization.k8s.io', 'Role', false],
    ['networking.k8s.io', 'Ingress', false],
    ['example.com', 'ClusterWidget', false],
  ])('%s/%s → %s', (group, kind, expected) => {
    expect(isClusterScoped(group, kind)).toBe(expected);
  });
});

describe('validateMatch', () => {
  it('accepts a full, valid match block', () => {
    const match = {
      kinds: [
        { apiGroups: ['', 'apps'], kinds: ['Pod', 'Deployment'] },
        { apiGroups: ['*'], kinds: ['*'] },
      ],
      namespaces: ['kube-*', '*-system', '*sys*', 'prod', '*'],
      excludedNamespaces: ['gatekeeper-system'],
      labelSelector: {
        matchLabels: { 'app.kubernetes.io/name': 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['front'] },
          { key: 'legacy', operator: 'DoesNotExist' },
        ],
      },
      namespaceSelector: { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['dev'] }] },
      name: 'web-*',
      scope: 'Namespaced',
      source: 'All',
    };
    expect(validateMatch(match)).toEqual([]);
  });

  it('accepts an absent match block and null fields', () => {
    expect(validateMatch(undefined)).toEqual([]);
    expect(validateMatch({ namespaces: null, labelSelector: null })).toEqual([]);
  });

  const rows: [string, unknown, string, RegExp][] = [
    ['a match that is not a mapping', ['Pod'], '', /must be a mapping/],
    [
      'an unknown field, with a suggestion',
      { excludeNamespaces: ['a'] },
      'excludeNamespaces',
      /did you mean "excludedNamespaces"/,
    ],
    [
      'a wildcard in the middle of a namespace',
      { namespaces: ['a', 'b', 'kube*system'] },
      'namespaces[2]',
      /in the middle/,
    ],
    [
      'capitals in an excluded namespace',
      { excludedNamespaces: ['Kube-System'] },
      'excludedNamespaces[0]',
      /lowercase/,
    ],
    ['a non-string namespace', { namespaces: [1] }, 'namespaces[0]', /must be a string/],
    ['namespaces that are not a list', { namespaces: 'shop' }, 'namespaces', /list of strings/],
    ['a wildcard in the middle of a name', { name: 'web*db' }, 'name', /in the middle/],
    ['an unknown scope, with a suggestion', { scope: 'namespaced' }, 'scope', /did you mean "Namespaced"/],
    ['an unknown source', { source: 'Everything' }, 'source', /"All", "Generated" or "Original"/],
    ['source Generated, which selects nothing offline', { source: 'Generated' }, 'source', /as written/],
    ['"*" among other apiGroups', { kinds: [{ apiGroups: ['*', 'apps'] }] }, 'kinds[0].apiGroups', /only entry/],
    ['a partial wildcard in apiGroups', { kinds: [{ apiGroups: ['*.k8s.io'] }] }, 'kinds[0].apiGroups[0]', /lone "\*"/],
    ['a version in apiGroups', { kinds: [{ apiGroups: ['apps/v1'] }] }, 'kinds[0].apiGroups[0]', /includes a version/],
    ['"core" for the core group', { kinds: [{ apiGroups: ['core'] }] }, 'kinds[0].apiGroups[0]', /written ""/],
    ['a partial wildcard in kinds', { kinds: [{ kinds: ['Deploy*'] }] }, 'kinds[0].kinds[0]', /lone "\*"/],
    ['a resource name instead of a kind', { kinds: [{ kinds: ['deployments'] }] }, 'kinds[0].kinds[0]', /"Deployment"/],
    [
      'an unknown field in a kinds entry',
      { kinds: [{ apiGroup: ['apps'] }] },
      'kinds[0].apiGroup',
      /did you mean "apiGroups"/,
    ],
    ['a kinds entry that is not a mapping', { kinds: ['Pod'] }, 'kinds[0]', /mapping with apiGroups and kinds/],
    [
      'an unknown operator',
      { labelSelector: { matchExpressions: [{ key: 'a', operator: 'Equals', values: ['b'] }] } },
      'labelSelector.matchExpressions[0].operator',
      /must be In, NotIn, Exists or DoesNotExist, not "Equals"/,
    ],
    [
      'an operator in the wrong case, with a suggestion',
      { labelSelector: { matchExpressions: [{ key: 'a', operator: 'notin', values: ['b'] }] } },
      'labelSelector.matchExpressions[0].operator',
      /did you mean "NotIn"/,
    ],
    [
      'In without values',
      { namespaceSelector: { matchExpressions: [{ key: 'a', operator: 'In' }] } },
      'namespaceSelector.matchExpressions[0].values',
      /at least one value when the operator is In/,
    ],
    [
      'NotIn with an empty list of values',
      { namespaceSelector: { matchExpressions: [{ key: 'a', operator: 'NotIn', values: [] }] } },
      'namespaceSelector.matchExpressions[0].values',
      /at least one value/,
    ],
    [
      'Exists with values',
      { labelSelector: { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['b'] }] } },
      'labelSelector.matchExpressions[0].values',
      /must be empty when the operator is Exists/,
    ],
    [
      'a requirement without a key',
      { labelSelector: { matchExpressions: [{ operator: 'Exists' }] } },
      'labelSelector.matchExpressions[0].key',
      /is required/,
    ],
    [
      'an invalid label key',
      { labelSelector: { matchLabels: { 'bad key': 'x' } } },
      'labelSelector.matchLabels["bad key"]',
      /not a valid label key/,
    ],
    [
      'an unquoted boolean label value',
      { labelSelector: { matchLabels: { enabled: true } } },
      'labelSelector.matchLabels.enabled',
      /quote values/,
    ],
    [
      'an invalid label value',
      { labelSelector: { matchExpressions: [{ key: 'a', operator: 'In', values: ['has space'] }] } },
      'labelSelector.matchExpressions[0].values[0]',
      /not a valid label value/,
    ],
    [
      'an unknown field in a selector',
      { namespaceSelector: { matchLabel: { a: 'b' } } },
      'namespaceSelector.matchLabel',
      /did you mean "matchLabels"/,
    ],
    ['a selector that is not a mapping', { labelSelector: 'app=web' }, 'labelSelector', /label selector/],
  ];
  it.each(rows)('reports %s', (_, match, path, message) => {
    const problems = validateMatch(match);
    expect(problems.map((problem) => problem.path)).toEqual([path]);
    expect(problems[0]?.message).toMatch(message);
  });

  it('reports every problem, in field order', () => {
    const problems = validateMatch({ namespaces: ['a*b'], scope: 'All', labelSelector: { matchExpressions: [{}] } });
    expect(problems.map((problem) => problem.path)).toEqual([
      'namespaces[0]',
      'labelSelector.matchExpressions[0].key',
      'labelSelector.matchExpressions[0].operator',
      'scope',
    ]);
  });
});
