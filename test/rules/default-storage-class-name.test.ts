import rule from '../../rules/default-storage-class-name.js';
import { ruleTester } from './rule-tester.js';

const storageClass = (metadata: string) =>
  `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n${metadata}provisioner: ebs.csi.aws.com\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'points at metadata when the default class has no name',
      yaml: storageClass('  annotations: {storageclass.kubernetes.io/is-default-class: "true"}\n'),
      expect: [
        {
          messageId: 'notNamedDefault',
          line: 3,
          column: 1,
          message:
            'StorageClass "(unnamed)" is the default StorageClass (storageclass.kubernetes.io/is-default-class: "true") but is not named "default"',
        },
      ],
    },
    {
      name: 'ignores an unquoted true, which the API server refuses as an annotation value',
      yaml: storageClass('  name: gp3\n  annotations: {storageclass.kubernetes.io/is-default-class: true}\n'),
      expect: [],
    },
    {
      name: 'compares the name exactly',
      yaml: storageClass('  name: Default\n  annotations: {storageclass.kubernetes.io/is-default-class: "true"}\n'),
      expect: [{ messageId: 'notNamedDefault', line: 4, column: 3 }],
    },
  ],
});
