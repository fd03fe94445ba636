import { getIn } from '../src/engine/api.js';
import type { Resource, Rule, Violation } from '../src/engine/api.js';

type Params = {
  tlsOptional: boolean;
};

/** The API groups that have served Ingress. */
const INGRESS_GROUPS = ['networking.k8s.io', 'extensions'];
const ALLOW_HTTP = 'kubernetes.io/ingress.allow-http';

/**
 * Ingresses terminate TLS and refuse plain HTTP. Gatekeeper's K8sHttpsOnly:
 * same test (a non-empty `spec.tls` and the annotation set to the string
 * `"false"`) and the same `tlsOptional` switch, with one message per missing
 * piece instead of one for both.
 */
const rule: Rule<Params> = {
  meta: {
    id: 'https-only-ingress',
    title: 'Ingresses serve HTTPS only',
    description: 'Give every Ingress a TLS section and switch off its plain HTTP listener.',
    rationale: [
      'Traffic that enters the cluster over plain HTTP can be read and altered by anyone on the path: session',
      'cookies, credentials and personal data included. A TLS section makes the controller serve HTTPS, but most',
      'controllers keep answering on port 80 as well unless told not to, so an HTTP link or a downgrade attack still',
      'reaches the service. Both halves are needed for the host to be HTTPS only.',
    ].join(' '),
    remediation: [
      'Add a `spec.tls` entry naming the hosts and the Secret that holds their certificate, and set the annotation',
      '`kubernetes.io/ingress.allow-http: "false"` (quoted: annotation values are strings). If TLS is terminated',
      'in front of the cluster, set `tlsOptional: true` on the constraint and keep the annotation.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: [{ apiGroups: [...INGRESS_GROUPS], kinds: ['Ingress'] }],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        tlsOptional: {
          type: 'boolean',
          default: false,
          description:
            'Accept an Ingress without `spec.tls`, for when a load balancer in front of the cluster terminates TLS. The annotation is still required.',
        },
      },
    },
    messages: {
      noTls: 'Ingress "{{ingress}}" has no TLS configuration (spec.tls is missing or empty)',
      allowHttp: `Ingress "{{ingress}}" does not set the annotation ${ALLOW_HTTP}: "false", so it also serves plain HTTP`,
      allowHttpNotString: `Ingress "{{ingress}}" sets the annotation ${ALLOW_HTTP} to the boolean false; annotation values are strings, so quote it: "false"`,
    },
    example: {
      fail: [
        'apiVersion: networking.k8s.io/v1',
        'kind: Ingress',
        'metadata:',
        '  name: shop',
        'spec:',
        '  rules:',
        '    - host: shop.example.com',
        '      http:',
        '        paths:',
        '          - path: /',
        '            pathType: Prefix',
        '            backend:',
        '              service: {name: shop, port: {number: 80}}',
        '',
      ].join('\n'),
      pass: [
        'apiVersion: networking.k8s.io/v1',
        'kind: Ingress',
        'metadata:',
        '  name: shop',
        '  annotations:',
        '    kubernetes.io/ingress.allow-http: "false"',
        'spec:',
        '  tls:',
        '    - hosts: [shop.example.com]',
        '      secretName: shop-tls',
        '  rules:',
        '    - host: shop.example.com',
        '      http:',
        '        paths:',
        '          - path: /',
        '            pathType: Prefix',
        '            backend:',
        '              service: {name: shop, port: {number: 80}}',
        '',
      ].join('\n'),
    },
  },

  *check(resource, params): Iterable<Violation> {
    if (resource.kind !== 'Ingress' || !INGRESS_GROUPS.includes(resource.group)) return;
    const data = { ingress: resource.name ?? '(unnamed)' };
    const tls = getIn(resource.object, ['spec', 'tls']);
    if (!params.tlsOptional && !(Array.isArray(tls) && tls.length > 0)) {
      yield { messageId: 'noTls', data, path: ['spec', 'tls'] };
    }
    yield* checkAnnotation(resource, data);
  },
};

/** The annotation must be the string "false"; a YAML boolean gets its own hint because the API server rejects it. */
function* checkAnnotation(resource: Resource, data: { ingress: string }): Generator<Violation> {
  const path = ['metadata', 'annotations', ALLOW_HTTP];
  const value = getIn(resource.object, path);
  if (value === 'false') return;
  yield { messageId: value === false ? 'allowHttpNotString' : 'allowHttp', data, path };
}

export default rule;
