/**
 * Sprig's dictionary functions over `map[string]interface {}`. Maps are
 * references as in Go: `set` and `unset` change the map every holder sees and
 * return it; `merge*` change their first map. Go visits map keys in random
 * order, so `keys` and `values` are random in Helm; here they follow the
 * sorted keys (charts that care pipe `keys` to `sortAlpha`).
 */
import { isGoMap, type GoMap, type GoValue } from '../go-values.js';
import { compareGoStrings, goString, goTypeOf } from './go-format.js';
import { goFunction, goVariadic, putKey, type GoFunctionTable } from './go-function.js';
import { deepCopy, mergeMaps } from './merge.js';

const sortedKeys = (map: GoMap) => Object.keys(map).sort(compareGoStrings);

function dict(pairs: GoValue[]): GoMap {
  const map: GoMap = {};
  for (let index = 0; index < pairs.length; index += 2) {
    putKey(map, goString(pairs[index]!), index + 1 < pairs.length ? pairs[index + 1]! : '');
  }
  return map;
}

/** Go's panic for a failed type assertion in `dig`. */
function assertionError(value: GoValue, wanted: string): Error {
  const actual = value === null ? 'nil' : goTypeOf(value);
  return new Error(`interface conversion: interface {} is ${actual}, not ${wanted}`);
}

const MAP_TYPE = 'map[string]interface {}';

/** Sprig's `dig "a" "b" default $map`: the value at a key path, or the default where a key is missing. */
function dig(args: GoValue[]): GoValue {
  if (args.length < 3) throw new Error('dig needs at least three arguments');
  const map = args[args.length - 1]!;
  if (!isGoMap(map)) throw assertionError(map, MAP_TYPE);
  let current: GoMap = map;
  const fallback = args[args.length - 2]!;
  const keys = args.slice(0, -2).map((key) => {
    if (typeof key !== 'string') throw assertionError(key, 'string');
    return key;
  });
  for (const [index, key] of keys.entries()) {
    if (!Object.hasOwn(current, key)) return fallback;
    const step: GoValue = current[key] ?? null;
    if (index === keys.length - 1) return step;
    if (!isGoMap(step)) throw assertionError(step, MAP_TYPE);
    current = step;
  }
  return fallback;
}

function omit(map: GoMap, keys: string[]): GoMap {
  const dropped = new Set(keys);
  const kept: GoMap = {};
  for (const key of Object.keys(map)) if (!dropped.has(key)) putKey(kept, key, map[key]!);
  return kept;
}

function pick(map: GoMap, keys: string[]): GoMap {
  const picked: GoMap = {};
  for (const key of keys) if (Object.hasOwn(map, key)) putKey(picked, key, map[key]!);
  return picked;
}

function mergeAll(destination: GoMap, sources: GoMap[], overwrite: boolean): GoMap {
  for (const source of sources) mergeMaps(destination, source, overwrite);
  return destination;
}

/** The dictionary functions, by template name. */
export const dictFunctions: GoFunctionTable = {
  dict: goVariadic('dict', [], 'interface', dict),
  get: goFunction('get', ['map', 'string'], (map, key) => (Object.hasOwn(map, key) ? map[key]! : '')),
  set: goFunction('set', ['map', 'string', 'interface'], (map, key, value) => {
    putKey(map, key, value);
    return map;
  }),
  unset: goFunction('unset', ['map', 'string'], (map, key) => {
    delete map[key];
    return map;
  }),
  hasKey: goFunction('hasKey', ['map', 'string'], (map, key) => Object.hasOwn(map, key)),
  pluck: goVariadic('pluck', ['string'], 'map', (key, maps) =>
    maps.filter((map) => Object.hasOwn(map, key)).map((map) => map[key]!),
  ),
  keys: goVariadic('keys', [], 'map', (maps) => maps.flatMap(sortedKeys)),
  values: goFunction('values', ['map'], (map) => sortedKeys(map).map((key) => map[key]!)),
  pick: goVariadic('pick', ['map'], 'string', pick),
  omit: goVariadic('omit', ['map'], 'string', omit),
  merge: goVariadic('merge', ['map'], 'map', (destination, sources) => mergeAll(destination, sources, false)),
  mustMerge: goVariadic('mustMerge', ['map'], 'map', (destination, sources) => mergeAll(destination, sources, false)),
  mergeOverwrite: goVariadic('mergeOverwrite', ['map'], 'map', (destination, sources) =>
    mergeAll(destination, sources, true),
  ),
  mustMergeOverwrite: goVariadic('mustMergeOverwrite', ['map'], 'map', (destination, sources) =>
    mergeAll(destination, sources, true),
  ),
  deepCopy: goFunction('deepCopy', ['interface'], deepCopy),
  mustDeepCopy: goFunction('mustDeepCopy', ['interface'], deepCopy),
  dig: goVariadic('dig', [], 'interface', dig),
};
