import { isRecord, type ObjectPath } from '../../src/engine/api.js';
import {
  CONTAINERS_AND_INIT,
  checkedContainers,
  compareExact,
  gatekeeperRule,
  has,
  isSet,
  multiplyExact,
  parseNumberParameter,
  parseCpuMillis,
  parseMemoryMillis,
  sprintf,
  type Exact,
  type GatekeeperResult,
} from '../../src/engine/gatekeeper/api.js';

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
        exemptImages: {
          type: 'array',
          items: { type: 'string' },
          description: 'Images not checked: exact images, or prefixes ending in `*`.',
        },
      },
    },
    example: {
      parameters: { ratio: '2' },
      fail: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  containers:',
        '    - name: web',
        '      image: registry.example.com/web:1.4.2',
        '      resources:',
        '        requests:',
        '          cpu: 250m',
        '          memory: 256Mi',
        '        limits:',
        '          cpu: "1"',
        '          memory: 1Gi',
        '',
      ].join('\n'),
      pass: [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  containers:',
        '    - name: web',
        '      image: registry.example.com/web:1.4.2',
        '      resources:',
        '        requests:',
        '          cpu: 250m',
        '          memory: 512Mi',
        '        limits:',
        '          cpu: 500m',
        '          memory: 1Gi',
        '',
      ].join('\n'),
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

// The checks below are shared in shape with K8sContainerRequests and K8sContainerRatios.

interface Section {
  /** The key under `resources`. */
  key: 'limits' | 'requests';
  /** How messages name one entry. */
  word: 'limit' | 'request';
}

const LIMITS: Section = { key: 'limits', word: 'limit' };
const REQUESTS: Section = { key: 'requests', word: 'request' };

/** One resource (`cpu`, `memory`) of a container's limits or requests, as written and as read. */
interface QuantityField {
  name: unknown;
  section: Section;
  resource: string;
  /** The mapping `resources.<section>` when it is one. */
  entries: Record<string, unknown> | undefined;
  /** Whether `resources.<section>` is set (present and not `false`). */
  sectionSet: boolean;
  /** True when the key exists, whatever its value. */
  written: boolean;
  value: unknown;
  parsed: Exact | undefined;
  path: ObjectPath;
}

function readQuantity(
  container: Record<string, unknown>,
  containerPath: ObjectPath,
  section: Section,
  resource: 'cpu' | 'memory',
): QuantityField {
  const resources = container.resources;
  const block = isRecord(resources) ? resources[section.key] : undefined;
  const entries = isRecord(block) ? block : undefined;
  const value = entries?.[resource];
  return {
    name: container.name,
    section,
    resource,
    entries,
    sectionSet: isSet(container, 'resources') && isSet(resources, section.key),
    written: has(block, resource),
    value,
    parsed: resource === 'cpu' ? parseCpuMillis(value) : parseMemoryMillis(value),
    path: [...containerPath, 'resources', section.key, resource],
  };
}

/** A quantity that is written but that the template cannot read. */
function unparsable(field: QuantityField): GatekeeperResult | undefined {
  if (!field.written || field.parsed !== undefined) return undefined;
  const msg = sprintf(`container <%v> ${field.resource} ${field.section.word} <%v> could not be parsed`, [
    field.name,
    field.value,
  ]);
  return msg === undefined ? undefined : { msg, path: field.path };
}

/** `resources` or `resources.<section>` is not set. */
function noSection(
  container: Record<string, unknown>,
  containerPath: ObjectPath,
  section: Section,
): GatekeeperResult | undefined {
  const resources = container.resources;
  if (isSet(container, 'resources') && isSet(resources, section.key)) return undefined;
  const msg = sprintf(`container <%v> has no resource ${section.key}`, [container.name]);
  return msg === undefined ? undefined : { msg, path: [...containerPath, 'resources', section.key] };
}

/** The section is set, but this resource is absent, `false` or empty. */
function missing(field: QuantityField): GatekeeperResult | undefined {
  if (!field.sectionSet) return undefined;
  if (isSet(field.entries, field.resource) && field.value !== '') return undefined;
  const msg = sprintf(`container <%v> has no ${field.resource} ${field.section.word}`, [field.name]);
  return msg === undefined ? undefined : { msg, path: field.path };
}
