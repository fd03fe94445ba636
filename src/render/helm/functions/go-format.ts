/**
 * Go's `fmt` forms of values that Sprig functions produce: `%v` (what
 * `toString`, `cat`, `squote` and `join` print), shortest `%g` floats and
 * `%q` strings.
 */
import { GoObject, type GoValue } from '../go-values.js';
import { plainFlags } from '../template/fmt/formatter.js';
import { printArg } from '../template/fmt/print-value.js';

/** Orders strings as Go does: by bytes, which for valid text is code point order. */
export function compareGoStrings(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const left = a.codePointAt(index)!;
    const right = b.codePointAt(index)!;
    if (left !== right) return left < right ? -1 : 1;
    if (left > 0xffff) index++;
  }
  return a.length - b.length;
}

/** A float64 as `%v` prints it: the shortest digits that read back, in exponent form below 1e-4 and from 1e6 on. */
export function formatGoFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const exponent = Number(exponentText);
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 6) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const magnitude = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${digits[0]}${fraction}e${exponent < 0 ? '-' : '+'}${magnitude}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/** Go's `%T` of a value (`<nil>` for nil). */
export function goTypeOf(value: GoValue): string {
  if (value === null) return '<nil>';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'bigint') return 'int64';
  if (typeof value === 'number') return 'float64';
  if (value instanceof Uint8Array) return '[]uint8';
  if (Array.isArray(value)) return '[]interface {}';
  if (value instanceof GoObject) return value.typeName;
  return 'map[string]interface {}';
}

/** A value as Go's `%v` prints it (`fmt.Sprint` of one operand). */
export function formatGoValue(value: GoValue): string {
  if (value === null) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'number') return formatGoFloat(value);
  if (value instanceof Uint8Array) return `[${Array.from(value).join(' ')}]`;
  if (Array.isArray(value)) return `[${value.map(formatGoValue).join(' ')}]`;
  // Chart, Capabilities and Files objects print as the template engine prints structs.
  if (value instanceof GoObject) return printArg(value, 'v', plainFlags());
  const keys = Object.keys(value).sort(compareGoStrings);
  return `map[${keys.map((key) => `${key}:${formatGoValue(value[key] ?? null)}`).join(' ')}]`;
}

/** Sprig's `strval`: strings and bytes as text, anything else as `%v`. */
export function goString(value: GoValue): string {
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return formatGoValue(value);
}

const NAMED_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
  '"': '\\"',
};

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

function escapeRune(char: string): string {
  const named = NAMED_ESCAPES[char];
  if (named !== undefined) return named;
  if (PRINTABLE.test(char)) return char;
  const code = char.codePointAt(0)!;
  if (code < 0x80) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}

/** A string as Go's `%q` prints it (`strconv.Quote`): double quotes, Go escapes, printable runes kept. */
export function quoteGoString(text: string): string {
  let quoted = '"';
  for (const char of text) quoted += escapeRune(char);
  return `${quoted}"`;
}
