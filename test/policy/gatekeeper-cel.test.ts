import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { runSuite, type SuiteResult } from '../../src/verify/suite.js';
import { lint } from '../../src/lint.js';
import { GATEKEEPER_CEL_ID } from '../../src/model/finding-ids.js';
import { lintOptions, ROOT } from '../helpers/cli.js';

const CEL_TEMPLATES = path.join(ROOT, 'fixtures', 'gatekeeper-cel');

function statuses(result: SuiteResult): string[] {
  return result.tests.flatMap((test) =>
    test.cases.map((item) => `${test.name}/${item.name}: ${item.status}${item.error ? ` (${item.error})` : ''}`),
  );
}

describe('Gatekeeper ConstraintTemplates with CEL code', () => {
  const suites = readdirSync(CEL_TEMPLATES).filter((dir) => dir !== 'equivalence');

  it.each(suites)('passes the suite of the %s template', async (dir) => {
    const result = await runSuite(path.join('fixtures', 'gatekeeper-cel', dir, 'suite.yaml'), builtinRules, ROOT);
    expect(result.tests.every((test) => test.ruleId === GATEKEEPER_CEL_ID)).toBe(true);
    const all = statuses(result);
    expect(all.length).toBeGreaterThan(1);
    expect(all.filter((status) => !status.endsWith(': passed'))).toEqual([]);
  });

  it('lints manifests with a CEL template and its constraint from --constraints', async () => {
    const result = await lint(
      lintOptions({
        paths: ['fixtures/gatekeeper-cel/maxreplicas/samples/max-five/example_disallowed.yaml'],
        constraints: [
          'fixtures/gatekeeper-cel/maxreplicas/template.yaml',
          'fixtures/gatekeeper-cel/maxreplicas/samples/max-five/constraint.yaml',
        ],
        cwd: ROOT,
        configFile: 'fixtures/cel/none.yaml',
      }),
      builtinRules,
    );
    expect(
      result.findings.map((finding) => [
        finding.ruleId,
        finding.constraintKind,
        finding.constraintName,
        finding.severity,
        finding.message,
      ]),
    ).toEqual([
      [
        GATEKEEPER_CEL_ID,
        'K8sMaxReplicas',
        'max-five-replicas',
        'error',
        'the number of replicas (12) exceeds the maximum of 5',
      ],
    ]);
    expect(result.rules.filter((rule) => rule.id === GATEKEEPER_CEL_ID)).toHaveLength(1);
  });

  it('refuses a CEL template whose expressions do not compile, with the place in the file', async () => {
    const run = lint(
      lintOptions({
        paths: ['fixtures/gatekeeper-cel/maxreplicas/samples/max-five/example_allowed.yaml'],
        constraints: [
          'fixtures/cel/broken-template.yaml',
          'fixtures/gatekeeper-cel/maxreplicas/samples/max-five/constraint.yaml',
        ],
        cwd: ROOT,
        configFile: 'fixtures/cel/none.yaml',
      }),
      builtinRules,
    );
    await expect(run).rejects.toMatchObject({
      message: expect.stringMatching(
        /^fixtures\/cel\/broken-template.yaml:40:\d+: ConstraintTemplate K8sMaxReplicas: does not compile/,
      ) as unknown,
    });
  });

  // The library's suites, run once through the built-in rule and once through a CEL template written for the same kind.
  it.each([
    ['general/requiredlabels', 'requiredlabels-template.yaml'],
    ['general/allowedrepos', 'allowedrepos-template.yaml'],
  ])(
    'gives the same verdicts on the library suite %s through CEL as through the built-in rule',
    async (suite, template) => {
      const file = path.join('fixtures', 'gatekeeper', suite, 'suite.yaml');
      const builtin = await runSuite(file, builtinRules, ROOT);
      const cel = await runSuite(file, builtinRules, ROOT, {
        template: path.join(CEL_TEMPLATES, 'equivalence', template),
        preferCel: true,
      });
      expect(builtin.tests.every((test) => test.ruleId !== GATEKEEPER_CEL_ID)).toBe(true);
      expect(cel.tests.every((test) => test.ruleId === GATEKEEPER_CEL_ID)).toBe(true);
      expect(statuses(cel)).toEqual(statuses(builtin));
      expect(statuses(cel).every((status) => status.endsWith(': passed'))).toBe(true);
    },
  );
});
