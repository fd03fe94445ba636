/**
 * Runs Gatekeeper test suites (`kind: Suite`, as `gator verify` reads them)
 * against the built-in implementations, or the template's CEL for kinds
 * without one: each test names a template, a constraint and cases; each case
 * reviews one object, with optional inventory, and asserts how many
 * violations (optionally matching a message pattern) it produces.
 *
 * An extension for ValidatingAdmissionPolicies: a test that names a `policy`
 * file (and optionally a `binding` file) instead of a template and a
 * constraint runs the policy through its bindings on each case's object.
 * Parameter objects may be in either file or in the case's inventory.
 */
import path from 'node:path';
import { gatekeeperRegistry } from '../gatekeeper/bind.js';
import type { Rule } from '../model/types.js';
import type { TestResult } from './case-runner.js';
import { runGatekeeperTest } from './gatekeeper-case.js';
import { runPolicyTest } from './policy-case.js';
import { readSuite } from './suite-file.js';

export type { AssertionResult, CaseResult, CaseStatus, TestResult } from './case-runner.js';

export interface SuiteResult {
  /** The suite file as given. */
  file: string;
  tests: TestResult[];
}

export interface SuiteOptions {
  /** Read this template file (absolute) instead of the one each test names. */
  template?: string;
  /** Run the template's CEL even for kinds a built-in rule implements. */
  preferCel?: boolean;
}

/** Runs one suite file. `file` is shown as given; `cwd` resolves it. */
export async function runSuite(
  file: string,
  rules: readonly Rule[],
  cwd = process.cwd(),
  options: SuiteOptions = {},
): Promise<SuiteResult> {
  const absolute = path.resolve(cwd, file);
  const suite = await readSuite(absolute, file);
  const registry = gatekeeperRegistry(rules);
  const base = path.dirname(absolute);
  const display = (target: string) => path.relative(cwd, path.resolve(base, target)) || target;
  const tests: TestResult[] = [];
  for (const test of suite.tests) {
    const context = { base, display, registry, suiteFile: file, options };
    tests.push(
      await (test.policy === undefined ? runGatekeeperTest(test, context) : runPolicyTest(test, test.policy, context)),
    );
  }
  return { file, tests };
}
