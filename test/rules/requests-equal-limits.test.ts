import rule from '../../rules/requests-equal-limits.js';
import { ruleTester } from './rule-tester.js';

const pod = (resources: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: app:1\n      resources: ${resources}\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'sees 1Gi and 1073741824 as the same memory',
      yaml: pod('{requests: {memory: 1073741824}, limits: {memory: 1Gi}}'),
      expect: [],
    },
    {
      name: 'sees the exponent form 5e2m and 0.5 as the same cpu',
      yaml: pod('{requests: {cpu: 0.5}, limits: {cpu: 500m}}'),
      expect: [],
    },
    {
      name: 'tells 1G from 1Gi',
      yaml: pod('{requests: {memory: 1G}, limits: {memory: 1Gi}}'),
      expect: [
        {
          messageId: 'notEqual',
          line: 8,
          column: 30,
          message: 'container "c" has a memory request of 1G but a memory limit of 1Gi',
        },
      ],
    },
    {
      name: 'reports a request above its limit too',
      yaml: pod('{requests: {cpu: 2}, limits: {cpu: 1}}'),
      expect: [{ messageId: 'notEqual', line: 8, column: 30 }],
    },
    {
      name: 'compares nothing when no resources are selected',
      yaml: pod('{requests: {cpu: 2}, limits: {cpu: 1}}'),
      parameters: { resources: [] },
      expect: [],
    },
  ],
});
