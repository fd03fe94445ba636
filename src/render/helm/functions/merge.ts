/**
 * Sprig's `merge` and `mergeOverwrite`, which use dario.cat/mergo 1.0 on
 * `map[string]interface {}`. Go maps are references, and so are ours: the
 * destination map is changed in place and returned, nested maps present on
 * both sides are merged in place too (changing maps that `.Values` may
 * hold), and values taken from a source are shared, not copied.
 *
 * For each key of a source, given the destination's value:
 * - a nil source value: set only when overwriting;
 * - a map on both sides: merged recursively;
 * - otherwise: the source value wins when overwriting or when the
 *   destination lacks the key or holds an empty value (0, "", false, an
 *   empty list or map), except that a non-empty destination keeps its value
 *   against a source list, and its map against a source map.
 */
import { isGoMap, type GoMap, type GoValue } from '../go-values.js';
import { isGoEmpty } from './defaults.js';
import { putKey } from './go-function.js';

function mergeKey(destination: GoMap, key: string, source: GoValue, overwrite: boolean): void {
  const present = Object.hasOwn(destination, key);
  const current = present ? (destination[key] ?? null) : undefined;
  if (source === null) {
    if (overwrite) putKey(destination, key, null);
    return;
  }
  if (isGoMap(source) && current !== undefined && isGoMap(current)) mergeMaps(current, source, overwrite);
  if (current !== undefined && !isGoEmpty(current)) {
    if (Array.isArray(source)) {
      if (overwrite) putKey(destination, key, source);
      return;
    }
    if (isGoMap(source) && isGoMap(current)) return;
  }
  if (overwrite || current === undefined || isGoEmpty(current)) putKey(destination, key, source);
}

/** mergo's `Merge` of one map into another (with `WithOverride` when `overwrite`); returns the destination. */
export function mergeMaps(destination: GoMap, source: GoMap, overwrite: boolean): GoMap {
  for (const key of Object.keys(source)) mergeKey(destination, key, source[key] ?? null, overwrite);
  return destination;
}

/** copystructure's deep copy: new maps and lists all the way down; nil cannot be copied. */
export function deepCopy(value: GoValue): GoValue {
  if (value === null) throw new Error('reflect: call of reflect.Value.Type on zero Value');
  return copyValue(value);
}

function copyValue(value: GoValue): GoValue {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Uint8Array) return value.slice();
  if (Array.isArray(value)) return value.map(copyValue);
  const copy: GoMap = {};
  for (const [key, item] of Object.entries(value)) putKey(copy, key, copyValue(item));
  return copy;
}
