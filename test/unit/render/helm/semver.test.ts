/**
 * Masterminds/semver v3 as Sprig uses it: how versions parse and order, and
 * how constraints decide (the differential test in semver-helm.test.ts
 * checks a thousand pairs against Helm itself).
 */
import { describe, expect, it } from 'vitest';
import { checkConstraints, parseConstraints } from '../../../../src/render/helm/functions/semver-constraints.js';
import { compareSemver, parseSemver } from '../../../../src/render/helm/functions/semver.js';
import { SEMVER_FUNCTIONS } from '../../../../src/render/helm/functions/semver-functions.js';
import { kindOf } from '../../../../src/render/helm/go-values.js';

const satisfies = (constraint: string, version: string) =>
  checkConstraints(parseConstraints(constraint), parseSemver(version));

describe('semver', () => {
  it('reads loose versions: a leading v, missing parts, leading zeros', () => {
    const version = parseSemver('v1.2');
    expect([version.major, version.minor, version.patch]).toEqual([1n, 2n, 0n]);
    expect(version.text).toBe('1.2.0');
    expect(version.methods.Original?.call([])).toBe('v1.2');
    expect(parseSemver('01.2.3').text).toBe('1.2.3');
    expect(kindOf(version)).toBe('ptr');
  });

  it.each([
    ['1.2.3.4', 'invalid semantic version'],
    ['foo', 'invalid semantic version'],
    ['1.2.3-01', 'version segment starts with 0'],
  ])('refuses %s: %s', (text, message) => {
    expect(() => parseSemver(text)).toThrow(message);
  });

  it.each([
    ['1.2.3', '1.2.4', -1],
    ['1.2.3-alpha', '1.2.3', -1],
    ['1.2.3-alpha.1', '1.2.3-alpha.beta', -1],
    ['1.2.3-rc.9', '1.2.3-rc.10', -1],
    ['1.2.3-alpha', '1.2.3-alpha.1', -1],
    ['1.2.3+a', '1.2.3+b', 0],
  ])('orders %s against %s as %i', (a, b, order) => {
    expect(compareSemver(parseSemver(a), parseSemver(b))).toBe(order);
    expect(compareSemver(parseSemver(b), parseSemver(a))).toBe(order === 0 ? 0 : -order);
  });
});

describe('semverCompare', () => {
  it.each<[string, string, boolean]>([
    ['>=1.21-0', 'v1.28.3-gke.1200', true],
    ['>=1.21', 'v1.28.3-gke.1200', false],
    ['>=1.21-0', '1.20.9', false],
    ['<1.25', '1.24.9', true],
    ['>1.2', '1.2.9', false],
    ['>1.2', '1.3.0', true],
    ['<=1.2', '1.2.9', true],
    ['1.2.x', '1.2.7', true],
    ['*', '5.0.0', true],
    ['*', '5.0.0-beta', false],
    ['!=1.x', '1.5.0', false],
    ['~1.2.3', '1.2.9', true],
    ['~1.2.3', '1.3.0', false],
    ['^1.2.3', '1.9.0', true],
    ['^0.2.3', '0.3.0', false],
    ['^0.0.3', '0.0.4', false],
    ['1.2 - 1.4.5', '1.4.5', true],
    ['<1.2 || >=2.0', '2.1.0', true],
    ['>=1.2, <2', '2.0.0', false],
    ['>=1.0.0-alpha', '1.0.0-alpha.1', true],
    ['!=1.2.3', '1.2.3-beta.2', false],
  ])('%s with %s is %s', (constraint, version, expected) => {
    expect(satisfies(constraint, version)).toBe(expected);
  });

  it('fails on a constraint or version it cannot read, with Masterminds’ words', () => {
    expect(() => SEMVER_FUNCTIONS.semverCompare?.('foo', '1.2.3')).toThrow('improper constraint: foo');
    expect(() => SEMVER_FUNCTIONS.semverCompare?.('>=1', 'x')).toThrow('invalid semantic version');
    expect(() => SEMVER_FUNCTIONS.semverCompare?.('>=1')).toThrow(
      'wrong number of args for semverCompare: want 2 got 1',
    );
  });
});
