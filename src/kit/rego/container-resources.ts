/**
 * The checks that the library's resource templates (K8sContainerLimits,
 * K8sContainerRequests, K8sContainerRatios, K8sContainerEphemeralStorageLimit)
 * share: reading one quantity of a container's limits or requests, and the
 * messages for an unreadable, missing or too large value. CPU is read in
 * millicores, everything else (memory, ephemeral storage) in millibytes.
 */
import { isRecord } from '../../model/records.js';
import type { ObjectPath } from '../../model/types.js';
import type { GatekeeperResult } from './define.js';
import { has, isSet } from './fields.js';
import { compareExact, parseCpuMillis, parseMemoryMillis, type Exact } from './rego-quantity.js';
import { sprintf } from './rego-format.js';

export interface Section {
  /** The key under `resources`. */
  key: 'limits' | 'requests';
  /** How messages name one entry. */
  word: 'limit' | 'request';
}

export const LIMITS: Section = { key: 'limits', word: 'limit' };
export const REQUESTS: Section = { key: 'requests', word: 'request' };

/** One resource (`cpu`, `memory`) of a container's limits or requests, as written and as read. */
export interface QuantityField {
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

export function readQuantity(
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
    parsed: resource === 'cpu' ? parseCpuMillis(value) : parseMemoryMillis(value),
    path: [...containerPath, 'resources', section.key, resource],
  };
}

/** A quantity that is written but that the template cannot read. */
export function unparsable(field: QuantityField): GatekeeperResult | undefined {
  if (!field.written || field.parsed !== undefined) return undefined;
  const msg = sprintf(`container <%v> ${field.resource} ${field.section.word} <%v> could not be parsed`, [
    field.name,
    field.value,
  ]);
  return msg === undefined ? undefined : { msg, path: field.path };
}

/** `resources` or `resources.<section>` is not set. */
export function noSection(
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
export function missing(field: QuantityField): GatekeeperResult | undefined {
  if (!field.sectionSet) return undefined;
  if (isSet(field.entries, field.resource) && field.value !== '') return undefined;
  const msg = sprintf(`container <%v> has no ${field.resource} ${field.section.word}`, [field.name]);
  return msg === undefined ? undefined : { msg, path: field.path };
}

/** A readable quantity strictly above a readable maximum. */
export function aboveMaximum(
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
