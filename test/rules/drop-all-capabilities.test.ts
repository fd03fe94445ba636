import rule from '../../rules/drop-all-capabilities.js';
import { ruleTester } from './rule-tester.js';

const pod = (capabilities: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: app:1\n      securityContext:\n        capabilities: ${capabilities}\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'asks for ALL in the message by default',
      yaml: pod('{drop: [NET_RAW]}'),
      expect: [
        {
          messageId: 'notDropped',
          line: 9,
          column: 24,
          message: 'container "c" keeps capabilities: securityContext.capabilities.drop does not list "ALL"',
        },
      ],
    },
    {
      name: 'says that a privileged container holds every capability, so a drop alone would not help',
      yaml: `${pod('{drop: [NET_RAW]}')}        privileged: true\n`,
      expect: [
        {
          messageId: 'privilegedNotDropped',
          line: 9,
          column: 24,
          message:
            'container "c" runs privileged, so it holds every capability: dropping "ALL" takes effect only once privileged is false',
        },
      ],
    },
    {
      name: 'reports adding ALL unless the allow-list has * or ALL',
      yaml: pod('{drop: [ALL], add: [ALL]}'),
      parameters: { allowedCapabilities: ['NET_BIND_SERVICE'] },
      expect: [
        {
          messageId: 'notAllowed',
          line: 9,
          column: 43,
          message: 'container "c" adds capability "ALL", which is not allowed (allowed: NET_BIND_SERVICE)',
        },
      ],
    },
    {
      name: 'requires nothing to be dropped when requiredDropCapabilities is empty',
      yaml: pod('{add: [NET_BIND_SERVICE]}'),
      parameters: { requiredDropCapabilities: [], allowedCapabilities: ['net_bind_service'] },
      expect: [],
    },
    {
      name: 'does not count CAP_-prefixed names as the capability, as the runtimes prefix CAP_ themselves',
      yaml: pod('{drop: [ALL], add: [CAP_NET_BIND_SERVICE]}'),
      parameters: { allowedCapabilities: ['NET_BIND_SERVICE'] },
      expect: [{ messageId: 'notAllowed', line: 9, column: 43 }],
    },
    {
      name: 'accepts ALL next to a lower-case all',
      yaml: pod('{drop: [all, ALL]}'),
      expect: [],
    },
  ],
});
