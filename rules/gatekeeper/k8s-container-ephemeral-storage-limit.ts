import { isRecord, type ObjectPath } from '../../src/engine/api.js';
import {
  CONTAINERS_AND_INIT,
  checkedContainers,
  compareExact,
  gatekeeperRule,
  has,
  isSet,
  parseMemoryMillis,
  sprintf,
  type Exact,
  type GatekeeperResult,
} from '../../src/engine/gatekeeper/api.js';

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
        exemptImages: {
          type: 'array',
          items: { type: 'string' },
          description: 'Images not checked: exact images, or prefixes ending in `*`.',
        },
      },
    },
    example: {
      parameters: { 'ephemeral-storage': '1Gi' },
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
        '          ephemeral-storage: 4Gi',
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
        '          ephemeral-storage: 500Mi',
        '',
      ].join('\n'),
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

// The checks below are shared in shape with K8sContainerLimits.

interface Section {
  /** The key under `resources`. */
  key: 'limits' | 'requests';
  /** How messages name one entry. */
  word: 'limit' | 'request';
}

const LIMITS: Section = { key: 'limits', word: 'limit' };

/** One resource (here `ephemeral-storage`) of a container's limits or requests, as written and as read. */
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
  resource: string,
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
    parsed: parseMemoryMillis(value),
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
