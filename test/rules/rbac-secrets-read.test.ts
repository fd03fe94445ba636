import rule from '../../rules/rbac-secrets-read.js';
import { ruleTester } from './rule-tester.js';

const clusterRole = (rules: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules:\n${rules}`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'reports a rule once, at the first item that covers Secrets',
      yaml: clusterRole('  - apiGroups: [""]\n    resources: [secrets, "*"]\n    verbs: [watch]\n'),
      expect: [
        {
          messageId: 'readsSecrets',
          line: 6,
          column: 17,
          message: 'ClusterRole "r" rules[0] grants watch on secrets in every namespace',
        },
      ],
    },
    {
      name: 'needs the core group or "*": an empty apiGroups list grants nothing',
      yaml: clusterRole('  - apiGroups: []\n    resources: [secrets]\n    verbs: [get]\n'),
      expect: [],
    },
    {
      name: 'treats an empty resourceNames list as no restriction',
      yaml: clusterRole('  - apiGroups: [""]\n    resources: [secrets]\n    resourceNames: []\n    verbs: [get]\n'),
      expect: [{ messageId: 'readsSecrets', line: 6, column: 17 }],
    },
    {
      name: 'ignores verbs and resources that are not strings',
      yaml: clusterRole('  - apiGroups: [""]\n    resources: [{secrets: true}]\n    verbs: [get]\n'),
      expect: [],
    },
  ],
});
