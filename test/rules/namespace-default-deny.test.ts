import { describe, expect, it } from 'vitest';
import rule from '../../rules/namespace-default-deny.js';
import { createInventory } from '../../src/engine/inventory.js';
import type { Inventory } from '../../src/model/types.js';
import { resourcesOf } from '../helpers/resources.js';
import { ruleTester } from './rule-tester.js';

const configMap = (name: string, namespace?: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}`;
const denyAll = (namespace?: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  podSelector: {}\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'judges a namespace the input only deploys into when the input is complete, on its first resource',
      yaml: `${configMap('a', 'shop')}---\n${configMap('b', 'shop')}---\n${configMap('c', 'blog')}---\n${denyAll('blog')}`,
      namespacesComplete: true,
      expect: [
        {
          messageId: 'noIngressDeny',
          line: 5,
          column: 3,
          message: 'namespace "shop" has no NetworkPolicy in the input that denies incoming traffic by default',
        },
      ],
    },
    {
      name: 'reports a namespace once, on its Namespace object, even when resources land in it first',
      yaml: `${configMap('a', 'shop')}---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n`,
      namespacesComplete: true,
      expect: [{ messageId: 'noIngressDeny', line: 10, column: 3 }],
    },
    {
      name: 'places manifests without a namespace, policies included, in --namespace',
      yaml: `${configMap('a')}---\n${configMap('b', 'blog')}---\n${denyAll()}`,
      defaultNamespace: 'shop',
      namespacesComplete: true,
      expect: [{ messageId: 'noIngressDeny', line: 10, column: 3 }],
    },
    {
      name: 'points at the metadata of a manifest that --namespace places',
      yaml: `${configMap('a')}---\n${denyAll('blog')}`,
      defaultNamespace: 'shop',
      namespacesComplete: true,
      expect: [
        {
          messageId: 'noIngressDeny',
          line: 3,
          column: 1,
          message: 'namespace "shop" has no NetworkPolicy in the input that denies incoming traffic by default',
        },
      ],
    },
    {
      name: 'leaves manifests whose namespace is unknown alone',
      yaml: configMap('a'),
      namespacesComplete: true,
      expect: [],
    },
    {
      name: 'does not count a policy whose spec is not a mapping',
      yaml: `apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec: deny\n`,
      expect: [{ messageId: 'noIngressDeny', line: 3, column: 12 }],
    },
    {
      name: 'counts a policy with an empty spec, which denies all incoming traffic',
      yaml: `apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec: {}\n`,
      expect: [],
    },
    {
      name: 'does not count a policy with a malformed podSelector',
      yaml: `apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec: {podSelector: {matchLabels: []}}\n`,
      expect: [{ messageId: 'noIngressDeny', line: 3, column: 12 }],
    },
  ],
});

describe('namespace-default-deny at scale', () => {
  it('finds the gaps of many namespaces in one pass', () => {
    const text = Array.from({ length: 300 }, (_, index) =>
      index % 2 === 0
        ? `${configMap(`c${index}`, `ns${index}`)}---\n${denyAll(`ns${index}`)}`
        : configMap(`c${index}`, `ns${index}`),
    ).join('---\n');
    const resources = resourcesOf(text, 'many.yaml');
    const inventory = createInventory(resources);
    let builds = 0;
    const counting: Inventory = {
      ...inventory,
      memo: (key, build) =>
        inventory.memo(key, (inner) => {
          if (key.startsWith('namespace-default-deny/')) builds += 1;
          return build(inner);
        }),
    };
    const ctx = {
      inventory: counting,
      defaultNamespace: undefined,
      namespacesComplete: true,
      kubernetesReleases: ['1.35'],
    };
    const findings = resources.flatMap((resource) => [...rule.check(resource, { requireEgress: false }, ctx)]);
    expect(findings).toHaveLength(150);
    expect(builds).toBe(1);
  });
});
