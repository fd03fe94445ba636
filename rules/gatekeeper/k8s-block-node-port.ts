import { getIn, type ObjectPath } from '../../src/engine/api.js';
import { gatekeeperRule, type GatekeeperResult } from '../../src/engine/gatekeeper/api.js';

const TYPE_PATH: ObjectPath = ['spec', 'type'];

/**
 * Gatekeeper library `general/block-nodeport-services`: no Service of type
 * `NodePort`.
 */
export default gatekeeperRule<Record<string, never>>({
  gatekeeper: { kind: 'K8sBlockNodePort', library: 'general', template: 'block-nodeport-services' },
  meta: {
    id: 'k8s-block-node-port',
    title: 'Services are not node ports (Gatekeeper K8sBlockNodePort)',
    description: 'Flag Services of type `NodePort`.',
    rationale: [
      'A NodePort Service opens the same port on every node, bypassing the load balancers and firewalls placed in',
      'front of the cluster and consuming a scarce, cluster-wide port range.',
    ].join(' '),
    remediation: [
      'Use a `ClusterIP` Service and expose it through an Ingress or gateway; if outside access is really needed,',
      'use the sanctioned load-balancing path instead of a node port.',
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
        '  type: NodePort',
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
    if (review.kind.kind !== 'Service' || getIn(review.object, TYPE_PATH) !== 'NodePort') return;
    yield { msg: 'User is not allowed to create service of type NodePort', path: TYPE_PATH };
  },
});
