/** What the lint pipeline uses of admission policies; it imports this module only when a run has some. */
export { evaluateAdmissionPolicies, type AdmissionPolicySet } from './evaluate-admission.js';
export { loadAdmissionPolicies } from './read-admission-policies.js';
