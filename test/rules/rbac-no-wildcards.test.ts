import { describe, expect, it } from 'vitest';
import rule from '../../rules/rbac-no-wildcards.js';
import type { Rule } from '../../src/model/types.js';
import { ruleTester, runCase } from './rule-tester.js';

const clusterRole = (rules: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules:\n${rules}`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'skips list items that are not strings but keeps the index of the "*" after them',
      yaml: clusterRole('  - apiGroups: [1, "*"]\n    resources: [pods]\n    verbs: [get]\n'),
      expect: [
        {
          messageId: 'wildcard',
          line: 5,
          column: 20,
          message:
            'ClusterRole "r" rules[0].apiGroups[1] is "*", which grants every API group, including any added later',
        },
      ],
    },
    {
      name: 'ignores a "*" written as a string instead of a list, which the API server refuses',
      yaml: clusterRole('  - apiGroups: "*"\n    resources: "*"\n    verbs: "*"\n'),
      expect: [],
    },
    {
      name: 'ignores rules that are not mappings',
      yaml: clusterRole('  - null\n  - "*"\n  - [verbs]\n'),
      expect: [],
    },
    {
      name: 'does not take a prefix or a glob such as "get*" or "pods/*" for a wildcard',
      yaml: clusterRole('  - apiGroups: [""]\n    resources: ["pods/*", "*/status"]\n    verbs: ["get*"]\n'),
      expect: [],
    },
    {
      name: 'exempts a role only by its exact name unless the pattern ends in *',
      yaml: clusterRole('  - apiGroups: ["*"]\n    resources: [pods]\n    verbs: [get]\n').replace(
        'name: r',
        'name: r-2',
      ),
      parameters: { exemptRoles: ['r'] },
      expect: [{ messageId: 'wildcard', line: 5, column: 17 }],
    },
  ],
});

describe('rbac-no-wildcards and other kinds', () => {
  it('checks only RBAC roles even when a constraint matches every kind', () => {
    const yaml = [
      'apiVersion: example.com/v1',
      'kind: Role',
      'metadata: {name: custom}',
      'rules: [{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}]',
      '',
    ].join('\n');
    const outcome = runCase(
      rule as unknown as Rule,
      yaml,
      'custom.yaml',
      { exemptRoles: [] },
      {},
      {
        kinds: [{ apiGroups: ['*'], kinds: ['*'] }],
      },
    );
    expect(outcome.findings).toEqual([]);
  });
});
