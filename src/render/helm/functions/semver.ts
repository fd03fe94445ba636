/**
 * Semantic versions as Masterminds/semver v3 (which Sprig's `semver` and
 * `semverCompare` use) parses and orders them. It is lenient where the
 * SemVer spec is not: a leading `v`, a missing minor or patch (`1.2` is
 * 1.2.0) and leading zeros in the numbers are accepted; a numeric
 * prerelease identifier with a leading zero is not.
 */
import { GoObject, type GoMethod, type GoValue } from '../go-values.js';
import type { JsonMarshaler } from './go-json-encode.js';

const VERSION =
  /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

const UINT64_MAX = 2n ** 64n - 1n;

interface VersionParts {
  readonly major: bigint;
  readonly minor: bigint;
  readonly patch: bigint;
  readonly prerelease: string;
  readonly metadata: string;
  readonly original: string;
}

/** What String() prints: no `v`, missing parts filled in. */
function versionText(parts: VersionParts): string {
  const prerelease = parts.prerelease === '' ? '' : `-${parts.prerelease}`;
  const metadata = parts.metadata === '' ? '' : `+${parts.metadata}`;
  return `${parts.major}.${parts.minor}.${parts.patch}${prerelease}${metadata}`;
}

/** The version's accessor methods; its fields are unexported, so templates read it through these. */
function versionMethods(parts: VersionParts): Record<string, GoMethod> {
  const method = (value: GoValue): GoMethod => ({ params: 0, call: () => value });
  return {
    Major: method(parts.major),
    Minor: method(parts.minor),
    Patch: method(parts.patch),
    Prerelease: method(parts.prerelease),
    Metadata: method(parts.metadata),
    Original: method(parts.original),
    String: method(versionText(parts)),
  };
}

/** A parsed `*semver.Version`; `%v` prints its String(). */
export class SemverVersion extends GoObject implements VersionParts, JsonMarshaler {
  constructor(
    readonly major: bigint,
    readonly minor: bigint,
    readonly patch: bigint,
    readonly prerelease: string,
    readonly metadata: string,
    readonly original: string,
  ) {
    const parts = { major, minor, patch, prerelease, metadata, original };
    super('*semver.Version', 'ptr', {}, versionMethods(parts), versionText(parts));
  }

  jsonValue(): GoValue {
    return versionText(this);
  }
}

function segment(text: string | undefined): bigint {
  if (text === undefined || text === '') return 0n;
  const value = BigInt(text.replace(/^\./, ''));
  if (value > UINT64_MAX) {
    throw new Error(
      `error parsing version segment: strconv.ParseUint: parsing ${JSON.stringify(text)}: value out of range`,
    );
  }
  return value;
}

/** Parses a version as semver.NewVersion does; throws with its message. */
export function parseSemver(text: string): SemverVersion {
  const match = VERSION.exec(text);
  if (!match) throw new Error('invalid semantic version');
  const [, major, minor, patch, prerelease = '', metadata = ''] = match;
  if (prerelease.split('.').some((part) => /^0[0-9]+$/.test(part))) {
    throw new Error('version segment starts with 0');
  }
  return new SemverVersion(segment(major), segment(minor), segment(patch), prerelease, metadata, text);
}

const sign = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
const NUMERIC = /^[0-9]+$/;

/** One prerelease identifier against another: numbers as numbers and below words; a missing one is lower. */
function comparePart(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return -1;
  if (b === '') return 1;
  const aNumber = NUMERIC.test(a) && BigInt(a) <= UINT64_MAX;
  const bNumber = NUMERIC.test(b) && BigInt(b) <= UINT64_MAX;
  if (aNumber && bNumber) return sign(BigInt(a), BigInt(b)) || -1;
  if (aNumber !== bNumber) return aNumber ? -1 : 1;
  return a > b ? 1 : -1;
}

function comparePrerelease(a: string, b: string): number {
  const left = a.split('.');
  const right = b.split('.');
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const order = comparePart(left[index] ?? '', right[index] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}

/** -1, 0 or 1 as `a` is lower than, equal to (metadata aside) or higher than `b`. */
export function compareSemver(a: SemverVersion, b: SemverVersion): number {
  const order = sign(a.major, b.major) || sign(a.minor, b.minor) || sign(a.patch, b.patch);
  if (order !== 0) return order;
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === '') return 1;
  if (b.prerelease === '') return -1;
  return comparePrerelease(a.prerelease, b.prerelease);
}
