import {
  addPolicyManifest,
  emptyPolicySet,
  evaluateAdmissionPolicies,
  isEvaluationFailure,
} from '../admission/evaluate-admission.js';
import { isAdmissionPolicy } from '../admission/policy-manifests.js';
import { ADMISSION_POLICY_ID } from '../model/finding-ids.js';
import { loadResources, runCases, type TestContext, type TestResult } from './case-runner.js';
import { SuiteError, type SuiteTest } from './suite-file.js';

/**
 * A test of a ValidatingAdmissionPolicy: the policy file (with its bindings
 * and parameters, or those in `binding`) is evaluated on each case's object
 * as a CREATE, or as its AdmissionReview's request. A violation is a failed
 * validation; an evaluation error fails the case.
 */
export async function runPolicyTest(test: SuiteTest, policyFile: string, context: TestContext): Promise<TestResult> {
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
