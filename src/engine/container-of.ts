import type { ObjectPath } from '../model/types.js';

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

/**
 * The container a path inside an object points into, by its name: the
 * terminal report gathers a container's findings under it. Undefined when the
 * path is not inside a named container.
 */
export function containerOf(object: unknown, path: ObjectPath): string | undefined {
  let at: unknown = object;
  let name: string | undefined;
  for (let index = 0; index < path.length; index++) {
    const key = path[index]!;
    if (at === null || typeof at !== 'object') return name;
    at = (at as Record<string | number, unknown>)[key];
    if (typeof key === 'number' && index > 0 && CONTAINER_LISTS.has(String(path[index - 1]))) {
      const candidate = (at as { name?: unknown } | undefined)?.name;
      name = typeof candidate === 'string' ? candidate : undefined;
    }
  }
  return name;
}
