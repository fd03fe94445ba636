/**
 * The ids and documentation of the findings that admission policies and
 * Gatekeeper CEL templates report. Kept apart from the evaluators so that the
 * reports can list them without loading the CEL interpreter.
 */

/** Findings of failed validations (and of evaluation errors). */
export const ADMISSION_POLICY_ID = 'validating-admission-policy';
/** Findings of policy and binding manifests that cannot be used. */
export const INVALID_ADMISSION_POLICY_ID = 'invalid-admission-policy';

export const ADMISSION_POLICY_DOCS = [
  {
    id: ADMISSION_POLICY_ID,
    title: 'ValidatingAdmissionPolicy',
    description: 'Make every object pass the ValidatingAdmissionPolicies that are bound to it.',
    rationale:
      'The API server evaluates these policies when the object is applied; a manifest that fails one is rejected (Deny), warned about (Warn) or recorded (Audit) there. Finding it in review saves a failed deployment.',
    remediation:
      "Change the object so that the policy's validation holds (the message says which), or change the policy or its binding if the object is a legitimate exception.",
    defaultSeverity: 'error' as const,
  },
  {
    id: INVALID_ADMISSION_POLICY_ID,
    title: 'Invalid ValidatingAdmissionPolicy or binding',
    description:
      'Give every ValidatingAdmissionPolicy and binding the fields the API server requires, with expressions that compile.',
    rationale:
      'The API server refuses a policy whose expressions do not compile, and a binding that names no policy checks nothing: either way the policy does not protect what it was written for.',
    remediation:
      "Fix the field the finding points at; `kubectl apply --dry-run=server` gives the API server's own verdict.",
    defaultSeverity: 'error' as const,
  },
];

export const GATEKEEPER_CEL_ID = 'gatekeeper-cel';

export const GATEKEEPER_CEL_DOC = {
  id: GATEKEEPER_CEL_ID,
  title: 'Gatekeeper constraint (CEL template)',
  description:
    'Make every object pass the Gatekeeper constraints whose templates are written in CEL (K8sNativeValidation).',
  rationale:
    'Gatekeeper evaluates these constraints when the object is applied, and in its audit; a manifest that breaks one is rejected or reported there. Finding it in review saves a failed deployment.',
  remediation:
    "Change the object so that the template's validation holds (the message says which), or adjust the constraint's match or parameters if the object is a legitimate exception.",
  defaultSeverity: 'error' as const,
};
