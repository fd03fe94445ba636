/**
 * The length of a string's UTF-8 encoding, which is what Go's `len()` counts:
 * the API server's length limits and Helm's string functions both measure in
 * these bytes. Counted without encoding, since it runs on every name checked.
 * A lone surrogate counts as the three bytes of U+FFFD, as encoders write it.
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      // A surrogate pair: two UTF-16 units, four bytes.
      bytes += 2;
      index++;
    } else bytes += 2;
  }
  return bytes;
}
