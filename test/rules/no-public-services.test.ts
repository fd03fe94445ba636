import rule from '../../rules/no-public-services.js';
import { ruleTester } from './rule-tester.js';

const service = (spec: string, annotations = '{}') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  annotations: ${annotations}\nspec:\n${spec}`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'reads any value but "false" of the legacy AWS annotation as internal, as the AWS provider does',
      yaml: service('  type: LoadBalancer\n', "{service.beta.kubernetes.io/aws-load-balancer-internal: '0.0.0.0/0'}"),
      expect: [],
    },
    {
      name: 'compares the internal annotation values without regard to case',
      yaml: service('  type: LoadBalancer\n', '{cloud.google.com/load-balancer-type: INTERNAL}'),
      expect: [],
    },
    {
      name: 'reports a LoadBalancer only once even though it opens node ports too',
      yaml: service('  type: LoadBalancer\n'),
      expect: [{ messageId: 'loadBalancer', line: 7, column: 3 }],
    },
    {
      name: 'judges a LoadBalancer by allowLoadBalancer alone',
      yaml: service('  type: LoadBalancer\n'),
      parameters: { allowLoadBalancer: true },
      expect: [],
    },
    {
      name: 'ignores a Service kind from another API group',
      yaml: 'apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: s}\nspec: {type: LoadBalancer}\n',
      expect: [],
    },
    {
      name: 'ignores externalIPs that are not a list, and an unknown type',
      yaml: service('  type: [NodePort]\n  externalIPs: 203.0.113.1\n'),
      expect: [],
    },
  ],
});
