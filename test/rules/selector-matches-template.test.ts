import rule from '../../rules/selector-matches-template.js';
import { ruleTester } from './rule-tester.js';

const deployment = (selector: string, labels: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  selector: ${selector}\n  template:\n    metadata:\n      labels: ${labels}\n    spec:\n      containers: [{name: c, image: app}]\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'leaves a malformed selector to the API server',
      yaml: deployment('{matchLabels: {app: 1}}', '{app: x}'),
      expect: [],
    },
    {
      name: 'leaves a selector with an unknown operator to the API server',
      yaml: deployment('{matchExpressions: [{key: app, operator: Matches}]}', '{app: x}'),
      expect: [],
    },
    {
      name: 'shows a template label that is not a string as written',
      yaml: deployment('{matchLabels: {version: "1"}}', '{version: 1}'),
      expect: [
        {
          messageId: 'labelDiffers',
          line: 5,
          column: 28,
          message: 'Deployment "d" selects pods with version=1, but its pod template sets version=1 (not a string)',
        },
      ],
    },
    {
      name: 'reports every matchLabels entry of a template without labels',
      yaml: deployment('{matchLabels: {a: x, b: z}}', 'null'),
      expect: [
        { messageId: 'labelMissing', line: 5, column: 28 },
        { messageId: 'labelMissing', line: 5, column: 34 },
      ],
    },
    {
      name: 'does not require a selector of an apps/v1beta2 Deployment',
      yaml: `apiVersion: apps/v1beta1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template: {metadata: {labels: {a: b}}}\n`,
      expect: [],
    },
    {
      name: 'accepts an empty selector on a manual Job, which selects its pods anyway',
      yaml: `apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  manualSelector: true\n  selector: {}\n  template: {metadata: {labels: {a: b}}}\n`,
      expect: [],
    },
  ],
});
