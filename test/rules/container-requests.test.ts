import rule from '../../rules/container-requests.js';
import { ruleTester } from './rule-tester.js';

const pod = (resources: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: app:1\n      resources: ${resources}\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'accepts requests written as YAML numbers and in exponent form',
      yaml: pod('{requests: {cpu: 0.25, memory: 128974848e0}}'),
      expect: [],
    },
    {
      name: 'takes a limit as the request only for the resource it limits',
      yaml: pod('{limits: {memory: 1Gi}}'),
      expect: [
        {
          messageId: 'noRequest',
          line: 8,
          column: 7,
          message: 'container "c" has no cpu request',
        },
      ],
    },
    {
      name: 'reports requests that are not a mapping as missing',
      yaml: pod('{requests: "1"}'),
      expect: [{ messageId: 'noRequests', line: 8, column: 19 }],
    },
    {
      name: 'checks the init containers of a Job too',
      yaml: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      initContainers:\n        - {name: i, image: app:1}\n      containers:\n        - {name: c, image: app:1, resources: {requests: {cpu: 1, memory: 1Gi}}}\n',
      expect: [{ messageId: 'noRequests', line: 9, column: 11 }],
    },
  ],
});
