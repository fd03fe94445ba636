import { exemptImagesParam, isRecord } from '../../src/kit/rule-api.js';
import { ALL_CONTAINER_LISTS, checkedContainers, gatekeeperRule, sprintf } from '../../src/kit/rego/rego-api.js';

type Params = { exemptImages?: string[] };

/**
 * Gatekeeper library `pod-security-policy/allow-privilege-escalation`: every
 * container that is not exempt sets `securityContext.allowPrivilegeEscalation`
 * to exactly `false`.
 */
export default gatekeeperRule<Params>({
  gatekeeper: {
    kind: 'K8sPSPAllowPrivilegeEscalationContainer',
    library: 'pod-security-policy',
    template: 'allow-privilege-escalation',
  },
  meta: {
    id: 'k8s-psp-allow-privilege-escalation-container',
    title: 'Containers forbid privilege escalation (Gatekeeper K8sPSPAllowPrivilegeEscalationContainer)',
    description: 'Flag containers that do not set securityContext.allowPrivilegeEscalation to false.',
    rationale: [
      'Unless escalation is switched off, a process in the container can gain more privileges than its parent,',
      'for example through setuid binaries, which turns a small compromise into a much larger one.',
    ].join(' '),
    remediation: [
      'Set `securityContext.allowPrivilegeEscalation: false` on every container, init container and ephemeral',
      'container; leaving it out counts as allowing escalation. Images that genuinely need it can be listed in',
      '`exemptImages`.',
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
      if (isRecord(securityContext) && securityContext.allowPrivilegeEscalation === false) continue;
      const hasField = isRecord(securityContext) && Object.hasOwn(securityContext, 'allowPrivilegeEscalation');
      const msg = sprintf('Privilege escalation container is not allowed: %v', [container.name]);
      yield msg === undefined
        ? undefined
        : { msg, path: hasField ? [...path, 'securityContext', 'allowPrivilegeEscalation'] : path };
    }
  },
});
