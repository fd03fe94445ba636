import rule from '../../rules/no-host-namespaces.js';
import { ruleTester } from './rule-tester.js';

const pod = (fields: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${fields}  containers: [{name: c, image: app:1}]\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'says which namespace the pod shares',
      yaml: pod('  hostIPC: true\n'),
      expect: [
        {
          messageId: 'hostNamespace',
          line: 5,
          column: 3,
          message: 'the pod sets hostIPC: true, so it shares the IPC namespace of its node',
        },
      ],
    },
    {
      name: 'only reports the boolean true, not strings the API server rejects',
      yaml: pod("  hostNetwork: 'true'\n  hostPID: false\n"),
      expect: [],
    },
    {
      name: 'checks nothing when fields is empty',
      yaml: pod('  hostNetwork: true\n'),
      parameters: { fields: [] },
      expect: [],
    },
  ],
});
