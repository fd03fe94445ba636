/**
 * Version constraints as Masterminds/semver v3 reads and checks them
 * (`semverCompare ">=1.21-0" .Capabilities.KubeVersion.GitVersion`). They
 * differ from npm's: a prerelease version only satisfies a constraint whose
 * own version has a prerelease (which is why charts write `-0`), and then
 * whatever its major.minor.patch; `1.2.x`, `1.2` and `*` are wildcards that
 * make `>`, `<=`, `~`, `^` and `!=` compare fewer parts.
 */
import { compareSemver, parseSemver, type SemverVersion } from './semver.js';

// Go's \s, which is narrower than JavaScript's.
const S = '[\\t\\n\\f\\r ]';
const VERSION_PART = '[0-9|x|X|\\*]+';
const CONSTRAINT_VERSION =
  `v?(${VERSION_PART})(\\.${VERSION_PART})?(\\.${VERSION_PART})?` +
  '(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?';
const OPERATORS = '=||!=|>|<|>=|=>|<=|=<|~|~>|\\^';
const ONE = new RegExp(`^${S}*(${OPERATORS})${S}*(${CONSTRAINT_VERSION})${S}*$`);
const RANGE = new RegExp(`${S}*(${CONSTRAINT_VERSION})${S}+-${S}+(${CONSTRAINT_VERSION})${S}*`, 'g');
const FIND = new RegExp(`(${OPERATORS})${S}*(${CONSTRAINT_VERSION})`, 'g');
const VALID = new RegExp(
  `^(${S}*(${OPERATORS})${S}*(${CONSTRAINT_VERSION})${S}*)((?:${S}+|,${S}*)(${OPERATORS})${S}*(${CONSTRAINT_VERSION})${S}*)*$`,
);

interface Constraint {
  operator: string;
  /** The version as written after the operator, for messages. */
  written: string;
  version: SemverVersion;
  /** Some part is a wildcard or missing (`1.2`, `1.x`, `*`). */
  dirty: boolean;
  minorDirty: boolean;
  patchDirty: boolean;
}

const isWildcard = (part: string | undefined) => part === 'x' || part === 'X' || part === '*';
const dotless = (part: string | undefined) => (part ?? '').replace(/^\./, '');

function parseOne(text: string): Constraint {
  if (text === '') {
    const version = parseSemver('0.0.0');
    return { operator: '', written: '', version, dirty: true, minorDirty: false, patchDirty: false };
  }
  const match = ONE.exec(text);
  if (!match) throw new Error(`improper constraint: ${text}`);
  const [, operator = '', written = '', major = '', minor, patch, prerelease = ''] = match;
  let version = written;
  let dirty = false;
  let minorDirty = false;
  let patchDirty = false;
  if (isWildcard(major) || major === '') {
    version = `0.0.0${prerelease}`;
    dirty = true;
  } else if (isWildcard(dotless(minor)) || minor === undefined) {
    version = `${major}.0.0${prerelease}`;
    dirty = minorDirty = true;
  } else if (isWildcard(dotless(patch)) || patch === undefined) {
    version = `${major}${minor}.0${prerelease}`;
    dirty = patchDirty = true;
  }
  let parsed: SemverVersion;
  try {
    parsed = parseSemver(version);
  } catch {
    throw new Error('constraint parser error');
  }
  return { operator, written, version: parsed, dirty, minorDirty, patchDirty };
}

/** `a - b` ranges become `>= a, <= b`. */
function rewriteRanges(text: string): string {
  let out = text;
  for (const match of text.matchAll(RANGE)) {
    out = out.replace(match[0], `>= ${match[1] ?? ''}, <= ${match[11] ?? ''} `);
  }
  return out;
}

/** Parsed constraints: alternatives (`||`), each a list that must all hold. */
export type Constraints = Constraint[][];

/** Parses a constraint as semver.NewConstraint does; throws with its message. */
export function parseConstraints(text: string): Constraints {
  return rewriteRanges(text)
    .split('||')
    .map((alternative) => {
      if (!VALID.test(alternative)) throw new Error(`improper constraint: ${alternative}`);
      const found = [...alternative.matchAll(FIND)].map((match) => match[0]);
      return (found.length > 0 ? found : [alternative]).map(parseOne);
    });
}

/** Whether the version satisfies the constraints, as Constraints.Check says. */
export function checkConstraints(constraints: Constraints, version: SemverVersion): boolean {
  return constraints.some((all) => all.every((constraint) => satisfies(version, constraint)));
}

const CHECKS: Record<string, (v: SemverVersion, c: Constraint) => boolean> = {
  '': tildeOrEqual,
  '=': tildeOrEqual,
  '!=': notEqual,
  '>': greaterThan,
  '<': (v, c) => compareSemver(v, c.version) < 0,
  '>=': (v, c) => compareSemver(v, c.version) >= 0,
  '=>': (v, c) => compareSemver(v, c.version) >= 0,
  '<=': lessThanOrEqual,
  '=<': lessThanOrEqual,
  '~': tilde,
  '~>': tilde,
  '^': caret,
};

function satisfies(version: SemverVersion, constraint: Constraint): boolean {
  // A prerelease only satisfies constraints that name a prerelease themselves.
  if (version.prerelease !== '' && constraint.version.prerelease === '') return false;
  const check = CHECKS[constraint.operator];
  return check !== undefined && check(version, constraint);
}

function tildeOrEqual(v: SemverVersion, c: Constraint): boolean {
  return c.dirty ? tilde(v, c) : compareSemver(v, c.version) === 0;
}

function notEqual(v: SemverVersion, c: Constraint): boolean {
  if (!c.dirty) return compareSemver(v, c.version) !== 0;
  const con = c.version;
  if (con.major !== v.major) return true;
  if (con.minor !== v.minor && !c.minorDirty) return true;
  if (c.minorDirty) return false;
  if (con.patch !== v.patch && !c.patchDirty) return true;
  if (c.patchDirty) return (v.prerelease !== '' || con.prerelease !== '') && compareSemver(v, con) !== 0;
  return compareSemver(v, con) !== 0;
}

function greaterThan(v: SemverVersion, c: Constraint): boolean {
  const con = c.version;
  if (!c.dirty) return compareSemver(v, con) > 0;
  if (v.major !== con.major) return v.major > con.major;
  if (c.minorDirty) return false;
  if (c.patchDirty) return v.minor > con.minor;
  return compareSemver(v, con) > 0;
}

function lessThanOrEqual(v: SemverVersion, c: Constraint): boolean {
  const con = c.version;
  if (!c.dirty) return compareSemver(v, con) <= 0;
  if (v.major > con.major) return false;
  return !(v.major === con.major && v.minor > con.minor && !c.minorDirty);
}

function tilde(v: SemverVersion, c: Constraint): boolean {
  const con = c.version;
  if (compareSemver(v, con) < 0) return false;
  // ~0.0.0 (and `*`) accepts everything.
  if (con.major === 0n && con.minor === 0n && con.patch === 0n && !c.minorDirty && !c.patchDirty) return true;
  if (v.major !== con.major) return false;
  return v.minor === con.minor || c.minorDirty;
}

function caret(v: SemverVersion, c: Constraint): boolean {
  const con = c.version;
  if (compareSemver(v, con) < 0) return false;
  if (con.major > 0n || c.minorDirty) return v.major === con.major;
  if (v.major > 0n) return false;
  if (con.minor > 0n || c.patchDirty) return v.minor === con.minor;
  if (v.minor > 0n) return false;
  return v.patch === con.patch;
}
