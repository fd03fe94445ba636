/**
 * Go values as encoding/json writes them (`toJson`, `toPrettyJson`,
 * `toRawJson`, and the first half of `toYaml`): map keys sorted by their
 * UTF-8 bytes, floats as {@link formatJsonFloat} prints them, bytes as
 * base64, `<`, `>` and `&` escaped unless asked not to.
 */
import { GoObject, type GoMap, type GoValue } from '../go-values.js';
import { formatFloatG, formatJsonFloat } from './go-float.js';
import { wellFormed } from './go-strings.js';

/** What encoding/json refuses to write; the message is Go's. */
export class GoJsonError extends Error {}

/** A Go type of {@link GoObject} with a JSON form of its own (time.Time, *semver.Version, a struct). */
export interface JsonMarshaler {
  jsonValue(): GoValue;
}

function isJsonMarshaler(value: GoObject): value is GoObject & JsonMarshaler {
  return typeof (value as Partial<JsonMarshaler>).jsonValue === 'function';
}

export interface GoJsonOptions {
  /** Escape `<`, `>` and `&` as `\u003c` etc. (json.Marshal does; toRawJson's encoder does not). */
  escapeHtml: boolean;
  /** json.MarshalIndent's indent; none writes everything on one line. */
  indent?: string;
}

/** The JSON text Go writes for a value; throws a {@link GoJsonError} for NaN and infinities. */
export function encodeGoJson(value: GoValue, options: GoJsonOptions): string {
  return encodeValue(value, options, '');
}

function encodeValue(value: GoValue, options: GoJsonOptions, prefix: string): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'number') return encodeFloat(value);
  if (typeof value === 'string') return quoteJsonString(value, options.escapeHtml);
  if (value instanceof Uint8Array) return `"${Buffer.from(value).toString('base64')}"`;
  if (Array.isArray(value)) {
    return bracket(
      '[',
      value.map((item) => encodeValue(item, options, prefix + (options.indent ?? ''))),
      ']',
      options,
      prefix,
    );
  }
  if (value instanceof GoObject) return encodeValue(isJsonMarshaler(value) ? value.jsonValue() : {}, options, prefix);
  return encodeMap(value, options, prefix);
}

function encodeMap(map: GoMap, options: GoJsonOptions, prefix: string): string {
  const inner = prefix + (options.indent ?? '');
  const separator = options.indent === undefined ? ':' : ': ';
  const members = sortedKeys(map).map(
    (key) => `${quoteJsonString(key, options.escapeHtml)}${separator}${encodeValue(map[key] ?? null, options, inner)}`,
  );
  return bracket('{', members, '}', options, prefix);
}

function bracket(open: string, members: string[], close: string, options: GoJsonOptions, prefix: string): string {
  if (members.length === 0) return open + close;
  if (options.indent === undefined) return `${open}${members.join(',')}${close}`;
  const inner = prefix + options.indent;
  return `${open}\n${inner}${members.join(`,\n${inner}`)}\n${prefix}${close}`;
}

function encodeFloat(value: number): string {
  if (!Number.isFinite(value)) throw new GoJsonError(`json: unsupported value: ${formatFloatG(value)}`);
  return formatJsonFloat(value);
}

/** A map's keys in Go's order: by their UTF-8 bytes, which differs from UTF-16 order above U+FFFF. */
export function sortedKeys(map: GoMap): string[] {
  return Object.keys(map).sort(compareUtf8);
}

/** Compares two strings as Go compares them: byte by byte in UTF-8, which is code point order. */
export function compareUtf8(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const left = a.charCodeAt(index);
    const right = b.charCodeAt(index);
    if (left === right) continue;
    // Below the surrogates UTF-16 units order as code points; from there on, compare the code points.
    if (left < 0xd800 || right < 0xd800) return left - right;
    return (a.codePointAt(index) ?? left) - (b.codePointAt(index) ?? right);
  }
  return a.length - b.length;
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};
const HTML = new Set(['<', '>', '&']);

/** A string as encoding/json quotes it; a lone surrogate (not valid UTF-8 in Go) becomes U+FFFD. */
export function quoteJsonString(text: string, escapeHtml: boolean): string {
  let out = '"';
  for (const char of wellFormed(text)) {
    const code = char.codePointAt(0) ?? 0;
    const short = SHORT_ESCAPES[char];
    if (short !== undefined) out += short;
    else if (code < 0x20 || (escapeHtml && HTML.has(char)) || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += char;
  }
  return `${out}"`;
}
