import rule from '../../rules/schema-required.js';
import { ruleTester } from './rule-tester.js';
import { pod, withBackupCrd } from './schema-cases.js';

ruleTester(rule, {
  extraCases: [
    {
      name: 'points at a Service port that lacks its port, naming the field',
      yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - targetPort: 8080\n',
      expect: [{ messageId: 'problem', line: 7, column: 7, message: 'Service "web": "port" is required' }],
    },
    {
      name: 'requires what only the API server’s own validation requires: a container image',
      yaml: pod('ports: [{containerPort: 80}]'),
      expect: [{ messageId: 'problem', line: 7, column: 7, message: 'Pod "web": "image" is required' }],
    },
    {
      name: 'requires a name unless generateName is given',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: settings-\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {app: web}\n',
      expect: [{ messageId: 'problem', line: 8, column: 1 }],
    },
    {
      name: "requires the fields a custom resource's CRD requires",
      yaml: withBackupCrd('apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\nspec:\n  keep: 3\n'),
      expect: [{ messageId: 'problem', line: 45, column: 1, message: 'Backup "nightly": "schedule" is required' }],
    },
  ],
});
