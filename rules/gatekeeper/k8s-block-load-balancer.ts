import { blockServiceTypeRule } from '../../src/kit/rego/rego-api.js';

/**
 * Gatekeeper library `general/block-loadbalancer-services`: no Service of type
 * `LoadBalancer`.
 */
export default blockServiceTypeRule({
  type: 'LoadBalancer',
  gatekeeper: { kind: 'K8sBlockLoadBalancer', library: 'general', template: 'block-loadbalancer-services' },
  meta: {
    id: 'k8s-block-load-balancer',
    title: 'Services are not load balancers (Gatekeeper K8sBlockLoadBalancer)',
    rationale: [
      'A LoadBalancer Service asks the cloud provider for an address reachable from outside the cluster, and every',
      'one of them costs money and widens the attack surface; exposure should go through a reviewed ingress path.',
    ].join(' '),
    remediation: [
      'Use a `ClusterIP` Service behind the shared Ingress or gateway, or have the platform team grant an exception',
      'for this Service.',
    ].join(' '),
  },
});
