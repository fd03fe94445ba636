/**
 * Sprig's list functions. They accept any slice (a list, `splitList`'s
 * strings, bytes) and return a new list, never changing the one given
 * (`append $l 1` leaves `$l` as it was), as Sprig copies before it adds.
 * A value that is not a slice is an error naming its kind
 * (`Cannot push on type map`); nil panics as in Go. The `must` forms fail
 * the same way, so both share one implementation.
 */
import type { GoValue } from '../go-values.js';
import { castToInt64 } from './cast.js';
import { toGoStrings } from './conversion.js';
import { isGoEmpty } from './defaults.js';
import { compareGoStrings, goString } from './go-format.js';
import {
  goFunction,
  goVariadic,
  reflectKind,
  sliceElements,
  type GoFunction,
  type GoFunctionTable,
} from './go-function.js';
import { goDeepEqual } from './reflection.js';

/** The elements of a slice, or Sprig's error (`Cannot <what> type <kind>`) for anything else. */
function elementsOf(value: GoValue, what: string): GoValue[] {
  const kind = reflectKind(value);
  const elements = sliceElements(value);
  if (elements === undefined) throw new Error(`${what} ${kind}`);
  return elements;
}

function includes(haystack: GoValue[], needle: GoValue): boolean {
  return haystack.some((item) => goDeepEqual(needle, item));
}

function uniq(list: GoValue): GoValue[] {
  const unique: GoValue[] = [];
  for (const item of elementsOf(list, 'Cannot find uniq on type')) if (!includes(unique, item)) unique.push(item);
  return unique;
}

function has(needle: GoValue, haystack: GoValue): boolean {
  if (haystack === null) return false;
  return includes(elementsOf(haystack, 'Cannot find has on type'), needle);
}

/** Sprig's `slice`: `list[start:end]` with cast indexes; out of range panics as reflect does. */
function slice(list: GoValue, indexes: GoValue[]): GoValue {
  const kind = reflectKind(list);
  const elements = sliceElements(list);
  if (elements === undefined) throw new Error(`list should be type of slice or array but ${kind}`);
  if (elements.length === 0) return null;
  const start = indexes.length > 0 ? castToInt64(indexes[0]!) : 0n;
  const end = indexes.length > 1 ? castToInt64(indexes[1]!) : BigInt(elements.length);
  if (start < 0n || end < start || end > BigInt(elements.length)) {
    throw new Error('reflect.Value.Slice: slice index out of bounds');
  }
  return elements.slice(Number(start), Number(end));
}

const MAKESLICE = 'runtime error: makeslice: len out of range';

/** Sprig's `chunk`, with its float arithmetic: sizes of zero or less give [] or Go's panics, as in Helm. */
function chunk(size: bigint, list: GoValue): GoValue[][] {
  const elements = elementsOf(list, 'Cannot chunk type');
  const length = elements.length;
  const step = Number(size);
  const count = Math.floor((length - 1) / step) + 1;
  if (!Number.isFinite(count) || count < 0) throw new Error(MAKESLICE);
  const chunks: GoValue[][] = [];
  for (let index = 0; index < count; index++) {
    const size = index === count - 1 ? Math.floor(length % step) || step : step;
    if (size < 0) throw new Error(MAKESLICE);
    const start = index * step;
    if (start < 0 || start + size > length) throw new Error('reflect: slice index out of range');
    chunks.push(elements.slice(start, start + size));
  }
  return chunks;
}

function concat(lists: GoValue[]): GoValue[] {
  return lists.flatMap((list) => {
    const kind = reflectKind(list);
    const elements = sliceElements(list);
    if (elements === undefined) throw new Error(`Cannot concat type ${kind} as list`);
    return elements;
  });
}

/** Sprig's `sortAlpha`: a list's elements as strings in byte order; any other value becomes a list of one. */
function sortAlpha(list: GoValue): string[] {
  if (sliceElements(list) === undefined) return [goString(list)];
  return toGoStrings(list).sort(compareGoStrings);
}

/** A list function and its `must` twin, which fail the same way here. */
function withMust(name: string, make: (name: string) => GoFunction): Record<string, GoFunction> {
  const must = `must${name[0]!.toUpperCase()}${name.slice(1)}`;
  return { [name]: make(name), [must]: make(must) };
}

/** The list functions, by template name. */
export const listFunctions: GoFunctionTable = {
  list: goVariadic('list', [], 'interface', (values) => values),
  tuple: goVariadic('tuple', [], 'interface', (values) => values),
  ...withMust('append', (name) =>
    goFunction(name, ['interface', 'interface'], (list, value) => [...elementsOf(list, 'Cannot push on type'), value]),
  ),
  ...withMust('push', (name) =>
    goFunction(name, ['interface', 'interface'], (list, value) => [...elementsOf(list, 'Cannot push on type'), value]),
  ),
  ...withMust('prepend', (name) =>
    goFunction(name, ['interface', 'interface'], (list, value) => [
      value,
      ...elementsOf(list, 'Cannot prepend on type'),
    ]),
  ),
  ...withMust('first', (name) =>
    goFunction(name, ['interface'], (list) => elementsOf(list, 'Cannot find first on type')[0] ?? null),
  ),
  ...withMust('last', (name) =>
    goFunction(name, ['interface'], (list) => elementsOf(list, 'Cannot find last on type').at(-1) ?? null),
  ),
  ...withMust('rest', (name) =>
    goFunction(name, ['interface'], (list) => elementsOf(list, 'Cannot find rest on type').slice(1)),
  ),
  ...withMust('initial', (name) =>
    goFunction(name, ['interface'], (list) => elementsOf(list, 'Cannot find initial on type').slice(0, -1)),
  ),
  ...withMust('reverse', (name) =>
    goFunction(name, ['interface'], (list) => [...elementsOf(list, 'Cannot find reverse on type')].reverse()),
  ),
  ...withMust('compact', (name) =>
    goFunction(name, ['interface'], (list) => elementsOf(list, 'Cannot compact on type').filter((v) => !isGoEmpty(v))),
  ),
  ...withMust('uniq', (name) => goFunction(name, ['interface'], uniq)),
  ...withMust('without', (name) =>
    goVariadic(name, ['interface'], 'interface', (list, omit) =>
      elementsOf(list, 'Cannot find without on type').filter((item) => !includes(omit, item)),
    ),
  ),
  ...withMust('has', (name) => goFunction(name, ['interface', 'interface'], has)),
  ...withMust('slice', (name) => goVariadic(name, ['interface'], 'interface', slice)),
  ...withMust('chunk', (name) => goFunction(name, ['int', 'interface'], chunk)),
  concat: goVariadic('concat', [], 'interface', concat),
  sortAlpha: goFunction('sortAlpha', ['interface'], sortAlpha),
};
