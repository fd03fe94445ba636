/**
 * Sprig's defaults and flow helpers: `default`, `empty`, `coalesce`, `all`,
 * `any`, `ternary`. Emptiness is Sprig's: nil, false, 0, 0.0, and an empty
 * string, list or map (`0 | default 5` is 5).
 */
import type { GoValue } from '../go-values.js';
import { goFunction, goVariadic, type GoFunctionTable } from './go-function.js';

/** Sprig's `empty`: the zero value of its type, or a string, list or map without elements. */
export function isGoEmpty(value: GoValue): boolean {
  if (value === null) return true;
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'string') return value === '';
  if (typeof value === 'bigint') return value === 0n;
  if (typeof value === 'number') return value === 0;
  if (value instanceof Uint8Array || Array.isArray(value)) return value.length === 0;
  return Object.keys(value).length === 0;
}

/** The defaults and flow functions, by template name. */
export const defaultsFunctions: GoFunctionTable = {
  default: goVariadic('default', ['interface'], 'interface', (fallback, given) => {
    const first = given[0];
    return first === undefined || isGoEmpty(first) ? fallback : first;
  }),
  empty: goFunction('empty', ['interface'], isGoEmpty),
  coalesce: goVariadic('coalesce', [], 'interface', (values) => values.find((value) => !isGoEmpty(value)) ?? null),
  all: goVariadic('all', [], 'interface', (values) => values.every((value) => !isGoEmpty(value))),
  any: goVariadic('any', [], 'interface', (values) => values.some((value) => !isGoEmpty(value))),
  ternary: goFunction('ternary', ['interface', 'interface', 'bool'], (whenTrue, whenFalse, condition) =>
    condition ? whenTrue : whenFalse,
  ),
};
