import { describe, expect, it } from 'vitest';
import { duplicate, type Json, patched, problemsOf, required, value } from './helpers.js';

function service(spec: Json): Json {
  return patched({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' } }, { spec });
}

const HTTP = { name: 'http', port: 80, targetPort: 8080 };

describe('Service types and their fields', () => {
  it.each([
    ['a ClusterIP Service', { selector: { app: 'web' }, ports: [HTTP] }],
    ['a headless Service without ports', { clusterIP: 'None', selector: { app: 'web' } }],
    ['an ExternalName Service with a trailing dot', { type: 'ExternalName', externalName: 'db.example.com.' }],
    [
      'a NodePort Service with a Local traffic policy',
      { type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ port: 80, nodePort: 30080 }] },
    ],
    [
      'a LoadBalancer Service with its own fields',
      {
        type: 'LoadBalancer',
        ports: [HTTP],
        loadBalancerSourceRanges: ['10.0.0.0/8'],
        loadBalancerClass: 'example.com/lb',
        allocateLoadBalancerNodePorts: false,
      },
    ],
    [
      'a ClusterIP Service with external IPs and a traffic policy',
      { ports: [HTTP], externalIPs: ['192.0.2.10'], externalTrafficPolicy: 'Local' },
    ],
    [
      'client IP affinity for an hour',
      { ports: [HTTP], sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 3600 } } },
    ],
    ['dual stack', { ports: [HTTP], ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'PreferDualStack' }],
    [
      'an affinity config without affinity, which the API server drops',
      { ports: [HTTP], sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } } },
    ],
  ])('accepts %s', (_, spec) => {
    expect(problemsOf(service(spec))).toEqual([]);
  });

  it.each([
    [
      'an unknown type',
      { type: 'LoadBalancr', ports: [HTTP] },
      [
        value(
          'spec.type',
          '"type" must be one of "ClusterIP", "NodePort", "LoadBalancer", "ExternalName", not "LoadBalancr"',
        ),
      ],
    ],
    [
      'a Service without ports',
      { selector: { app: 'web' } },
      [
        required(
          'spec',
          '"ports" must hold at least one port (unless the Service is headless or of type "ExternalName")',
        ),
      ],
    ],
    [
      'an ExternalName Service without a name',
      { type: 'ExternalName' },
      [required('spec', '"externalName" is required for a Service of type "ExternalName"')],
    ],
    [
      'a headless NodePort Service',
      { type: 'NodePort', clusterIP: 'None', ports: [HTTP] },
      [value('spec.clusterIP', '"clusterIP" may not be "None" for a Service of type "NodePort"')],
    ],
    [
      'a traffic policy on a ClusterIP Service',
      { ports: [HTTP], externalTrafficPolicy: 'Local' },
      [
        value(
          'spec.externalTrafficPolicy',
          '"externalTrafficPolicy" may be set only on a Service reachable from outside the cluster, not on type "ClusterIP"',
        ),
      ],
    ],
    [
      'an unknown traffic policy',
      { type: 'LoadBalancer', ports: [HTTP], externalTrafficPolicy: 'Node' },
      [value('spec.externalTrafficPolicy', '"externalTrafficPolicy" must be one of "Cluster", "Local", not "Node"')],
    ],
    [
      'an unknown internal traffic policy',
      { ports: [HTTP], internalTrafficPolicy: 'Zone' },
      [value('spec.internalTrafficPolicy', '"internalTrafficPolicy" must be one of "Cluster", "Local", not "Zone"')],
    ],
    [
      'a node port on a ClusterIP Service',
      { ports: [{ port: 80, nodePort: 30080 }] },
      [value('spec.ports.0.nodePort', '"nodePort" may not be set when the Service "type" is "ClusterIP"')],
    ],
    [
      'source ranges on a NodePort Service',
      { type: 'NodePort', ports: [HTTP], loadBalancerSourceRanges: ['10.0.0.0/8'] },
      [
        value(
          'spec.loadBalancerSourceRanges',
          '"loadBalancerSourceRanges" may be set only when the Service "type" is "LoadBalancer"',
        ),
      ],
    ],
    [
      'an unknown session affinity',
      { ports: [HTTP], sessionAffinity: 'Cookie' },
      [value('spec.sessionAffinity', '"sessionAffinity" must be one of "None", "ClientIP", not "Cookie"')],
    ],
    [
      'client IP affinity for more than a day',
      { ports: [HTTP], sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 86401 } } },
      [
        value(
          'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
          '"timeoutSeconds" must be between 1 and 86400, inclusive, not 86401',
        ),
      ],
    ],
    [
      'an IP family listed twice',
      { ports: [HTTP], ipFamilies: ['IPv4', 'IPv4'] },
      [duplicate('spec.ipFamilies.1', 'IP family "IPv4" is listed twice')],
    ],
  ])('rejects %s', (_, spec, expected) => {
    expect(problemsOf(service(spec))).toEqual(expected);
  });
});

