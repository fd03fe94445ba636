import rule from '../../rules/https-only-ingress.js';
import { ruleTester } from './rule-tester.js';

ruleTester(rule, {
  extraCases: [
    {
      name: 'reports an Ingress without a name by saying so',
      yaml: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {annotations: {kubernetes.io/ingress.allow-http: "false"}}\nspec: {}\n',
      expect: [
        {
          messageId: 'noTls',
          line: 4,
          column: 1,
          message: 'Ingress "(unnamed)" has no TLS configuration (spec.tls is missing or empty)',
        },
      ],
    },
    {
      name: 'still wants the annotation when TLS is optional',
      yaml: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: a}\nspec: {}\n',
      parameters: { tlsOptional: true },
      expect: [{ messageId: 'allowHttp', line: 3, column: 1 }],
    },
  ],
});
