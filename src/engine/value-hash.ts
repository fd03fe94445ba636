import { createHash } from 'node:crypto';
import type { ObjectPath } from './types.js';

/** The hash of a field that is not there: findings about a missing field all share it. */
export const ABSENT_VALUE_HASH = 'absent';

/**
 * A short hash of the value at `path` in `object`, for baselines. Scalars and
 * lists of scalars hash by value, so that `nginx:latest` becoming
 * `redis:latest` is a new finding. A mapping, or a list that holds mappings,
 * hashes by its type only: such a finding is about something missing inside
 * it (a container without probes), and editing the rest of the container,
 * such as bumping its image, must not make it look new.
 */
export function hashValueAt(object: unknown, path: ObjectPath): string {
  let value: unknown = object;
  for (const segment of path) {
    if (typeof value !== 'object' || value === null) return ABSENT_VALUE_HASH;
    value = (value as Record<string | number, unknown>)[segment];
    if (value === undefined) return ABSENT_VALUE_HASH;
  }
  return createHash('sha256').update(valueKey(value)).digest('hex').slice(0, 16);
}

function valueKey(value: unknown): string {
  if (Array.isArray(value)) {
    return value.every(isScalar) ? `list:${JSON.stringify(value)}` : 'list';
  }
  if (typeof value === 'object' && value !== null) return 'map';
  return `scalar:${JSON.stringify(value) ?? String(value)}`;
}

function isScalar(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}
