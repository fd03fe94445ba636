/**
 * The shared rule tester. `ruleTester(rule)` registers vitest tests for every
 * case under `fixtures/<rule-id>/`:
 *
 * - `pass/<case>.yaml`: no findings.
 * - `fail/<case>.yaml` with `<case>.expect.yaml`: exactly the listed findings,
 *   each `{messageId, line, column}` and optionally `message` (the full text)
 *   and `related` (`[{line, column}]`).
 * - `<case>.options.yaml` beside a pass or fail case: evaluation options
 *   (`defaultNamespace`, `namespacesComplete`).
 * - `<case>.params.yaml` beside a pass or fail case: the constraint's
 *   parameters, checked and defaulted by the schema as a user's would be.
 * - `invalid-params/<case>.params.yaml`: parameters the rule must reject, with
 *   an optional `<case>.expect.yaml` listing the `path` of each error.
 *
 * The cases named `example` (`fail/example.yaml`, `pass/example.yaml`) are
 * also the rule's documented example, shown on its page.
 *
 * Each file is loaded the way the CLI loads it and all of its resources are
 * evaluated together, so cross-resource cases work. Every case also checks
 * that the rule throws nothing, fills every placeholder, uses only its own
 * message ids, and gives the same result twice.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileParameters } from '../../src/engine/params.js';
import { RULE_ERROR_ID } from '../../src/model/finding-ids.js';
import { evaluate, type BoundConstraint, type EvaluateOptions } from '../../src/engine/evaluate.js';
import type { Finding, Match, Resource, Rule, Violation } from '../../src/model/types.js';
import { admissionObject } from '../../src/load/resource.js';
import { parseManifests } from '../../src/load/parse.js';
import { deepFreeze } from '../../src/load/resource.js';
import { loadCrdValidation } from '../../src/schema/crd-cel.js';

// Rules are evaluated here without lint(), which loads CRD validation when the inputs need it.
await loadCrdValidation();

/** The repository root: fixture file names are relative to it, as the CLI would print them. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** One expected finding of a failing case. */
export interface ExpectedFinding {
  messageId: string;
  line: number;
  column: number;
  /** The whole message, when the case wants to pin its wording. */
  message?: string;
  /** Positions of the related locations, in order. */
  related?: { line: number; column: number }[];
}

/** A case written in the test file instead of under `fixtures/`. */
export interface InlineCase {
  /** What the case shows, as a user would say it. */
  name: string;
  /** One or more YAML documents. */
  yaml: string;
  parameters?: Record<string, unknown>;
  /** The namespace for manifests without one (`--namespace`). */
  defaultNamespace?: string;
  /** The input is the whole of its namespaces (`--namespaces-complete`). */
  namespacesComplete?: boolean;
  /** The Kubernetes releases targeted (`--kubernetes-version`), oldest first; the default release otherwise. */
  kubernetesReleases?: readonly string[];
  /** The findings; empty for a case that passes. */
  expect: ExpectedFinding[];
}

/** What a rule's test file adds to its fixtures. */
export interface RuleTesterOptions {
  extraCases?: readonly InlineCase[];
}

/** What evaluating one case produced: findings paired with the violations behind them. */
export interface CaseOutcome {
  findings: Finding[];
  violations: Violation[];
}

