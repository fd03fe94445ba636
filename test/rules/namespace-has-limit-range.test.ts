import { describe, expect, it } from 'vitest';
import rule from '../../rules/namespace-has-limit-range.js';
import { createInventory } from '../../src/engine/inventory.js';
import type { Inventory } from '../../src/model/types.js';
import { parseManifests } from '../../src/load/parse.js';
import { ruleTester } from './rule-tester.js';

const configMap = (name: string, namespace?: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}data: {}\n`;
const limitRange = (namespace?: string) =>
  `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n${namespace ? `  namespace: ${namespace}\n` : ''}spec: {limits: [{type: Container, max: {memory: 1Gi}}]}\n`;
const namespaceObject = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'judges namespaces the input only deploys into when it holds all of them, once each, on the first resource',
      yaml: [configMap('a', 'team-a'), configMap('b', 'team-b'), configMap('c', 'team-a'), limitRange('team-b')].join(
        '---\n',
      ),
      namespacesComplete: true,
      expect: [
        {
          messageId: 'missing',
          line: 5,
          column: 3,
          message: 'namespace "team-a" has no LimitRange in the input',
        },
      ],
    },
    {
      name: 'leaves namespaces the input only deploys into alone without --namespaces-complete',
      yaml: [configMap('a', 'team-a'), configMap('b', 'team-b')].join('---\n'),
      expect: [],
    },
    {
      name: 'reports a namespace the input creates on its Namespace object, not on what it deploys there',
      yaml: [configMap('a', 'team-a'), namespaceObject('team-a')].join('---\n'),
      namespacesComplete: true,
      expect: [{ messageId: 'missing', line: 11, column: 3 }],
    },
    {
      name: 'reports a resource placed by --namespace at its metadata',
      yaml: [configMap('a'), configMap('b')].join('---\n'),
      defaultNamespace: 'dev',
      namespacesComplete: true,
      expect: [{ messageId: 'missing', line: 3, column: 1, message: 'namespace "dev" has no LimitRange in the input' }],
    },
    {
      name: 'lets a LimitRange without a namespace cover --namespace',
      yaml: [namespaceObject('dev'), limitRange()].join('---\n'),
      defaultNamespace: 'dev',
      expect: [],
    },
    {
      name: 'does not let a LimitRange without a namespace cover anything when --namespace is not given',
      yaml: [namespaceObject('dev'), limitRange()].join('---\n'),
      expect: [{ messageId: 'missing', line: 4, column: 3 }],
    },
    {
      name: 'judges several namespaces independently in one run',
      yaml: [
        namespaceObject('one'),
        namespaceObject('two'),
        limitRange('one'),
        configMap('x', 'three'),
        configMap('y', 'four'),
        limitRange('four'),
      ].join('---\n'),
      namespacesComplete: true,
      expect: [
        { messageId: 'missing', line: 9, column: 3, message: 'namespace "two" has no LimitRange in the input' },
        { messageId: 'missing', line: 22, column: 3, message: 'namespace "three" has no LimitRange in the input' },
      ],
    },
    {
      name: 'takes a kind that a CustomResourceDefinition in the input declares cluster-scoped as deploying nowhere',
      yaml: [
        'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\nspec: {group: example.com, scope: Cluster, names: {kind: Widget, plural: widgets}}\n',
        'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: stray}\n',
      ].join('---\n'),
      namespacesComplete: true,
      expect: [],
    },
  ],
});

describe('namespace-has-limit-range at scale', () => {
  it('finds the namespaces without a LimitRange once per run, however many resources it checks', () => {
    const text = Array.from({ length: 300 }, (_, index) => configMap(`c${index}`, `ns${index % 30}`)).join('---\n');
    const resources = [...parseManifests(text, 'many.yaml')].flatMap((event) =>
      event.type === 'resource' ? [event.resource] : [],
    );
    const inventory = createInventory(resources);
    const builds = new Map<string, number>();
    const counting: Inventory = {
      ...inventory,
      memo: (key, build) =>
        inventory.memo(key, (inner) => {
          builds.set(key, (builds.get(key) ?? 0) + 1);
          return build(inner);
        }),
    };
    const ctx = {
      inventory: counting,
      defaultNamespace: undefined,
      namespacesComplete: true,
      kubernetesReleases: ['1.35'],
    };
    const findings = resources.flatMap((resource) => [...rule.check(resource, {}, ctx)]);
    expect(findings).toHaveLength(30);
    expect([...builds.values()].every((count) => count === 1)).toBe(true);
  });
});
