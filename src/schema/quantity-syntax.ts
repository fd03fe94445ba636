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

const SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);
/** The letters the scanner collects into a suffix before an exponent's sign and digits. */
const SUFFIX_LETTERS = 'eEinumkKMGTP';
const INT64_MAX = 9223372036854775807n;

/** True when `ParseQuantity(text)` would succeed. */
export function isQuantitySyntax(text: string): boolean {
  if (text.length === 0) return false;
  let position = text[0] === '+' || text[0] === '-' ? 1 : 0;
  position = skipDigits(text, position);
  if (text[position] === '.') position = skipDigits(text, position + 1);
  const suffixStart = position;
  while (position < text.length && SUFFIX_LETTERS.includes(text[position] ?? '')) position++;
  if (text[position] === '+' || text[position] === '-') position++;
  const afterSign = skipDigits(text, position);
  if (afterSign !== text.length) return false;
  return isKnownSuffix(text.slice(suffixStart));
}

function skipDigits(text: string, from: number): number {
  let position = from;
  while (position < text.length && isDigit(text.charCodeAt(position))) position++;
  return position;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A suffix from the tables, or `e`/`E` followed by a 64-bit integer (`strconv.ParseInt`). */
function isKnownSuffix(suffix: string): boolean {
  if (SUFFIXES.has(suffix)) return true;
  if (suffix.length < 2 || (suffix[0] !== 'e' && suffix[0] !== 'E')) return false;
  const exponent = suffix.slice(1);
  if (!/^[+-]?\d+$/.test(exponent)) return false;
  const magnitude = BigInt(exponent.replace(/^[+-]/, ''));
  return exponent.startsWith('-') ? magnitude <= INT64_MAX + 1n : magnitude <= INT64_MAX;
}
