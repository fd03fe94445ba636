import { describe, expect, it } from 'vitest';
import { cel, celError, type Case } from './run.js';

// k8s.io/apiserver/pkg/cel/library/semverlib.go: strict semver.org versions, as github.com/blang/semver parses them.
describe('Kubernetes semver library', () => {
  it.each<Case>([
    ["isSemver('1.0.0')", true],
    ["isSemver('0.1.0-alpha.1')", true],
    ["isSemver('1.2.3-rc.1+build.5')", true],
    ["isSemver('1.2.3+build-01')", true],
    ["isSemver('hello')", false],
    ["isSemver('v1.0.0')", false],
    ["isSemver('1.0')", false],
    ["isSemver('01.0.0')", false],
    ["isSemver('1.0.0-01')", false],
    ["isSemver('1.0.0-')", false],
    ["isSemver('1.0.0+')", false],
    ["isSemver('1.0.0-a..b')", false],
    ["isSemver(' 1.0.0')", false],
    ["isSemver('')", false],
    ["isSemver('v1.0', true)", true],
    ["isSemver('1', true)", true],
    ["isSemver('01.01.01', true)", true],
    ["isSemver('1.0-rc.1', true)", false],
    ["isSemver('1.0.0', false)", true],
    ["semver('1.2.3').major()", 1n],
    ["semver('1.2.3').minor()", 2n],
    ["semver('1.2.3').patch()", 3n],
    ["semver('v2.1', true).major()", 2n],
    ["semver('v2.1', true).patch()", 0n],
    ["semver('01.01.01', true).minor()", 1n],
    ["semver('1.0.0', true) == semver('1.0.0')", true],
    ["semver('1.2.3').compareTo(semver('1.2.3'))", 0n],
    ["semver('1.2.3').compareTo(semver('2.0.0'))", -1n],
    ["semver('1.2.3').compareTo(semver('0.1.2'))", 1n],
    ["semver('1.10.0').isGreaterThan(semver('1.9.0'))", true],
    ["semver('1.9.0').isLessThan(semver('1.10.0'))", true],
    ["semver('1.0.0-alpha').isLessThan(semver('1.0.0'))", true],
    ["semver('1.0.0-alpha').isLessThan(semver('1.0.0-alpha.1'))", true],
    ["semver('1.0.0-alpha.1').isLessThan(semver('1.0.0-alpha.beta'))", true],
    ["semver('1.0.0-beta.2').isLessThan(semver('1.0.0-beta.11'))", true],
    ["semver('1.0.0-rc.1').isLessThan(semver('1.0.0'))", true],
    ["semver('1.0.0+a').compareTo(semver('1.0.0+b'))", 0n],
    ["semver('1.0.0+a') == semver('1.0.0+b')", true],
    ["semver('1.0.0') == semver('1.0.1')", false],
    ["semver('1.0.0').isGreaterThan(semver('1.0.0'))", false],
  ])('%s is %s', (expression, expected) => {
    expect(cel(expression)).toEqual(expected);
  });

  it.each<Case>([
    ["semver('')", /^Version string empty$/],
    ["semver('1.0')", /^No Major.Minor.Patch elements found$/],
    ["semver('v1.0.0')", /^Invalid character\(s\) found in major number "v1"$/],
    ["semver('1.x.0')", /^Invalid character\(s\) found in minor number "x"$/],
    ["semver('1.0.0beta')", /^Invalid character\(s\) found in patch number "0beta"$/],
    ["semver('01.0.0')", /^Major number must not contain leading zeroes "01"$/],
    ["semver('1.00.0')", /^Minor number must not contain leading zeroes "00"$/],
    ["semver('1.0.01')", /^Patch number must not contain leading zeroes "01"$/],
    ["semver('1..0')", /strconv.ParseUint: parsing "": invalid syntax/],
    ["semver('1.0.0-01')", /^Numeric PreRelease version must not contain leading zeroes "01"$/],
    ["semver('1.0.0-a_b')", /^Invalid character\(s\) found in prerelease "a_b"$/],
    ["semver('1.0.0-')", /^Prerelease is empty$/],
    ["semver('1.0.0+')", /^Build meta data is empty$/],
    ["semver('1.0.0+a_b')", /^Invalid character\(s\) found in build meta data "a_b"$/],
    ["semver('99999999999999999999.0.0')", /value out of range/],
    ["semver('1.0-rc', true)", /^short version cannot contain PreRelease\/Build meta data$/],
    ['semver(1)', /no matching overload for 'semver\(int\)'/],
    ["semver('1.2.3').isLessThan('1.2.4')", /no matching overload/],
    ["semver('1.2.3') < semver('1.2.4')", /no such overload/],
  ])('%s fails', (expression, message) => {
    expect(celError(expression)).toMatch(message as RegExp);
  });

  it('compares a version read from the object with a parameter', () => {
    const variables = { object: { spec: { version: 'v1.29' } }, params: { minimum: '1.28.0' } };
    expect(cel('semver(object.spec.version, true).isLessThan(semver(params.minimum))', variables)).toBe(false);
  });
});
