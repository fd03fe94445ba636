/**
 * Number conversions as Sprig 3.3 does them with spf13/cast 1.7 and
 * `strconv`: strings are read with Go's base prefixes (`0x10` is 16, `010`
 * is 8, `1_000` is 1000) after a trailing `.0` is dropped; floats truncate
 * toward zero; bools are 1 or 0; anything unreadable is 0.
 */
import type { GoValue } from '../go-values.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Wraps an integer to int64, as Go's fixed-width arithmetic does. */
export function wrapInt64(value: bigint): bigint {
  return BigInt.asIntN(64, value);
}

/** Go's conversion `int64(f)` of a float64 (amd64 gives the minimum int64 when out of range or NaN). */
export function truncateFloat(value: number): bigint {
  if (!Number.isFinite(value)) return INT64_MIN;
  const whole = BigInt(Math.trunc(value));
  return whole < INT64_MIN || whole > INT64_MAX ? INT64_MIN : whole;
}

const DIGITS: Record<number, RegExp> = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-f]+$/i };

/** Where Go allows `_` in a number literal: only between digits, or after a base prefix. */
function underscoresOk(body: string, prefixed: boolean): boolean {
  const text = prefixed ? `0${body}` : body;
  return !/(^_|__|_$)/.test(text);
}

/** Go's `strconv.ParseInt(text, 0, 64)`: undefined for a syntax error, 'range' for overflow. */
export function parseGoInt(text: string): bigint | 'range' | undefined {
  const sign = text.startsWith('-') ? -1n : 1n;
  const unsigned = /^[+-]/.test(text) ? text.slice(1) : text;
  let base = 10;
  let body = unsigned;
  let prefixed = false;
  const prefix = /^0([xXbBoO])/.exec(unsigned);
  if (prefix !== null) {
    base = { x: 16, b: 2, o: 8 }[prefix[1]!.toLowerCase() as 'x' | 'b' | 'o'];
    body = unsigned.slice(2);
    prefixed = true;
  } else if (unsigned.length > 1 && unsigned.startsWith('0')) {
    base = 8;
    body = unsigned.slice(1);
    prefixed = true;
  }
  if (body.includes('_') && !underscoresOk(body, prefixed)) return undefined;
  const digits = body.replaceAll('_', '');
  if (!DIGITS[base]!.test(digits)) return undefined;
  const magnitude = BigInt(base === 10 ? digits : `0${'xbo'[[16, 2, 8].indexOf(base)]}${digits}`);
  const value = sign * magnitude;
  return value < INT64_MIN || value > INT64_MAX ? 'range' : value;
}

/** cast's `trimZeroDecimal`: "3.00" reads as "3", "3.5" and "3." stay as they are. */
function trimZeroDecimal(text: string): string {
  const match = /^(.*)\.0+$/.exec(text);
  return match === null ? text : match[1]!;
}

/** Go's `strconv.ParseFloat(text, 64)`: decimal or hex floats, `inf`, `nan`; undefined when unreadable. */
export function parseGoFloat(text: string): number | undefined {
  const lower = text.toLowerCase();
  const special = /^([+-]?)(inf|infinity|nan)$/.exec(lower);
  if (special !== null) return special[2] === 'nan' ? NaN : special[1] === '-' ? -Infinity : Infinity;
  if (/^[+-]?0x/.test(lower)) return parseHexFloat(lower);
  // Underscores only between digits; overflow is an error (cast then gives 0).
  if (!/^[+-]?(\d+(_\d+)*\.?(\d+(_\d+)*)?|\.\d+(_\d+)*)(e[+-]?\d+)?$/.test(lower)) return undefined;
  const value = Number(lower.replaceAll('_', ''));
  return Number.isFinite(value) ? value : undefined;
}

function parseHexFloat(text: string): number | undefined {
  const match = /^([+-]?)0x([0-9a-f]*)\.?([0-9a-f]*)p([+-]?\d+)$/.exec(text.replaceAll('_', ''));
  if (match === null || match[2]! + match[3]! === '') return undefined;
  const mantissa = parseInt(match[2]! + match[3]! || '0', 16) / 16 ** match[3]!.length;
  const value = mantissa * 2 ** Number(match[4]);
  return match[1] === '-' ? -value : value;
}

/** cast's `ToInt64` (and `ToInt`): any value to an integer, 0 when it cannot be read. */
export function castToInt64(value: GoValue): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return truncateFloat(value);
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'string') {
    const parsed = parseGoInt(trimZeroDecimal(value));
    return typeof parsed === 'bigint' ? parsed : 0n;
  }
  return 0n;
}

/** cast's `ToFloat64`: any value to a float64, 0 when it cannot be read. */
export function castToFloat64(value: GoValue): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return parseGoFloat(value) ?? 0;
  return 0;
}

/** Sprig's `atoi`: `strconv.Atoi` with the error dropped (decimal only; out of range clamps). */
export function atoi(text: string): bigint {
  if (!/^[+-]?\d+$/.test(text)) return 0n;
  const value = BigInt(text);
  if (value > INT64_MAX) return INT64_MAX;
  return value < INT64_MIN ? INT64_MIN : value;
}