/** Registers the fixture, inline and robustness tests for one rule. */
export function ruleTester<P>(rule: Rule<P>, options: RuleTesterOptions = {}): void {
  const subject = rule as unknown as Rule;
  const id = subject.meta.id;
  const directory = path.join(ROOT, 'fixtures', id);
  describe(`rule ${id}`, () => {
    it('has fixtures for passing and failing manifests', () => {
      expect(caseFiles(directory, 'pass').length, `fixtures/${id}/pass/*.yaml`).toBeGreaterThan(0);
      expect(caseFiles(directory, 'fail').length, `fixtures/${id}/fail/*.yaml`).toBeGreaterThan(0);
    });
    for (const file of caseFiles(directory, 'pass')) {
      it(`finds nothing in ${relative(file)}`, () => {
        expect(
          existsSync(sidecar(file, 'expect')),
          `${relative(file)} is a passing case: remove its .expect.yaml`,
        ).toBe(false);
        expectFixture(subject, file, []);
      });
    }
    for (const file of caseFiles(directory, 'fail')) {
      it(`reports exactly the expected findings in ${relative(file)}`, () => {
        const expected = readExpectations(file);
        expect(expected.length, `${relative(sidecar(file, 'expect'))} lists no findings`).toBeGreaterThan(0);
        expectFixture(subject, file, expected);
      });
    }
    for (const file of invalidParameterFiles(directory)) {
      it(`rejects the parameters in ${relative(file)}`, () => expectRejected(subject, file));
    }
    for (const inline of options.extraCases ?? []) {
      it(inline.name, () => {
        const parameters = checkedParameters(subject, inline.parameters ?? {}, inline.name);
        const outcome = runCase(subject, inline.yaml, `inline/${id}.yaml`, parameters, {
          ...(inline.defaultNamespace !== undefined && { defaultNamespace: inline.defaultNamespace }),
          ...(inline.namespacesComplete !== undefined && { namespacesComplete: inline.namespacesComplete }),
          ...(inline.kubernetesReleases !== undefined && { kubernetesReleases: inline.kubernetesReleases }),
        });
        expectFindings(subject, outcome, inline.expect, inline.name);
      });
    }
    registerGeneralTests(subject, directory);
  });
}

/** Tests every rule must pass whatever its fixtures: odd input, with the parameters of the documented example. */
function registerGeneralTests(rule: Rule, directory: string): void {
  const parameters = () => caseParameters(rule, path.join(directory, 'fail', 'example.yaml'));
  it('does not throw on manifests with odd shapes, whatever kinds a constraint matches', () => {
    for (const match of [{}, { kinds: [{ apiGroups: ['*'], kinds: ['*'] }] }] satisfies Match[]) {
      const outcome = runCase(rule, ODD_MANIFESTS, 'odd/manifests.yaml', parameters(), {}, match);
      expectSound(rule, outcome, 'odd manifests');
    }
  });
}

/** Loads a fixture file and evaluates it with the parameters beside it, if any. */
export function runFixture(rule: Rule, file: string): CaseOutcome {
  const parameters = caseParameters(rule, file);
  const optionsFile = sidecar(file, 'options');
  const options = (existsSync(optionsFile) ? parse(readFileSync(optionsFile, 'utf8')) : {}) as EvaluateOptions;
  return runCase(rule, readFileSync(file, 'utf8'), relative(file), parameters, options);
}

/** The parameters in `<case>.params.yaml` beside a case file, if any, checked and defaulted as a user's would be. */
function caseParameters(rule: Rule, file: string): Record<string, unknown> {
  const paramsFile = sidecar(file, 'params');
  const raw: unknown = existsSync(paramsFile) ? parse(readFileSync(paramsFile, 'utf8')) : {};
  return checkedParameters(rule, raw, relative(paramsFile));
}

/**
 * Evaluates every resource of `text` against one deny constraint of the rule,
 * recording the rule's violations so that each finding's message id is known.
 */
export function runCase(
  rule: Rule,
  text: string,
  file: string,
  parameters: Record<string, unknown>,
  options: EvaluateOptions = {},
  match: Match = {},
): CaseOutcome {
  const resources = loadResources(text, file);
  const violations: Violation[] = [];
  // A stand-in with the same meta whose check records what the real one yields.
  const recorder: Rule = {
    meta: rule.meta,
    check(resource, params, ctx) {
      const yielded = [...rule.check(resource, params, ctx)];
      violations.push(...yielded);
      return yielded;
    },
  };
  const constraint: BoundConstraint = {
    name: rule.meta.id,
    ruleId: rule.meta.id,
    match,
    parameters: deepFreeze(parameters),
    enforcementAction: 'deny',
    rule: recorder,
  };
  const findings = evaluate(resources, [constraint], options);
  return { findings, violations };
}

