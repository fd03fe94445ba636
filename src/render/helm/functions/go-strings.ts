/**
 * Go strings are UTF-8 bytes; JavaScript strings are UTF-16 and may hold lone
 * surrogates, which no UTF-8 text can. These helpers make a JavaScript string
 * into what Go would hold.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The string with each lone surrogate replaced by U+FFFD, as Go's UTF-8 encoders do with invalid text. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}
