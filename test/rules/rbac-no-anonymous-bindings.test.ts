import rule from '../../rules/rbac-no-anonymous-bindings.js';
import { ruleTester } from './rule-tester.js';

const binding = (subjects: string, role = 'view') =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: b}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: ${role}}\nsubjects: ${subjects}\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'names a subject without a kind as a subject',
      yaml: binding('[{name: system:anonymous}]'),
      expect: [
        {
          messageId: 'anonymousSubject',
          line: 5,
          column: 13,
          message:
            'ClusterRoleBinding "b" grants ClusterRole "view" to subject "system:anonymous", that is to every request that carries no credentials',
        },
      ],
    },
    {
      name: 'compares names exactly, as the API server does',
      yaml: binding('[{kind: Group, name: System:Unauthenticated}, {kind: User, name: system:anonymous-reader}]'),
      expect: [],
    },
    {
      name: 'reports the public-info-viewer role once it is taken off the exempt list',
      yaml: binding('[{kind: Group, name: system:unauthenticated}]', 'system:public-info-viewer'),
      parameters: { exemptRoles: [] },
      expect: [{ messageId: 'anonymousSubject', line: 5, column: 26 }],
    },
    { name: 'skips bindings whose subjects are not a list', yaml: binding('{name: system:anonymous}'), expect: [] },
  ],
});
