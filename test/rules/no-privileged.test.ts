import rule from '../../rules/no-privileged.js';
import { ruleTester } from './rule-tester.js';

const pod = (securityContext: string, image = 'app:1') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: ${image}\n      securityContext: ${securityContext}\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'names the container and the field in the message',
      yaml: pod('{privileged: true}'),
      expect: [
        {
          messageId: 'privileged',
          line: 8,
          column: 25,
          message: 'container "c" runs privileged (securityContext.privileged: true)',
        },
      ],
    },
    {
      name: 'ignores privileged set at pod level, where the field does not exist',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  securityContext: {privileged: true}\n  containers: [{name: c, image: app:1}]\n',
      expect: [],
    },
    { name: 'treats privileged: false as not privileged', yaml: pod('{privileged: false}'), expect: [] },
    {
      name: 'matches exempt images exactly unless the pattern ends in *',
      yaml: pod('{privileged: true}', 'registry.example.com/agent:1'),
      parameters: { exemptImages: ['registry.example.com/agent'] },
      expect: [{ messageId: 'privileged', line: 8, column: 25 }],
    },
  ],
});
