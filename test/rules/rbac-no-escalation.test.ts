import rule from '../../rules/rbac-no-escalation.js';
import { ruleTester } from './rule-tester.js';

const clusterRole = (rules: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules:\n${rules}`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'reports exec granted by get alone, saying that only API servers before 1.30 honour it',
      yaml: clusterRole('  - apiGroups: [""]\n    resources: [pods/exec]\n    verbs: [get]\n'),
      expect: [
        {
          messageId: 'execByGet',
          line: 6,
          column: 17,
          message:
            'ClusterRole "r" rules[0] grants get on pods/exec: on API servers before Kubernetes 1.30 that alone lets its subjects run commands in pods over a WebSocket',
        },
      ],
    },
    {
      name: 'reports exec granted by get and create as exec on any API server',
      yaml: clusterRole('  - apiGroups: [""]\n    resources: [pods/exec]\n    verbs: [get, create]\n'),
      expect: [{ messageId: 'exec', line: 6, column: 17 }],
    },
    {
      name: 'reports impersonating user extras in the authentication group',
      yaml: clusterRole(
        '  - apiGroups: [authentication.k8s.io]\n    resources: [userextras/scopes]\n    verbs: [impersonate]\n',
      ),
      expect: [{ messageId: 'impersonate', line: 7, column: 13 }],
    },
    {
      name: 'leaves a rule granted only through "*" to rbac-no-wildcards',
      yaml: clusterRole('  - apiGroups: [""]\n    resources: ["*"]\n    verbs: ["*"]\n'),
      expect: [],
    },
    {
      name: 'needs the core group or "*" for exec: an empty apiGroups list grants nothing',
      yaml: clusterRole('  - apiGroups: []\n    resources: [pods/exec]\n    verbs: [create]\n'),
      expect: [],
    },
    {
      name: 'ignores roles of other API groups',
      yaml: 'apiVersion: example.com/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules:\n  - apiGroups: [""]\n    resources: [pods/exec]\n    verbs: [create]\n',
      expect: [],
    },
  ],
});
