import { exemptImagesParam } from '../../src/kit/rule-api.js';
import {
  aboveMaximum,
  checkedContainers,
  CONTAINERS_AND_INIT,
  gatekeeperRule,
  missing,
  noSection,
  parseCpuMillis,
  parseMemoryMillis,
  readQuantity,
  REQUESTS,
  unparsable,
} from '../../src/kit/rego/rego-api.js';

type Params = { cpu?: string; memory?: string; exemptImages?: string[] };

/**
 * Gatekeeper library `general/containerrequests`: containers and init
 * containers declare CPU and memory requests no higher than the maxima, with
 * quantities read the library's way (exact millicores and millibytes).
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sContainerRequests', library: 'general', template: 'containerrequests' },
  meta: {
    id: 'k8s-container-requests',
    title: 'Containers set CPU and memory requests within a maximum (Gatekeeper K8sContainerRequests)',
    description: 'Flag containers without CPU or memory requests, or whose requests exceed the configured maxima.',
    rationale: [
      'The scheduler places pods by their requests: without them a node is overcommitted without anyone noticing,',
      'and a request above what any node offers leaves the pod pending for good.',
    ].join(' '),
    remediation: [
      'Set `resources.requests.cpu` and `resources.requests.memory` on every container and init container, at or',
      'below the maxima in `cpu` and `memory`. Write quantities in a form the check reads, such as `250m`, `1`,',
      '`256Mi` or `1G`.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        cpu: {
          type: 'string',
          description:
            'Highest CPU request allowed, such as `500m` or `2`. Without it requests are still required but not compared.',
        },
        memory: {
          type: 'string',
          description:
            'Highest memory request allowed, such as `1Gi`. Without it requests are still required but not compared.',
        },
        exemptImages: exemptImagesParam({ withDefault: false }),
      },
    },
  },

  *review({ review }, params) {
    const maxCpu = parseCpuMillis(params.cpu);
    const maxMemory = parseMemoryMillis(params.memory);
    for (const { container, path } of checkedContainers(review.object, CONTAINERS_AND_INIT, params.exemptImages)) {
      const cpu = readQuantity(container, path, REQUESTS, 'cpu');
      const memory = readQuantity(container, path, REQUESTS, 'memory');
      yield unparsable(cpu);
      yield unparsable(memory);
      yield noSection(container, path, REQUESTS);
      yield missing(cpu);
      yield missing(memory);
      yield aboveMaximum(cpu, maxCpu, params.cpu);
      yield aboveMaximum(memory, maxMemory, params.memory);
    }
  },
});
