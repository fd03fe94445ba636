import { describe, expect, it } from 'vitest';
import { type Json, patched, problemsOf, required, value } from './helpers.js';

const BACKEND = { service: { name: 'web', port: { number: 80 } } };

function ingress(spec: Json, metadata: Json = {}): Json {
  return patched(
    { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web', ...metadata } },
    { spec },
  );
}

/** An Ingress with one rule of one path. */
function withPath(path: Json, host?: string): Json {
  return ingress({
    rules: [{ ...(host === undefined ? {} : { host }), http: { paths: [{ backend: BACKEND, ...path }] } }],
  });
}

const P = 'spec.rules.0.http.paths.0';

describe('Ingress paths', () => {
  it.each([
    ['a Prefix path', withPath({ path: '/api', pathType: 'Prefix' })],
    ['an Exact path', withPath({ path: '/', pathType: 'Exact' })],
    [
      'an ImplementationSpecific path with a pattern',
      withPath({ path: '/api(/|$)(.*)', pathType: 'ImplementationSpecific' }),
    ],
    ['an ImplementationSpecific rule without a path', withPath({ pathType: 'ImplementationSpecific' })],
    ['a wildcard host', withPath({ path: '/', pathType: 'Prefix' }, '*.example.com')],
    ['a default backend alone', ingress({ defaultBackend: { service: { name: 'web', port: { name: 'http' } } } })],
  ])('accepts %s', (_, object) => {
    expect(problemsOf(object)).toEqual([]);
  });

  it.each([
    [
      'a path without a type',
      withPath({ path: '/' }),
      [required(P, '"pathType" is required: "Exact", "Prefix" or "ImplementationSpecific"')],
    ],
    [
      'an unknown path type',
      withPath({ path: '/', pathType: 'prefix' }),
      [value(`${P}.pathType`, '"pathType" must be one of "Exact", "Prefix", "ImplementationSpecific", not "prefix"')],
    ],
    [
      'a relative Prefix path',
      withPath({ path: 'api', pathType: 'Prefix' }),
      [value(`${P}.path`, `"path" "api" must be an absolute path (starting with '/')`)],
    ],
    [
      'an Exact path with a double slash',
      withPath({ path: '/a//b', pathType: 'Exact' }),
      [value(`${P}.path`, `"path" "/a//b" must not contain '//'`)],
    ],
    [
      'a Prefix path ending in "/."',
      withPath({ path: '/a/.', pathType: 'Prefix' }),
      [value(`${P}.path`, `"path" "/a/." must not end with '/.'`)],
    ],
    [
      'an IP address as the host',
      withPath({ path: '/', pathType: 'Prefix' }, '10.0.0.1'),
      [value('spec.rules.0.host', 'host "10.0.0.1" must be a DNS name, not an IP address')],
    ],
    [
      'a wildcard in the middle of the host',
      withPath({ path: '/', pathType: 'Prefix' }, 'a.*.com'),
      [
        value(
          'spec.rules.0.host',
          `"host" "a.*.com" is not a valid DNS-1123 subdomain: may hold '*' only as its first label, as in '*.example.com'`,
        ),
      ],
    ],
  ])('rejects %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });
});

describe('Ingress backends and classes', () => {
  it.each([
    [
      'neither rules nor a default backend',
      ingress({ tls: [] }),
      [required('spec', 'an Ingress needs "rules" or a "defaultBackend"')],
    ],
    [
      'a backend Service name that is no DNS-1035 label',
      withPath({ path: '/', pathType: 'Prefix', backend: { service: { name: '1web', port: { number: 80 } } } }),
      [
        value(
          `${P}.backend.service.name`,
          `"name" "1web" is not a valid Service name (DNS-1035 label): must consist of lower-case letters, digits and '-', start with a letter, and end with a letter or digit`,
        ),
      ],
    ],
    [
      'a backend port with a name and a number',
      withPath({
        path: '/',
        pathType: 'Prefix',
        backend: { service: { name: 'web', port: { name: 'http', number: 80 } } },
      }),
      [value(`${P}.backend.service.port`, 'a backend port may have a "name" or a "number", not both')],
    ],
    [
      'a backend port without a name or number',
      withPath({ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: {} } } }),
      [required(`${P}.backend.service.port`, 'a backend port needs a "name" or a "number"')],
    ],
    [
      'a backend without a service or resource',
      withPath({ path: '/', pathType: 'Prefix', backend: {} }),
      [required(`${P}.backend`, 'a backend needs a "service" or a "resource"')],
    ],
    [
      'the class annotation with a class name',
      ingress(
        { ingressClassName: 'nginx', defaultBackend: BACKEND },
        { annotations: { 'kubernetes.io/ingress.class': 'nginx' } },
      ),
      [
        value(
          ['metadata', 'annotations', 'kubernetes.io/ingress.class'],
          'the "kubernetes.io/ingress.class" annotation may not be set together with "ingressClassName"',
        ),
      ],
    ],
    [
      'a TLS secret name in capitals',
      ingress({ defaultBackend: BACKEND, tls: [{ hosts: ['example.com'], secretName: 'Web-TLS' }] }),
      [
        value(
          'spec.tls.0.secretName',
          `"secretName" "Web-TLS" is not a valid DNS-1123 subdomain: must consist of lower-case letters, digits, '-' and '.', and start and end with a letter or digit`,
        ),
      ],
    ],
  ])('rejects %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });
});

describe('NetworkPolicies', () => {
  const policy = (spec: Json): Json =>
    patched({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny' } }, { spec });

  it.each([
    ['a default deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }],
    [
      'ingress from pods on a named port',
      {
        podSelector: { matchLabels: { app: 'db' } },
        ingress: [
          { from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 'postgres', protocol: 'TCP' }] },
        ],
      },
    ],
    [
      'egress to an IP block',
      {
        podSelector: {},
        egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }], ports: [{ port: 53, protocol: 'UDP' }] }],
      },
    ],
  ])('accepts %s', (_, spec) => {
    expect(problemsOf(policy(spec))).toEqual([]);
  });

  it.each([
    [
      'an unknown policy type',
      { podSelector: {}, policyTypes: ['ingress'] },
      [value('spec.policyTypes.0', '"policyTypes" must be one of "Ingress", "Egress", not "ingress"')],
    ],
    [
      'three policy types',
      { podSelector: {}, policyTypes: ['Ingress', 'Egress', 'Ingress'] },
      [value('spec.policyTypes', '"policyTypes" may hold at most two types, not 3')],
    ],
    [
      'a peer without a selector',
      { podSelector: {}, ingress: [{ from: [{}] }] },
      [required('spec.ingress.0.from.0', 'a peer needs a "podSelector", a "namespaceSelector" or an "ipBlock"')],
    ],
    [
      'an IP block with a selector',
      { podSelector: {}, egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }] }] },
      [value('spec.egress.0.to.0.ipBlock', '"ipBlock" may not be combined with another peer selector')],
    ],
    [
      'a port of 0',
      { podSelector: {}, ingress: [{ ports: [{ port: 0 }] }] },
      [value('spec.ingress.0.ports.0.port', '"port" must be between 1 and 65535, inclusive, not 0')],
    ],
  ])('rejects %s', (_, spec, expected) => {
    expect(problemsOf(policy(spec))).toEqual(expected);
  });
});

describe('more NetworkPolicy fields', () => {
  const policy = (spec: Json): Json =>
    patched({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p' } }, { spec });

  it.each([
    [
      'an IP block without a CIDR',
      { podSelector: {}, egress: [{ to: [{ ipBlock: { except: [] } }] }] },
      [required('spec.egress.0.to.0.ipBlock', '"cidr" is required')],
    ],
    [
      'a lower-case port protocol',
      { podSelector: {}, ingress: [{ ports: [{ port: 80, protocol: 'tcp' }] }] },
      [value('spec.ingress.0.ports.0.protocol', '"protocol" must be one of "TCP", "UDP", "SCTP", not "tcp"')],
    ],
  ])('rejects %s', (_, spec, expected) => {
    expect(problemsOf(policy(spec))).toEqual(expected);
  });
});
