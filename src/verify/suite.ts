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
import { isRecord } from '../model/records.js';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readSingleDocument } from '../load/kube-yaml/single-document.js';
import { evaluate } from '../engine/evaluate.js';
import { RULE_ERROR_ID } from '../model/finding-ids.js';
import type { Resource, Rule } from '../model/types.js';
import { UsageError } from '../model/errors.js';
import { parseManifests } from '../load/parse.js';
import { DEFAULT_MAX_FILE_SIZE, readManifestFile, type ReadOutcome } from '../load/read.js';
import { admissionObject } from '../load/resource.js';
import { ADMISSION_POLICY_ID } from '../model/finding-ids.js';
import {
  addPolicyManifest,
  emptyPolicySet,
  evaluateAdmissionPolicies,
  isEvaluationFailure,
} from '../admission/evaluate-admission.js';
import { isAdmissionPolicy } from '../admission/policy-manifests.js';
import { bindConstraint, celTemplateSupport, gatekeeperRegistry } from '../gatekeeper/bind.js';
import {
  isConstraintManifest,
  isProblem,
  isTemplateManifest,
  readConstraint,
  readTemplate,
  type TemplateManifest,
} from '../gatekeeper/manifests.js';

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

export interface SuiteResult {
  /** The suite file as given. */
  file: string;
  tests: TestResult[];
}

/** A suite, or a file a suite names, that cannot be read: the run stops with exit 2. */
export class SuiteError extends UsageError {
  constructor(message: string) {
    super(message, 'SUITE_UNREADABLE');
    this.name = 'SuiteError';
  }
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
    tests.push(await (test.policy === undefined ? runTest(test, context) : runPolicyTest(test, test.policy, context)));
  }
  return { file, tests };
}

interface SuiteTest {
  name: string;
  template?: string;
  constraint: string;
  /** A ValidatingAdmissionPolicy file, instead of a template and a constraint. */
  policy?: string;
  /** Its bindings, when the policy file does not hold them. */
  binding?: string;
  skip: boolean;
  cases: SuiteCase[];
}

interface SuiteCase {
  name: string;
  object: string;
  inventory: string[];
  skip: boolean;
  assertions: { violations: string; message?: string }[];
}