function loadResources(text: string, file: string): Resource[] {
  const resources: Resource[] = [];
  for (const event of parseManifests(text, file)) {
    // Mistyped fields are reported by the loader (invalid-resource), and rules still see the resource.
    if (event.type === 'problem' && event.finding.ruleId !== 'invalid-resource') {
      expect.fail(`${file} does not load: ${event.finding.message}`);
    }
    if (event.type !== 'resource') continue;
    // Rules must see frozen input: a rule that writes to it throws, which the tests report.
    expect(Object.isFrozen(event.resource.object), `${file}: the loader hands rules frozen objects`).toBe(true);
    // An AdmissionReview (an UPDATE, say) is reviewed as its request, as `k8s-bp verify` does.
    resources.push(event.resource.kind === 'AdmissionReview' ? reviewedObject(event.resource, file) : event.resource);
  }
  expect(resources.length, `${file} holds no Kubernetes objects`).toBeGreaterThan(0);
  return resources;
}

/** Parameters as the config loader would pass them; a case with bad parameters is a broken test. */
function checkedParameters(rule: Rule, raw: unknown, where: string): Record<string, unknown> {
  const result = compileParameters(rule)(raw);
  if (!result.ok) expect.fail(`${where}: parameters rejected: ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** No rule errors (throws or unfilled placeholders), only known message ids, one violation per finding. */
function expectSound(rule: Rule, outcome: CaseOutcome, where: string): void {
  const errors = outcome.findings.filter((finding) => finding.ruleId === RULE_ERROR_ID);
  expect(
    errors.map((finding) => `${finding.line}:${finding.column} ${finding.message}`),
    `${where}: the rule failed`,
  ).toEqual([]);
  expect(outcome.violations.length, `${where}: one finding per violation`).toBe(outcome.findings.length);
  for (const violation of outcome.violations) {
    expect(Object.keys(rule.meta.messages), `${where}: message ids of the rule`).toContain(violation.messageId);
  }
  // A Gatekeeper port's message is the library's text, in which Rego prints sets in braces.
  if (rule.meta.gatekeeper) return;
  for (const finding of outcome.findings)
    expect(finding.message, `${where}: placeholders filled`).not.toMatch(/\{\{|\}\}/);
}

/** Asserts the exact findings of a case: count, message ids and positions, plus message text and related places when given. */
function expectFindings(rule: Rule, outcome: CaseOutcome, expected: readonly ExpectedFinding[], where: string): void {
  expectSound(rule, outcome, where);
  const actual = outcome.findings
    .map((finding, index) => ({
      messageId: outcome.violations[index]?.messageId ?? '',
      line: finding.line,
      column: finding.column,
      message: finding.message,
      related: (finding.related ?? []).map(({ line, column }) => ({ line, column })),
    }))
    .sort(byPosition);
  const wanted = [...expected].sort(byPosition);
  // Compare only the fields each expectation names, so sidecars stay short.
  const projected = actual.map((row, index) => project(row, wanted[index]));
  const listing = actual.map((row) => `${row.line}:${row.column} ${row.messageId}: ${row.message}`).join('\n');
  expect(projected, `${where} produced:\n${listing || '(no findings)'}\n`).toEqual(wanted);
}

/** Runs a fixture twice: a rule that keeps state between runs (a module-level cache) gives itself away. */
function expectFixture(rule: Rule, file: string, expected: readonly ExpectedFinding[]): void {
  const first = runFixture(rule, file);
  expectFindings(rule, first, expected, relative(file));
  expect(runFixture(rule, file).findings, `${relative(file)}: the same findings on a second run`).toEqual(
    first.findings,
  );
}

function byPosition(a: ExpectedFinding, b: ExpectedFinding): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    compare(a.messageId, b.messageId) ||
    compare(a.message ?? '', b.message ?? '')
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function project(row: Required<ExpectedFinding>, wanted: ExpectedFinding | undefined): ExpectedFinding {
  const result: ExpectedFinding = { messageId: row.messageId, line: row.line, column: row.column };
  if (wanted?.message !== undefined) result.message = row.message;
  if (wanted?.related !== undefined) result.related = row.related;
  return result;
}

function expectRejected(rule: Rule, file: string): void {
  const result = compileParameters(rule)(parse(readFileSync(file, 'utf8')));
  expect(result.ok, `${relative(file)} should be rejected`).toBe(false);
  if (result.ok) return;
  for (const error of result.errors) expect(error.message, 'every error says what is wrong').not.toBe('');
  const expectFile = file.replace(/\.params\.yaml$/, '.expect.yaml');
  if (!existsSync(expectFile)) return;
  const paths = asList(parse(readFileSync(expectFile, 'utf8')), relative(expectFile)).map((entry) =>
    String(entry.path),
  );
  expect(
    result.errors.map((error) => error.path),
    `${relative(file)}: the fields the errors name`,
  ).toEqual(paths);
}

function readExpectations(file: string): ExpectedFinding[] {
  const expectFile = sidecar(file, 'expect');
  if (!existsSync(expectFile)) expect.fail(`${relative(file)} is a failing case but has no ${relative(expectFile)}`);
  const entries = asList(parse(readFileSync(expectFile, 'utf8')), relative(expectFile));
  return entries.map((entry, index) => {
    const { messageId, line, column } = entry;
    if (typeof messageId !== 'string' || typeof line !== 'number' || typeof column !== 'number') {
      expect.fail(`${relative(expectFile)}[${index}] needs messageId (string), line and column (numbers)`);
    }
    return entry as unknown as ExpectedFinding;
  });
}

function asList(value: unknown, where: string): Record<string, unknown>[] {
  if (!Array.isArray(value) || !value.every((entry) => typeof entry === 'object' && entry !== null)) {
    expect.fail(`${where} must be a list of mappings`);
  }
  return value as Record<string, unknown>[];
}

/** The case files of one folder: every `.yaml` that is not a sidecar. */
function caseFiles(directory: string, kind: 'pass' | 'fail'): string[] {
  const folder = path.join(directory, kind);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name) && !/\.(params|expect|options)\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(folder, name));
}

function invalidParameterFiles(directory: string): string[] {
  const folder = path.join(directory, 'invalid-params');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.params.yaml'))
    .sort()
    .map((name) => path.join(folder, name));
}

function sidecar(file: string, kind: 'params' | 'expect' | 'options'): string {
  return file.replace(/\.ya?ml$/, `.${kind}.yaml`);
}

function relative(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join('/');
}

/** Shapes a careless or half-written manifest can have; rules must report or skip them, never throw. */
const ODD_MANIFESTS = `
apiVersion: v1
kind: Pod
metadata: []
spec: []
---
apiVersion: v1
kind: Pod
metadata: {name: 1, namespace: {}, annotations: 7}
spec:
  containers: [null, 1, x, [], {name: 2, image: 3, resources: []}, {resources: {limits: []}}, {image: '', resources: {limits: {cpu: {}, memory: [1]}}}]
  initContainers: {}
  ephemeralContainers: x
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec: {template: {spec: {containers: {a: 1}}}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec: {jobTemplate: []}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: i, annotations: []}
spec: {rules: {}, tls: x}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: j, annotations: {kubernetes.io/ingress.allow-http: [false]}}
spec: {rules: [null, 1, {host: 7}, {host: ''}, {host: [a]}, {host: x.example.com}], tls: [null]}
---
apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: j}
spec: x
`;

function reviewedObject(review: Resource, file: string): Resource {
  const reviewed = admissionObject(review);
  if (typeof reviewed === 'string') throw new Error(`${file}: ${reviewed}`);
  return reviewed;
}
