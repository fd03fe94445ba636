import { exemptImagesParam, isRecord } from '../../src/kit/rule-api.js';
import { ALL_CONTAINER_LISTS, checkedContainers, gatekeeperRule, has, sprintf } from '../../src/kit/rego/rego-api.js';

type Params = { exemptImages?: string[] };

/**
 * Gatekeeper library `pod-security-policy/read-only-root-filesystem`: every
 * container that is not exempt sets `securityContext.readOnlyRootFilesystem`
 * to exactly `true`.
 */
export default gatekeeperRule<Params>({
  gatekeeper: {
    kind: 'K8sPSPReadOnlyRootFilesystem',
    library: 'pod-security-policy',
    template: 'read-only-root-filesystem',
  },
  meta: {
    id: 'k8s-psp-read-only-root-filesystem',
    title: 'Containers use a read-only root filesystem (Gatekeeper K8sPSPReadOnlyRootFilesystem)',
    description: 'Flag containers that do not set securityContext.readOnlyRootFilesystem to true.',
    rationale: [
      'With a writable root filesystem an attacker can drop tools or alter binaries inside the container; a',
      'read-only root keeps the image as built and confines writes to volumes you declared.',
    ].join(' '),
    remediation: [
      'Set `securityContext.readOnlyRootFilesystem: true` on every container, init container and ephemeral container,',
      'and mount an `emptyDir` volume where the process needs to write. Images that cannot run that way can be',
      'listed in `exemptImages`.',
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
      if (isRecord(securityContext) && securityContext.readOnlyRootFilesystem === true) continue;
      const msg = sprintf('only read-only root filesystem container is allowed: %v', [container.name]);
      if (msg === undefined) continue;
      const hasField = has(securityContext, 'readOnlyRootFilesystem');
      yield { msg, path: hasField ? [...path, 'securityContext', 'readOnlyRootFilesystem'] : path };
    }
  },
});
