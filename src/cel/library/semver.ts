/**
 * Kubernetes' semantic version library (`library/semverlib.go`): `semver()`,
 * `isSemver()` (each with the optional `normalize` flag of version 1 of the
 * library), the getters `major()`, `minor()`, `patch()`, and the comparisons
 * `isGreaterThan()`, `isLessThan()`, `compareTo()`.
 *
 * Parsing follows the Go package Kubernetes uses (blang/semver v4), with its
 * error messages: exactly `MAJOR.MINOR.PATCH`, numbers without leading zeros,
 * an optional pre-release and build metadata. Comparison ignores build
 * metadata, as semver.org says.
 */
import { CelError, type Library } from '../cel-types.js';

export const SEMVER_TYPE = 'kubernetes.Semver';

const UINT64_MAX = (1n << 64n) - 1n;
const NUMBERS = /^[0-9]*$/;
const ALPHANUMERIC = /^[0-9A-Za-z-]*$/;

/** A `kubernetes.Semver` value. */
export class Semver {
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    /** Pre-release identifiers: numbers as bigint, the others as strings. */
    readonly pre: readonly (bigint | string)[],
    readonly build: readonly string[],
  ) {}

  /** -1, 0 or 1, by semver.org's precedence. */
  compare(other: Semver): number {
    for (const key of ['major', 'minor', 'patch'] as const) {
      if (this[key] !== other[key]) return this[key] < other[key] ? -1 : 1;
    }
    if (this.pre.length === 0 || other.pre.length === 0) {
      return Math.sign(other.pre.length - this.pre.length) || 0;
    }
    for (let i = 0; i < Math.min(this.pre.length, other.pre.length); i++) {
      const order = comparePre(this.pre[i] as bigint | string, other.pre[i] as bigint | string);
      if (order !== 0) return order;
    }
    return Math.sign(this.pre.length - other.pre.length);
  }

  equals(other: unknown): boolean {
    return other instanceof Semver && this.compare(other) === 0;
  }
}

/** Numeric identifiers sort before alphanumeric ones; each kind in its own order. */
function comparePre(a: bigint | string, b: bigint | string): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a === b ? 0 : a < b ? -1 : 1;
  if (typeof a === 'bigint') return -1;
  if (typeof b === 'bigint') return 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Go's `strconv.ParseUint(text, 10, 64)`, or its error. */
function parseUint(text: string): bigint {
  if (!/^[0-9]+$/.test(text)) throw new CelError(`strconv.ParseUint: parsing "${text}": invalid syntax`);
  const value = BigInt(text);
  if (value > UINT64_MAX) throw new CelError(`strconv.ParseUint: parsing "${text}": value out of range`);
  return value;
}

const leadingZero = (text: string): boolean => text.length > 1 && text.startsWith('0');

function parseNumber(text: string, part: 'major' | 'minor' | 'patch'): bigint {
  if (!NUMBERS.test(text)) throw new CelError(`Invalid character(s) found in ${part} number "${text}"`);
  if (leadingZero(text)) {
    const title = `${part.charAt(0).toUpperCase()}${part.slice(1)}`;
    throw new CelError(`${title} number must not contain leading zeroes "${text}"`);
  }
  return parseUint(text);
}

function parsePre(text: string): bigint | string {
  if (text === '') throw new CelError('Prerelease is empty');
  if (NUMBERS.test(text)) {
    if (leadingZero(text)) throw new CelError(`Numeric PreRelease version must not contain leading zeroes "${text}"`);
    return parseUint(text);
  }
  if (ALPHANUMERIC.test(text)) return text;
  throw new CelError(`Invalid character(s) found in prerelease "${text}"`);
}

function parseBuild(text: string): string {
  if (text === '') throw new CelError('Build meta data is empty');
  if (!ALPHANUMERIC.test(text)) throw new CelError(`Invalid character(s) found in build meta data "${text}"`);
  return text;
}

