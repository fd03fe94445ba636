import { exemptImagesParam } from '../../src/kit/rule-api.js';
import {
  aboveMaximum,
  checkedContainers,
  CONTAINERS_AND_INIT,
  gatekeeperRule,
  LIMITS,
  missing,
  noSection,
  parseMemoryMillis,
  readQuantity,
  unparsable,
} from '../../src/kit/rego/rego-api.js';

type Params = { 'ephemeral-storage'?: string; exemptImages?: string[] };

const EPHEMERAL_STORAGE = 'ephemeral-storage';

/**
 * Gatekeeper library `general/ephemeralstoragelimit`: containers and init
 * containers declare an ephemeral-storage limit no higher than the maximum,
 * read the library's way (exact millibytes). UPDATE requests are not checked.
 */
export default gatekeeperRule<Params>({
  gatekeeper: {
    kind: 'K8sContainerEphemeralStorageLimit',
    library: 'general',
    template: 'ephemeralstoragelimit',
  },
  meta: {
    id: 'k8s-container-ephemeral-storage-limit',
    title: 'Containers set an ephemeral-storage limit within a maximum (Gatekeeper K8sContainerEphemeralStorageLimit)',
    description: 'Flag containers without an ephemeral-storage limit, or whose limit exceeds the configured maximum.',
    rationale: [
      "Logs, caches and scratch files written to a container's writable layer or an emptyDir fill the node's",
      'disk; without a limit one container can push the node into disk pressure and get its neighbours evicted.',
    ].join(' '),
    remediation: [
      'Set `resources.limits.ephemeral-storage` on every container and init container, at or below the maximum in',
      '`ephemeral-storage`, written in a form the check reads such as `500Mi` or `2G`.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        'ephemeral-storage': {
          type: 'string',
          description:
            'Highest ephemeral-storage limit allowed, such as `500Mi`. Without it limits are still required but not compared.',
        },
        exemptImages: exemptImagesParam({ withDefault: false }),
      },
    },
  },

  *review({ review }, params) {
    if (review.operation === 'UPDATE') return;
    const maximum = parseMemoryMillis(params[EPHEMERAL_STORAGE]);
    for (const { container, path } of checkedContainers(review.object, CONTAINERS_AND_INIT, params.exemptImages)) {
      const storage = readQuantity(container, path, LIMITS, EPHEMERAL_STORAGE);
      yield unparsable(storage);
      yield noSection(container, path, LIMITS);
      yield missing(storage);
      yield aboveMaximum(storage, maximum, params[EPHEMERAL_STORAGE]);
    }
  },
});
