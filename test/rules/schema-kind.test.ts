import rule from '../../rules/schema-kind.js';
import { ruleTester } from './rule-tester.js';
import { withBackupCrd } from './schema-cases.js';

const object = (apiVersion: string, kind: string) =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: demo\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'suggests the kind a misspelt one was meant to be, at the kind',
      yaml: object('apps/v1', 'Deploymnet'),
      expect: [
        {
          messageId: 'problem',
          line: 2,
          column: 7,
          message: 'Deploymnet "demo": "apps/v1" has no kind "Deploymnet" (did you mean "Deployment"?)',
        },
      ],
    },
    {
      name: 'names the group that serves a kind asked for in another group',
      yaml: object('apps/v1', 'Ingress'),
      expect: [
        {
          messageId: 'problem',
          line: 1,
          column: 13,
          message: 'Ingress "demo": "apps/v1" has no kind Ingress; Ingress is served as "networking.k8s.io/v1"',
        },
      ],
    },
    {
      name: 'says in which releases of a range a kind is not served yet',
      yaml: object('admissionregistration.k8s.io/v1', 'ValidatingAdmissionPolicy'),
      kubernetesReleases: ['1.29', '1.30', '1.31'],
      expect: [
        {
          messageId: 'problem',
          line: 1,
          column: 13,
          message:
            'ValidatingAdmissionPolicy "demo": ValidatingAdmissionPolicy is not served as "admissionregistration.k8s.io/v1"; it is served as "admissionregistration.k8s.io/v1beta1", "admissionregistration.k8s.io/v1alpha1" (in Kubernetes 1.29)',
        },
      ],
    },
    {
      name: 'leaves an API version that a release removed to deprecated-api-version',
      yaml: object('extensions/v1beta1', 'Ingress'),
      expect: [],
    },
    {
      name: 'refuses a custom resource version that its CRD does not serve',
      yaml: withBackupCrd('apiVersion: example.com/v1beta1\nkind: Backup\nmetadata:\n  name: old\nspec: {}\n'),
      expect: [{ messageId: 'problem', line: 41, column: 13 }],
    },
    {
      name: 'says nothing of a custom resource whose CRD is not in sight',
      yaml: object('example.com/v1', 'Backup'),
      expect: [],
    },
  ],
});
