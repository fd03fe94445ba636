/**
 * float64 to text as Go's `strconv.FormatFloat` writes it: `%e`, `%f`, `%g`
 * with a precision or the shortest digits that read back the same value, and
 * `%x` hexadecimal. Digits come from the exact binary value, rounded half to
 * even, so ties land where Go puts them (`%.0f` of 2.5 is `2`).
 */

/** Decimal digits of a non-negative value: value = 0.digits × 10^point; no trailing zeros. */
interface Decimal {
  digits: string;
  point: number;
}

function bitsOf(x: number): { mantissa: bigint; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  const biased = (high >>> 20) & 0x7ff;
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  if (biased === 0) return { mantissa: fraction, exponent: -1074 };
  return { mantissa: fraction | (1n << 52n), exponent: biased - 1075 };
}

function trimDecimal(digits: string, point: number): Decimal {
  const lead = /^0*/.exec(digits)![0].length;
  const trimmed = digits.slice(lead).replace(/0+$/, '');
  return trimmed === '' ? { digits: '', point: 0 } : { digits: trimmed, point: point - lead };
}

/** The exact decimal expansion of |x|. */
function exactDecimal(x: number): Decimal {
  const { mantissa, exponent } = bitsOf(Math.abs(x));
  if (exponent >= 0) {
    const digits = (mantissa << BigInt(exponent)).toString();
    return trimDecimal(digits, digits.length);
  }
  const digits = (mantissa * 5n ** BigInt(-exponent)).toString();
  return trimDecimal(digits, digits.length + exponent);
}

/** The shortest digits that read back as |x| (JavaScript's number to string picks the same ones). */
function shortestDecimal(x: number): Decimal {
  const [mantissa = '', exponent = '0'] = String(Math.abs(x)).split('e');
  const [whole = '', fraction = ''] = mantissa.split('.');
  return trimDecimal(whole + fraction, whole.length + Number(exponent));
}

/** Rounds to `keep` leading digits, half to even on the exact digits. */
function roundDecimal(value: Decimal, keep: number): Decimal {
  const { digits, point } = value;
  if (keep >= digits.length) return value;
  if (keep < 0) return { digits: '', point: 0 };
  const next = digits[keep]!;
  const beyond = /[1-9]/.test(digits.slice(keep + 1));
  const odd = keep > 0 && Number(digits[keep - 1]) % 2 === 1;
  const up = next > '5' || (next === '5' && (beyond || odd));
  if (!up) return trimDecimal(digits.slice(0, keep), point);
  if (keep === 0) return { digits: '1', point: point + 1 };
  const raised = (BigInt(digits.slice(0, keep)) + 1n).toString();
  return trimDecimal(raised, point + raised.length - keep);
}

function exponentText(exponent: number, letter: string): string {
  const sign = exponent < 0 ? '-' : '+';
  return `${letter}${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

function formatE(value: Decimal, precision: number, letter: string): string {
  const first = value.digits[0] ?? '0';
  let text = first;
  if (precision > 0) text += `.${value.digits.slice(1, precision + 1).padEnd(precision, '0')}`;
  return text + exponentText(value.digits === '' ? 0 : value.point - 1, letter);
}

function formatF(value: Decimal, precision: number): string {
  const { digits, point } = value;
  let text = point > 0 ? digits.slice(0, point).padEnd(point, '0') : '0';
  if (precision > 0) {
    let fraction = '';
    for (let i = 0; i < precision; i++) {
      const at = point + i;
      fraction += at >= 0 && at < digits.length ? digits[at] : '0';
    }
    text += `.${fraction}`;
  }
  return text;
}

function formatG(value: Decimal, precision: number, shortest: boolean, letter: string): string {
  let eprec = precision;
  if (eprec > value.digits.length && value.digits.length >= value.point) eprec = value.digits.length;
  if (shortest) eprec = 6;
  const exponent = value.point - 1;
  if (exponent < -4 || exponent >= eprec) {
    return formatE(value, Math.min(precision, value.digits.length) - 1, letter);
  }
  const digits = precision > value.point ? value.digits.length : precision;
  return formatF(value, Math.max(digits - value.point, 0));
}

function formatHex(x: number, precision: number, upper: boolean): string {
  let { mantissa, exponent } = bitsOf(Math.abs(x));
  if (mantissa === 0n) {
    const zero = `0x0${precision > 0 ? `.${'0'.repeat(precision)}` : ''}p+00`;
    return upper ? zero.toUpperCase() : zero;
  }
  while (mantissa < 1n << 52n) {
    mantissa <<= 1n;
    exponent--;
  }
  let fraction = mantissa - (1n << 52n);
  let digits = 13;
  if (precision >= 0 && precision < 13) {
    const drop = BigInt(4 * (13 - precision));
    const half = 1n << (drop - 1n);
    const rest = fraction & ((1n << drop) - 1n);
    fraction >>= drop;
    const lead = 1n;
    if (rest > half || (rest === half && ((fraction & 1n) === 1n || (precision === 0 && (lead & 1n) === 1n)))) {
      fraction++;
    }
    digits = precision;
    if (fraction >= 1n << BigInt(4 * precision)) {
      fraction = 0n;
      exponent++;
    }
  }
  let text = digits === 0 ? '' : fraction.toString(16).padStart(digits, '0');
  if (precision < 0) text = text.replace(/0+$/, '');
  else text = text.padEnd(precision, '0');
  const body = `0x1${text === '' ? '' : `.${text}`}${exponentText(exponent + 52, 'p')}`;
  return upper ? body.toUpperCase() : body;
}

/**
 * Go's `strconv.FormatFloat(x, verb, precision, 64)`: verb is one of
 * `e E f F g G x X b`; precision -1 means the shortest exact digits.
 */
export function formatFloat(x: number, verb: string, precision: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (verb === 'x' || verb === 'X') return sign + formatHex(x, precision, verb === 'X');
  if (verb === 'b') {
    const { mantissa, exponent } = bitsOf(Math.abs(x));
    return `${sign}${mantissa}p${exponent >= 0 ? '+' : ''}${exponent}`;
  }
  const shortest = precision < 0;
  const lower = verb.toLowerCase();
  let value = shortest ? shortestDecimal(x) : exactDecimal(x);
  let digits = precision;
  if (shortest) {
    digits =
      { e: Math.max(value.digits.length - 1, 0), f: Math.max(value.digits.length - value.point, 0) }[
        lower as 'e' | 'f'
      ] ?? value.digits.length;
  } else if (lower === 'e') value = roundDecimal(value, precision + 1);
  else if (lower === 'f') value = roundDecimal(value, value.point + precision);
  else {
    digits = Math.max(precision, 1);
    value = roundDecimal(value, digits);
  }
  const letter = verb === 'E' || verb === 'G' ? 'E' : 'e';
  if (lower === 'e') return sign + formatE(value, digits, letter);
  if (lower === 'f') return sign + formatF(value, digits);
  return sign + formatG(value, digits, shortest, letter);
}
