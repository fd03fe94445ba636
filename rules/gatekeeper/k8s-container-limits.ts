import { exemptImagesParam } from '../../src/kit/rule-api.js';
import {
  aboveMaximum,
  checkedContainers,
  CONTAINERS_AND_INIT,
  gatekeeperRule,
  has,
  LIMITS,
  missing,
  noSection,
  parseCpuMillis,
  parseMemoryMillis,
  readQuantity,
  unparsable,
} from '../../src/kit/rego/rego-api.js';

type Params = { cpu?: string; memory?: string; exemptImages?: string[] };

/** The `cpu` parameter value that turns every CPU check off. */
const CPU_CHECKS_OFF = '-1';

/**
 * Gatekeeper library `general/containerlimits`: containers and init
 * containers declare CPU and memory limits no higher than the maxima, with
 * quantities read the library's way (exact millicores and millibytes).
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sContainerLimits', library: 'general', template: 'containerlimits' },
  meta: {
    id: 'k8s-container-limits',
    title: 'Containers set CPU and memory limits within a maximum (Gatekeeper K8sContainerLimits)',
    description: 'Flag containers without CPU or memory limits, or whose limits exceed the configured maxima.',
    rationale: [
      'A container without limits can take all the CPU and memory of its node and starve its neighbours; a',
      'limit far above what the platform plans for has much the same effect.',
    ].join(' '),
    remediation: [
      'Set `resources.limits.cpu` and `resources.limits.memory` on every container and init container, at or',
      'below the maxima in `cpu` and `memory`. Write quantities in a form the check reads, such as `500m`, `2`,',
      '`512Mi` or `1G`.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        cpu: {
          type: 'string',
          description:
            'Highest CPU limit allowed, such as `500m` or `2`. `"-1"` turns the CPU checks off, and so does leaving it out.',
        },
        memory: {
          type: 'string',
          description:
            'Highest memory limit allowed, such as `1Gi`. Without it limits are still required but not compared.',
        },
        exemptImages: exemptImagesParam({ withDefault: false }),
      },
    },
  },

  *review({ review }, params) {
    const checkCpu = has(params, 'cpu') && params.cpu !== CPU_CHECKS_OFF;
    const maxCpu = checkCpu ? parseCpuMillis(params.cpu) : undefined;
    const maxMemory = parseMemoryMillis(params.memory);
    for (const { container, path } of checkedContainers(review.object, CONTAINERS_AND_INIT, params.exemptImages)) {
      const cpu = readQuantity(container, path, LIMITS, 'cpu');
      const memory = readQuantity(container, path, LIMITS, 'memory');
      if (checkCpu) yield unparsable(cpu);
      yield unparsable(memory);
      yield noSection(container, path, LIMITS);
      if (checkCpu) yield missing(cpu);
      yield missing(memory);
      if (checkCpu) yield aboveMaximum(cpu, maxCpu, params.cpu);
      yield aboveMaximum(memory, maxMemory, params.memory);
    }
  },
});
