/**
 * Number constants as Go's template parser reads them: the same text may be an
 * int, an unsigned int and a float at once (`1e3` is all three), and the
 * executor later picks the reading that fits.
 */
import { goQuote, goUnquoteChar } from './go-quote.js';

/** The readings of a number constant. */
export interface NumberReadings {
  readonly isInt: boolean;
  readonly isUint: boolean;
  readonly isFloat: boolean;
  readonly int: bigint;
  readonly float: number;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** Go's rule for `_` in number literals: each one sits between digits (a base prefix counts as a digit). */
export function underscoresOk(text: string): boolean {
  let body = text.replace(/^[+-]/, '');
  let hex = false;
  let previous = 'start';
  if (/^0[bBoOxX]/.test(body)) {
    hex = /^0[xX]/.test(body);
    body = body.slice(2);
    previous = 'digit';
  }
  for (const char of body) {
    const digit = /[0-9]/.test(char) || (hex && /[a-fA-F]/.test(char));
    if (digit) previous = 'digit';
    else if (char === '_') {
      if (previous !== 'digit') return false;
      previous = '_';
    } else {
      if (previous === '_') return false;
      previous = 'other';
    }
  }
  return previous !== '_';
}

/** Go's `strconv.ParseInt`/`ParseUint` with base 0; undefined on a syntax or range error. */
export function parseGoInteger(text: string, signed: boolean): bigint | undefined {
  const sign = /^[+-]/.test(text) ? text.charAt(0) : '';
  if (sign !== '' && !signed) return undefined;
  const body = text.slice(sign.length);
  let digits = body;
  let prefix = '';
  if (/^0[bB]./.test(body)) [prefix, digits] = ['0b', body.slice(2)];
  else if (/^0[oO]./.test(body)) [prefix, digits] = ['0o', body.slice(2)];
  else if (/^0[xX]./.test(body)) [prefix, digits] = ['0x', body.slice(2)];
  else if (body.startsWith('0') && body.length > 1) [prefix, digits] = ['0o', body.slice(1)];
  if (body === '' || (digits.includes('_') && !underscoresOk(text))) return undefined;
  const clean = digits.replace(/_/g, '');
  const valid = { '0b': /^[01]+$/, '0o': /^[0-7]+$/, '0x': /^[0-9a-fA-F]+$/, '': /^[0-9]+$/ }[prefix]!;
  if (!valid.test(clean)) return undefined;
  const magnitude = BigInt(prefix + clean);
  const value = sign === '-' ? -magnitude : magnitude;
  if (signed) return value >= INT64_MIN && value <= INT64_MAX ? value : undefined;
  return value <= UINT64_MAX ? value : undefined;
}

function parseHexFloat(text: string): number | undefined {
  const match = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/.exec(text.replace(/_/g, ''));
  if (match === null) return undefined;
  const [, sign, whole = '', fraction = '', exponent = '0'] = match;
  if (whole === '' && fraction === '') return undefined;
  const mantissa = Number(BigInt(`0x${whole}${fraction}`));
  const value = mantissa * 2 ** (Number(exponent) - 4 * fraction.length);
  return sign === '-' ? -value : value;
}

/** Go's `strconv.ParseFloat`; undefined on a syntax error or when the value overflows. */
export function parseGoFloat(text: string): number | undefined {
  if (text.includes('_') && !underscoresOk(text)) return undefined;
  let value: number | undefined;
  if (/^[+-]?0[xX]/.test(text)) value = parseHexFloat(text);
  else if (/^[+-]?(?:[0-9_]+\.?[0-9_]*|\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?$/.test(text)) {
    value = Number(text.replace(/_/g, ''));
  }
  return value === undefined || !Number.isFinite(value) ? undefined : value;
}

function integralReadings(value: bigint): NumberReadings {
  return { isInt: true, isUint: value >= 0n, isFloat: true, int: value, float: Number(value) };
}

/** The readings of a number or character constant; a string is Go's parse error. */
export function readNumber(text: string, kind: 'number' | 'char' | 'complex'): NumberReadings | string {
  if (kind === 'char') {
    const code = goUnquoteChar(text);
    return typeof code === 'string' ? code : integralReadings(BigInt(code));
  }
  if (kind === 'complex' || text.endsWith('i')) return `complex constants are not supported: ${goQuote(text)}`;
  const signed = parseGoInteger(text, true);
  if (signed !== undefined) return integralReadings(signed);
  const unsigned = parseGoInteger(text, false);
  if (unsigned !== undefined) {
    return { isInt: false, isUint: true, isFloat: true, int: 0n, float: Number(unsigned) };
  }
  const float = parseGoFloat(text);
  if (float === undefined) return `illegal number syntax: ${goQuote(text)}`;
  if (!/[.eEpP]/.test(text)) return `integer overflow: ${goQuote(text)}`;
  const integral = Number.isInteger(float);
  const asInt = integral ? BigInt(float) : 0n;
  return {
    isInt: integral && asInt >= INT64_MIN && asInt <= INT64_MAX,
    isUint: integral && asInt >= 0n && asInt <= UINT64_MAX,
    isFloat: true,
    int: asInt,
    float,
  };
}
