/**
 * Which manifests are ValidatingAdmissionPolicies and their bindings. Apart
 * from the readers and the evaluator, so that a lint without policies can tell
 * them from workloads without loading the CEL interpreter.
 */
import type { Resource } from '../model/types.js';

export const ADMISSION_GROUP = 'admissionregistration.k8s.io';
const VERSIONS = new Set(['v1', 'v1beta1', 'v1alpha1']);
export const POLICY_KIND = 'ValidatingAdmissionPolicy';
export const BINDING_KIND = 'ValidatingAdmissionPolicyBinding';

export function isAdmissionPolicy(resource: Resource): boolean {
  return resource.group === ADMISSION_GROUP && VERSIONS.has(resource.version) && resource.kind === POLICY_KIND;
}

export function isAdmissionPolicyBinding(resource: Resource): boolean {
  return resource.group === ADMISSION_GROUP && VERSIONS.has(resource.version) && resource.kind === BINDING_KIND;
}

/** True for the manifests that configure admission policy rather than run workloads. */
export function isAdmissionPolicyManifest(resource: Resource): boolean {
  return isAdmissionPolicy(resource) || isAdmissionPolicyBinding(resource);
}