describe('Service ports', () => {
  const ports = (...entries: Json[]): Json => service({ ports: entries });

  it.each([
    ['a target port by name', ports({ port: 80, targetPort: 'http' })],
    ['a target port of 0, which takes the port', ports({ port: 80, targetPort: 0 })],
    [
      'one port number over two protocols',
      ports({ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53 }),
    ],
    ['an application protocol', ports({ port: 443, appProtocol: 'kubernetes.io/h2c' })],
  ])('accepts %s', (_, object) => {
    expect(problemsOf(object)).toEqual([]);
  });

  it.each([
    [
      'a port of 0',
      ports({ port: 0 }),
      [value('spec.ports.0.port', '"port" must be between 1 and 65535, inclusive, not 0')],
    ],
    [
      'two ports without names',
      ports({ port: 80 }, { port: 443 }),
      [
        required('spec.ports.0', '"name" is required when a Service has more than one port'),
        required('spec.ports.1', '"name" is required when a Service has more than one port'),
      ],
    ],
    [
      'a port name that is no DNS label',
      ports({ name: 'HTTP', port: 80 }),
      [
        value(
          'spec.ports.0.name',
          `"name" "HTTP" is not a valid port name (DNS-1123 label): must consist of lower-case letters, digits and '-', and start and end with a letter or digit`,
        ),
      ],
    ],
    [
      'two ports of one name',
      ports({ name: 'web', port: 80 }, { name: 'web', port: 8080 }),
      [duplicate('spec.ports.1.name', 'port name "web" is used by another port')],
    ],
    [
      'one port and protocol twice, the protocol defaulting to TCP',
      ports({ name: 'a', port: 80, protocol: 'TCP' }, { name: 'b', port: 80 }),
      [duplicate('spec.ports.1', 'port 80/TCP is listed twice')],
    ],
    [
      'one node port twice',
      service({
        type: 'NodePort',
        ports: [
          { name: 'a', port: 80, nodePort: 30000 },
          { name: 'b', port: 81, nodePort: 30000 },
        ],
      }),
      [duplicate('spec.ports.1.nodePort', 'node port 30000/TCP is used by another port')],
    ],
    [
      'a target port name of 16 characters',
      ports({ port: 80, targetPort: 'http-alternative' }),
      [
        value(
          'spec.ports.0.targetPort',
          '"targetPort" "http-alternative" is not a valid port name: must be no more than 15 characters',
        ),
      ],
    ],
    [
      'a target port of 65536',
      ports({ port: 80, targetPort: 65536 }),
      [value('spec.ports.0.targetPort', '"targetPort" must be between 1 and 65535, inclusive, not 65536')],
    ],
    [
      'a lower-case protocol',
      ports({ port: 80, protocol: 'udp' }),
      [value('spec.ports.0.protocol', '"protocol" must be one of "TCP", "UDP", "SCTP", not "udp"')],
    ],
  ])('rejects %s', (_, object, expected) => {
    expect(problemsOf(object)).toEqual(expected);
  });
});

describe('more Service fields', () => {
  it.each([
    [
      'a load balancer class that is no qualified name',
      { type: 'LoadBalancer', ports: [HTTP], loadBalancerClass: 'my lb' },
      [
        value(
          'spec.loadBalancerClass',
          `"loadBalancerClass" "my lb" is not a valid qualified name: has a name part that must consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit`,
        ),
      ],
    ],
    [
      'node port allocation off a LoadBalancer',
      { ports: [HTTP], allocateLoadBalancerNodePorts: false },
      [
        value(
          'spec.allocateLoadBalancerNodePorts',
          '"allocateLoadBalancerNodePorts" may be set only when the Service "type" is "LoadBalancer"',
        ),
      ],
    ],
    [
      'an unknown IP family policy',
      { ports: [HTTP], ipFamilyPolicy: 'DualStack' },
      [
        value(
          'spec.ipFamilyPolicy',
          '"ipFamilyPolicy" must be one of "SingleStack", "PreferDualStack", "RequireDualStack", not "DualStack"',
        ),
      ],
    ],
    [
      'an application protocol with a space',
      { ports: [{ port: 80, appProtocol: 'http 2' }] },
      [
        value(
          'spec.ports.0.appProtocol',
          `"appProtocol" "http 2" is not a valid qualified name: has a name part that must consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit`,
        ),
      ],
    ],
  ])('rejects %s', (_, spec, expected) => {
    expect(problemsOf(service(spec))).toEqual(expected);
  });
});
