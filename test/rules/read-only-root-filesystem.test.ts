import rule from '../../rules/read-only-root-filesystem.js';
import { ruleTester } from './rule-tester.js';

const pod = (securityContext: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: app:1\n      securityContext: ${securityContext}\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'says that an unset field leaves the root filesystem writable',
      yaml: pod('{}'),
      expect: [
        {
          messageId: 'notSet',
          line: 8,
          column: 7,
          message:
            'container "c" does not set securityContext.readOnlyRootFilesystem, so its root filesystem is writable',
        },
      ],
    },
    {
      name: 'does not take a quoted "true" for true',
      yaml: pod("{readOnlyRootFilesystem: 'true'}"),
      expect: [{ messageId: 'notSet', line: 8, column: 25 }],
    },
    {
      name: 'exempts every image with a lone *',
      yaml: pod('{readOnlyRootFilesystem: false}'),
      parameters: { exemptImages: ['*'] },
      expect: [],
    },
  ],
});
