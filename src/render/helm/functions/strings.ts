/**
 * Sprig's string functions. Lengths and cuts count UTF-8 bytes as in Go
 * (`trunc`, `substr`, `abbrev`, `wrap`); several take the string last so that
 * it can be piped (`"foo" | trimSuffix "o"`).
 */
import { utf8Length } from '../../../util/utf8.js';
import type { GoValue } from '../go-values.js';
import { toConnectedLowerCase, toPascalCase } from './case-words.js';
import { goString, quoteGoString, formatGoValue } from './go-format.js';
import { goFunction, goVariadic, type GoFunctionTable } from './go-function.js';
import { goToLower, goToUpper, goTrim, goTrimSpace, sliceBytes } from './go-text.js';
import { abbreviateFull, deleteWhiteSpace, goTitle, initials, swapCase, uncapitalize, wrapText } from './word-utils.js';

// Go would build longer strings; no chart needs them, and JavaScript strings stop near 2^29.
const MAX_REPEAT = 2n ** 28n;

/** Go's `strings.Repeat`, with its panic for a negative count. */
export function goRepeat(text: string, count: bigint): string {
  if (count < 0n) throw new Error('strings: negative Repeat count');
  if (BigInt(text.length) * count > MAX_REPEAT) throw new Error(`repeat output longer than ${MAX_REPEAT} characters`);
  return text.repeat(Number(count));
}

function trunc(count: bigint, text: string): string {
  const length = BigInt(utf8Length(text));
  if (count < 0n && length + count > 0n) return sliceBytes(text, Number(length + count));
  if (count >= 0n && length > count) return sliceBytes(text, 0, Number(count));
  return text;
}

/** Go's runtime panic for a slice expression out of range. */
function sliceBoundsError(detail: string): Error {
  return new Error(`runtime error: slice bounds out of range ${detail}`);
}

function substr(start: bigint, end: bigint, text: string): string {
  const length = BigInt(utf8Length(text));
  if (start < 0n) {
    if (end < 0n) throw sliceBoundsError(`[:${end}]`);
    if (end > length) throw sliceBoundsError(`[:${end}] with length ${length}`);
    return sliceBytes(text, 0, Number(end));
  }
  if (end < 0n || end > length) {
    if (start > length) throw sliceBoundsError(`[${start}:${length}]`);
    return sliceBytes(text, Number(start));
  }
  if (start > end) throw sliceBoundsError(`[${start}:${end}]`);
  return sliceBytes(text, Number(start), Number(end));
}

function indent(spaces: bigint, text: string): string {
  const pad = goRepeat(' ', spaces);
  return pad + text.split('\n').join(`\n${pad}`);
}

/** Go's `strings.Replace(text, old, new, -1)`: an empty `old` matches before each rune and at the end. */
export function replaceAll(text: string, old: string, replacement: string): string {
  if (old !== '') return text.split(old).join(replacement);
  return replacement + Array.from(text, (char) => char + replacement).join('');
}

const nonNil = (values: GoValue[]) => values.filter((value) => value !== null);

/** The string functions, by template name. */
export const stringFunctions: GoFunctionTable = {
  hello: goFunction('hello', [], () => 'Hello!'),
  abbrev: goFunction('abbrev', ['int', 'string'], (width, text) =>
    width < 4n ? text : (abbreviateFull(text, 0, Number(width)) ?? ''),
  ),
  abbrevboth: goFunction('abbrevboth', ['int', 'int', 'string'], (left, right, text) =>
    right < 4n || (left > 0n && right < 7n) ? text : (abbreviateFull(text, Number(left), Number(right)) ?? ''),
  ),
  trunc: goFunction('trunc', ['int', 'string'], trunc),
  trim: goFunction('trim', ['string'], goTrimSpace),
  upper: goFunction('upper', ['string'], goToUpper),
  lower: goFunction('lower', ['string'], goToLower),
  title: goFunction('title', ['string'], goTitle),
  untitle: goFunction('untitle', ['string'], uncapitalize),
  substr: goFunction('substr', ['int', 'int', 'string'], substr),
  repeat: goFunction('repeat', ['int', 'string'], (count, text) => goRepeat(text, count)),
  trimall: goFunction('trimall', ['string', 'string'], (cutset, text) => goTrim(text, cutset)),
  trimAll: goFunction('trimAll', ['string', 'string'], (cutset, text) => goTrim(text, cutset)),
  trimSuffix: goFunction('trimSuffix', ['string', 'string'], (suffix, text) =>
    suffix !== '' && text.endsWith(suffix) ? text.slice(0, text.length - suffix.length) : text,
  ),
  trimPrefix: goFunction('trimPrefix', ['string', 'string'], (prefix, text) =>
    text.startsWith(prefix) ? text.slice(prefix.length) : text,
  ),
  nospace: goFunction('nospace', ['string'], deleteWhiteSpace),
  initials: goFunction('initials', ['string'], initials),
  swapcase: goFunction('swapcase', ['string'], swapCase),
  snakecase: goFunction('snakecase', ['string'], (text) => toConnectedLowerCase(text, '_')),
  camelcase: goFunction('camelcase', ['string'], toPascalCase),
  kebabcase: goFunction('kebabcase', ['string'], (text) => toConnectedLowerCase(text, '-')),
  wrap: goFunction('wrap', ['int', 'string'], (width, text) => wrapText(text, Number(width), '', false)),
  wrapWith: goFunction('wrapWith', ['int', 'string', 'string'], (width, separator, text) =>
    wrapText(text, Number(width), separator, true),
  ),
  contains: goFunction('contains', ['string', 'string'], (part, text) => text.includes(part)),
  hasPrefix: goFunction('hasPrefix', ['string', 'string'], (prefix, text) => text.startsWith(prefix)),
  hasSuffix: goFunction('hasSuffix', ['string', 'string'], (suffix, text) => text.endsWith(suffix)),
  quote: goVariadic('quote', [], 'interface', (values) =>
    nonNil(values)
      .map((value) => quoteGoString(goString(value)))
      .join(' '),
  ),
  squote: goVariadic('squote', [], 'interface', (values) =>
    nonNil(values)
      .map((value) => `'${formatGoValue(value)}'`)
      .join(' '),
  ),
  cat: goVariadic('cat', [], 'interface', (values) => nonNil(values).map(formatGoValue).join(' ')),
  indent: goFunction('indent', ['int', 'string'], indent),
  nindent: goFunction('nindent', ['int', 'string'], (spaces, text) => `\n${indent(spaces, text)}`),
  replace: goFunction('replace', ['string', 'string', 'string'], (old, replacement, text) =>
    replaceAll(text, old, replacement),
  ),
  plural: goFunction('plural', ['string', 'string', 'int'], (one, many, count) => (count === 1n ? one : many)),
};
