import rule from '../../rules/container-limits.js';
import { ruleTester } from './rule-tester.js';

const pod = (limits: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: app:1\n      resources:\n        limits: ${limits}\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'compares binary and decimal units exactly: 1Gi is more than 1000Mi but 1073741824 is not more than 1Gi',
      yaml: `${pod('{cpu: 1, memory: 1073741824}')}---\n${pod('{cpu: 1, memory: 1Gi}')}`,
      parameters: { memory: '1000Mi' },
      expect: [
        { messageId: 'aboveMaximum', line: 9, column: 26 },
        { messageId: 'aboveMaximum', line: 19, column: 26 },
      ],
    },
    {
      name: 'reads a maximum written as a YAML number',
      yaml: pod('{cpu: 2500m, memory: 1Gi}'),
      parameters: { cpu: 2 },
      expect: [
        {
          messageId: 'aboveMaximum',
          line: 9,
          column: 18,
          message: 'container "c" has a cpu limit of 2500m, above the allowed maximum of 2',
        },
      ],
    },
    {
      name: 'accepts exponent and micro forms the API server accepts',
      yaml: pod('{cpu: 1e-1, memory: 128974848e0}'),
      parameters: { cpu: '100m', memory: '123Mi' },
      expect: [],
    },
    {
      name: 'treats an empty limits mapping as missing cpu and memory',
      yaml: pod('{}'),
      expect: [
        { messageId: 'noLimit', line: 9, column: 9, message: 'container "c" has no cpu limit' },
        { messageId: 'noLimit', line: 9, column: 9, message: 'container "c" has no memory limit' },
      ],
    },
    {
      name: 'reports limits that are not a mapping as missing',
      yaml: pod('"2"'),
      expect: [{ messageId: 'noLimits', line: 9, column: 9 }],
    },
  ],
});
