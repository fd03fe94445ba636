/**
 * The Gatekeeper library's own test suites (copied into fixtures/gatekeeper),
 * plus our extra suites (k8s-bp-suite.yaml), run through `verify`: every
 * case must pass, one test per case.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { runSuite, type CaseResult, type SuiteResult } from '../../src/verify/suite.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'fixtures', 'gatekeeper');
const SUITE_NAMES = ['suite.yaml', 'k8s-bp-suite.yaml'];

const suiteFiles = ['general', 'pod-security-policy'].flatMap((library) =>
  readdirSync(path.join(FIXTURES, library))
    .sort()
    .flatMap((template) =>
      SUITE_NAMES.filter((name) => readdirSync(path.join(FIXTURES, library, template)).includes(name)).map((name) =>
        path.join('fixtures', 'gatekeeper', library, template, name),
      ),
    ),
);

const results: SuiteResult[] = await Promise.all(suiteFiles.map((file) => runSuite(file, builtinRules, ROOT)));

function explain(result: CaseResult): string {
  const lines = [result.error ?? ''];
  for (const assertion of result.assertions.filter((item) => !item.ok)) {
    const pattern = assertion.message === undefined ? '' : ` matching /${assertion.message}/`;
    lines.push(`expected ${assertion.violations} violation(s)${pattern}, counted ${assertion.counted}`);
  }
  lines.push(...result.violations.map((message) => `  got: ${message}`));
  return lines.filter(Boolean).join('\n');
}

describe.each(results.map((suite) => [path.dirname(suite.file).split(path.sep).slice(-2).join('/'), suite] as const))(
  '%s',
  (_template, suite) => {
    const cases = suite.tests.flatMap((test) =>
      test.cases.map(
        (result, index) => [`${path.basename(suite.file)} ${test.name} #${index} ${result.name}`, result] as const,
      ),
    );
    it.each(cases)('%s', (_name, result) => {
      expect(result.status, explain(result)).toBe('passed');
    });
  },
);

describe('the Gatekeeper library', () => {
  it('has a built-in implementation for every template of the general and pod-security-policy sets', () => {
    const missing = results
      .flatMap((suite) => suite.tests)
      .filter((test) => test.cases.some((result) => result.status === 'not-implemented'))
      .map((test) => test.kind);
    expect([...new Set(missing)]).toEqual([]);
  });
});
