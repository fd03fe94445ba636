/**
 * The wording of schema problems: which field a message names, and how a
 * value or an expected type reads in a sentence.
 */
import type { ObjectPath } from '../model/types.js';

const LONGEST_SHOWN = 60;

/**
 * The field a path ends at, as a message names it: the last key, with any
 * list indexes after it (`ports[1]`). The root reads `the object`.
 */
export function fieldName(path: ObjectPath): string {
  let index = path.length - 1;
  while (index >= 0 && typeof path[index] === 'number') index--;
  const key = index >= 0 ? String(path[index]) : '';
  const indexes = path
    .slice(index + 1)
    .map((segment) => `[${segment}]`)
    .join('');
  return key === '' && indexes === '' ? 'the object' : `"${key}${indexes}"`;
}

/** A value quoted for a message: JSON for scalars (long strings cut short), `a map` or `a list` otherwise. */
export function showValue(value: unknown): string {
  if (typeof value === 'string') {
    const cut = value.length > LONGEST_SHOWN ? `${value.slice(0, LONGEST_SHOWN - 1)}…` : value;
    return JSON.stringify(cut);
  }
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a map';
  return String(value);
}

/** What a value is, for "must be X, not Y": `the string "3"`, `the number 1.5`, `true`, `a map`. */
export function describeActual(value: unknown): string {
  if (typeof value === 'string') return `the string ${showValue(value)}`;
  if (typeof value === 'number') return `the number ${showValue(value)}`;
  if (typeof value === 'boolean') return `the boolean ${String(value)}`;
  return showValue(value);
}

const TYPE_PHRASES: Readonly<Record<string, string>> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
  object: 'a map',
  array: 'a list',
};

/** The phrase for a schema type (`an integer`, `a list`). */
export function typePhrase(type: string): string {
  return TYPE_PHRASES[type] ?? `a value of type ${type}`;
}

/** Values joined for a message: `"TCP", "UDP", "SCTP"`, at most `limit` of them. */
export function showList(values: readonly unknown[], limit = 12): string {
  const shown = values.slice(0, limit).map((value) => (value === null ? 'null' : showValue(value)));
  return values.length > limit ? `${shown.join(', ')}, …` : shown.join(', ');
}
