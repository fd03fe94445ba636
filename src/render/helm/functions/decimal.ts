/**
 * Exact decimal arithmetic for Sprig's float functions (`addf`, `subf`,
 * `mulf`, `divf`, `add1f`), which go through shopspring/decimal: each float
 * becomes the shortest decimal that reads back as it, so `mulf 1.1 3` is 3.3
 * rather than 3.3000000000000003. Division keeps 16 decimal places, rounding
 * half away from zero.
 */

/** `coefficient × 10^exponent`. */
interface Decimal {
  readonly coefficient: bigint;
  readonly exponent: number;
}

const DIVISION_PRECISION = 16;

/** shopspring's `NewFromFloat`: the shortest decimal form of a float64; NaN and infinities panic. */
export function decimalFromFloat(value: number): Decimal {
  if (!Number.isFinite(value)) {
    const shown = Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';
    throw new Error(`Cannot create a Decimal from ${shown}`);
  }
  const [mantissa = '0', exponent = '0'] = value.toExponential().split('e');
  const [whole = '0', fraction = ''] = mantissa.split('.');
  return { coefficient: BigInt(whole + fraction), exponent: Number(exponent) - fraction.length };
}

function scaled(value: Decimal, exponent: number): bigint {
  return value.coefficient * 10n ** BigInt(value.exponent - exponent);
}

/** The sum of two decimals. */
export function decimalAdd(left: Decimal, right: Decimal): Decimal {
  const exponent = Math.min(left.exponent, right.exponent);
  return { coefficient: scaled(left, exponent) + scaled(right, exponent), exponent };
}

/** The difference of two decimals. */
export function decimalSub(left: Decimal, right: Decimal): Decimal {
  return decimalAdd(left, { coefficient: -right.coefficient, exponent: right.exponent });
}

/** The product of two decimals. */
export function decimalMul(left: Decimal, right: Decimal): Decimal {
  return { coefficient: left.coefficient * right.coefficient, exponent: left.exponent + right.exponent };
}

/** shopspring's `Div`: the quotient to 16 decimal places, half away from zero; zero divisors panic. */
export function decimalDiv(left: Decimal, right: Decimal): Decimal {
  if (right.coefficient === 0n) throw new Error('decimal division by 0');
  // left / right = (cl / cr) × 10^(el - er); we want the quotient in units of 10^-16.
  const shift = left.exponent - right.exponent + DIVISION_PRECISION;
  const numerator = shift >= 0 ? left.coefficient * 10n ** BigInt(shift) : left.coefficient;
  const denominator = shift >= 0 ? right.coefficient : right.coefficient * 10n ** BigInt(-shift);
  let quotient = numerator / denominator;
  const remainder = numerator - quotient * denominator;
  const abs = (value: bigint) => (value < 0n ? -value : value);
  if (2n * abs(remainder) >= abs(denominator)) {
    quotient += numerator < 0n !== denominator < 0n ? -1n : 1n;
  }
  return { coefficient: quotient, exponent: -DIVISION_PRECISION };
}

/** The nearest float64 to a decimal. */
export function decimalToFloat(value: Decimal): number {
  return Number(`${value.coefficient}e${value.exponent}`);
}
