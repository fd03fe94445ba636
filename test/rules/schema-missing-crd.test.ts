import rule from '../../rules/schema-missing-crd.js';
import { ruleTester } from './rule-tester.js';
import { withBackupCrd } from './schema-cases.js';

ruleTester(rule, {
  extraCases: [
    {
      name: 'names the kind and group whose CRD is not in sight, at the kind',
      yaml: 'apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\n',
      expect: [{ messageId: 'problem', line: 2, column: 1 }],
    },
    {
      name: 'is satisfied by a CRD among the linted files',
      yaml: withBackupCrd(
        'apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\nspec:\n  schedule: "@daily"\n',
      ),
      expect: [],
    },
    {
      name: 'asks nothing of built-in kinds, nor of API versions Kubernetes removed',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: b\n',
      expect: [],
    },
  ],
});
