import rule from '../../rules/webhook-scope.js';
import { ruleTester } from './rule-tester.js';

const config = (webhook: string) =>
  `apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata: {name: c}\nwebhooks:\n${webhook}`;
const podRule = '    rules: [{apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [pods]}]\n';

ruleTester(rule, {
  extraCases: [
    {
      name: 'names a webhook without a name by its index and reads a null selector as none',
      yaml: config(`  - namespaceSelector: null\n${podRule}`),
      expect: [
        {
          messageId: 'noNamespaceSelector',
          line: 5,
          column: 5,
          message:
            'webhook "#0" of ValidatingWebhookConfiguration "c" has no namespaceSelector, so it intercepts kube-system too',
        },
      ],
    },
    {
      name: 'skips a selector the API server would refuse',
      yaml: config(
        `  - name: w\n    namespaceSelector: {matchExpressions: [{key: team, operator: Equals, values: [a]}]}\n${podRule}`,
      ),
      expect: [],
    },
    {
      name: 'skips a selector whose values are not strings',
      yaml: config(`  - name: w\n    namespaceSelector: {matchLabels: {team: 1}}\n${podRule}`),
      expect: [],
    },
    {
      name: 'still checks the kube-system selector of an exempt webhook',
      yaml: config(
        '  - name: validation.gatekeeper.sh\n    rules: [{apiGroups: ["*"], apiVersions: ["*"], operations: ["*"], resources: ["*"]}]\n',
      ),
      parameters: { exemptWebhooks: ['*.gatekeeper.sh'] },
      expect: [{ messageId: 'noNamespaceSelector', line: 5, column: 5 }],
    },
    {
      name: 'lets a kube-system label from the parameters decide an opt-out selector',
      yaml: config(
        `  - name: w\n    namespaceSelector: {matchExpressions: [{key: webhooks/skip, operator: NotIn, values: ["true"]}]}\n${podRule}`,
      ),
      parameters: { kubeSystemLabels: { 'webhooks/skip': 'true' } },
      expect: [],
    },
    {
      name: "still takes a .k8s.io group as Kubernetes' own when no CustomResourceDefinition in the input defines it",
      yaml: config(
        '  - name: w\n    rules: [{apiGroups: [sparkoperator.k8s.io], apiVersions: [v1beta2], operations: [CREATE], resources: [sparkapplications]}]\n',
      ),
      expect: [{ messageId: 'noNamespaceSelector', line: 5, column: 5 }],
    },
    {
      name: 'still checks kube-system when the objectSelector only excludes objects',
      yaml: config(
        `  - name: w\n    objectSelector: {matchExpressions: [{key: skip, operator: DoesNotExist}, {key: tier, operator: NotIn, values: [x]}]}\n${podRule}`,
      ),
      expect: [{ messageId: 'noNamespaceSelector', line: 5, column: 5 }],
    },
    {
      name: 'still checks kube-system when the objectSelector is one the API server would refuse',
      yaml: config(`  - name: w\n    objectSelector: {matchLabels: {team: 1}}\n${podRule}`),
      expect: [{ messageId: 'noNamespaceSelector', line: 5, column: 5 }],
    },
    {
      name: 'reports every resource of every group once, not also as Secrets',
      yaml: config(
        '  - name: w\n    namespaceSelector: {matchLabels: {a: b}}\n    rules: [{apiGroups: ["*", ""], apiVersions: ["*"], operations: ["*"], resources: ["*"]}]\n',
      ),
      expect: [{ messageId: 'allResources', line: 7, column: 87 }],
    },
    {
      name: 'ignores webhooks and rules of the wrong shape',
      yaml: `${config('  - null\n  - name: w\n    rules: {resources: ["*"]}\n')}---\n${config('  {}\n').replace('webhooks:\n  {}', 'webhooks: x')}`,
      expect: [],
    },
  ],
});
