import { exemptImagesParam } from '../../src/kit/rule-api.js';
import {
  checkedContainers,
  compareExact,
  CONTAINERS_AND_INIT,
  type Exact,
  type GatekeeperResult,
  gatekeeperRule,
  has,
  LIMITS,
  missing,
  multiplyExact,
  noSection,
  parseNumberParameter,
  type QuantityField,
  readQuantity,
  REQUESTS,
  sprintf,
  unparsable,
} from '../../src/kit/rego/rego-api.js';

type Params = { ratio?: string; cpuRatio?: string; exemptImages?: string[] };

/**
 * Gatekeeper library `general/containerresourceratios`: containers and init
 * containers declare CPU and memory limits and requests, and no limit exceeds
 * its request by more than the allowed ratio.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sContainerRatios', library: 'general', template: 'containerresourceratios' },
  meta: {
    id: 'k8s-container-ratios',
    title: 'Container limits stay within a ratio of their requests (Gatekeeper K8sContainerRatios)',
    description:
      'Flag containers without CPU and memory limits and requests, or whose limit exceeds its request times the allowed ratio.',
    rationale: [
      'The scheduler reserves only the request; a limit many times higher lets a busy container use capacity that',
      'was promised to others, and the node overcommits until pods are throttled or killed.',
    ].join(' '),
    remediation: [
      'Set CPU and memory limits and requests on every container and init container, and raise the request or',
      'lower the limit until the limit is at most `ratio` (for CPU, `cpuRatio` when set) times the request.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ratio: {
          type: 'string',
          description:
            'Highest limit-to-request ratio for memory, and for CPU unless `cpuRatio` is given, written as a number such as `"2"`.',
        },
        cpuRatio: {
          type: 'string',
          description: 'Highest limit-to-request ratio for CPU, written as a number such as `"10"`.',
        },
        exemptImages: exemptImagesParam({ withDefault: false }),
      },
    },
  },

  *review({ review }, params) {
    const cpuRatioAsWritten = has(params, 'cpuRatio') ? params.cpuRatio : params.ratio;
    const cpuRatio = parseNumberParameter(cpuRatioAsWritten);
    const memoryRatio = parseNumberParameter(params.ratio);
    for (const { container, path } of checkedContainers(review.object, CONTAINERS_AND_INIT, params.exemptImages)) {
      const cpuLimit = readQuantity(container, path, LIMITS, 'cpu');
      const memoryLimit = readQuantity(container, path, LIMITS, 'memory');
      const cpuRequest = readQuantity(container, path, REQUESTS, 'cpu');
      const memoryRequest = readQuantity(container, path, REQUESTS, 'memory');
      for (const field of [cpuLimit, memoryLimit, cpuRequest, memoryRequest]) yield unparsable(field);
      yield noSection(container, path, LIMITS);
      yield noSection(container, path, REQUESTS);
      for (const field of [cpuLimit, memoryLimit, cpuRequest, memoryRequest]) yield missing(field);
      yield aboveRatio(cpuLimit, cpuRequest, cpuRatio, cpuRatioAsWritten);
      yield aboveRatio(memoryLimit, memoryRequest, memoryRatio, params.ratio);
    }
  },
});

/** A readable limit strictly above `ratio` times its readable request. */
function aboveRatio(
  limit: QuantityField,
  request: QuantityField,
  ratio: Exact | undefined,
  ratioAsWritten: unknown,
): GatekeeperResult | undefined {
  if (limit.parsed === undefined || request.parsed === undefined || ratio === undefined) return undefined;
  if (compareExact(limit.parsed, multiplyExact(ratio, request.parsed)) <= 0) return undefined;
  const msg = sprintf(`container <%v> ${limit.resource} limit <%v> is higher than the maximum allowed ratio of <%v>`, [
    limit.name,
    limit.value,
    ratioAsWritten,
  ]);
  return msg === undefined ? undefined : { msg, path: limit.path };
}
