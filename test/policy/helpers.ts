import type { Finding } from '../../src/model/types.js';
import {
  addPolicyManifest,
  emptyPolicySet,
  evaluateAdmissionPolicies,
} from '../../src/admission/evaluate-admission.js';

import { resourcesOf } from '../helpers/resources.js';

export { resourcesOf };

/** Evaluates the policies, bindings and parameter objects in `policies` on the objects in `manifests`. */
export function review(
  manifests: string,
  policies: string,
  options: { defaultNamespace?: string } = {},
): { findings: Finding[]; notes: string[] } {
  const set = emptyPolicySet();
  for (const resource of resourcesOf(policies, 'policies.yaml')) addPolicyManifest(set, resource, true);
  return evaluateAdmissionPolicies(resourcesOf(manifests, 'manifests.yaml'), set, options);
}

/** The parts of a finding a test states. */
export function brief(finding: Finding): Record<string, unknown> {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    constraintName: finding.constraintName,
    object: finding.object?.name,
    message: finding.message,
    line: finding.line,
  };
}
