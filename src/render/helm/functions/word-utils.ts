/**
 * The word helpers Sprig takes from Masterminds/goutils and Go's `strings`:
 * abbreviation, wrapping, initials, white space removal and the per-word case
 * changes. Some of them walk the string byte by byte, so non-ASCII text comes
 * out garbled exactly as in Helm (`nospace "hé llo"` is `hÃ©llo`).
 */
import { utf8Length } from '../../../util/utf8.js';
import {
  isGoSpace,
  isLetter,
  isLower,
  isTitle,
  isUpper,
  latin1Runes,
  sliceBytes,
  toLowerRune,
  toTitleRune,
  toUpperRune,
} from './go-text.js';

const MARKER = '...';

/** goutils `AbbreviateFull` (byte lengths); undefined where it returns an error, which Sprig turns into "". */
export function abbreviateFull(text: string, offset: number, maxWidth: number): string | undefined {
  if (text === '') return '';
  if (maxWidth < 4) return undefined;
  const length = utf8Length(text);
  if (length <= maxWidth) return text;
  let start = Math.min(offset, length);
  if (length - start < maxWidth - 3) start = length - (maxWidth - 3);
  if (start <= 4) return sliceBytes(text, 0, maxWidth - 3) + MARKER;
  if (maxWidth < 7) return undefined;
  if (start + maxWidth - 3 < length) return MARKER + (abbreviateFull(sliceBytes(text, start), 0, maxWidth - 3) ?? '');
  return MARKER + sliceBytes(text, length - (maxWidth - 3));
}

/** goutils `WrapCustom`: breaks lines at spaces before the width (byte columns); long words wrap only when asked. */
export function wrapText(text: string, width: number, newLine: string, wrapLongWords: boolean): string {
  if (text === '') return '';
  const wrapLength = Math.max(width, 1);
  // One character per byte, so that indexes are byte offsets as in Go.
  const bytes = latin1Runes(text).join('');
  const lines: string[] = [];
  let offset = 0;
  while (bytes.length - offset > wrapLength) {
    if (bytes[offset] === ' ') {
      offset++;
      continue;
    }
    const space = bytes.slice(offset, wrapLength + offset + 1).lastIndexOf(' ');
    const next = bytes.indexOf(' ', offset + wrapLength);
    let end: number;
    if (space >= 0) end = offset + space;
    else if (wrapLongWords) end = offset + wrapLength;
    else end = next < 0 ? bytes.length : next;
    lines.push(bytes.slice(offset, end));
    offset = space < 0 && wrapLongWords ? end : end + 1;
  }
  if (offset <= bytes.length) lines.push(bytes.slice(offset));
  return lines.map(fromLatin1).join(newLine === '' ? '\n' : newLine);
}

function fromLatin1(bytes: string): string {
  return new TextDecoder().decode(Uint8Array.from(bytes, (char) => char.charCodeAt(0)));
}

/** goutils `Initials`: the first byte of each white-space separated word, each byte read as a Latin-1 rune. */
export function initials(text: string): string {
  let out = '';
  let afterGap = true;
  for (const char of latin1Runes(text)) {
    if (isGoSpace(char)) afterGap = true;
    else if (afterGap) {
      out += char;
      afterGap = false;
    }
  }
  return out;
}

/** goutils `DeleteWhiteSpace`: drops white-space bytes; when any is dropped, the rest is re-read byte by byte. */
export function deleteWhiteSpace(text: string): string {
  const bytes = latin1Runes(text);
  const kept = bytes.filter((char) => !isGoSpace(char));
  return kept.length === bytes.length ? text : kept.join('');
}

/** goutils `SwapCase`: upper and title case to lower; lower case to title after white space, else to upper. */
export function swapCase(text: string): string {
  let afterSpace = true;
  let out = '';
  for (const char of text) {
    if (isUpper(char) || isTitle(char)) {
      out += toLowerRune(char);
      afterSpace = false;
    } else if (isLower(char)) {
      out += afterSpace ? toTitleRune(char) : toUpperRune(char);
      afterSpace = false;
    } else {
      out += char;
      afterSpace = isGoSpace(char);
    }
  }
  return out;
}

/** goutils `Uncapitalize`: the first rune of each white-space separated word in lower case. */
export function uncapitalize(text: string): string {
  let next = true;
  let out = '';
  for (const char of text) {
    if (isGoSpace(char)) {
      next = true;
      out += char;
    } else {
      out += next ? toLowerRune(char) : char;
      next = false;
    }
  }
  return out;
}

function isTitleSeparator(char: string): boolean {
  if (char.charCodeAt(0) <= 0x7f) return !/[0-9A-Za-z_]/.test(char);
  if (isLetter(char) || /^\p{Nd}$/u.test(char)) return false;
  return isGoSpace(char);
}

/** Go's `strings.Title`: title case for each rune that follows a separator. */
export function goTitle(text: string): string {
  let previous = ' ';
  let out = '';
  for (const char of text) {
    out += isTitleSeparator(previous) ? toTitleRune(char) : char;
    previous = char;
  }
  return out;
}
