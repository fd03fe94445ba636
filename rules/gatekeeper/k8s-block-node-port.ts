import { blockServiceTypeRule } from '../../src/kit/rego/rego-api.js';

/**
 * Gatekeeper library `general/block-nodeport-services`: no Service of type
 * `NodePort`.
 */
export default blockServiceTypeRule({
  type: 'NodePort',
  gatekeeper: { kind: 'K8sBlockNodePort', library: 'general', template: 'block-nodeport-services' },
  meta: {
    id: 'k8s-block-node-port',
    title: 'Services are not node ports (Gatekeeper K8sBlockNodePort)',
    rationale: [
      'A NodePort Service opens the same port on every node, bypassing the load balancers and firewalls placed in',
      'front of the cluster and consuming a scarce, cluster-wide port range.',
    ].join(' '),
    remediation: [
      'Use a `ClusterIP` Service and expose it through an Ingress or gateway; if outside access is really needed,',
      'use the sanctioned load-balancing path instead of a node port.',
    ].join(' '),
  },
});
