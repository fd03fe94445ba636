/**
 * Sprig's type conversions: `atoi`, `int`, `int64`, `float64`, `toDecimal`,
 * `toString`, `toStrings`. `toString` prints as Go's `%v` does, so a float64
 * of a million is `1e+06`.
 */
import type { GoValue } from '../go-values.js';
import { atoi, castToFloat64, castToInt64, parseGoInt } from './cast.js';
import { goString } from './go-format.js';
import { goFunction, sliceElements, type GoFunctionTable } from './go-function.js';

/** Sprig's `strslice`: a list's non-nil elements as strings; nil is an empty list, other values a list of one. */
export function toGoStrings(value: GoValue): string[] {
  const elements = sliceElements(value);
  if (elements !== undefined) return elements.filter((item) => item !== null).map(goString);
  return value === null ? [] : [goString(value)];
}

/** Sprig's `toDecimal`: the value's text read as an octal number ("777" is 511), 0 when it is not one. */
function toDecimal(value: GoValue): bigint {
  const text = goString(value);
  // Base 8 given explicitly: a sign and octal digits only, no prefix or underscores.
  if (!/^[+-]?[0-7]+$/.test(text)) return 0n;
  const sign = text.startsWith('-') ? '-' : '';
  const parsed = parseGoInt(`${sign}0o${text.replace(/^[+-]/, '')}`);
  return typeof parsed === 'bigint' ? parsed : 0n;
}

/** The conversion functions, by template name. */
export const conversionFunctions: GoFunctionTable = {
  atoi: goFunction('atoi', ['string'], atoi),
  int: goFunction('int', ['interface'], castToInt64),
  int64: goFunction('int64', ['interface'], castToInt64),
  float64: goFunction('float64', ['interface'], castToFloat64),
  toDecimal: goFunction('toDecimal', ['interface'], toDecimal),
  toString: goFunction('toString', ['interface'], goString),
  toStrings: goFunction('toStrings', ['interface'], toGoStrings),
};
