/**
 * What a scalar means to Kubernetes. The API machinery decodes YAML with
 * sigs.k8s.io/yaml, which reads it with go-yaml v2 (YAML 1.1 rules as go-yaml
 * implements them, not as the spec words them) and then turns the result into
 * JSON. Every rule here was established against kubectl's own decoder (see
 * test/integration/kube-yaml.test.ts), not taken from the YAML 1.1 spec:
 *
 * - `y`, `yes`, `on`, `n`, `no`, `off` (in three casings) are booleans;
 * - integers are read as Go reads them with base prefix: `0644` and `0o644` are
 *   octal, `0x1F` hex, `0b101` binary, and underscores are ignored;
 * - beyond 64 bits a decimal becomes a float, a hex or binary one a string;
 * - timestamps stay the text as written;
 * - `.inf` and `.nan` cannot be written as JSON, so the document is refused.
 */

/** The YAML tags go-yaml resolves scalars to, in their long form. */
export const TAG = {
  str: 'tag:yaml.org,2002:str',
  bool: 'tag:yaml.org,2002:bool',
  int: 'tag:yaml.org,2002:int',
  float: 'tag:yaml.org,2002:float',
  null: 'tag:yaml.org,2002:null',
  timestamp: 'tag:yaml.org,2002:timestamp',
  binary: 'tag:yaml.org,2002:binary',
  merge: 'tag:yaml.org,2002:merge',
} as const;

/** A scalar as go-yaml resolves it: the tag it gets and its value. `unsigned` marks an integer above int64. */
export interface ResolvedScalar {
  tag: string;
  value: string | number | boolean | null;
  unsigned?: boolean;
  /** An integer's exact decimal digits, which a number above 2^53 does not keep. */
  digits?: string;
}

/** A value that JSON cannot hold (infinity, NaN): Kubernetes refuses the document. */
export class NotJsonError extends Error {}

/** A scalar whose explicit tag does not fit its text (`!!int abc`): Kubernetes refuses the document. */
export class TagMismatchError extends Error {}

const INFINITY = Number.POSITIVE_INFINITY;

// go-yaml's lookup table for whole words, tried before anything else.
const WORDS = new Map<string, ResolvedScalar>();
function words(tag: string, value: ResolvedScalar['value'], list: string): void {
  for (const word of list.split(' ')) WORDS.set(word, { tag, value });
}
words(TAG.bool, true, 'y Y yes Yes YES true True TRUE on On ON');
words(TAG.bool, false, 'n N no No NO false False FALSE off Off OFF');
words(TAG.null, null, '~ null Null NULL');
WORDS.set('', { tag: TAG.null, value: null });
words(TAG.float, Number.NaN, '.nan .NaN .NAN');
words(TAG.float, INFINITY, '.inf .Inf .INF +.inf +.Inf +.INF');
words(TAG.float, -INFINITY, '-.inf -.Inf -.INF');

/** go-yaml only tries to resolve a scalar whose first character is one of these. */
const HINTS = new Set([...'+-0123456789yYnNtTfFoO~.']);

// Integers as Go's strconv.ParseInt reads them with base 0 (underscores already removed).
const GO_INTEGER = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|0([0-7]*)|([1-9][0-9]*))$/;
const YAML_STYLE_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
// Go's ParseFloat takes underscores between digits.
const DOT_FLOAT = /^\.[0-9]+(?:_[0-9]+)*(?:[eE][-+]?[0-9]+(?:_[0-9]+)*)?$/;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** The first characters of the scalars {@link resolvePlain} may give something other than a string. */
export const RESOLVABLE_FIRST_CHARS: readonly string[] = ['', ...HINTS];

/** How go-yaml resolves an untagged plain scalar. */
export function resolvePlain(text: string): ResolvedScalar {
  if (text !== '' && !HINTS.has(text.charAt(0))) return { tag: TAG.str, value: text };
  const word = WORDS.get(text);
  if (word) return word;
  const first = text.charAt(0);
  if (first === '.') {
    const value = DOT_FLOAT.test(text) ? Number(text.replaceAll('_', '')) : Number.NaN;
    return Number.isFinite(value) ? { tag: TAG.float, value } : { tag: TAG.str, value: text };
  }
  if (first === '+' || first === '-' || (first >= '0' && first <= '9')) return resolveNumber(text);
  return { tag: TAG.str, value: text };
}

