import rule from '../../rules/namespace-pod-security.js';
import { ruleTester } from './rule-tester.js';

const namespace = (labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n  labels: ${labels}\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'points at the labels when the enforce label is missing',
      yaml: namespace('{team: a}'),
      expect: [
        {
          messageId: 'missing',
          line: 5,
          column: 3,
          message: 'Namespace "ns" has no pod-security.kubernetes.io/enforce label (want baseline or stricter)',
        },
      ],
    },
    {
      name: 'accepts a stricter level than required',
      yaml: namespace('{pod-security.kubernetes.io/enforce: restricted}'),
      expect: [],
    },
    {
      name: 'reports a label value that is not a string',
      yaml: namespace('{pod-security.kubernetes.io/enforce: [baseline]}'),
      expect: [
        {
          messageId: 'unknown',
          line: 5,
          column: 12,
          message:
            'Namespace "ns" sets pod-security.kubernetes.io/enforce to "["baseline"]", which is not privileged, baseline or restricted',
        },
      ],
    },
    {
      name: 'accepts version labels of the forms latest and v1.<minor>',
      yaml: namespace(
        '{pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/enforce-version: v1.0}',
      ),
      expect: [],
    },
    {
      name: 'rejects a version with a leading zero or a patch number',
      yaml: `${namespace('{pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/enforce-version: v1.05}')}---\n${namespace('{pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/enforce-version: v1.30.1}')}`,
      expect: [
        { messageId: 'invalidVersion', line: 5, column: 58 },
        { messageId: 'invalidVersion', line: 11, column: 58 },
      ],
    },
  ],
});
