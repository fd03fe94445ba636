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

const NONE: readonly Duplicate[] = [];
/** Up to this length lists are compared entry by entry, which allocates nothing when all differ. */
const PAIRWISE_MAX = 16;

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && canonical(a) === canonical(b);
}

/**
 * The indexes of entries that repeat exactly one earlier entry (the second
 * copy of each value), by `same` on pairs of entries for short lists and by
 * `text` for long ones.
 */
function secondOccurrences(
  list: readonly unknown[],
  same: (a: unknown, b: unknown) => boolean,
  text: (entry: unknown, index: number) => string,
): number[] {
  const repeated: number[] = [];
  if (list.length <= PAIRWISE_MAX) {
    for (let index = 1; index < list.length; index++) {
      let earlier = 0;
      for (let other = 0; other < index && earlier < 2; other++) if (same(list[index], list[other])) earlier++;
      if (earlier === 1) repeated.push(index);
    }
    return repeated;
  }
  const seen = new Map<string, number>();
  list.forEach((entry, index) => {
    const key = text(entry, index);
    const times = seen.get(key) ?? 0;
    if (times === 1) repeated.push(index);
    seen.set(key, times + 1);
  });
  return repeated;
}

/** Entries of a set that repeat an earlier entry. */
export function setDuplicates(list: readonly unknown[]): readonly Duplicate[] {
  if (list.length < 2) return NONE;
  const repeated = secondOccurrences(list, sameJson, canonical);
  return repeated.length === 0
    ? NONE
    : repeated.map((index) => ({ index, what: `duplicate entry ${showValue(list[index])}` }));
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
): readonly Duplicate[] {
  if (list.length < 2 || keys.length === 0) return NONE;
  const field = (entry: unknown, key: string): unknown => (isRecord(entry) ? keyOf(entry, key) : undefined);
  const same = (a: unknown, b: unknown): boolean =>
    !skip(a) && !skip(b) && keys.every((key) => sameJson(field(a, key), field(b, key)));
  const text = (entry: unknown, index: number): string =>
    skip(entry) ? `#${index}` : canonical(keys.map((key) => field(entry, key)));
  const repeated = secondOccurrences(list, same, text);
  if (repeated.length === 0) return NONE;
  return repeated.map((index) => ({
    index,
    what: describeKey(
      keys,
      keys.map((key) => field(list[index], key)),
    ),
  }));
}

function describeKey(keys: readonly string[], tuple: readonly unknown[]): string {
  const given = keys.flatMap((key, position) =>
    tuple[position] === undefined ? [] : [`${key} ${showValue(tuple[position])}`],
  );
  if (given.length === 0) return `duplicate entry with no ${keys.map((key) => `"${key}"`).join(' or ')}`;
  return `duplicate entry with ${given.join(' and ')}`;
}
