/**
 * Repeated entries of lists that the schema says are sets
 * (`x-kubernetes-list-type: set`) or maps keyed by some of their fields
 * (`x-kubernetes-list-type: map` with `x-kubernetes-list-map-keys`).
 *
 * As in the apiextensions server, the second entry of each repeated value is
 * the one reported (a third copy is not reported again), and entries that lack
 * a key field share the "unspecified" key.
 */
import { isRecord } from '../model/records.js';
import { showValue } from './describe.js';

/** A repeated entry: its index and the words that say what it repeats. */
export interface Duplicate {
  readonly index: number;
  readonly what: string;
}

/** Text that is equal for equal JSON values: maps with their keys sorted. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return value === undefined ? '~' : JSON.stringify(value);
}

function secondOccurrences(keys: readonly string[]): number[] {
  const seen = new Map<string, number>();
  const repeated: number[] = [];
  keys.forEach((key, index) => {
    const times = seen.get(key) ?? 0;
    if (times === 1) repeated.push(index);
    seen.set(key, times + 1);
  });
  return repeated;
}

/** Entries of a set that repeat an earlier entry. */
export function setDuplicates(list: readonly unknown[]): Duplicate[] {
  if (list.length < 2) return [];
  return secondOccurrences(list.map(canonical)).map((index) => ({
    index,
    what: `duplicate entry ${showValue(list[index])}`,
  }));
}

/**
 * Entries of a list map with the same key fields as an earlier entry.
 * `keyOf` reads one key field of an entry (undefined when unspecified);
 * entries for which `skip` is true take no part.
 */
export function mapDuplicates(
  list: readonly unknown[],
  keys: readonly string[],
  keyOf: (entry: Record<string, unknown>, key: string) => unknown,
  skip: (entry: unknown) => boolean = () => false,
): Duplicate[] {
  if (list.length < 2 || keys.length === 0) return [];
  const tuples = list.map((entry) =>
    isRecord(entry) ? keys.map((key) => keyOf(entry, key)) : keys.map(() => undefined),
  );
  const texts = tuples.map((tuple, index) => (skip(list[index]) ? `#${index}` : canonical(tuple)));
  return secondOccurrences(texts).map((index) => ({ index, what: describeKey(keys, tuples[index] ?? []) }));
}

function describeKey(keys: readonly string[], tuple: readonly unknown[]): string {
  const given = keys.flatMap((key, position) =>
    tuple[position] === undefined ? [] : [`${key} ${showValue(tuple[position])}`],
  );
  if (given.length === 0) return `duplicate entry with no ${keys.map((key) => `"${key}"`).join(' or ')}`;
  return `duplicate entry with ${given.join(' and ')}`;
}