async function readSuite(absolute: string, file: string): Promise<{ tests: SuiteTest[] }> {
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    throw new SuiteError(`${file}: cannot read the suite: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const read = readSingleDocument(text);
  if ('error' in read) throw new SuiteError(`${file}:${read.line}:${read.column}: not valid YAML: ${read.error}`);
  const document = read.value;
  const fail = (message: string): never => {
    throw new SuiteError(`${file}: ${message}`);
  };
  if (!isRecord(document) || document.kind !== 'Suite') fail('not a Gatekeeper Suite (kind: Suite)');
  const suite = document as Record<string, unknown>;
  const tests = suite.tests ?? [];
  if (!Array.isArray(tests)) return fail('tests must be a list');
  return {
    tests: tests.map((test: unknown, index) => {
      const where = `tests[${index}]`;
      if (!isRecord(test)) return fail(`${where} must be a mapping`);
      const policy = typeof test.policy === 'string' ? test.policy : undefined;
      if (policy === undefined && typeof test.constraint !== 'string') {
        return fail(`${where} has no constraint file (or policy file)`);
      }
      if (test.binding !== undefined && typeof test.binding !== 'string')
        return fail(`${where}.binding must be a file`);
      const cases = test.cases ?? [];
      if (!Array.isArray(cases)) return fail(`${where}.cases must be a list`);
      return {
        name: typeof test.name === 'string' ? test.name : `test ${index + 1}`,
        ...(typeof test.template === 'string' && { template: test.template }),
        constraint: typeof test.constraint === 'string' ? test.constraint : '',
        ...(policy !== undefined && { policy }),
        ...(typeof test.binding === 'string' && { binding: test.binding }),
        skip: test.skip === true,
        cases: cases.map((item: unknown, caseIndex) => readCase(item, `${where}.cases[${caseIndex}]`, fail)),
      };
    }),
  };
}

function readCase(item: unknown, where: string, fail: (message: string) => never): SuiteCase {
  if (!isRecord(item)) return fail(`${where} must be a mapping`);
  if (typeof item.object !== 'string') return fail(`${where} has no object file`);
  const inventory = item.inventory ?? [];
  if (!Array.isArray(inventory) || !inventory.every((entry) => typeof entry === 'string')) {
    return fail(`${where}.inventory must be a list of files`);
  }
  const assertions = item.assertions ?? [];
  if (!Array.isArray(assertions)) return fail(`${where}.assertions must be a list`);
  return {
    name: typeof item.name === 'string' ? item.name : where,
    object: item.object,
    inventory: inventory as string[],
    skip: item.skip === true,
    assertions: assertions.map((assertion: unknown, index) => {
      const at = `${where}.assertions[${index}]`;
      if (!isRecord(assertion)) return fail(`${at} must be a mapping`);
      const violations = readExpected(assertion.violations);
      if (violations === undefined) return fail(`${at}.violations must be yes, no or a number`);
      if (assertion.message !== undefined && typeof assertion.message !== 'string') {
        return fail(`${at}.message must be a string`);
      }
      return { violations, ...(typeof assertion.message === 'string' && { message: assertion.message }) };
    }),
  };
}

/** gator's `violations`: yes (at least one), no (none), or an exact count; absent means yes. */
function readExpected(value: unknown): string | undefined {
  if (value === undefined || value === true || value === 'yes') return 'yes';
  if (value === false || value === 'no') return 'no';
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && /^[0-9]+$/.test(value)) return String(Number(value));
  return undefined;
}

interface TestContext {
  base: string;
  display: (target: string) => string;
  registry: ReadonlyMap<string, Rule>;
  suiteFile: string;
  options: SuiteOptions;
}

async function runTest(test: SuiteTest, context: TestContext): Promise<TestResult> {
  const skipAll = (status: CaseStatus, error?: string): CaseResult[] =>
    test.cases.map((item) => ({ name: item.name, status, ...(error && { error }), assertions: [], violations: [] }));
  if (test.skip) return { name: test.name, cases: skipAll('skipped') };

  const templates = new Map<string, TemplateManifest>();
  const templateFile = context.options.template ?? test.template;
  if (templateFile !== undefined && existsSync(path.resolve(context.base, templateFile))) {
    for (const resource of await loadResources(templateFile, context)) {
      if (!isTemplateManifest(resource)) continue;
      const template = readTemplate(resource);
      if (isProblem(template)) throw new SuiteError(`${context.display(templateFile)}: ${template.message}`);
      templates.set(template.kind, template);
    }
  }
  const [constraintResource, ...extra] = await loadResources(test.constraint, context);
  if (!constraintResource || extra.length > 0 || !isConstraintManifest(constraintResource)) {
    throw new SuiteError(`${context.display(test.constraint)}: expected exactly one Gatekeeper constraint`);
  }
  const manifest = readConstraint(constraintResource);
  if (isProblem(manifest)) throw new SuiteError(`${context.display(test.constraint)}: ${manifest.message}`);
  const header = { name: test.name, kind: manifest.kind, constraintName: manifest.name };
  const cel = await celTemplateSupport(templates.values());
  const bound = bindConstraint(manifest, context.registry, templates, {
    preferCel: context.options.preferCel === true,
    ...(cel && { cel }),
  });
  if (bound.type === 'unsupported') return { ...header, cases: skipAll('not-implemented', bound.unsupported.reason) };
  if (bound.type === 'skipped') return { ...header, cases: skipAll('skipped', bound.note) };
  if (bound.type === 'problem') {
    throw new SuiteError(`${context.display(test.constraint)}: ${bound.problem.message}`);
  }
  const constraint = bound.constraint;
  const cases = await runCases(test, context, (object, inventory) => {
    const findings = evaluate([object], [constraint], { inventory });
    const failure = findings.find((finding) => finding.ruleId === RULE_ERROR_ID);
    return failure ? { error: failure.message } : { violations: findings.map((finding) => finding.message) };
  });
  return { ...header, ruleId: constraint.ruleId, cases };
}

type Review = (object: Resource, inventory: Resource[]) => { violations: string[] } | { error: string };

/** Reviews each case's object and checks the assertions. */
async function runCases(test: SuiteTest, context: TestContext, review: Review): Promise<CaseResult[]> {
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

/**
 * A test of a ValidatingAdmissionPolicy: the policy file (with its bindings
 * and parameters, or those in `binding`) is evaluated on each case's object
 * as a CREATE, or as its AdmissionReview's request. A violation is a failed
 * validation; an evaluation error fails the case.
 */
async function runPolicyTest(test: SuiteTest, policyFile: string, context: TestContext): Promise<TestResult> {
  if (test.skip) {
    return {
      name: test.name,
      cases: test.cases.map((item) => ({ name: item.name, status: 'skipped', assertions: [], violations: [] })),
    };
  }
  const set = emptyPolicySet();
  const files = [policyFile, ...(test.binding === undefined ? [] : [test.binding])];
  const policies: string[] = [];
  for (const file of files) {
    for (const resource of await loadResources(file, context)) {
      if (isAdmissionPolicy(resource) && resource.name) policies.push(resource.name);
      addPolicyManifest(set, resource, true);
    }
  }
  const [policyName] = policies;
  if (policyName === undefined)
    throw new SuiteError(`${context.display(policyFile)}: expected a ValidatingAdmissionPolicy`);
  const [problem] = set.findings;
  if (problem) throw new SuiteError(`${problem.file}:${problem.line}:${problem.column}: ${problem.message}`);
  if (set.bindings.length === 0) {
    throw new SuiteError(
      `${context.display(policyFile)}: no ValidatingAdmissionPolicyBinding for "${policyName}": add one to the file, or name a binding file in the test`,
    );
  }
  const cases = await runCases(test, context, (object, inventory) => {
    const result = evaluateAdmissionPolicies([object], set, { inventory });
    const [failure] = result.findings.filter(isEvaluationFailure);
    if (failure) return { error: failure.message };
    const unusable = result.findings.find((finding) => finding.ruleId !== ADMISSION_POLICY_ID);
    if (unusable) return { error: unusable.message };
    return { violations: result.findings.map((finding) => finding.message) };
  });
  return {
    name: test.name,
    kind: 'ValidatingAdmissionPolicy',
    constraintName: policyName,
    ruleId: ADMISSION_POLICY_ID,
    cases,
  };
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

async function loadResources(file: string, context: TestContext): Promise<Resource[]> {
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
