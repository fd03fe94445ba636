import { exemptImagesParam } from '../../src/kit/rule-api.js';
import { ALL_CONTAINER_LISTS, checkedContainers, gatekeeperRule, isSet, sprintf } from '../../src/kit/rego/rego-api.js';

type Params = { exemptImages?: string[] };

/**
 * Gatekeeper library `pod-security-policy/privileged-containers`: no container
 * that is not exempt sets `securityContext.privileged` (any value but `false`
 * counts as set, as in the Rego).
 */
export default gatekeeperRule<Params>({
  gatekeeper: {
    kind: 'K8sPSPPrivilegedContainer',
    library: 'pod-security-policy',
    template: 'privileged-containers',
  },
  meta: {
    id: 'k8s-psp-privileged-container',
    title: 'Containers are not privileged (Gatekeeper K8sPSPPrivilegedContainer)',
    description: 'Flag containers that set securityContext.privileged.',
    rationale: [
      'A privileged container gets every capability and direct access to the host devices, which removes almost',
      'all isolation between the container and the node it runs on.',
    ].join(' '),
    remediation: [
      'Remove `securityContext.privileged` or set it to `false` on every container, init container and ephemeral',
      'container; grant only the specific capabilities the workload needs. Images that truly need it can be listed',
      'in `exemptImages`.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        exemptImages: exemptImagesParam({ withDefault: false }),
      },
    },
  },

  *review({ review }, params) {
    if (review.operation === 'UPDATE') return;
    for (const { container, path } of checkedContainers(review.object, ALL_CONTAINER_LISTS, params.exemptImages)) {
      const securityContext = container.securityContext;
      if (!isSet(securityContext, 'privileged')) continue;
      const msg = sprintf('Privileged container is not allowed: %v, securityContext: %v', [
        container.name,
        securityContext,
      ]);
      if (msg !== undefined) yield { msg, path: [...path, 'securityContext', 'privileged'] };
    }
  },
});