function resolveNumber(text: string): ResolvedScalar {
  const plain = text.includes('_') ? text.replaceAll('_', '') : text;
  const integer = GO_INTEGER.exec(plain);
  if (integer) {
    const [, sign, hex, octal, binary, leadingZero, decimal] = integer;
    const digits =
      hex !== undefined
        ? BigInt(`0x${hex}`)
        : octal !== undefined
          ? BigInt(`0o${octal}`)
          : binary !== undefined
            ? BigInt(`0b${binary}`)
            : leadingZero !== undefined
              ? leadingZero === ''
                ? 0n
                : BigInt(`0o${leadingZero}`)
              : BigInt(decimal ?? '0');
    const signed = sign === '-' ? -digits : digits;
    const exact = { tag: TAG.int, value: Number(signed) || 0, digits: String(signed) };
    if (signed >= INT64_MIN && signed <= INT64_MAX) return exact;
    // ParseUint takes no sign.
    if (sign === '' && signed <= UINT64_MAX) return { ...exact, unsigned: true };
  }
  if (YAML_STYLE_FLOAT.test(plain)) {
    const value = Number(plain);
    if (Number.isFinite(value)) return { tag: TAG.float, value };
  }
  return { tag: TAG.str, value: text };
}

/** The tags go-yaml resolves a scalar's text for; any other tag leaves the text a string. */
const RESOLVABLE_TAGS = new Set<string>([TAG.str, TAG.bool, TAG.int, TAG.float, TAG.null, TAG.timestamp]);

/**
 * How go-yaml reads a scalar with an explicit tag (`!!int "12"`, `!Ref name`).
 * Throws a {@link TagMismatchError} where go-yaml refuses the pair.
 */
export function resolveTagged(tag: string, text: string): ResolvedScalar {
  if (tag === TAG.binary) return { tag, value: decodeBinary(text) };
  if (!RESOLVABLE_TAGS.has(tag) || tag === TAG.str) return { tag: TAG.str, value: text };
  if (tag === TAG.timestamp) return { tag, value: text };
  const resolved = resolvePlain(text);
  if (resolved.tag === tag) return resolved;
  if (tag === TAG.float && resolved.tag === TAG.int && !resolved.unsigned) return { tag, value: resolved.value };
  throw new TagMismatchError(`cannot read ${JSON.stringify(text)} as ${shortTag(tag)}`);
}

function decodeBinary(text: string): string {
  const compact = text.replace(/[\r\n]/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact)) {
    throw new TagMismatchError('!!binary value is not valid base64');
  }
  return Buffer.from(compact, 'base64').toString('utf8');
}

/** `!!int` for a tag of the YAML namespace, the tag itself otherwise. */
export function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/**
 * The value of a resolved scalar as JSON holds it; throws a {@link NotJsonError}
 * for infinity and NaN, which make kubectl refuse the whole document.
 */
export function jsonValue(scalar: ResolvedScalar, text: string): string | number | boolean | null {
  const { value } = scalar;
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new NotJsonError(
      `${text} is read as ${Number.isNaN(value) ? 'NaN' : 'infinity'}, which JSON cannot hold, so Kubernetes refuses the document; quote it if you mean the text`,
    );
  }
  return value;
}

/** A map key that JSON cannot hold (null, a number above int64, a collection). */
export class KeyError extends Error {}

/**
 * The string sigs.k8s.io/yaml makes of a resolved key: booleans become
 * "true"/"false", integers their decimal digits, floats Go's shortest form at
 * 32-bit precision; null and integers above int64 are refused.
 */
export function keyString(scalar: ResolvedScalar, text: string): string {
  const { value } = scalar;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null) throw new KeyError(`the key ${JSON.stringify(text)} is read as null, which a JSON key cannot be`);
  if (scalar.unsigned) throw new KeyError(`the key ${text} is an integer above 64 bits, which Kubernetes refuses`);
  if (scalar.tag === TAG.int) return scalar.digits ?? String(value);
  return formatFloat32(value);
}

/** Go's strconv.FormatFloat(value, 'g', -1, 32), with YAML's names for infinity and NaN. */
export function formatFloat32(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (value === INFINITY) return '.inf';
  if (value === -INFINITY) return '-.inf';
  const single = Math.fround(value);
  if (single === 0) return Object.is(single, -0) ? '-0' : '0';
  if (!Number.isFinite(single)) return value > 0 ? '+Inf' : '-Inf';
  let digits = '';
  let exponent = 0;
  for (let precision = 1; precision <= 9; precision++) {
    const candidate = Math.abs(single).toExponential(precision - 1);
    if (Math.fround(Number(candidate)) === Math.abs(single)) {
      const [mantissa = '', power = '0'] = candidate.split('e');
      digits = mantissa.replace('.', '');
      exponent = Number(power);
      break;
    }
  }
  const sign = single < 0 ? '-' : '';
  // Shortest %g switches to exponent form below 1e-4 and from 1e6.
  if (exponent < -4 || exponent >= 6) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const power = Math.abs(exponent).toString().padStart(2, '0');
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${power}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${sign}${digits}${'0'.repeat(exponent + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}
