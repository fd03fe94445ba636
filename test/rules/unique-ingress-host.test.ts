import { describe, expect, it } from 'vitest';
import rule from '../../rules/unique-ingress-host.js';
import { createInventory } from '../../src/engine/inventory.js';
import type { Inventory } from '../../src/model/types.js';
import { resourcesOf } from '../helpers/resources.js';
import { ruleTester } from './rule-tester.js';

const ingress = (name: string, namespace: string | undefined, host: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: ${name}${namespace ? `, namespace: ${namespace}` : ''}}\nspec:\n  rules:\n    - host: ${host}\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'takes two Ingresses with one name and no namespace as one object applied twice',
      yaml: `${ingress('web', undefined, 'a.example.com')}---\n${ingress('web', undefined, 'a.example.com')}`,
      expect: [],
    },
    {
      name: 'fills in --namespace before deciding whether two Ingresses are one object',
      yaml: `${ingress('web', undefined, 'a.example.com')}---\n${ingress('web', 'prod', 'a.example.com')}`,
      defaultNamespace: 'prod',
      expect: [],
    },
    {
      name: 'names the other Ingress with the --namespace it will get',
      yaml: `${ingress('web', undefined, 'a.example.com')}---\n${ingress('web', 'prod', 'a.example.com')}`,
      defaultNamespace: 'dev',
      expect: [
        {
          messageId: 'conflict',
          line: 6,
          column: 7,
          message: 'host "a.example.com" is also claimed by Ingress "prod/web"',
        },
        {
          messageId: 'conflict',
          line: 13,
          column: 7,
          message: 'host "a.example.com" is also claimed by Ingress "dev/web"',
        },
      ],
    },
    {
      name: 'compares hosts without regard to case, as DNS does',
      yaml: `${ingress('a', 'x', 'Shop.Example.com')}---\n${ingress('b', 'x', 'shop.example.com')}`,
      expect: [
        {
          messageId: 'conflict',
          line: 6,
          column: 7,
          message: 'host "Shop.Example.com" is also claimed by Ingress "x/b"',
        },
        { messageId: 'conflict', line: 13, column: 7 },
      ],
    },
    {
      name: 'never takes two unnamed Ingresses for one object',
      yaml: `${ingress('', 'x', 'a.example.com').replace('name: , ', '')}---\n${ingress('', 'x', 'a.example.com').replace('name: , ', '')}`,
      expect: [
        {
          messageId: 'conflict',
          line: 6,
          column: 7,
          message: 'host "a.example.com" is also claimed by Ingress "x/(unnamed)"',
        },
        { messageId: 'conflict', line: 13, column: 7 },
      ],
    },
  ],
});

describe('unique-ingress-host at scale', () => {
  it('builds its host index once per run, however many Ingresses it checks', () => {
    const text = Array.from({ length: 200 }, (_, index) => ingress(`i${index}`, 'ns', `h${index}.example.com`)).join(
      '---\n',
    );
    const resources = resourcesOf(text, 'many.yaml');
    const inventory = createInventory(resources);
    let builds = 0;
    const counting: Inventory = {
      ...inventory,
      memo: (key, build) =>
        inventory.memo(key, (inner) => {
          builds += 1;
          return build(inner);
        }),
    };
    const findings = resources.flatMap((resource) => [
      ...rule.check(
        resource,
        {},
        { inventory: counting, defaultNamespace: undefined, namespacesComplete: false, kubernetesReleases: ['1.35'] },
      ),
    ]);
    expect(findings).toEqual([]);
    expect(builds).toBe(1);
  });
});
