/** CEL equality and ordering of runtime values, as the list and set libraries need them. */
import { CelError } from '../cel-types.js';

interface Equatable {
  equals(other: unknown): boolean;
}

function isEquatable(value: unknown): value is Equatable {
  return typeof value === 'object' && value !== null && typeof (value as Partial<Equatable>).equals === 'function';
}

function isNumber(value: unknown): value is bigint | number {
  return typeof value === 'bigint' || typeof value === 'number';
}

/** Numbers of different CEL types compare by value, as in Kubernetes (cross-type numeric comparisons). */
function compareNumbers(a: bigint | number, b: bigint | number): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  const x = Number(a);
  const y = Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** CEL `==`: heterogeneous numbers by value, lists and maps element by element, other types never equal. */
export function celEquals(a: unknown, b: unknown): boolean {
  if (isNumber(a) && isNumber(b)) return compareNumbers(a, b) === 0;
  if (a === null || b === null) return a === b;
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => celEquals(item, b[i]));
  }
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  if (isEquatable(a)) return a.constructor === b.constructor && a.equals(b);
  const x = asMap(a);
  const y = asMap(b);
  if (!x || !y) return a === b;
  return x.size === y.size && [...x].every(([key, value]) => y.has(key) && celEquals(value, y.get(key)));
}

/** A CEL map as a `Map`: the evaluator's map literals are plain objects, manifests' maps are `Map`s. */
export function asMap(value: unknown): Map<unknown, unknown> | undefined {
  if (value instanceof Map) return value;
  if (
    typeof value === 'object' &&
    value !== null &&
    (value.constructor === Object || value.constructor === undefined)
  ) {
    return new Map(Object.entries(value));
  }
  return undefined;
}

/** Orders code points as Go orders UTF-8 strings (JavaScript's `<` orders UTF-16 units). */
function compareStrings(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length < y.length ? -1 : x.length > y.length ? 1 : 0;
}

/** CEL ordering of comparable values (numbers, strings, bools, bytes, timestamps); an error otherwise. */
export function celCompare(a: unknown, b: unknown): number {
  if (isNumber(a) && isNumber(b)) return compareNumbers(a, b);
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (a instanceof Date && b instanceof Date) return Math.sign(a.getTime() - b.getTime());
  if (a instanceof Uint8Array && b instanceof Uint8Array) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] ?? 0) < (b[i] ?? 0) ? -1 : 1;
    return Math.sign(a.length - b.length);
  }
  throw new CelError(`no such overload: cannot compare ${celTypeName(a)} with ${celTypeName(b)}`);
}

/** The CEL type name of a runtime value, for messages. */
export function celTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'null_type';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'list';
  if (value instanceof Map) return 'map';
  if (value instanceof Uint8Array) return 'bytes';
  if (value instanceof Date) return 'google.protobuf.Timestamp';
  const name = (value as { constructor?: { name?: string } }).constructor?.name;
  return name === undefined || name === 'Object' ? 'map' : name;
}
