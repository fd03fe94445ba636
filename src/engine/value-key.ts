import type { ObjectPath } from '../model/types.js';

/** The key of a field that is not there: findings about a missing field all share it. */
export const ABSENT_VALUE_KEY = 'absent';

/**
 * What a baseline tells the offending value at `path` in `object` by (hashed
 * only when a fingerprint is made, so that a run without a baseline never
 * hashes). Scalars and lists of scalars count by value, so that
 * `nginx:latest` becoming `redis:latest` is a new finding. A mapping, or a
 * list that holds mappings, counts by its type only: such a finding is about
 * something missing inside it (a container without probes), and editing the
 * rest of the container, such as bumping its image, must not make it look new.
 */
export function valueKeyAt(object: unknown, path: ObjectPath): string {
  let value: unknown = object;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return ABSENT_VALUE_KEY;
    value = (value as Record<string | number, unknown>)[segment];
    if (value === undefined) return ABSENT_VALUE_KEY;
  }
  if (Array.isArray(value)) {
    return value.every(isScalar) ? `list:${JSON.stringify(value)}` : 'list';
  }
  if (typeof value === 'object' && value !== null) return 'map';
  return `scalar:${JSON.stringify(value) ?? String(value)}`;
}

function isScalar(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}
