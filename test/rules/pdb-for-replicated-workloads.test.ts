import { describe, expect, it } from 'vitest';
import rule from '../../rules/pdb-for-replicated-workloads.js';
import { createInventory } from '../../src/engine/inventory.js';
import type { Inventory } from '../../src/model/types.js';
import { resourcesOf } from '../helpers/resources.js';
import { ruleTester } from './rule-tester.js';

const workload = (kind: string, name: string, namespace: string | undefined, replicas: number, app = name) =>
  `apiVersion: apps/v1\nkind: ${kind}\nmetadata: {name: ${name}${namespace ? `, namespace: ${namespace}` : ''}}\nspec:\n  replicas: ${replicas}\n  template:\n    metadata: {labels: {app: ${app}}}\n    spec: {containers: [{name: c, image: app:1}]}\n`;
const budget = (name: string, namespace: string | undefined, app: string) =>
  `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: ${name}${namespace ? `, namespace: ${namespace}` : ''}}\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: ${app}}}\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'matches each workload with the budgets of its own namespace only, across several namespaces',
      yaml: [
        workload('Deployment', 'api', 'team-a', 3),
        budget('api', 'team-a', 'api'),
        workload('Deployment', 'api', 'team-b', 3),
        budget('web', 'team-b', 'web'),
        workload('StatefulSet', 'web', 'team-c', 2),
        budget('api', 'team-c', 'api'),
        workload('Deployment', 'web', 'team-b', 2),
      ].join('---\n'),
      expect: [
        {
          messageId: 'noBudget',
          line: 21,
          column: 3,
          message: 'Deployment "api" runs 3 replicas but no PodDisruptionBudget in namespace "team-b" selects its pods',
        },
        {
          messageId: 'noBudget',
          line: 37,
          column: 3,
          message:
            'StatefulSet "web" runs 2 replicas but no PodDisruptionBudget in namespace "team-c" selects its pods',
        },
      ],
    },
    {
      name: 'names the --namespace a workload without one will land in',
      yaml: workload('Deployment', 'api', undefined, 2),
      defaultNamespace: 'prod',
      expect: [
        {
          messageId: 'noBudget',
          line: 5,
          column: 3,
          message: 'Deployment "api" runs 2 replicas but no PodDisruptionBudget in namespace "prod" selects its pods',
        },
      ],
    },
    {
      name: 'does not let a budget without a namespace cover a workload in a named one',
      yaml: `${workload('Deployment', 'api', 'prod', 2)}---\n${budget('api', undefined, 'api')}`,
      expect: [{ messageId: 'noBudget', line: 5, column: 3 }],
    },
    {
      name: 'skips a workload with one replica or a replica count it cannot read',
      yaml: `${workload('Deployment', 'a', 'x', 1)}---\n${workload('StatefulSet', 'b', 'x', 3).replace('replicas: 3', 'replicas: "3"')}`,
      expect: [],
    },
    {
      name: 'takes budgets with odd shapes as selecting nothing, without failing',
      yaml: [
        workload('Deployment', 'api', 'x', 2),
        'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: a, namespace: x}\nspec: x\n',
        'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: b, namespace: x}\nspec: {selector: {matchLabels: [app]}}\n',
        'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: c, namespace: x}\nspec: {selector: {matchLabels: {app: 1}}}\n',
        'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: d, namespace: x}\nspec: {selector: {matchExpressions: [{key: app, operator: In, values: api}]}}\n',
        'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: e, namespace: x}\nspec: {selector: {matchExpressions: {key: app}}}\n',
      ].join('---\n'),
      expect: [{ messageId: 'noBudget', line: 5, column: 3 }],
    },
    {
      name: 'covers a workload whose template has no labels only with an empty policy/v1 selector',
      yaml: `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: bare, namespace: x}\nspec:\n  replicas: 2\n  template: {spec: {containers: []}}\n---\napiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: all, namespace: x}\nspec: {maxUnavailable: 1, selector: {}}\n`,
      expect: [],
    },
  ],
});

describe('pdb-for-replicated-workloads at scale', () => {
  it('indexes the budgets once per run, however many workloads it checks', () => {
    const text = Array.from(
      { length: 100 },
      (_, index) =>
        `${workload('Deployment', `w${index}`, `ns${index % 10}`, 2)}---\n${budget(`b${index}`, `ns${index % 10}`, `w${index}`)}`,
    ).join('---\n');
    const resources = resourcesOf(text, 'many.yaml');
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
    const findings = resources.flatMap((resource) => [
      ...rule.check(
        resource,
        {},
        { inventory: counting, defaultNamespace: undefined, namespacesComplete: false, kubernetesReleases: ['1.35'] },
      ),
    ]);
    expect(findings).toEqual([]);
    expect(builds.get('pdb-for-replicated-workloads/budgets')).toBe(1);
    expect([...builds.values()].every((count) => count === 1)).toBe(true);
  });
});
