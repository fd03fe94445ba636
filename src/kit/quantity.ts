/**
 * Kubernetes resource quantities (`500m`, `2`, `1.5Gi`, `1e3`), parsed the way
 * the API server reads them and kept as exact fractions. Limits reach 10^18
 * and beyond (`1Ei`), where JavaScript numbers lose whole units, so comparisons
 * use BigInt arithmetic.
 */

/** A parsed quantity: `numerator / denominator` exactly, with a positive denominator. */
export interface Quantity {
  /** The quantity as written; a YAML number is turned into its decimal text. */
  readonly text: string;
  readonly numerator: bigint;
  readonly denominator: bigint;
  /** The value as a JavaScript number, rounded: for display, never for comparison. */
  readonly value: number;
}

// sign, mantissa (`1`, `1.`, `1.5`, `.5`), then an exponent or a suffix. The
// alternation order matters: `1E` has no exponent digits, so it falls through
// to the suffix `E` (exa), while `1E3` is an exponent, as in the API server.
const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/;

/** Powers of ten of the decimal suffixes. `n` and `u` are not in the documented grammar, but the API server accepts them. */
const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
/** Powers of two of the binary suffixes. */
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/**
 * Beyond this power of ten a quantity is rejected: such values mean nothing
 * for a container, and BigInt powers of them would cost time and memory.
 */
const MAX_EXPONENT = 100;

/**
 * Parses a quantity given as a string (`"250m"`, `"1Gi"`, `"1e3"`) or as a
 * YAML number (`2`, `0.5`). Returns undefined for anything the API server would
 * reject: an unknown suffix (`1K`, `1mi`), a bare suffix (`Mi`), spaces, empty
 * text, a non-finite number, or an exponent beyond ±100.
 */
export function parseQuantity(input: unknown): Quantity | undefined {
  const text = quantityText(input);
  if (text === undefined) return undefined;
  const match = QUANTITY.exec(text);
  if (!match) return undefined;
  const [, sign = '', mantissa = '', exponent, suffix] = match;
  const [whole = '', fraction = ''] = mantissa.split('.');
  let power10 = exponent !== undefined ? Number(exponent) : (DECIMAL_SUFFIXES[suffix ?? ''] ?? 0);
  const power2 = BINARY_SUFFIXES[suffix ?? ''] ?? 0;
  power10 -= fraction.length;
  if (!Number.isSafeInteger(power10) || Math.abs(power10) > MAX_EXPONENT) return undefined;
  const digits = BigInt(`${whole}${fraction}` || '0') * (sign === '-' ? -1n : 1n);
  const scaled = digits * 2n ** BigInt(power2);
  const numerator = power10 >= 0 ? scaled * 10n ** BigInt(power10) : scaled;
  const denominator = power10 >= 0 ? 1n : 10n ** BigInt(-power10);
  return { text, numerator, denominator, value: Number(numerator) / Number(denominator) };
}

/** Orders two quantities exactly: negative when `a < b`, zero when equal, positive when `a > b`. */
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  const difference = a.numerator * b.denominator - b.numerator * a.denominator;
  return difference < 0n ? -1 : difference > 0n ? 1 : 0;
}

/** True when the quantity is below zero, which no resource limit may be. */
export function isNegativeQuantity(quantity: Quantity): boolean {
  return quantity.numerator < 0n;
}

function quantityText(input: unknown): string | undefined {
  if (typeof input === 'string') return input;
  // YAML reads `cpu: 2` and `cpu: 0.5` as numbers; String() gives `1e+21` for
  // large ones, which the grammar accepts as an exponent.
  if (typeof input === 'number' && Number.isFinite(input)) return String(input);
  return undefined;
}
