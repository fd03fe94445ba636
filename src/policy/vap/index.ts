/** What the lint pipeline uses of admission policies; it imports this module only when a run has some. */
export { evaluateAdmissionPolicies, type AdmissionPolicySet } from './evaluate.js';
export { loadAdmissionPolicies } from './load.js';
