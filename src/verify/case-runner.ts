/** What every kind of test shares: reading the files a case names, reviewing its object, checking its assertions. */
import path from 'node:path';
import { parseManifests } from '../load/parse.js';
import { DEFAULT_MAX_FILE_SIZE, readManifestFile, type ReadOutcome } from '../load/read.js';
import { admissionObject } from '../load/resource.js';
import type { Resource, Rule } from '../model/types.js';
import type { SuiteOptions } from './suite.js';
import { SuiteError, type SuiteTest } from './suite-file.js';

export type CaseStatus = 'passed' | 'failed' | 'not-implemented' | 'skipped';

export interface AssertionResult {
  /** `yes`, `no` or a number, as the suite wrote it. */
  violations: string;
  message?: string;
  /** How many violations matched the assertion's message (all of them when it has none). */
  counted: number;
  ok: boolean;
}

export interface CaseResult {
  name: string;
  status: CaseStatus;
  /** Why the case failed or was not run, when it was not a plain assertion failure. */
  error?: string;
  assertions: AssertionResult[];
  /** The messages of the violations the object produced. */
  violations: string[];
}

export interface TestResult {
  name: string;
  /** The constraint's kind and name, when the constraint could be read. */
  kind?: string;
  constraintName?: string;
  /** The rule that ran the constraint. */
  ruleId?: string;
  cases: CaseResult[];
}

export interface TestContext {
  base: string;
  display: (target: string) => string;
  registry: ReadonlyMap<string, Rule>;
  suiteFile: string;
  options: SuiteOptions;
}

export type Review = (object: Resource, inventory: Resource[]) => { violations: string[] } | { error: string };

/** Reviews each case's object and checks the assertions. */
export async function runCases(test: SuiteTest, context: TestContext, review: Review): Promise<CaseResult[]> {
  const cases: CaseResult[] = [];
  for (const item of test.cases) {
    if (item.skip) {
      cases.push({ name: item.name, status: 'skipped', assertions: [], violations: [] });
      continue;
    }
    const object = await loadObject(item.object, context);
    const inventory = (await Promise.all(item.inventory.map((file) => loadResources(file, context)))).flat();
    const outcome = review(object, inventory);
    if ('error' in outcome) {
      cases.push({ name: item.name, status: 'failed', error: outcome.error, assertions: [], violations: [] });
      continue;
    }
    const { violations } = outcome;
    const assertions = item.assertions.map((assertion) => check(assertion, violations, context.display(item.object)));
    const ok = assertions.every((assertion) => assertion.ok);
    cases.push({ name: item.name, status: ok ? 'passed' : 'failed', assertions, violations });
  }
  return cases;
}

function check(
  assertion: { violations: string; message?: string },
  violations: string[],
  where: string,
): AssertionResult {
  let pattern: RegExp | undefined;
  if (assertion.message !== undefined) {
    try {
      pattern = new RegExp(assertion.message);
    } catch (error) {
      throw new SuiteError(
        `case ${where}: message ${JSON.stringify(assertion.message)} is not a valid regular expression: ${String(error)}`,
      );
    }
  }
  const counted = pattern ? violations.filter((message) => pattern.test(message)).length : violations.length;
  const ok =
    assertion.violations === 'yes'
      ? counted > 0
      : assertion.violations === 'no'
        ? counted === 0
        : counted === Number(assertion.violations);
  return {
    violations: assertion.violations,
    ...(assertion.message !== undefined && { message: assertion.message }),
    counted,
    ok,
  };
}

export async function loadResources(file: string, context: TestContext): Promise<Resource[]> {
  const absolute = path.resolve(context.base, file);
  const shown = context.display(file);
  let outcome: ReadOutcome;
  try {
    outcome = await readManifestFile(absolute, shown, DEFAULT_MAX_FILE_SIZE);
  } catch (error) {
    throw new SuiteError(
      `${shown} (named in ${context.suiteFile}): cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  if ('finding' in outcome) {
    const { line, column, message } = outcome.finding;
    throw new SuiteError(`${shown}:${line}:${column}: ${message}`);
  }
  const text = outcome.text;
  const resources: Resource[] = [];
  for (const event of parseManifests(text, shown)) {
    if (event.type === 'resource') resources.push(event.resource);
    // gator reviews objects without the API server's validation, so only unreadable YAML stops a case.
    else if (
      event.type === 'problem' &&
      event.finding.severity === 'error' &&
      event.finding.ruleId !== 'invalid-resource'
    ) {
      throw new SuiteError(`${shown}:${event.finding.line}:${event.finding.column}: ${event.finding.message}`);
    }
  }
  return resources;
}

/** The object under review: the one document of the file, or the object of an AdmissionReview's request. */
async function loadObject(file: string, context: TestContext): Promise<Resource> {
  const resources = await loadResources(file, context);
  const [resource] = resources;
  if (!resource || resources.length !== 1) {
    throw new SuiteError(`${context.display(file)}: a case's object file must hold exactly one object`);
  }
  if (resource.kind !== 'AdmissionReview') return resource;
  const reviewed = admissionObject(resource);
  if (typeof reviewed === 'string') throw new SuiteError(`${context.display(file)}: ${reviewed}`);
  return reviewed;
}
