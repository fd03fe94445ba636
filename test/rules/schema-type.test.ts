import rule from '../../rules/schema-type.js';
import { ruleTester } from './rule-tester.js';
import { pod, withBackupCrd } from './schema-cases.js';

ruleTester(rule, {
  extraCases: [
    {
      name: 'points at a quoted number where an integer belongs',
      yaml: pod('image: registry.example.com/web:1.4.2\nports:\n  - containerPort: "8080"'),
      expect: [
        {
          messageId: 'problem',
          line: 10,
          column: 26,
          message: 'Pod "web": "containerPort" must be an integer, not the string "8080"',
        },
      ],
    },
    {
      name: 'refuses a fraction for an integer field',
      yaml: pod('image: registry.example.com/web:1.4.2', '  terminationGracePeriodSeconds: 1.5\n'),
      expect: [{ messageId: 'problem', line: 6, column: 34 }],
    },
    {
      name: 'finds a map where a list belongs',
      yaml: pod('image: registry.example.com/web:1.4.2', '  tolerations:\n    key: dedicated\n'),
      expect: [{ messageId: 'problem', line: 7, column: 5 }],
    },
    {
      name: 'takes null for an optional field as unset, as the API server does',
      yaml: pod('image: registry.example.com/web:1.4.2\nresources: null\nports: ~'),
      expect: [],
    },
    {
      name: 'accepts a port name or number where either may be given',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - {port: 80, targetPort: http}\n    - {port: 81, targetPort: 8081, name: b}\n',
      expect: [],
    },
    {
      name: "judges a custom resource against its CRD's types",
      yaml: withBackupCrd(
        'apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\nspec:\n  schedule: "@daily"\n  keep: "3"\n',
      ),
      expect: [
        {
          messageId: 'problem',
          line: 47,
          column: 9,
          message: 'Backup "nightly": "keep" must be an integer, not the string "3"',
        },
      ],
    },
  ],
});
