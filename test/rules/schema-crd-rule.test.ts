import rule from '../../rules/schema-crd-rule.js';
import { ruleTester } from './rule-tester.js';
import { withBackupCrd } from './schema-cases.js';

const backup = (spec: string) =>
  withBackupCrd(`apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\nspec:\n${spec}`);

ruleTester(rule, {
  extraCases: [
    {
      name: "reports the rule's messageExpression at its fieldPath",
      yaml: backup('  schedule: "@daily"\n  keep: 0\n'),
      expect: [
        {
          messageId: 'problem',
          line: 47,
          column: 3,
          message: 'Backup "nightly": keep must be at least 1, not 0',
        },
      ],
    },
    {
      name: 'passes an object that keeps the rule',
      yaml: backup('  schedule: "@daily"\n  keep: 3\n'),
      expect: [],
    },
    {
      name: 'does not run the rules on an object whose values do not fit the schema, as the API server does not',
      yaml: backup('  schedule: "@daily"\n  keep: 0\n  mode: Full\n'),
      expect: [],
    },
  ],
});
