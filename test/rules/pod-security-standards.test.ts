import rule from '../../rules/pod-security-standards.js';
import { ruleTester } from './rule-tester.js';

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${spec}`;
const container = (securityContext: string) =>
  pod(`  containers:\n    - name: c\n      image: app:1.0.0\n      securityContext: ${securityContext}\n`);

ruleTester(rule, {
  extraCases: [
    {
      name: 'names the profile and control in the message, as the Pod Security Standards page does',
      yaml: container('{capabilities: {add: [NET_RAW]}}'),
      expect: [
        {
          messageId: 'capability',
          line: 8,
          column: 46,
          message:
            'violates the Pod Security Standards baseline profile (capabilities): container "c" adds NET_RAW, which is not on the list of capabilities the profile allows',
        },
      ],
    },
    {
      name: 'says baseline for a baseline control even when the restricted profile is checked',
      yaml: container('{procMount: Unmasked, seccompProfile: {type: RuntimeDefault}, runAsNonRoot: true}'),
      parameters: { profile: 'restricted' },
      expect: [{ messageId: 'procMount', line: 8, column: 25 }],
    },
    {
      name: 'does not ask a container for a seccomp profile when the pod sets one',
      yaml: pod(
        '  securityContext: {seccompProfile: {type: Localhost, localhostProfile: p.json}, runAsNonRoot: true}\n  containers: [{name: c, image: app:1.0.0}]\n',
      ),
      parameters: { profile: 'restricted' },
      expect: [],
    },
    {
      name: 'reports a pod-level Unconfined profile once, not again as a missing profile',
      yaml: pod(
        '  securityContext: {seccompProfile: {type: Unconfined}, runAsNonRoot: true}\n  containers: [{name: c, image: app:1.0.0}]\n',
      ),
      parameters: { profile: 'restricted' },
      expect: [{ messageId: 'seccompType', line: 5, column: 38 }],
    },
    {
      name: 'reports runAsNonRoot: false next to a non-zero user, which run-as-non-root accepts',
      yaml: container('{runAsUser: 1000, runAsNonRoot: false, seccompProfile: {type: RuntimeDefault}}'),
      parameters: { profile: 'restricted' },
      expect: [{ messageId: 'nonRootFlag', line: 8, column: 42 }],
    },
    {
      name: 'leaves hostPath volumes, host namespaces and privileged containers to their own rules',
      yaml: pod(
        '  hostNetwork: true\n  containers: [{name: c, image: app:1.0.0, securityContext: {privileged: true}}]\n  volumes: [{name: h, hostPath: {path: /}}]\n',
      ),
      expect: [],
    },
    {
      name: 'leaves probe hosts of a pod on the host network alone, where loopback is the pod itself',
      yaml: pod(
        '  hostNetwork: true\n  containers:\n    - name: c\n      image: app:1.0.0\n      readinessProbe: {httpGet: {host: 127.0.0.1, port: 9099}}\n',
      ),
      expect: [],
    },
    {
      name: 'treats an empty SELinux type, user or role as unset',
      yaml: container("{seLinuxOptions: {type: '', user: '', role: '', level: 's0'}}"),
      expect: [],
    },
  ],
});
