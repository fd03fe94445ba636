/**
 * The character classes go-yaml's emitter decides quoting and line breaks
 * by, on code points. "Printable" is narrower than Unicode's: tab, carriage
 * return, the C1 controls, the byte-order mark, U+FFFE/U+FFFF and everything
 * beyond U+FFFF are not, so a string holding an emoji is double-quoted with
 * an escape.
 */

/** Line breaks as YAML 1.1 knows them: LF, CR, NEL, LS and PS. */
export function isBreak(char: string | undefined): boolean {
  return char === '\n' || char === '\r' || char === '\u0085' || char === '\u2028' || char === '\u2029';
}

/** A space, a tab, a line break, NUL, or the end of the text. */
export function isBlankOrEnd(char: string | undefined): boolean {
  return char === undefined || char === ' ' || char === '\t' || char === '\0' || isBreak(char);
}

/** Characters go-yaml writes as they are (with `unicode` on, as its encoder sets it). */
export function isPrintable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    code === 0x0a ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd && code !== 0xfeff)
  );
}

/** The text as code points, which is how the emitter walks it and counts columns. */
export function codePoints(text: string): string[] {
  return Array.from(text);
}
