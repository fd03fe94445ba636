import rule from '../../rules/schema-value.js';
import { ruleTester } from './rule-tester.js';
import { pod, withBackupCrd } from './schema-cases.js';

const service = (name: string, ports: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: {app: web}\n  ports:\n${ports}`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'refuses a Service name that is not a DNS-1035 label, at the name',
      yaml: service('web.front', '    - port: 80\n'),
      expect: [{ messageId: 'problem', line: 4, column: 9 }],
    },
    {
      name: 'refuses a port number out of range',
      yaml: service('web', '    - port: 70000\n'),
      expect: [
        {
          messageId: 'problem',
          line: 8,
          column: 13,
          message: 'Service "web": "port" must be between 1 and 65535, inclusive, not 70000',
        },
      ],
    },
    {
      name: 'refuses a quantity the API server cannot parse',
      yaml: pod('image: registry.example.com/web:1.4.2\nresources:\n  limits: {memory: 1Gb}'),
      expect: [
        {
          messageId: 'problem',
          line: 10,
          column: 26,
          message: 'Pod "web": "memory" must be a quantity such as "500m" or "1Gi", not "1Gb"',
        },
      ],
    },
    {
      name: 'refuses two volumes of one name once, not also as a duplicate list entry',
      yaml: pod(
        'image: registry.example.com/web:1.4.2',
        '  volumes:\n    - {name: data, emptyDir: {}}\n    - {name: data, emptyDir: {}}\n',
      ),
      expect: [
        {
          messageId: 'problem',
          line: 8,
          column: 8,
          message: 'Pod "web": volume name "data" is used by another volume',
        },
      ],
    },
    {
      name: 'leaves two containers of one name to loading, which reports them (invalid-resource)',
      yaml: pod('image: registry.example.com/web:1.4.2', '  initContainers:\n    - {name: web, image: busybox:1.36}\n'),
      expect: [],
    },
    {
      name: 'leaves a blank that a sample asks the reader to replace, but not a value in capitals where words belong',
      yaml: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: PVC_NAME\nspec:\n  accessModes: [ReadWriteOnce]\n  volumeMode: BLOCK\n  resources:\n    requests: {storage: FILESTORE_CAPACITY}\n',
      expect: [{ messageId: 'problem', line: 7, column: 15 }],
    },
    {
      name: 'leaves envsubst variables and values that SOPS encrypted',
      yaml: pod('image: registry.example.com/web:1.4.2', '  serviceAccountName: $K8S_SA_NAME\n'),
      expect: [],
    },
    {
      name: 'leaves a value that a tool or the reader fills in',
      yaml: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n    - host: __INGRESS_HOST__\n    - host: registry.<your domain>\n',
      expect: [],
    },
    {
      name: "refuses values a custom resource's CRD does not allow: enum and set duplicates",
      yaml: withBackupCrd(
        'apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\nspec:\n  schedule: "@DAILY"\n  mode: Full\n  targets: [db, db]\n',
      ),
      expect: [
        {
          messageId: 'problem',
          line: 47,
          column: 9,
          message: 'Backup "nightly": "mode" must be one of "full", "incremental", not "Full"',
        },
        { messageId: 'problem', line: 48, column: 17, message: 'Backup "nightly": duplicate entry "db" in "targets"' },
      ],
    },
    {
      name: 'matches CRD patterns with RE2 syntax such as (?i)',
      yaml: withBackupCrd(
        'apiVersion: example.com/v1\nkind: Backup\nmetadata:\n  name: nightly\nspec:\n  schedule: weekly\n',
      ),
      expect: [{ messageId: 'problem', line: 46, column: 13 }],
    },
  ],
});
