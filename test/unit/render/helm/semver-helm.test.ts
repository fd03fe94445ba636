/**
 * semverCompare and semver against the real Helm 4.1.4: every constraint
 * form Masterminds/semver reads (operators, wildcards, ranges, `||`, `^`, `~`,
 * prereleases with `-0`) against release, prerelease and loosely written
 * versions, and the errors for text that is neither.
 */
import { describe, expect, it } from 'vitest';
import { SEMVER_FUNCTIONS } from '../../../../src/render/helm/functions/semver-functions.js';
import { goString } from '../../../../src/render/helm/functions/go-format.js';
import type { GoValue } from '../../../../src/render/helm/go-values.js';
import { renderHelmProbes, type ProbeResult } from '../../../helpers/helm-expression-probes.js';
import { referenceBinaries } from '../../../helpers/reference-binaries.js';
import { renderTemplate } from '../../../helpers/template-render.js';
import { quoted } from './serialize-cases.js';

const binaries = referenceBinaries();
if (typeof binaries === 'string') console.log(`skipped the semverCompare differential tests against Helm: ${binaries}`);

const CONSTRAINTS = [
  ...['>=1.21-0', '>= 1.21-0', '>=1.21', '<1.25', '>1.2', '>1.2.3', '>1', '<=1.2', '<=1.2.3', '<=1', '=1.2.3'],
  ...['1.2.3', '1.2', '1.x', '1.2.x', '*', '', '!=1.2.3', '!=1.2', '!=1.x', '~1.2.3', '~1.2', '~1', '~>1.2'],
  ...['^1.2.3', '^0.2.3', '^0.0.3', '^0.2', '^0', '^0.0', '^1.x', '>=1.2 <2', '>=1.2, <2', '1.2 - 1.4.5'],
  ...['1.2.3 - 2', '>=1.0.0-alpha', '<1.0.0-beta.2', '>1.2.3-alpha.1', '^1.2.3-beta', '~1.2.3-rc.1'],
  ...['<1.2 || >=2.0', '>=v1.20.0-0', '=v1.2.3', '>=1.21.0-0 <1.30.0-0', 'x', '1.X', '=1.2.3+meta', '!=1.2.3-beta.2'],
];

const VERSIONS = [
  ...['1.2.3', 'v1.2.3', '1.2.4', '1.3.0', '2.0.0', '0.2.4', '0.0.3', '1.21.0', 'v1.28.3-gke.1200', 'v1.31.0-eks-1234'],
  ...['1.2.3-alpha', '1.2.3-beta.2', '1.2.3+meta', '1.2', 'v1', '1.0.0-alpha.1', '01.2.3', '1.2.3-rc.10'],
];

/** Pairs that make one of the two functions fail. */
const ERRORS: Array<[string, string]> = [
  ['>=1.2', 'foo'],
  ['foo', '1.2.3'],
  ['>=1.2', '1.2.3.4'],
  ['>=1.2', '1.2.3-01'],
  ['>=1.2 ||| <1', '1.2.3'],
  ['>=1.2', ''],
  ['>==1', '1.2.3'],
];

function ours(name: string, args: string[], field: string | undefined): ProbeResult {
  try {
    const result: GoValue = SEMVER_FUNCTIONS[name]?.(...args) ?? null;
    // The executor reads the version's methods and prints it, as `toString` does in the probe.
    return {
      output: renderTemplate(
        `{{ .v${field === undefined ? '' : `.${field}`} | toString }}`,
        { v: result },
        { toString: goString },
      ),
    };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

describe.skipIf(typeof binaries === 'string')('semverCompare and semver against Helm 4.1.4', () => {
  it('decides every constraint and version as Helm does, and fails with its messages', () => {
    const compare = ([constraint, version]: [string, string]) => ({
      value: `{c: ${quoted(constraint)}, v: ${quoted(version)}}`,
      expression: 'semverCompare .Values.v.c .Values.v.v',
      ours: () => ours('semverCompare', [constraint, version], undefined),
    });
    const compares = CONSTRAINTS.flatMap((c) => VERSIONS.map((v) => compare([c, v])));
    const parse = (version: string) =>
      [undefined, 'Major', 'Minor', 'Patch', 'Prerelease', 'Metadata', 'Original'].map((field) => ({
        value: quoted(version),
        expression: field === undefined ? 'semver .Values.v' : `(semver .Values.v).${field}`,
        ours: () => ours('semver', [version], field),
      }));
    // Each failing probe costs Helm a render of the whole chart, so the failing ones go in a chart of their own.
    const cases = [...compares, ...VERSIONS.flatMap(parse)];
    const failing = [...ERRORS.map(compare), ...['foo', '1.2.3-01'].flatMap(parse)];
    const helmBinary = typeof binaries === 'string' ? '' : binaries.helm;
    const helm = [...renderHelmProbes(helmBinary, cases), ...renderHelmProbes(helmBinary, failing)];
    cases.push(...failing);
    const mismatches = cases.flatMap((testCase, index) => {
      const actual = testCase.ours();
      const expected = helm[index];
      return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [{ ...testCase, actual, expected }];
    });
    console.log(`semver cases matching Helm: ${cases.length - mismatches.length} of ${cases.length}`);
    expect(mismatches).toEqual([]);
    expect(compares.length).toBeGreaterThanOrEqual(100);
  });
});
