import rule from '../../rules/no-host-ports.js';
import { ruleTester } from './rule-tester.js';

const pod = (ports: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: app:1\n      ports: ${ports}\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'names the container and the port',
      yaml: pod('[{containerPort: 80, hostPort: 8080}]'),
      expect: [{ messageId: 'hostPort', line: 8, column: 35, message: 'container "c" binds host port 8080' }],
    },
    {
      name: 'includes both ends of the allowed range',
      yaml: pod('[{containerPort: 80, hostPort: 80}, {containerPort: 90, hostPort: 90}]'),
      parameters: { min: 80, max: 90 },
      expect: [],
    },
    {
      name: 'allows a single port when min equals max',
      yaml: pod('[{containerPort: 53, hostPort: 53}, {containerPort: 54, hostPort: 54}]'),
      parameters: { min: 53, max: 53 },
      expect: [
        {
          messageId: 'outsideRange',
          line: 8,
          column: 70,
          message: 'container "c" binds host port 54, outside the allowed range 53-53',
        },
      ],
    },
    {
      name: 'skips a hostPort that is not a number, which the API server rejects',
      yaml: pod("[{containerPort: 80, hostPort: '80'}, 7, null]"),
      expect: [],
    },
  ],
});
