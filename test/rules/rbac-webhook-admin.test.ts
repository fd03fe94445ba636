import rule from '../../rules/rbac-webhook-admin.js';
import { ruleTester } from './rule-tester.js';

const clusterRole = (rules: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: r}\nrules:\n${rules}`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'reads "*" in apiGroups as covering the admission group',
      yaml: clusterRole(
        '  - apiGroups: ["*"]\n    resources: [validatingwebhookconfigurations]\n    verbs: [create]\n',
      ),
      expect: [
        {
          messageId: 'webhookWrite',
          line: 7,
          column: 13,
          message:
            'ClusterRole "r" rules[0] grants create on validatingwebhookconfigurations, so its subjects can rewrite admission webhooks',
        },
      ],
    },
    {
      name: 'says "*" when the verbs hold both "*" and a named write verb',
      yaml: clusterRole(
        '  - apiGroups: [admissionregistration.k8s.io]\n    resources: [mutatingwebhookconfigurations]\n    verbs: [update, "*"]\n',
      ),
      expect: [
        {
          messageId: 'webhookWrite',
          line: 7,
          column: 13,
          message:
            'ClusterRole "r" rules[0] grants "*" (every verb) on mutatingwebhookconfigurations, so its subjects can rewrite admission webhooks',
        },
      ],
    },
    {
      name: 'treats an empty resourceNames list as no restriction, as RBAC does',
      yaml: clusterRole(
        '  - apiGroups: [admissionregistration.k8s.io]\n    resources: [mutatingwebhookconfigurations]\n    resourceNames: []\n    verbs: [patch]\n',
      ),
      expect: [{ messageId: 'webhookWrite', line: 8, column: 13 }],
    },
    {
      name: 'does not count a subresource or a delete as a write to the configuration',
      yaml: clusterRole(
        '  - apiGroups: [admissionregistration.k8s.io]\n    resources: [validatingwebhookconfigurations/status]\n    verbs: [update]\n  - apiGroups: [admissionregistration.k8s.io]\n    resources: [validatingwebhookconfigurations]\n    verbs: [delete, deletecollection]\n',
      ),
      expect: [],
    },
    {
      name: 'needs the API group: a rule without apiGroups grants nothing',
      yaml: clusterRole('  - resources: [validatingwebhookconfigurations]\n    verbs: [create]\n'),
      expect: [],
    },
  ],
});
