import type { Finding, Resource } from '../../src/engine/types.js';
import { parseManifests } from '../../src/load/parse.js';
import { addPolicyManifest, emptyPolicySet, evaluateAdmissionPolicies } from '../../src/policy/vap/evaluate.js';

export function resourcesOf(text: string, file: string): Resource[] {
  const resources: Resource[] = [];
  for (const event of parseManifests(text, file)) if (event.type === 'resource') resources.push(event.resource);
  return resources;
}

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
