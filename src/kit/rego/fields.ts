/**
 * Field tests as the library's Rego writes them, and the pod's container
 * lists as templates walk them (`spec.containers` etc. of the reviewed object
 * itself: templates do not descend into a workload's pod template).
 */
import { isRecord } from '../../model/records.js';
import { imageMatchesPattern } from '../image.js';
import type { ObjectPath } from '../../model/types.js';
import { regoCompare, regoTerm, regoValue } from './rego-format.js';

/**
 * Rego's "field is set": the key exists and its value is not `false`. `0`,
 * `""`, `[]`, `{}` and `null` all count as set.
 */
export function isSet(record: unknown, key: string): boolean {
  return isRecord(record) && Object.hasOwn(record, key) && record[key] !== false;
}

/** True when the key exists at all (even with `null` or `false`). */
export function has(record: unknown, key: string): boolean {
  return isRecord(record) && Object.hasOwn(record, key);
}

export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';

/** Every list, or just the ones a template inspects. */
export const ALL_CONTAINER_LISTS: readonly ContainerList[] = ['containers', 'initContainers', 'ephemeralContainers'];
export const CONTAINERS_AND_INIT: readonly ContainerList[] = ['containers', 'initContainers'];

/** The singular the library's messages use for a container of `list` (`initContainer <web> ...`). */
export function containerWord(list: ContainerList): string {
  return list.slice(0, -1);
}

export interface GatekeeperContainer {
  container: Record<string, unknown>;
  list: ContainerList;
  /** Path from the object root, e.g. `['spec', 'initContainers', 0]`. */
  path: ObjectPath;
}

/** The containers of `object.spec` in the given lists, in order. Entries that are not mappings are skipped. */
export function podContainers(
  object: unknown,
  lists: readonly ContainerList[] = ALL_CONTAINER_LISTS,
): GatekeeperContainer[] {
  const spec = isRecord(object) ? object.spec : undefined;
  if (!isRecord(spec)) return [];
  const result: GatekeeperContainer[] = [];
  for (const list of lists) {
    const entries = spec[list];
    if (!Array.isArray(entries)) continue;
    entries.forEach((container: unknown, index) => {
      if (isRecord(container)) result.push({ container, list, path: ['spec', list, index] });
    });
  }
  return result;
}

/**
 * The library's exempt-image test: equal to an entry, or starting with an
 * entry that ends in `*` minus that one `*`. A container without an image is
 * never exempt.
 */
export function isExempt(container: Record<string, unknown>, exemptImages: unknown): boolean {
  const image = container.image;
  if (typeof image !== 'string' || !Array.isArray(exemptImages)) return false;
  return exemptImages.some((pattern) => typeof pattern === 'string' && imageMatchesPattern(image, pattern));
}

/** The containers a template checks: the given lists minus exempt images. */
export function checkedContainers(
  object: unknown,
  lists: readonly ContainerList[],
  exemptImages: unknown,
): GatekeeperContainer[] {
  return podContainers(object, lists).filter((ref) => !isExempt(ref.container, exemptImages));
}

/** The pod's `metadata.name`, or undefined (a message that needs it then produces no violation). */
export function objectName(object: unknown): unknown {
  const metadata = isRecord(object) ? object.metadata : undefined;
  return isRecord(metadata) ? metadata.name : undefined;
}

export interface NamedContainer {
  name: unknown;
  container: Record<string, unknown>;
  path: ObjectPath;
}

/**
 * The pod's containers (all three lists) keyed by name, as templates that
 * index them by name build them. A container without a name has no key and
 * is not checked. Two different containers with the same name make the Rego
 * fail ("object keys must be unique"): that is an evaluation error, not a
 * verdict, so it throws and the engine reports a rule error.
 */
export function containersByName(object: unknown, kind: string): NamedContainer[] {
  const byName = new Map<string, NamedContainer>();
  for (const { container, path } of podContainers(object, ALL_CONTAINER_LISTS)) {
    const name = container.name;
    if (name === undefined) continue;
    const key = regoTerm(name);
    const known = byName.get(key);
    if (known === undefined) byName.set(key, { name, container, path });
    else if (regoCompare(known.container, container) !== 0) {
      throw new Error(
        `${kind} cannot evaluate this pod: two different containers are named ${regoValue(name)} (Gatekeeper fails with "object keys must be unique")`,
      );
    }
  }
  return [...byName.values()];
}
