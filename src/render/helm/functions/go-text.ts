/**
 * Go's view of text: strings are UTF-8 bytes (lengths and slices count
 * bytes), and the `unicode` package classifies and maps one rune at a time.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Text from UTF-8 bytes; bytes that are not valid UTF-8 become U+FFFD (Go would keep them raw). */
export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** Go's `s[start:end]` on bytes (the caller checks the bounds as Go would). */
export function sliceBytes(text: string, start: number, end?: number): string {
  return fromUtf8(utf8(text).subarray(start, end));
}

/** Go's `unicode.IsSpace`. */
export function isGoSpace(char: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0]$/.test(char) || /^\p{White_Space}$/u.test(char);
}

/** Go's `unicode.IsUpper` (category Lu). */
export function isUpper(char: string): boolean {
  return /^\p{Lu}$/u.test(char);
}

/** Go's `unicode.IsLower` (category Ll). */
export function isLower(char: string): boolean {
  return /^\p{Ll}$/u.test(char);
}

/** Go's `unicode.IsTitle` (category Lt). */
export function isTitle(char: string): boolean {
  return /^\p{Lt}$/u.test(char);
}

/** Go's `unicode.IsLetter`. */
export function isLetter(char: string): boolean {
  return /^\p{L}$/u.test(char);
}

/** Go's `unicode.IsNumber` (category N). */
export function isNumber(char: string): boolean {
  return /^\p{N}$/u.test(char);
}

/** Go's `unicode.IsPunct` (category P). */
export function isPunct(char: string): boolean {
  return /^\p{P}$/u.test(char);
}

/** One rune mapped by a JavaScript case mapping, kept when the mapping is not one rune (Go maps rune to rune). */
function mapRune(char: string, mapped: string): string {
  return [...mapped].length === 1 ? mapped : char;
}

/** Go's `unicode.ToUpper` of one rune. */
export function toUpperRune(char: string): string {
  return mapRune(char, char.toUpperCase());
}

/** Go's `unicode.ToLower` of one rune. */
export function toLowerRune(char: string): string {
  return mapRune(char, char.toLowerCase());
}

// The digraphs whose title case differs from their upper case.
const TITLE_CASE: Record<string, string> = {
  Ǆ: 'ǅ',
  ǅ: 'ǅ',
  ǆ: 'ǅ',
  Ǉ: 'ǈ',
  ǈ: 'ǈ',
  ǉ: 'ǈ',
  Ǌ: 'ǋ',
  ǋ: 'ǋ',
  ǌ: 'ǋ',
  Ǳ: 'ǲ',
  ǲ: 'ǲ',
  ǳ: 'ǲ',
};

/** Go's `unicode.ToTitle` of one rune. */
export function toTitleRune(char: string): string {
  return TITLE_CASE[char] ?? toUpperRune(char);
}

/** Go's `strings.ToUpper`. */
export function goToUpper(text: string): string {
  return Array.from(text, toUpperRune).join('');
}

/** Go's `strings.ToLower`. */
export function goToLower(text: string): string {
  return Array.from(text, toLowerRune).join('');
}

/** Go's `strings.TrimSpace`. */
export function goTrimSpace(text: string): string {
  const chars = [...text];
  let start = 0;
  let end = chars.length;
  while (start < end && isGoSpace(chars[start]!)) start++;
  while (end > start && isGoSpace(chars[end - 1]!)) end--;
  return chars.slice(start, end).join('');
}

/** Go's `strings.Trim(text, cutset)`: drops runes of the cut set at both ends. */
export function goTrim(text: string, cutset: string): string {
  const cut = new Set(cutset);
  const chars = [...text];
  let start = 0;
  let end = chars.length;
  while (start < end && cut.has(chars[start]!)) start++;
  while (end > start && cut.has(chars[end - 1]!)) end--;
  return chars.slice(start, end).join('');
}

/** Bytes read one at a time as Latin-1 runes, the way some Go helpers walk a string (`rune(str[i])`). */
export function latin1Runes(text: string): string[] {
  return Array.from(utf8(text), (byte) => String.fromCharCode(byte));
}
