import { describeObject, getIn } from '../src/kit/rule-api.js';
import type { Resource, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'nodePort' | 'loadBalancer' | 'externalIPs';

type Params = {
  allowNodePort: boolean;
  allowLoadBalancer: boolean;
  allowInternalLoadBalancer: boolean;
  allowExternalIPs: boolean;
};

/** Reads an annotation value, lower-cased and trimmed. */
type ValueTest = (value: string) => boolean;

const equalsAny =
  (...accepted: string[]): ValueTest =>
  (value) =>
    accepted.includes(value);

/**
 * Annotations with which cloud providers' controllers make a LoadBalancer
 * Service private to the network (an internal load balancer). The legacy AWS
 * annotation takes any value but `false`, as the AWS provider reads it.
 */
const INTERNAL_LOAD_BALANCER: ReadonlyArray<[string, ValueTest]> = [
  ['service.beta.kubernetes.io/aws-load-balancer-internal', (value) => value !== '' && value !== 'false'],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', equalsAny('internal')],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', equalsAny('true')],
  ['networking.gke.io/load-balancer-type', equalsAny('internal')],
  ['cloud.google.com/load-balancer-type', equalsAny('internal')],
  ['service.beta.kubernetes.io/openstack-internal-load-balancer', equalsAny('true')],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', equalsAny('true')],
  ['service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', equalsAny('private')],
  ['service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type', equalsAny('intranet')],
];

/**
 * Services stay inside the cluster: no `NodePort` or `LoadBalancer` type and
 * no `externalIPs`, each allowed by its own parameter. A LoadBalancer marked
 * internal by a cloud provider's annotation is private to the network and
 * allowed unless `allowInternalLoadBalancer` is false. A LoadBalancer is judged
 * by `allowLoadBalancer` alone, although it opens node ports too. Services that
 * are meant to be public (an ingress controller's) are allowed through the
 * constraint's `match` (`name`, `namespaces`, `labelSelector`).
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'no-public-services',
    title: 'Services are not exposed outside the cluster',
    description: 'Keep Services internal (ClusterIP) and expose HTTP traffic through an Ingress instead.',
    rationale: [
      'A NodePort Service opens a port on every node of the cluster, a LoadBalancer Service asks the cloud for a',
      'public address, and `externalIPs` route outside traffic for any address to the Service. Each one puts an',
      'application on the network edge directly, without the TLS termination, host and path routing, access logs,',
      'rate limits and authentication that an Ingress controller or gateway provides, and each adds a firewall',
      'opening or a paid load balancer per Service. `externalIPs` can also be used to intercept traffic meant for',
      'other addresses. Exposing services deliberately, through one well-guarded entry point, keeps the attack',
      'surface small and visible.',
    ].join(' '),
    remediation: [
      'Use `type: ClusterIP` (the default) and route outside traffic through an Ingress or a Gateway. For a Service',
      'that must be reachable from outside (an ingress controller, a database for another network), exclude it',
      "with the constraint's `match` (`name`, `namespaces` or `labelSelector`), or set the matching `allow…`",
      'parameter; prefer an internal load balancer where the clients are on your own network.',
    ].join(' '),
    defaultSeverity: 'warning',
    defaultKinds: [{ apiGroups: [''], kinds: ['Service'] }],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowNodePort: {
          type: 'boolean',
          default: false,
          description: 'Accept Services of `type: NodePort`.',
        },
        allowLoadBalancer: {
          type: 'boolean',
          default: false,
          description: 'Accept Services of `type: LoadBalancer`, internal or not.',
        },
        allowInternalLoadBalancer: {
          type: 'boolean',
          default: true,
          description: [
            'Accept a `LoadBalancer` Service that a cloud provider annotation makes internal, such as',
            '`networking.gke.io/load-balancer-type: Internal` or `service.beta.kubernetes.io/aws-load-balancer-internal:',
            '"true"` (also Azure, OpenStack, OCI, IBM and Alibaba Cloud).',
          ].join(' '),
        },
        allowExternalIPs: {
          type: 'boolean',
          default: false,
          description: 'Accept Services that list `spec.externalIPs`.',
        },
      },
    },
    messages: {
      nodePort: '{{object}} is of type NodePort, which opens its ports on every node',
      loadBalancer: '{{object}} is of type LoadBalancer, which gives it an address outside the cluster',
      externalIPs: '{{object}} lists externalIPs ({{ips}}), which route outside traffic to it',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    if (resource.group !== '' || resource.kind !== 'Service') return;
    const object = describeObject(resource);
    const type = getIn(resource.object, ['spec', 'type']);
    if (type === 'NodePort' && !params.allowNodePort) {
      yield { messageId: 'nodePort', data: { object }, path: ['spec', 'type'] };
    }
    if (type === 'LoadBalancer' && !params.allowLoadBalancer) {
      if (!(params.allowInternalLoadBalancer && isInternalLoadBalancer(resource))) {
        yield { messageId: 'loadBalancer', data: { object }, path: ['spec', 'type'] };
      }
    }
    const ips = getIn(resource.object, ['spec', 'externalIPs']);
    if (Array.isArray(ips) && ips.length > 0 && !params.allowExternalIPs) {
      yield {
        messageId: 'externalIPs',
        data: { object, ips: ips.map(String).join(', ') },
        path: ['spec', 'externalIPs'],
      };
    }
  },
};

function isInternalLoadBalancer(resource: Resource): boolean {
  return INTERNAL_LOAD_BALANCER.some(([key, test]) => {
    const value = resource.annotations[key];
    return value !== undefined && test(value.trim().toLowerCase());
  });
}

export default rule;
