import { getIn, type ObjectPath } from '../../src/engine/api.js';
import { gatekeeperRule, type GatekeeperResult } from '../../src/engine/gatekeeper/api.js';

const TYPE_PATH: ObjectPath = ['spec', 'type'];

/**
 * Gatekeeper library `general/block-loadbalancer-services`: no Service of type
 * `LoadBalancer`.
 */
export default gatekeeperRule<Record<string, never>>({
  gatekeeper: { kind: 'K8sBlockLoadBalancer', library: 'general', template: 'block-loadbalancer-services' },
  meta: {
    id: 'k8s-block-load-balancer',
    title: 'Services are not load balancers (Gatekeeper K8sBlockLoadBalancer)',
    description: 'Flag Services of type `LoadBalancer`.',
    rationale: [
      'A LoadBalancer Service asks the cloud provider for an address reachable from outside the cluster, and every',
      'one of them costs money and widens the attack surface; exposure should go through a reviewed ingress path.',
    ].join(' '),
    remediation: [
      'Use a `ClusterIP` Service behind the shared Ingress or gateway, or have the platform team grant an exception',
      'for this Service.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: { type: 'object', additionalProperties: false, properties: {} },
    example: {
      fail: [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  name: web',
        'spec:',
        '  type: LoadBalancer',
        '  selector:',
        '    app: web',
        '  ports:',
        '    - port: 80',
        '',
      ].join('\n'),
      pass: [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        '  name: web',
        'spec:',
        '  type: ClusterIP',
        '  selector:',
        '    app: web',
        '  ports:',
        '    - port: 80',
        '',
      ].join('\n'),
    },
  },

  *review({ review }): Iterable<GatekeeperResult> {
    if (review.kind.kind !== 'Service' || getIn(review.object, TYPE_PATH) !== 'LoadBalancer') return;
    yield { msg: 'User is not allowed to create service of type LoadBalancer', path: TYPE_PATH };
  },
});
