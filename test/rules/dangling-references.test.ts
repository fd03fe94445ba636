import { describe, expect, it } from 'vitest';
import rule from '../../rules/dangling-references.js';
import { createInventory } from '../../src/engine/inventory.js';
import type { Inventory } from '../../src/model/types.js';
import { parseManifests } from '../../src/load/parse.js';
import { ruleTester } from './rule-tester.js';

const deployment = (name: string, namespace: string | undefined, labels: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  selector: {matchLabels: ${labels}}\n  template:\n    metadata: {labels: ${labels}}\n    spec: {containers: [{name: c, image: app}]}\n`;
const service = (name: string, namespace: string | undefined, selector: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  selector: ${selector}\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'lets a workload without a namespace satisfy a Service in any namespace',
      yaml: `${deployment('api', undefined, '{app: api}')}---\n${service('api', 'shop', '{app: api}')}`,
      namespacesComplete: true,
      expect: [],
    },
    {
      name: 'takes --namespace as saying where objects without one go, so a namespace the input creates is judged',
      yaml: `apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n---\n${deployment('api', undefined, '{app: api}')}---\n${service('web', undefined, '{app: web}')}`,
      defaultNamespace: 'shop',
      expect: [{ messageId: 'serviceSelector', line: 20, column: 3 }],
    },
    {
      name: 'does not judge an input without namespaces, whatever it holds, unless told it is complete',
      yaml: `${deployment('api', undefined, '{app: api}')}---\n${service('web', undefined, '{app: web}')}`,
      expect: [],
    },
    {
      name: 'places a workload without a namespace in --namespace, away from a Service elsewhere',
      yaml: `${deployment('api', undefined, '{app: api}')}---\n${deployment('web', 'other', '{app: web}')}---\n${service('api', 'other', '{app: api}')}`,
      defaultNamespace: 'shop',
      namespacesComplete: true,
      expect: [{ messageId: 'serviceSelector', line: 28, column: 3 }],
    },
    {
      name: 'does not judge a namespace that the input deploys no pods into',
      yaml: `${deployment('api', 'shop', '{app: api}')}---\n${service('api', 'other', '{app: api}')}`,
      namespacesComplete: true,
      expect: [],
    },
    {
      name: 'judges a Service without a namespace only against pods without one',
      yaml: `${deployment('api', 'shop', '{app: api}')}---\n${service('web', undefined, '{app: web}')}`,
      namespacesComplete: true,
      expect: [],
    },
    {
      name: 'ignores a Service selector with values that are not strings',
      yaml: `${deployment('api', 'shop', '{app: api}')}---\n${service('api', 'shop', '{app: 1}')}`,
      namespacesComplete: true,
      expect: [],
    },
    {
      name: 'takes the labels that controllers add as present',
      yaml: `${deployment('api', 'shop', '{app: api}')}---\n${service('api', 'shop', '{app: api, pod-template-hash: 5d8f7c9b6}')}`,
      namespacesComplete: true,
      expect: [],
    },
    {
      name: 'does not count a PodTemplate as pods',
      yaml: `apiVersion: v1\nkind: PodTemplate\nmetadata: {name: t, namespace: shop}\ntemplate: {metadata: {labels: {app: api}}}\n---\n${deployment('x', 'shop', '{app: x}')}---\n${service('api', 'shop', '{app: api}')}`,
      namespacesComplete: true,
      expect: [{ messageId: 'serviceSelector', line: 23, column: 3 }],
    },
    {
      name: 'ignores an HPA target without a kind or a name',
      yaml: `${deployment('api', 'shop', '{app: api}')}---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h, namespace: shop}\nspec: {scaleTargetRef: {kind: Deployment}}\n`,
      namespacesComplete: true,
      expect: [],
    },
    {
      name: 'leaves a policy/v1beta1 budget with an empty selector to deprecated-api-version',
      yaml: `${deployment('api', 'shop', '{app: api}')}---\napiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata: {name: b, namespace: other}\nspec: {selector: {}}\n`,
      namespacesComplete: true,
      expect: [],
    },
  ],
});

describe('dangling-references at scale', () => {
  it('indexes the input once per run, however many objects it checks', () => {
    const parts: string[] = [];
    for (let index = 0; index < 200; index += 1) {
      const namespace = `ns${index % 10}`;
      parts.push(deployment(`d${index}`, namespace, `{app: a${index}}`));
      parts.push(service(`s${index}`, namespace, `{app: a${index % 2 === 0 ? index : index + 1000}}`));
    }
    const resources = [...parseManifests(parts.join('---\n'), 'many.yaml')].flatMap((event) =>
      event.type === 'resource' ? [event.resource] : [],
    );
    const inventory = createInventory(resources);
    let builds = 0;
    const counting: Inventory = {
      ...inventory,
      memo: (key, build) =>
        inventory.memo(key, (inner) => {
          if (key.startsWith('dangling-references/')) builds += 1;
          return build(inner);
        }),
    };
    const ctx = {
      inventory: counting,
      defaultNamespace: undefined,
      namespacesComplete: true,
      kubernetesReleases: ['1.35'],
    };
    const findings = resources.flatMap((resource) => [...rule.check(resource, { operatorPodKinds: [] }, ctx)]);
    expect(findings).toHaveLength(100);
    expect(builds).toBe(1);
  });
});
