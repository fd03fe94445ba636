/**
 * Go's ways of printing a float64, which Helm's output shows wherever a number
 * from values lands: strconv's shortest `%g` (fmt's `%v`, go-yaml) and
 * encoding/json's own choice between plain and exponent form.
 */

/** The shortest decimal digits that read back as `value` (which is finite and not zero), and the decimal exponent of the first. */
function shortestDigits(value: number): { digits: string; exponent: number } {
  // toExponential() without an argument gives the shortest round-trip digits, as Go's shortest formatting does.
  const [mantissa = '0', power = '0'] = Math.abs(value).toExponential().split('e');
  return { digits: mantissa.replace('.', ''), exponent: Number(power) };
}

/** `strconv.FormatFloat(value, 'g', -1, 64)` (fmt's `%v`): exponent form below 1e-4 and from 1e6 (`1e+06`). */
export function formatFloatG(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const sign = value < 0 ? '-' : '';
  const { digits, exponent } = shortestDigits(value);
  if (exponent < -4 || exponent >= 6) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const power = Math.abs(exponent).toString().padStart(2, '0');
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${power}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${sign}${digits}${'0'.repeat(exponent + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

/**
 * How encoding/json writes a finite float64: plain digits from 1e-6 up to
 * 1e21, exponent form outside (`1e+21`, `1e-7`), the same as JavaScript's
 * own number printing except that Go keeps the sign of negative zero.
 */
export function formatJsonFloat(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}
