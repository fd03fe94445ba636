import { isRecord, type ObjectPath } from '../../src/engine/api.js';
import {
  CONTAINERS_AND_INIT,
  checkedContainers,
  compareExact,
  gatekeeperRule,
  has,
  isSet,
  parseCpuMillis,
  parseMemoryMillis,
  sprintf,
  type Exact,
  type GatekeeperResult,
} from '../../src/engine/gatekeeper/api.js';

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
        exemptImages: {
          type: 'array',
          items: { type: 'string' },
          description: 'Images not checked: exact images, or prefixes ending in `*`.',
        },
      },
    },
    example: {
      parameters: { cpu: '1', memory: '1Gi' },
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
        '        limits:',
        '          cpu: 500m',
        '          memory: 2Gi',
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
        '        limits:',
        '          cpu: 500m',
        '          memory: 1024Mi',
        '',
      ].join('\n'),
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

// The checks below are shared in shape with K8sContainerRequests and K8sContainerRatios.

interface Section {
  /** The key under `resources`. */
  key: 'limits' | 'requests';
  /** How messages name one entry. */
  word: 'limit' | 'request';
}

const LIMITS: Section = { key: 'limits', word: 'limit' };

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

/** A readable quantity strictly above a readable maximum. */
function aboveMaximum(
  field: QuantityField,
  maximum: Exact | undefined,
  maximumAsWritten: unknown,
): GatekeeperResult | undefined {
  if (field.parsed === undefined || maximum === undefined || compareExact(field.parsed, maximum) <= 0) return undefined;
  const msg = sprintf(
    `container <%v> ${field.resource} ${field.section.word} <%v> is higher than the maximum allowed of <%v>`,
    [field.name, field.value, maximumAsWritten],
  );
  return msg === undefined ? undefined : { msg, path: field.path };
}
