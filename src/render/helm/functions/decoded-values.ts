/**
 * Values decoded from YAML or JSON text (by src/load/kube-yaml, which yields
 * plain JSON-like data) as Go values: Helm reads such text through JSON, so
 * every number is a float64.
 */
import type { GoMap, GoValue } from '../go-values.js';

/** The Go value of JSON-like data; throws on anything JSON cannot hold. */
export function goValueOf(data: unknown): GoValue {
  if (data === null || data === undefined) return null;
  if (typeof data === 'boolean' || typeof data === 'string' || typeof data === 'number') return data;
  if (Array.isArray(data)) return data.map(goValueOf);
  if (typeof data === 'object') {
    const map: GoMap = {};
    for (const [key, value] of Object.entries(data)) {
      Object.defineProperty(map, key, {
        value: goValueOf(value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return map;
  }
  throw new TypeError(`not a JSON value: ${typeof data}`);
}

/** The word encoding/json uses for a value's JSON type in "cannot unmarshal X into ..." errors. */
export function jsonKind(value: GoValue): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'array';
  return 'object';
}
