/**
 * Gatekeeper library messages are built with Rego's `sprintf("%v", ...)`.
 * Users and test suites match on those texts, so we render values the same
 * way: strings raw at the top level, quoted inside collections, object keys
 * sorted, sets sorted and written `{a, b}` (empty: `set()`).
 */
import { compareStrings } from '../../model/string-order.js';

/** A Rego set: a value that renders as `{e1, e2}` and compares after every array and object. */
export class RegoSet {
  readonly values: readonly unknown[];
  constructor(values: Iterable<unknown>) {
    const unique = new Map<string, unknown>();
    for (const value of values) unique.set(regoTerm(value), value);
    this.values = [...unique.values()].sort(regoCompare);
  }
  get size(): number {
    return this.values.length;
  }
}

/** Renders one value as `%v` does: a string stays as it is; anything else becomes a Rego term. */
export function regoValue(value: unknown): string {
  return typeof value === 'string' ? value : regoTerm(value);
}

/** Renders a value as a Rego term (strings quoted). */
export function regoTerm(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return regoNumber(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return String(value);
  if (value instanceof RegoSet) {
    return value.size === 0 ? 'set()' : `{${value.values.map(regoTerm).join(', ')}}`;
  }
  if (Array.isArray(value)) return `[${value.map(regoTerm).join(', ')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort(compareStrings);
    const record = value as Record<string, unknown>;
    return `{${keys.map((key) => `${JSON.stringify(key)}: ${regoTerm(record[key])}`).join(', ')}}`;
  }
  return String(value);
}

/** Go's `%v` for a float64 is its shortest form; JavaScript's `String` agrees except in exponent padding. */
function regoNumber(value: number): string {
  const text = String(value);
  // Go writes at least two exponent digits: 1e-07, 1e+21.
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
}

const TYPE_RANK: Record<string, number> = { null: 0, boolean: 1, number: 2, string: 3, array: 4, object: 5, set: 6 };

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof RegoSet) return 'set';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'bigint') return 'number';
  return typeof value;
}

/**
 * Rego's total order over values: null < boolean < number < string < array <
 * object < set; within a type, the natural order (strings by code unit, which
 * agrees with byte order for the ASCII these messages hold).
 */
export function regoCompare(a: unknown, b: unknown): number {
  const rankA = TYPE_RANK[typeName(a)] ?? 0;
  const rankB = TYPE_RANK[typeName(b)] ?? 0;
  if (rankA !== rankB) return rankA - rankB;
  switch (typeName(a)) {
    case 'boolean':
      return Number(a) - Number(b);
    case 'number':
      return Number(a) < Number(b) ? -1 : Number(a) > Number(b) ? 1 : 0;
    case 'string':
      return compareStrings(a as string, b as string);
    case 'array':
      return compareSequences(a as unknown[], b as unknown[]);
    case 'set':
      return compareSequences((a as RegoSet).values, (b as RegoSet).values);
    case 'object': {
      const recordA = a as Record<string, unknown>;
      const recordB = b as Record<string, unknown>;
      const keysA = Object.keys(recordA).sort(compareStrings);
      const keysB = Object.keys(recordB).sort(compareStrings);
      const byKeys = compareSequences(keysA, keysB);
      if (byKeys !== 0) return byKeys;
      for (const key of keysA) {
        const byValue = regoCompare(recordA[key], recordB[key]);
        if (byValue !== 0) return byValue;
      }
      return 0;
    }
    default:
      return 0;
  }
}

function compareSequences(a: readonly unknown[], b: readonly unknown[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    const order = regoCompare(a[index], b[index]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/**
 * Rego compares a number with a string without failing: any string is
 * greater. Used where a template compares fields that may hold either
 * (a PodDisruptionBudget's `minAvailable: "50%"`).
 */
export function regoGreaterThan(a: unknown, b: unknown): boolean {
  return regoCompare(a, b) > 0;
}

/**
 * Rego's `sprintf` for `%v` (and `%s`, `%d`, which the library uses the same
 * way). Returns undefined when an argument is undefined: in Rego a message
 * built from a missing field does not exist, so neither does the violation.
 * Too few arguments render as Go does, `%!v(MISSING)`.
 */
export function sprintf(format: string, args: readonly unknown[]): string | undefined {
  if (args.some((arg) => arg === undefined)) return undefined;
  let next = 0;
  return format.replace(/%([vsd%])/g, (whole, verb: string) => {
    if (verb === '%') return '%';
    if (next >= args.length) return `%!${verb}(MISSING)`;
    return regoValue(args[next++]);
  });
}
