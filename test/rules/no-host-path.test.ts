import rule from '../../rules/no-host-path.js';
import { ruleTester } from './rule-tester.js';

const pod = (hostPath: string, mount = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: app:1\n      volumeMounts: [{name: v, mountPath: /v${mount}}]\n  volumes:\n    - name: v\n      hostPath: ${hostPath}\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'names the volume and the host path',
      yaml: pod('{path: /etc}'),
      expect: [{ messageId: 'hostPath', line: 11, column: 18, message: 'volume "v" mounts host path "/etc"' }],
    },
    {
      name: 'matches prefixes on whole segments, so /var/log does not allow /var/logs',
      yaml: pod('{path: /var/logs/app}'),
      parameters: { allowedPathPrefixes: ['/var/log'] },
      expect: [
        {
          messageId: 'notAllowed',
          line: 11,
          column: 18,
          message: 'volume "v" mounts host path "/var/logs/app", which is under no allowed prefix (/var/log)',
        },
      ],
    },
    {
      name: 'lets / allow every path',
      yaml: pod('{path: /etc}'),
      parameters: { allowedPathPrefixes: ['/'] },
      expect: [],
    },
    {
      name: 'reports a hostPath without a path at the hostPath field',
      yaml: pod('{type: Directory}'),
      parameters: { allowedPathPrefixes: ['/var/log'] },
      expect: [{ messageId: 'notAllowed', line: 11, column: 7 }],
    },
    {
      name: 'accepts a read-only prefix when every mount is read-only',
      yaml: pod('{path: /var/log}', ', readOnly: true'),
      parameters: { readOnlyPathPrefixes: ['/var/log'] },
      expect: [],
    },
    {
      name: 'lets a read-write prefix win over a read-only one',
      yaml: pod('{path: /var/log/app}'),
      parameters: { readOnlyPathPrefixes: ['/var/log'], allowedPathPrefixes: ['/var/log/app'] },
      expect: [],
    },
    {
      name: 'points at the mount when a read-only prefix is mounted writable',
      yaml: pod('{path: /var/log}'),
      parameters: { readOnlyPathPrefixes: ['/var/log'] },
      expect: [{ messageId: 'writableMount', line: 8, column: 22 }],
    },
  ],
});
