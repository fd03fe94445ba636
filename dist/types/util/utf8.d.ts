/**
 * The length of a string's UTF-8 encoding, which is what Go's `len()` counts:
 * the API server's length limits and Helm's string functions both measure in
 * these bytes. Counted without encoding, since it runs on every name checked.
 * A lone surrogate counts as the three bytes of U+FFFD, as encoders write it.
 */
export declare function utf8Length(text: string): number;
