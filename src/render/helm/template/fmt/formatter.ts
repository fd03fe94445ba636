/**
 * The flag-aware writers under Go's `fmt` verbs: padding to a width, signs,
 * bases and prefixes of integers, floats, strings, runes and booleans.
 */
import { canBackquote, goQuote, goQuoteRune, isGoPrintable } from '../go-quote.js';
import { formatFloat } from './float-text.js';

/** The flags, width and precision of one verb. */
export interface VerbFlags {
  sharp: boolean;
  zero: boolean;
  plus: boolean;
  minus: boolean;
  space: boolean;
  sharpV: boolean;
  plusV: boolean;
  width: number | undefined;
  precision: number | undefined;
}

export function plainFlags(): VerbFlags {
  return {
    sharp: false,
    zero: false,
    plus: false,
    minus: false,
    space: false,
    sharpV: false,
    plusV: false,
    width: undefined,
    precision: undefined,
  };
}

function runeCount(text: string): number {
  return Array.from(text).length;
}

/** Pads to the width: on the left (with zeros when asked) or, with `-`, on the right. */
export function pad(text: string, flags: VerbFlags): string {
  if (flags.width === undefined || flags.width <= text.length / 2) return text;
  const missing = flags.width - runeCount(text);
  if (missing <= 0) return text;
  if (flags.minus) return text + ' '.repeat(missing);
  return (flags.zero ? '0' : ' ').repeat(missing) + text;
}

function truncate(text: string, flags: VerbFlags): string {
  if (flags.precision === undefined) return text;
  return Array.from(text).slice(0, flags.precision).join('');
}

export function fmtString(text: string, flags: VerbFlags): string {
  return pad(truncate(text, flags), flags);
}

/** `%x` of a string or bytes: hex of each byte, spaced with the space flag, `0x` with `#`. */
export function fmtHexBytes(bytes: Uint8Array, flags: VerbFlags, upper: boolean): string {
  const limit = flags.precision === undefined ? bytes.length : Math.min(bytes.length, flags.precision);
  const parts: string[] = [];
  for (let i = 0; i < limit; i++) {
    const hex = bytes[i]!.toString(16).padStart(2, '0');
    parts.push(upper ? hex.toUpperCase() : hex);
  }
  const prefix = upper ? '0X' : '0x';
  let text: string;
  if (flags.space) text = parts.map((part) => (flags.sharp ? prefix + part : part)).join(' ');
  else text = (flags.sharp && parts.length > 0 ? prefix : '') + parts.join('');
  return pad(text, flags);
}

export function fmtQuoted(text: string, flags: VerbFlags): string {
  const cut = truncate(text, flags);
  if (flags.sharp && canBackquote(cut)) return pad(`\`${cut}\``, flags);
  return pad(goQuote(cut, flags.plus), flags);
}

export function fmtBoolean(value: boolean, flags: VerbFlags): string {
  return pad(String(value), flags);
}

const BASE_PREFIX: Record<number, string> = { 2: '0b', 16: '0x' };

/** Go's integer writer: precision as minimum digits, zero padding, signs and `#` prefixes. */
export function fmtInteger(value: bigint, base: number, verb: string, flags: VerbFlags): string {
  const negative = value < 0n;
  let digits = (negative ? -value : value).toString(base);
  if (verb === 'X') digits = digits.toUpperCase();
  let minDigits = 0;
  if (flags.precision !== undefined) {
    if (flags.precision === 0 && value === 0n) return pad('', { ...flags, zero: false });
    minDigits = flags.precision;
  } else if (flags.zero && flags.width !== undefined) {
    minDigits = flags.width - (negative || flags.plus || flags.space ? 1 : 0);
  }
  digits = digits.padStart(minDigits, '0');
  let prefix = '';
  if (flags.sharp) {
    if (base === 8 && !digits.startsWith('0')) prefix = '0';
    else if (base in BASE_PREFIX) prefix = verb === 'X' ? '0X' : BASE_PREFIX[base]!;
  }
  if (verb === 'O') prefix = '0o';
  const sign = negative ? '-' : flags.plus ? '+' : flags.space ? ' ' : '';
  return pad(sign + prefix + digits, { ...flags, zero: false });
}

function runeOf(value: bigint): number {
  const valid = value >= 0n && value <= 0x10ffffn && !(value >= 0xd800n && value <= 0xdfffn);
  return valid ? Number(value) : 0xfffd;
}

export function fmtRune(value: bigint, flags: VerbFlags): string {
  return pad(String.fromCodePoint(runeOf(value)), flags);
}

export function fmtQuotedRune(value: bigint, flags: VerbFlags): string {
  return pad(goQuoteRune(runeOf(value), flags.plus), flags);
}

export function fmtUnicode(value: bigint, flags: VerbFlags): string {
  const hex = (value < 0n ? -value : value).toString(16).toUpperCase();
  let text = `U+${hex.padStart(flags.precision ?? 4, '0')}`;
  const char = String.fromCodePoint(runeOf(value));
  if (flags.sharp && value <= 0x10ffffn && isGoPrintable(char)) text += ` '${char}'`;
  return pad(text, { ...flags, zero: false });
}

/**
 * `#` on floats keeps the decimal point and, for `%g` (and `%x`), trailing
 * zeros up to the precision, counting digits after the first non-zero one.
 */
function applySharp(unsigned: string, verb: string, precision: number): string {
  let digits = verb === 'g' || verb === 'G' || verb === 'x' ? (precision === -1 ? 6 : precision) : 0;
  let body = unsigned;
  let tail = '';
  let hasPoint = false;
  let sawNonZero = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    const exponent = char === 'p' || char === 'P' || ((char === 'e' || char === 'E') && verb !== 'x' && verb !== 'X');
    if (exponent) {
      tail = body.slice(i);
      body = body.slice(0, i);
      break;
    }
    if (char === '.') hasPoint = true;
    else {
      if (char !== '0') sawNonZero = true;
      if (sawNonZero) digits--;
    }
  }
  if (!hasPoint) {
    if (body === '0') digits--;
    body += '.';
  }
  return body + '0'.repeat(Math.max(digits, 0)) + tail;
}

/** Go's float writer: signs, `#`, and zero padding after the sign; Inf and NaN never pad with zeros. */
export function fmtFloat(value: number, verb: string, precision: number, flags: VerbFlags): string {
  const usedPrecision = flags.precision ?? precision;
  let number = formatFloat(value, verb, usedPrecision);
  if (!/^[+-]/.test(number)) number = `+${number}`;
  if (flags.space && number.startsWith('+') && !flags.plus) number = ` ${number.slice(1)}`;
  if (number[1] === 'I' || number[1] === 'N') {
    if (number[1] === 'N' && !flags.space && !flags.plus) number = number.slice(1);
    return pad(number, { ...flags, zero: false });
  }
  if (flags.sharp && verb !== 'b') number = number[0] + applySharp(number.slice(1), verb, usedPrecision);
  if (flags.plus || !number.startsWith('+')) {
    const width = flags.width ?? 0;
    if (flags.zero && width > number.length) return number[0] + '0'.repeat(width - number.length) + number.slice(1);
    return pad(number, flags);
  }
  return pad(number.slice(1), flags);
}
