import rule from '../../rules/secrets-as-volumes.js';
import { ruleTester } from './rule-tester.js';

const pod = (container: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: app:1.0\n${container}`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'reports a secretKeyRef without a name as an unnamed Secret',
      yaml: pod('      env:\n        - name: X\n          valueFrom:\n            secretKeyRef: {key: k}\n'),
      expect: [
        {
          messageId: 'secretKeyRef',
          line: 11,
          column: 13,
          message: 'container "c" reads key "k" of Secret "(unnamed)" into the environment variable "X"',
        },
      ],
    },
    {
      name: 'skips env and envFrom entries of the wrong type',
      yaml: pod(
        '      env: [null, 1, {name: A, valueFrom: x}, {name: B, valueFrom: {secretKeyRef: db}}]\n      envFrom: [x, {secretRef: []}]\n',
      ),
      expect: [],
    },
    {
      name: 'reports a Secret that is both in env and envFrom of one container twice',
      yaml: pod(
        '      env:\n        - {name: A, valueFrom: {secretKeyRef: {name: s, key: a}}}\n      envFrom:\n        - secretRef: {name: s}\n',
      ),
      expect: [
        { messageId: 'secretKeyRef', line: 9, column: 33 },
        { messageId: 'secretRef', line: 11, column: 11 },
      ],
    },
    {
      name: 'does not exempt a container without an image, even with a catch-all pattern',
      yaml: `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      envFrom: [{secretRef: {name: s}}]\n`,
      parameters: { exemptImages: ['*'] },
      expect: [{ messageId: 'secretRef', line: 7, column: 18 }],
    },
  ],
});
