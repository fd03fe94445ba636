import rule from '../../rules/probes-configured.js';
import { ruleTester } from './rule-tester.js';

const pod = (container: string, spec = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${spec}  containers:\n    - name: c\n      image: app:1\n${container}`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'takes a probe that is not a mapping as missing',
      yaml: pod('      readinessProbe: yes\n      livenessProbe: [httpGet]\n'),
      expect: [
        { messageId: 'missingProbe', line: 8, column: 7, message: 'container "c" has no readinessProbe' },
        { messageId: 'missingProbe', line: 9, column: 7, message: 'container "c" has no livenessProbe' },
      ],
    },
    {
      name: 'tells probes apart by value type: port 8080 and port "8080" differ',
      yaml: pod('      readinessProbe: {tcpSocket: {port: 8080}}\n      livenessProbe: {tcpSocket: {port: "8080"}}\n'),
      expect: [],
    },
    {
      name: 'compares list entries in order',
      yaml: pod(
        '      readinessProbe: {exec: {command: [check, ready]}}\n      livenessProbe: {exec: {command: [check, ready]}}\n',
      ),
      expect: [{ messageId: 'identicalProbes', line: 9, column: 7, related: [{ line: 8, column: 7 }] }],
    },
    {
      name: 'does not check ephemeral debug containers',
      yaml: `${pod('      readinessProbe: {tcpSocket: {port: 1}}\n      livenessProbe: {tcpSocket: {port: 2}}\n')}  ephemeralContainers:\n    - {name: debug, image: busybox:1.36}\n`,
      expect: [],
    },
    {
      name: 'takes a Pod with an unknown restart policy as long-running',
      yaml: pod('', '  restartPolicy: Sometimes\n'),
      expect: [
        { messageId: 'missingProbe', line: 7, column: 7 },
        { messageId: 'missingProbe', line: 7, column: 7 },
      ],
    },
    {
      name: 'requires nothing when requiredProbes is empty but still compares the two probes',
      yaml: pod('      readinessProbe: {tcpSocket: {port: 1}}\n      livenessProbe: {tcpSocket: {port: 1}}\n'),
      parameters: { requiredProbes: [] },
      expect: [{ messageId: 'identicalProbes', line: 9, column: 7 }],
    },
  ],
});