/** Splits at the first `count - 1` separators, as Go's `strings.SplitN`. */
function splitN(text: string, separator: string, count: number): string[] {
  const parts = text.split(separator);
  return parts.length <= count ? parts : [...parts.slice(0, count - 1), parts.slice(count - 1).join(separator)];
}

/** Parses a strict semantic version; throws {@link CelError} with blang/semver's message. */
export function parseSemver(text: string): Semver {
  if (text === '') throw new CelError('Version string empty');
  const parts = splitN(text, '.', 3);
  if (parts.length !== 3) throw new CelError('No Major.Minor.Patch elements found');
  const [majorText = '', minorText = '', rest = ''] = parts;
  const major = parseNumber(majorText, 'major');
  const minor = parseNumber(minorText, 'minor');
  let patchText = rest;
  let build: string[] = [];
  let pre: string[] = [];
  const plus = patchText.indexOf('+');
  if (plus !== -1) {
    build = patchText.slice(plus + 1).split('.');
    patchText = patchText.slice(0, plus);
  }
  const dash = patchText.indexOf('-');
  if (dash !== -1) {
    pre = patchText.slice(dash + 1).split('.');
    patchText = patchText.slice(0, dash);
  }
  const patch = parseNumber(patchText, 'patch');
  return new Semver(major, minor, patch, pre.map(parsePre), build.map(parseBuild));
}

/**
 * The `normalize` flag: drops one leading `v`, leading zeros of the numbers,
 * and fills in a missing minor or patch number with 0.
 */
export function normalizeAndParse(text: string): Semver {
  const parts = splitN(text.startsWith('v') ? text.slice(1) : text, '.', 3).map((part) => {
    if (part.length <= 1) return part;
    const trimmed = part.replace(/^0+/, '');
    return /^[0-9]/.test(trimmed) ? trimmed : `0${trimmed}`;
  });
  if (parts.length < 3) {
    if (/[+-]/.test(parts[parts.length - 1] ?? '')) {
      throw new CelError('short version cannot contain PreRelease/Build meta data');
    }
    while (parts.length < 3) parts.push('0');
  }
  return parseSemver(parts.join('.'));
}

const parse = (text: string, normalize: boolean): Semver => (normalize ? normalizeAndParse(text) : parseSemver(text));

function isSemver(text: string, normalize: boolean): boolean {
  try {
    parse(text, normalize);
    return true;
  } catch {
    return false;
  }
}

/** Go converts the uint64 numbers to CEL's int64 without a check; so do we. */
const asInt = (value: bigint): bigint => BigInt.asIntN(64, value);

export const semverLibrary: Library = {
  name: 'semver',
  types: [{ name: SEMVER_TYPE, ctor: Semver }],
  functions: [
    [`semver(string): ${SEMVER_TYPE}`, (text: string) => parse(text, false)],
    [`semver(string, bool): ${SEMVER_TYPE}`, parse],
    ['isSemver(string): bool', (text: string) => isSemver(text, false)],
    ['isSemver(string, bool): bool', isSemver],
    [`${SEMVER_TYPE}.major(): int`, (v: Semver) => asInt(v.major)],
    [`${SEMVER_TYPE}.minor(): int`, (v: Semver) => asInt(v.minor)],
    [`${SEMVER_TYPE}.patch(): int`, (v: Semver) => asInt(v.patch)],
    [`${SEMVER_TYPE}.isGreaterThan(${SEMVER_TYPE}): bool`, (v: Semver, o: Semver) => v.compare(o) > 0],
    [`${SEMVER_TYPE}.isLessThan(${SEMVER_TYPE}): bool`, (v: Semver, o: Semver) => v.compare(o) < 0],
    [`${SEMVER_TYPE}.compareTo(${SEMVER_TYPE}): int`, (v: Semver, o: Semver) => BigInt(v.compare(o))],
  ],
  operators: [[`${SEMVER_TYPE} == ${SEMVER_TYPE}`, (v: Semver, o: Semver) => v.equals(o)]],
};
