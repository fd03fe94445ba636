/**
 * The CEL strings extension as Kubernetes enables it (cel-go `ext.Strings`):
 * `charAt`, `indexOf`, `lastIndexOf`, `lowerAscii`, `upperAscii`, `replace`,
 * `split`, `substring`, `trim`, `join`, `format` (`format.ts`) and
 * `strings.quote` (version 2 of the extension: no `reverse`). Indexes count Unicode code points, as in Go, not UTF-16
 * units; `lowerAscii` and `upperAscii` change ASCII letters only; `trim`
 * removes Unicode white space.
 */
import { CelError, type Library } from '../cel-types.js';
import { format } from './format.js';
import { GO_ESCAPES } from './go-escapes.js';

const INT32_MAX = 2 ** 31 - 1;

function index(value: bigint): number {
  return value > BigInt(INT32_MAX) ? INT32_MAX : value < -BigInt(INT32_MAX) ? -INT32_MAX : Number(value);
}

function outOfRange(value: number): CelError {
  return new CelError(`index out of range: ${value}`);
}

function charAt(text: string, at: bigint): string {
  const runes = [...text];
  const i = index(at);
  if (i < 0 || i > runes.length) throw outOfRange(i);
  return runes[i] ?? '';
}

function indexOf(text: string, search: string, offset = 0n): bigint {
  const runes = [...text];
  const sub = [...search];
  const start = index(offset);
  if (sub.length === 0) return BigInt(start);
  // As current cel-go: a negative offset is an error, one past the end finds nothing.
  if (start < 0) throw outOfRange(start);
  if (start >= runes.length) return -1n;
  for (let i = start; i <= runes.length - sub.length; i++) {
    if (sub.every((rune, j) => runes[i + j] === rune)) return BigInt(i);
  }
  return -1n;
}

function lastIndexOf(text: string, search: string, offset?: bigint): bigint {
  const runes = [...text];
  const sub = [...search];
  if (offset === undefined && sub.length === 0) return BigInt(runes.length);
  // Without an offset the search starts at the last character (so in '' it is an error, as in cel-go).
  let start = offset === undefined ? runes.length - 1 : index(offset);
  if (sub.length === 0) return BigInt(start);
  if (start < 0) throw outOfRange(start);
  if (start >= runes.length) return -1n;
  start = Math.min(start, runes.length - sub.length);
  for (let i = start; i >= 0; i--) {
    if (sub.every((rune, j) => runes[i + j] === rune)) return BigInt(i);
  }
  return -1n;
}

function substring(text: string, from: bigint, to?: bigint): string {
  const runes = [...text];
  const start = index(from);
  const end = to === undefined ? runes.length : index(to);
  if (start < 0 || start > runes.length) throw outOfRange(start);
  if (end < 0 || end > runes.length) throw outOfRange(end);
  if (start > end) throw new CelError(`invalid substring range. start: ${start}, end: ${end}`);
  return runes.slice(start, end).join('');
}

/** Go's `strings.Replace`: at most `limit` replacements (all when negative); an empty `old` matches between characters. */
function replace(text: string, old: string, replacement: string, limit = -1n): string {
  let remaining = limit < 0n ? Number.POSITIVE_INFINITY : Number(limit);
  if (remaining === 0 || old === replacement) return text;
  if (old === '') {
    const runes = [...text];
    let out = '';
    for (let i = 0; i <= runes.length; i++) {
      if (remaining > 0) {
        out += replacement;
        remaining--;
      }
      out += runes[i] ?? '';
    }
    return out;
  }
  let out = '';
  let position = 0;
  while (remaining > 0) {
    const found = text.indexOf(old, position);
    if (found === -1) break;
    out += text.slice(position, found) + replacement;
    position = found + old.length;
    remaining--;
  }
  return out + text.slice(position);
}

/** Go's `strings.SplitN`: `limit` 0 gives no parts, a negative limit all of them; an empty separator splits characters. */
function split(text: string, separator: string, limit = -1n): string[] {
  if (limit === 0n) return [];
  const max = limit < 0n ? Number.POSITIVE_INFINITY : Number(limit);
  const parts = separator === '' ? [...text] : text.split(separator);
  if (parts.length <= max) return parts;
  return [...parts.slice(0, max - 1), parts.slice(max - 1).join(separator)];
}

const ASCII_CASE: Record<'lower' | 'upper', RegExp> = { lower: /[A-Z]/g, upper: /[a-z]/g };

function asciiCase(text: string, to: 'lower' | 'upper'): string {
  return text.replace(ASCII_CASE[to], (letter) => (to === 'lower' ? letter.toLowerCase() : letter.toUpperCase()));
}

/** Go's `unicode.IsSpace` set: ASCII white space, NEL, NBSP and the Unicode space separators. */
const SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const TRIM = new RegExp(`^${SPACE}+|${SPACE}+$`, 'g');

/** Quotes a string as Go's `%q` does for printable text: double quotes, with escapes for quotes, backslashes and control characters. */
export function quote(text: string): string {
  let out = '"';
  for (const rune of text) {
    const code = rune.codePointAt(0) ?? 0;
    out += GO_ESCAPES[rune] ?? (code >= 0xd800 && code <= 0xdfff ? '\ufffd' : rune);
  }
  return `${out}"`;
}

/** The receiver of `strings.quote(...)`: a namespace, not a value. */
export class StringsNamespace {}

export const stringsLibrary: Library = {
  name: 'strings',
  types: [{ name: 'kubernetes.StringsNamespace', ctor: StringsNamespace }],
  constants: [{ name: 'strings', type: 'kubernetes.StringsNamespace', value: new StringsNamespace() }],
  functions: [
    ['string.charAt(int): string', charAt],
    ['string.indexOf_k8s(string): int', (text: string, search: string) => indexOf(text, search)],
    ['string.indexOf_k8s(string, int): int', indexOf],
    ['string.lastIndexOf_k8s(string): int', (text: string, search: string) => lastIndexOf(text, search)],
    ['string.lastIndexOf_k8s(string, int): int', lastIndexOf],
    ['string.lowerAscii_k8s(): string', (text: string) => asciiCase(text, 'lower')],
    ['string.upperAscii_k8s(): string', (text: string) => asciiCase(text, 'upper')],
    ['string.replace(string, string): string', (text: string, old: string, by: string) => replace(text, old, by)],
    ['string.replace(string, string, int): string', replace],
    ['string.split_k8s(string): list<string>', (text: string, separator: string) => split(text, separator)],
    ['string.split_k8s(string, int): list<string>', split],
    ['string.substring_k8s(int): string', (text: string, from: bigint) => substring(text, from)],
    ['string.substring_k8s(int, int): string', substring],
    ['string.trim_k8s(): string', (text: string) => text.replace(TRIM, '')],
    ['string.format(list): string', format],
    ['kubernetes.StringsNamespace.quote(string): string', (_: StringsNamespace, text: string) => quote(text)],
  ],
};
