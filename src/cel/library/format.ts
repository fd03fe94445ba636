/**
 * `string.format(list)` as Kubernetes has it (cel-go's strings extension at
 * version 2, with the `en_US` locale): the clauses `%s %d %f %e %b %o %x %X`
 * and `%%`, with a precision for `%f`. What it prints follows cel-go:
 *
 * - `%s` prints a double as Go's `%g` (`2.5`, `1e+06`), and a list or map as
 *   CEL literals: strings quoted, doubles with six decimals, map entries as
 *   `key:value` sorted by key;
 * - `%f` and `%e` go through the locale's number format, so `%f` groups
 *   thousands (`1,234.500000`) and `%e` prints `2.718280 × 10⁰⁰`; they accept
 *   the strings `NaN`, `Infinity` and `-Infinity`;
 * - `%x` of a string prints its UTF-8 bytes in hexadecimal.
 */
import { CelError } from '../cel-types.js';
import { asMap, celTypeName } from './compare.js';
import { GO_ESCAPES } from './go-escapes.js';

const DEFAULT_PRECISION = 6;

/** A formatting clause of a template: its verb and precision; `%%` is not a clause. */
interface Clause {
  verb: string;
  precision: number | undefined;
}

type Part = string | Clause;

/** Splits a template into text and clauses, or throws the error cel-go gives for a malformed one. */
export function parseTemplate(template: string): Part[] {
  const parts: Part[] = [];
  let text = '';
  for (let i = 0; i < template.length; i++) {
    const character = template[i];
    if (character !== '%') {
      text += character;
      continue;
    }
    i++;
    if (i >= template.length) throw new CelError('unexpected end of string');
    if (template[i] === '%') {
      text += '%';
      continue;
    }
    let precision: number | undefined;
    if (template[i] === '.') {
      const digits = /^\d*/.exec(template.slice(i + 1))?.[0] ?? '';
      i += 1 + digits.length;
      if (i >= template.length) {
        throw new CelError(
          'could not parse formatting clause: error while parsing precision: could not find end of precision specifier',
        );
      }
      precision = digits === '' ? 0 : Number(digits);
    }
    const verb = template[i] ?? '';
    if (!'sdfeboxX'.includes(verb)) {
      throw new CelError(`could not parse formatting clause: unrecognized formatting clause "${verb}"`);
    }
    if (text !== '') parts.push(text);
    text = '';
    parts.push({ verb, precision });
  }
  if (text !== '') parts.push(text);
  return parts;
}

/** The number of arguments a template reads, for the check Kubernetes makes when both are literals. */
export function clauseCount(template: string): number {
  return parseTemplate(template).filter((part) => typeof part !== 'string').length;
}

export function format(template: string, args: unknown[]): string {
  let next = 0;
  let out = '';
  for (const part of parseTemplate(template)) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    if (next >= args.length) throw new CelError(`index ${next} out of range`);
    out += formatClause(part, args[next++]);
  }
  return out;
}

function formatClause(clause: Clause, value: unknown): string {
  switch (clause.verb) {
    case 's':
      return formatString(value);
    case 'd':
      return integerOf(value, 'decimal clause can only be used on integers').toString();
    case 'f':
      return fixed(value, clause.precision ?? DEFAULT_PRECISION);
    case 'e':
      return scientific(value);
    case 'b':
      if (typeof value === 'boolean') return value ? '1' : '0';
      return integerOf(value, 'only integers and bools can be formatted as binary').toString(2);
    case 'o':
      return integerOf(value, 'octal clause can only be used on integers').toString(8);
    default:
      return hex(value, clause.verb === 'X');
  }
}

function formatError(message: string, value: unknown): CelError {
  return new CelError(`error during formatting: ${message}, was given ${typeName(value)}`);
}

function typeName(value: unknown): string {
  if (isUnsigned(value)) return 'uint';
  if (isDuration(value)) return 'google.protobuf.Duration';
  return celTypeName(value);
}

function isUnsigned(value: unknown): value is { valueOf(): bigint } {
  return typeof value === 'object' && value !== null && value.constructor.name === 'UnsignedInt';
}

function isDuration(value: unknown): boolean {
  return typeof value === 'object' && value !== null && value.constructor.name === 'Duration';
}

function isType(value: unknown): boolean {
  return typeof value === 'object' && value !== null && value.constructor.name === 'Type';
}

