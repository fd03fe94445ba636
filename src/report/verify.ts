/** Reports of `k8s-bp verify`: a test-runner view of Gatekeeper suites, or JSON. */
import type { CaseResult, CaseStatus, SuiteResult } from '../verify/suite.js';
import { escapeForTerminal, palette } from './terminal.js';

export interface VerifyTotals {
  suites: number;
  cases: number;
  passed: number;
  failed: number;
  notImplemented: number;
  skipped: number;
}

export function verifyTotals(suites: readonly SuiteResult[]): VerifyTotals {
  const cases = suites.flatMap((suite) => suite.tests.flatMap((test) => test.cases));
  const count = (status: CaseStatus) => cases.filter((item) => item.status === status).length;
  return {
    suites: suites.length,
    cases: cases.length,
    passed: count('passed'),
    failed: count('failed'),
    notImplemented: count('not-implemented'),
    skipped: count('skipped'),
  };
}

/** True when the run should fail: a case failed, or could not run because its constraint kind is not supported. */
export function verifyFailed(totals: VerifyTotals): boolean {
  return totals.failed > 0 || totals.notImplemented > 0;
}

export function formatVerifyText(suites: readonly SuiteResult[], colour: boolean): string {
  const paint = palette(colour);
  const mark: Record<CaseStatus, string> = {
    passed: paint.green('✓'),
    failed: paint.red('✗'),
    'not-implemented': paint.yellow('?'),
    skipped: paint.dim('-'),
  };
  const lines: string[] = [];
  for (const suite of suites) {
    lines.push(paint.underline(suite.file));
    for (const test of suite.tests) {
      const about = test.kind ? paint.dim(` ${test.kind} ${test.constraintName ?? ''}`.trimEnd()) : '';
      lines.push(`  ${test.name}${about}`);
      for (const result of test.cases) {
        lines.push(`    ${mark[result.status]} ${escapeForTerminal(result.name)}`);
        if (result.status !== 'passed') lines.push(...explainCase(result).map((line) => `        ${paint.dim(line)}`));
      }
    }
    lines.push('');
  }
  const totals = verifyTotals(suites);
  const parts = [
    paint.green(`${totals.passed} passed`),
    totals.failed ? paint.red(`${totals.failed} failed`) : `${totals.failed} failed`,
    totals.notImplemented ? paint.yellow(`${totals.notImplemented} not implemented`) : '',
    totals.skipped ? `${totals.skipped} skipped` : '',
  ].filter(Boolean);
  lines.push(`Cases: ${parts.join(', ')} (${totals.cases} in ${totals.suites} suite${totals.suites === 1 ? '' : 's'})`);
  return `${lines.join('\n')}\n`;
}

function explainCase(result: CaseResult): string[] {
  const lines: string[] = [];
  if (result.error) lines.push(escapeForTerminal(result.error));
  for (const assertion of result.assertions) {
    if (assertion.ok) continue;
    const pattern = assertion.message === undefined ? '' : ` matching /${assertion.message}/`;
    lines.push(
      escapeForTerminal(`expected violations: ${assertion.violations}${pattern}; counted ${assertion.counted}`),
    );
  }
  if (result.status === 'failed') {
    if (result.violations.length === 0 && result.assertions.length > 0) lines.push('no violations');
    for (const message of result.violations) lines.push(escapeForTerminal(`violation: ${message}`));
  }
  return lines;
}

export function formatVerifyJson(suites: readonly SuiteResult[]): string {
  return `${JSON.stringify({ version: 1, suites, totals: verifyTotals(suites) }, null, 2)}\n`;
}
