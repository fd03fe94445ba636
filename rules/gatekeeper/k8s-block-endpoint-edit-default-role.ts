import { isRecord } from '../../src/kit/rule-api.js';
import { gatekeeperRule, objectName, type GatekeeperResult } from '../../src/kit/rego/rego-api.js';

const ROLE_NAME = 'system:aggregate-to-edit';
const EDIT_VERBS = ['create', 'patch', 'update'];
const MESSAGE = [
  `ClusterRole ${ROLE_NAME} should not allow endpoint edit permissions.`,
  'For k8s version < 1.22, the Cluster Role should be annotated with rbac.authorization.kubernetes.io/autoupdate=false',
  'to prevent autoreconciliation back to default permissions for this role.',
].join(' ');

function includes(list: unknown, value: string): boolean {
  return Array.isArray(list) && list.includes(value);
}

/**
 * Gatekeeper library `general/block-endpoint-edit-default-role`: the default
 * `system:aggregate-to-edit` ClusterRole does not grant write access to
 * Endpoints.
 */
export default gatekeeperRule<Record<string, never>>({
  gatekeeper: {
    kind: 'K8sBlockEndpointEditDefaultRole',
    library: 'general',
    template: 'block-endpoint-edit-default-role',
  },
  meta: {
    id: 'k8s-block-endpoint-edit-default-role',
    title: 'The default edit role cannot change Endpoints (Gatekeeper K8sBlockEndpointEditDefaultRole)',
    description:
      'Flag the `system:aggregate-to-edit` ClusterRole when a rule grants `create`, `patch` or `update` on `endpoints`.',
    rationale: [
      'Anyone who can write Endpoints can point a Service at arbitrary addresses and so redirect its traffic',
      '(CVE-2021-25740); older clusters still give that right to every holder of the built-in edit role.',
    ].join(' '),
    remediation: [
      'Remove `create`, `patch` and `update` on `endpoints` from `system:aggregate-to-edit`, and on Kubernetes',
      'before 1.22 annotate the role with `rbac.authorization.kubernetes.io/autoupdate: "false"` so the API server',
      'does not restore them.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: { type: 'object', additionalProperties: false, properties: {} },
  },

  *review({ review }): Iterable<GatekeeperResult> {
    const object = review.object;
    if (objectName(object) !== ROLE_NAME) return;
    const rules = isRecord(object) ? object.rules : undefined;
    if (!Array.isArray(rules)) return;
    const index = rules.findIndex(
      (rule) =>
        isRecord(rule) &&
        includes(rule.resources, 'endpoints') &&
        EDIT_VERBS.some((verb) => includes(rule.verbs, verb)),
    );
    if (index >= 0) yield { msg: MESSAGE, path: ['rules', index] };
  },
});
