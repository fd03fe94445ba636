/**
 * Whether a text is a Kubernetes quantity, scanned the way apimachinery's
 * `resource.ParseQuantity` scans it: an optional sign, digits with an
 * optional fraction, then a suffix (`m`, `Ki`, `E`, …) or a decimal exponent
 * (`e3`, `E-2`). The scan only says yes or no; it computes no value, so a huge
 * exponent costs nothing. (`src/kit/quantity.ts` computes values and refuses
 * exponents beyond ±100; the API server accepts them, and so does this.)
 *
 * The API server's quirks are kept: a bare sign, point or suffix (`+`, `.`, `Mi`) is zero,
 * `1.` and `1.G` are accepted, and an exponent is any 64-bit integer.
 */
/** True when `ParseQuantity(text)` would succeed. */
export declare function isQuantitySyntax(text: string): boolean;
