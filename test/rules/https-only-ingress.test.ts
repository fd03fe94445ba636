import rule from '../../rules/https-only-ingress.js';
import { ruleTester } from './rule-tester.js';

/** An Ingress with TLS, the given class and annotations (a YAML flow mapping). */
const ingress = (className: string, annotations = '{}', tls = '[{secretName: t}]') =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i, annotations: ${annotations}}\nspec: {ingressClassName: ${className}, tls: ${tls}}\n`;
const ingressClass = (name: string, controller: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: ${name}, annotations: {ingressclass.kubernetes.io/is-default-class: "true"}}\nspec: {controller: ${controller}}\n`;

ruleTester(rule, {
  extraCases: [
    {
      name: 'gives the quoting hint for a boolean allow-http on a GKE Ingress',
      yaml: ingress('gce', '{kubernetes.io/ingress.allow-http: false}'),
      expect: [{ messageId: 'allowHttpNotString', line: 3, column: 35 }],
    },
    {
      name: 'takes a Traefik middleware that is not in the input at its name',
      yaml: ingress(
        'traefik',
        '{traefik.ingress.kubernetes.io/router.middlewares: "web-redirect-https@kubernetescrd"}',
      ),
      expect: [],
    },
    {
      name: 'does not take an AWS listen-ports it cannot parse as HTTPS only',
      yaml: ingress('alb', `{alb.ingress.kubernetes.io/listen-ports: '[{"HTTPS": 443}'}`),
      expect: [{ messageId: 'plainHttp', line: 3, column: 21 }],
    },
    {
      name: 'wants a certificate Secret before counting on the HAProxy redirect',
      yaml: ingress('haproxy', '{}', '[{hosts: [a.example.com]}]'),
      expect: [{ messageId: 'plainHttp', line: 3, column: 21 }],
    },
    {
      name: 'does not pick a default class when the input marks two',
      yaml: `${ingressClass('a', 'k8s.io/ingress-nginx')}---\n${ingressClass('b', 'traefik.io/ingress-controller')}---\n${ingress('""')}`,
      expect: [{ messageId: 'allowHttp', line: 13, column: 21 }],
    },
    {
      name: 'goes by the IngressClass of the input over the usual meaning of its name',
      yaml: `${ingressClass('nginx', 'example.com/gateway')}---\n${ingress('nginx')}`,
      expect: [{ messageId: 'allowHttp', line: 8, column: 21 }],
    },
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
