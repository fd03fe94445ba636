import rule from '../../rules/rbac-namespace-scoped-edit.js';
import { ruleTester } from './rule-tester.js';

const binding = (roleRef: string, subjects: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: b}\nroleRef: ${roleRef}\nsubjects:\n${subjects}`;
const edit = '{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}';

ruleTester(rule, {
  extraCases: [
    {
      name: 'ignores a binding whose roleRef is not a ClusterRole',
      yaml: binding('{kind: Role, name: edit}', '  - {kind: User, name: alice}\n'),
      expect: [],
    },
    {
      name: 'ignores a roleRef or subjects of the wrong shape',
      yaml: `${binding('edit', '  - alice\n')}---\n${binding(edit, '  - {kind: User}\n  - null\n  - {kind: User, name: [alice]}\n')}`,
      expect: [],
    },
    {
      name: 'exempts a service account pattern only in the namespace it names',
      yaml: binding(
        edit,
        '  - {kind: ServiceAccount, name: ci, namespace: build}\n  - {kind: ServiceAccount, name: ci, namespace: prod}\n',
      ),
      parameters: { exemptSubjects: [{ kind: 'ServiceAccount', name: 'ci', namespace: 'build*' }] },
      expect: [
        {
          messageId: 'clusterWide',
          line: 7,
          column: 5,
          message: 'ClusterRoleBinding "b" grants ClusterRole "edit" in every namespace to ServiceAccount "prod/ci"',
        },
      ],
    },
    {
      name: 'does not exempt a User by a Group pattern of the same name',
      yaml: binding(edit, '  - {kind: User, name: platform-admins}\n'),
      parameters: { exemptSubjects: [{ kind: 'Group', name: 'platform-admins' }] },
      expect: [{ messageId: 'clusterWide', line: 6, column: 5 }],
    },
    {
      name: 'compares role names exactly: "Edit" is not the built-in edit role',
      yaml: binding('{kind: ClusterRole, name: Edit}', '  - {kind: User, name: alice}\n'),
      expect: [],
    },
  ],
});
