import rule from '../../rules/no-privilege-escalation.js';
import { ruleTester } from './rule-tester.js';

const pod = (securityContext: string, spec = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${spec}  containers:\n    - name: c\n      image: app:1\n      securityContext: ${securityContext}\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'points at the securityContext when it lacks the field',
      yaml: pod('{runAsNonRoot: true}'),
      expect: [
        {
          messageId: 'notDisabled',
          line: 8,
          column: 7,
          message: 'container "c" does not set securityContext.allowPrivilegeEscalation to false, so it is allowed',
        },
      ],
    },
    {
      name: 'names the capability that keeps escalation possible',
      yaml: pod('{allowPrivilegeEscalation: false, capabilities: {add: [Sys_Admin]}}'),
      expect: [
        {
          messageId: 'sysAdmin',
          line: 8,
          column: 79,
          message: 'container "c" adds capability "Sys_Admin", which always allows privilege escalation',
        },
      ],
    },
    {
      name: 'does not take a quoted "false" for false',
      yaml: pod("{allowPrivilegeEscalation: 'false'}"),
      expect: [{ messageId: 'notDisabled', line: 8, column: 25 }],
    },
    {
      name: 'still judges a pod whose os is linux',
      yaml: pod('{}', '  os: {name: linux}\n'),
      expect: [{ messageId: 'notDisabled', line: 9, column: 7 }],
    },
  ],
});
