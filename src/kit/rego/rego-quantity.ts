/**
 * Resource quantities exactly as the Gatekeeper library's templates read them
 * (which is not how Kubernetes does): CPU in millicores, memory and ephemeral
 * storage in millibytes. Values reach 10^24, so they are kept as exact
 * fractions of big integers, never as doubles.
 */

/** An exact non-normalised fraction `numerator / denominator`, denominator > 0. */
export interface Exact {
  numerator: bigint;
  denominator: bigint;
}

const PLAIN_DECIMAL = /^[0-9]+(\.[0-9]+)?$/;
// Go's strconv.ParseFloat, minus hexadecimal and underscores, which no manifest uses.
const GO_FLOAT = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;

/** Parses decimal text (optionally with sign and exponent) exactly. */
export function parseExact(text: string): Exact | undefined {
  if (!GO_FLOAT.test(text)) return undefined;
  const match = /^([+-]?)([0-9]*)\.?([0-9]*)(?:[eE]([+-]?[0-9]+))?$/.exec(text);
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = '', exponentText] = match;
  let numerator = BigInt(`${whole}${fraction}` || '0');
  if (sign === '-') numerator = -numerator;
  const exponent = (exponentText === undefined ? 0 : Number(exponentText)) - fraction.length;
  if (Math.abs(exponent) > 400) return undefined;
  let denominator = 1n;
  if (exponent >= 0) numerator *= 10n ** BigInt(exponent);
  else denominator = 10n ** BigInt(-exponent);
  return { numerator, denominator };
}

function fromNumber(value: number): Exact | undefined {
  return Number.isFinite(value) ? parseExact(String(value)) : undefined;
}

function scale(value: Exact, factor: bigint): Exact {
  return { numerator: value.numerator * factor, denominator: value.denominator };
}

/** Sign of `a - b`. */
export function compareExact(a: Exact, b: Exact): number {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** `a * b`. */
export function multiplyExact(a: Exact, b: Exact): Exact {
  return { numerator: a.numerator * b.numerator, denominator: a.denominator * b.denominator };
}

/** A number the way Rego's `to_number` reads a parameter such as `ratio: "2"`. */
export function parseNumberParameter(value: unknown): Exact | undefined {
  if (typeof value === 'number') return fromNumber(value);
  if (typeof value === 'string') return parseExact(value);
  return undefined;
}

/**
 * CPU in millicores: a YAML number n is n*1000; a string ending in `m` loses
 * every `m` and is read as a Go float; any other string must be a plain
 * decimal and is multiplied by 1000.
 */
export function parseCpuMillis(value: unknown): Exact | undefined {
  if (typeof value === 'number') {
    const exact = fromNumber(value);
    return exact && scale(exact, 1000n);
  }
  if (typeof value !== 'string') return undefined;
  if (value.endsWith('m')) return parseExact(value.replaceAll('m', ''));
  if (!PLAIN_DECIMAL.test(value)) return undefined;
  const exact = parseExact(value);
  return exact && scale(exact, 1000n);
}

const BINARY = 1024n;
const MEMORY_MULTIPLIERS: Readonly<Record<string, bigint>> = {
  '': 1000n,
  m: 1n,
  k: 10n ** 6n,
  M: 10n ** 9n,
  G: 10n ** 12n,
  T: 10n ** 15n,
  P: 10n ** 18n,
  E: 10n ** 21n,
  Ki: BINARY * 1000n,
  Mi: BINARY ** 2n * 1000n,
  Gi: BINARY ** 3n * 1000n,
  Ti: BINARY ** 4n * 1000n,
  Pi: BINARY ** 5n * 1000n,
  Ei: BINARY ** 6n * 1000n,
};
const SINGLE_SUFFIXES = new Set(['E', 'P', 'T', 'G', 'M', 'k', 'm']);
const DOUBLE_SUFFIXES = new Set(['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

/**
 * Memory or ephemeral storage in millibytes: the suffix is the last character
 * when it is one of `EPTGMkm`, else the last two when they are a binary
 * suffix; every occurrence of it is removed and the rest must be a plain
 * decimal.
 */
export function parseMemoryMillis(value: unknown): Exact | undefined {
  if (typeof value === 'number') {
    const exact = fromNumber(value);
    return exact && scale(exact, 1000n);
  }
  if (typeof value !== 'string') return undefined;
  const last = value.slice(-1);
  const lastTwo = value.slice(-2);
  const suffix = SINGLE_SUFFIXES.has(last) ? last : DOUBLE_SUFFIXES.has(lastTwo) ? lastTwo : '';
  const rest = suffix === '' ? value : value.replaceAll(suffix, '');
  if (!PLAIN_DECIMAL.test(rest)) return undefined;
  const exact = parseExact(rest);
  return exact && scale(exact, MEMORY_MULTIPLIERS[suffix] ?? 1000n);
}
