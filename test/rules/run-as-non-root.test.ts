import rule from '../../rules/run-as-non-root.js';
import { ruleTester } from './rule-tester.js';

const pod = (podContext: string, containerContext: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: ${podContext}\n  containers:\n    - name: c\n      image: app:1\n      securityContext: ${containerContext}\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'lets a container runAsNonRoot false override the pod’s true',
      yaml: pod('{runAsNonRoot: true}', '{runAsNonRoot: false}'),
      expect: [
        {
          messageId: 'rootAllowed',
          line: 9,
          column: 25,
          message:
            'container "c" may run as root: its securityContext.runAsNonRoot is false and no non-zero runAsUser is set',
        },
      ],
    },
    {
      name: 'accepts a non-zero runAsUser even next to runAsNonRoot false',
      yaml: pod('{runAsUser: 1000}', '{runAsNonRoot: false}'),
      expect: [],
    },
    {
      name: 'reports a pod-level runAsUser 0 that the container inherits, at the pod field',
      yaml: pod('{runAsUser: 0}', '{runAsNonRoot: true}'),
      expect: [
        {
          messageId: 'rootUserDespiteNonRoot',
          line: 5,
          column: 21,
          message:
            'container "c" has runAsNonRoot true but the pod\'s securityContext.runAsUser is 0, so the kubelet will refuse to start it',
        },
      ],
    },
    {
      name: 'does not count a negative or quoted runAsUser as non-root',
      yaml: `${pod('{runAsUser: -1}', '{}')}---\n${pod('{}', "{runAsUser: '1000'}")}`,
      expect: [
        { messageId: 'notEnforced', line: 9, column: 7 },
        { messageId: 'notEnforced', line: 19, column: 7 },
      ],
    },
    {
      name: 'checks a user-namespace pod when a constraint asks for it',
      yaml: pod('{runAsUser: 0}', '{}').replace('spec:\n', 'spec:\n  hostUsers: false\n'),
      parameters: { allowRootInUserNamespace: false },
      expect: [{ messageId: 'rootUser', line: 6, column: 21 }],
    },
  ],
});