function integerOf(value: unknown, message: string): bigint {
  if (typeof value === 'bigint') return value;
  if (isUnsigned(value)) return value.valueOf();
  throw formatError(message, value);
}

const NON_FINITE: Record<string, number> = { NaN: Number.NaN, Infinity: Infinity, '-Infinity': -Infinity };

function doubleOf(value: unknown, message: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value in NON_FINITE) return NON_FINITE[value] ?? Number.NaN;
  throw formatError(message, value);
}

function nonFinite(value: number): string | undefined {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '-∞';
  return undefined;
}

/** `%f` in the en_US number format: thousands grouped with commas. */
function fixed(value: unknown, precision: number): string {
  const number = doubleOf(value, 'fixed-point clause can only be used on doubles');
  const special = nonFinite(number);
  if (special !== undefined) return special;
  const [whole = '', fraction] = number.toFixed(Math.min(precision, 100)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** `%e` in the en_US number format; cel-go prints six decimals whatever precision is asked for. */
function scientific(value: unknown): string {
  const number = doubleOf(value, 'scientific clause can only be used on doubles');
  const special = nonFinite(number);
  if (special !== undefined) return special;
  const [mantissa = '', exponent = '0'] = number.toExponential(DEFAULT_PRECISION).split('e');
  const power = Number(exponent);
  const digits = String(Math.abs(power))
    .padStart(2, '0')
    .replace(/\d/g, (digit) => SUPERSCRIPT[Number(digit)] ?? digit);
  return `${mantissa}\u202f×\u202f10${power < 0 ? '⁻' : ''}${digits}`;
}

function hex(value: unknown, upper: boolean): string {
  let text: string;
  if (typeof value === 'string' || value instanceof Uint8Array) {
    const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
    text = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  } else {
    text = integerOf(value, 'only integers, byte buffers, and strings can be formatted as hex').toString(16);
  }
  return upper ? text.toUpperCase() : text;
}

/** Go's `%g` (shortest form), which CEL uses to turn a double into a string. */
export function goFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/[-.]/g, '');
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= DEFAULT_PRECISION) {
    const rest = digits.slice(1);
    const power = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
    return `${sign}${digits[0] ?? ''}${rest ? `.${rest}` : ''}e${power}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = digits.slice(exponent + 1);
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

function timestamp(value: Date): string {
  return value.toISOString().replace(/\.(\d*?)0*Z$/, (_match, digits: string) => (digits ? `.${digits}Z` : 'Z'));
}

/** `%s` of one value. */
function formatString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return goFloat(value);
  if (typeof value === 'bigint' || typeof value === 'boolean' || isUnsigned(value)) return String(value);
  if (value === null) return 'null';
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  if (value instanceof Date) return timestamp(value);
  if (isDuration(value) || isType(value)) return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  const map = asMap(value);
  if (map) {
    const entries = [...map].map(([key, item]) => [mapKey(key), literal(item)] as const);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${key}:${item}`).join(', ')}}`;
  }
  throw formatError(
    'string clause can only be used on strings, bools, bytes, ints, doubles, maps, lists, types, durations, and timestamps',
    value,
  );
}

function mapKey(key: unknown): string {
  if (typeof key === 'string') return quoteGo(key);
  if (typeof key === 'boolean' || typeof key === 'bigint' || isUnsigned(key)) return String(key);
  throw new CelError(`no formatting function for map key of type ${typeName(key)}`);
}

/** A value inside a list or map, written as a CEL literal. */
function literal(value: unknown): string {
  if (typeof value === 'string') return quoteGo(value);
  if (value instanceof Uint8Array) return `b${quoteGo(new TextDecoder().decode(value))}`;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value.toFixed(DEFAULT_PRECISION) : quoteGo(goFloat(value));
  }
  if (value instanceof Date) return `timestamp(${quoteGo(timestamp(value))})`;
  if (isDuration(value)) return `duration(${quoteGo(String(value))})`;
  if (isType(value)) return `type(${String(value)})`;
  return formatString(value);
}

/** Go's `%q` for text: printable characters as they are, others escaped. */
function quoteGo(text: string): string {
  let out = '"';
  for (const rune of text) {
    const code = rune.codePointAt(0) ?? 0;
    const escape = GO_ESCAPES[rune];
    if (escape !== undefined) out += escape;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += rune;
  }
  return `${out}"`;
}
