import rule from '../../rules/schema-unknown-field.js';
import { ruleTester } from './rule-tester.js';
import { BACKUP_CRD, pod, withBackupCrd } from './schema-cases.js';

ruleTester(rule, {
  extraCases: [
    {
      name: 'points at a misspelt field of the spec and suggests the real one',
      yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replica: 3\n',
      expect: [
        {
          messageId: 'problem',
          line: 6,
          column: 3,
          message: 'Deployment "web": unknown field "replica" (did you mean "replicas"?)',
        },
      ],
    },
    {
      name: 'finds a field indented under the wrong parent',
      yaml: pod('image: registry.example.com/web:1.4.2\nports:\n  - containerPort: 80\n    memory: 64Mi'),
      expect: [{ messageId: 'problem', line: 11, column: 11, message: 'Pod "web": unknown field "memory"' }],
    },
    {
      name: 'judges metadata too',
      yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  label: {app: web}\n',
      expect: [{ messageId: 'problem', line: 5, column: 3 }],
    },
    {
      name: 'finds a field that the CRD schema would prune, and none under preserve-unknown-fields',
      yaml: withBackupCrd(
        'apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\nspec:\n  schedule: "@daily"\n  retention: 7\n  options: {anything: goes}\n',
      ),
      expect: [{ messageId: 'problem', line: 47, column: 3, message: 'Backup "nightly": unknown field "retention"' }],
    },
    {
      name: 'leaves the sops map of a file that SOPS encrypted, which decryption removes',
      yaml: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: ENC[AES256_GCM,data:abc=,type:str]\nsops:\n  mac: ENC[AES256_GCM,data:xyz=,type:str]\n  version: 3.8.1\n',
      expect: [],
    },
    {
      name: 'accepts a custom resource that one of several different copies of its CRD accepts',
      yaml: [
        BACKUP_CRD,
        BACKUP_CRD.replace('mode: {type: string, enum: [full, incremental]}', 'retention: {type: integer}'),
        'apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: a\nspec:\n  schedule: "@daily"\n  retention: 7\n',
        'apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: b\nspec:\n  schedule: "@daily"\n  rotation: 7\n',
      ].join('---\n'),
      expect: [{ messageId: 'problem', line: 95, column: 3, message: 'Backup "b": unknown field "rotation"' }],
    },
  ],
});
