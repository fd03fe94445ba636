/**
 * Every finding id that no rule reports (unreadable files, rule failures,
 * unsupported constraints, admission policies, unused suppressions), with its
 * documentation: one home, so that reports can list them and every SARIF
 * `helpUri` resolves, without loading the modules that report them.
 */
import type { ReportRule } from './types.js';

/** Ids of the findings the loader itself reports; they are not rules a config can change. */
export const LOAD_RULES = {
  parseError: 'parse-error',
  duplicateKey: 'duplicate-key',
  helmTemplate: 'helm-template',
  helmChart: 'helm-chart',
  invalidResource: 'invalid-resource',
  fileTooLarge: 'file-too-large',
  yamlWarning: 'yaml-warning',
  kustomizeBuild: 'kustomize-build',
} as const;

export type LoadRuleId = (typeof LOAD_RULES)[keyof typeof LOAD_RULES];

/** Descriptions of the loader's own finding ids, for reports that list every rule. */
export const LOAD_RULE_DOCS = [
  {
    id: LOAD_RULES.kustomizeBuild,
    title: 'Kustomize build',
    description: 'Keep every kustomization buildable, and have Kustomize at hand to build it.',
    rationale:
      'A kustomization is linted as what it builds, so one that Kustomize cannot build (a missing file, a patch whose target is gone, a remote base out of reach) is not checked at all, and would fail at deploy time too.',
    remediation:
      'Fix what Kustomize reports (run kubectl kustomize on the folder to see it), or install kustomize or kubectl, or name the binary with --kustomize-binary.',
    defaultSeverity: 'error' as const,
  },
  {
    id: LOAD_RULES.invalidResource,
    title: 'Invalid resource',
    description: 'Give every field of a manifest the type Kubernetes expects.',
    rationale:
      'The API server rejects a manifest whose fields have the wrong type (a map where a list belongs, an unquoted number as a label value), so it would fail at apply time; rules can only judge what is there.',
    remediation:
      'Fix the field named in the message: quote values that must be strings, write lists with "-" items, and give apiVersion and kind as strings.',
    defaultSeverity: 'error' as const,
  },
  {
    id: LOAD_RULES.fileTooLarge,
    title: 'File too large',
    description: 'Keep manifest files below the size limit (--max-file-size, 20 MB by default).',
    rationale:
      'A file far larger than any manifest is usually generated output or data committed by mistake; reading it could exhaust memory, so it is reported instead of linted.',
    remediation:
      'Split the file, exclude it with --exclude, or raise the limit with --max-file-size if it really is a manifest.',
    defaultSeverity: 'error' as const,
  },
  {
    id: LOAD_RULES.parseError,
    title: 'Parse error',
    description: 'Fix YAML or JSON that cannot be parsed.',
    rationale: 'A manifest that cannot be parsed cannot be checked, and the API server would reject it as well.',
    remediation: 'Correct the syntax at the reported line and column.',
    defaultSeverity: 'error' as const,
  },
  {
    id: LOAD_RULES.duplicateKey,
    title: 'Duplicate key',
    description: 'Write each key of a mapping once.',
    rationale:
      'When a key appears twice, only the last value takes effect, so the earlier one is silently lost; it is usually a merge or copy-and-paste mistake.',
    remediation: 'Remove or merge the repeated key at the reported line.',
    defaultSeverity: 'error' as const,
  },
  {
    id: LOAD_RULES.yamlWarning,
    title: 'YAML warning',
    description: 'Write YAML that parses without a warning, such as a tag that nothing resolves.',
    rationale:
      'The YAML parser loads the document, but not quite as written: an unknown tag is dropped and the value read as plain data, which other tools may read differently or reject.',
    remediation: 'Remove or correct what the message names at the reported line, such as a custom tag.',
    defaultSeverity: 'warning' as const,
  },
  {
    id: LOAD_RULES.helmChart,
    title: 'Helm chart',
    description: 'Lint what a Helm chart renders, not its templates and values files.',
    rationale:
      'The files of a chart are not manifests: templates become objects only when Helm fills in the values, and values files and Chart.yaml are not objects at all. Linting them file by file would report noise and miss what the chart deploys.',
    remediation:
      'Render the chart and lint the output (helm template <release> <chart> | k8s-bp lint -), or exclude the chart folder with --exclude.',
    defaultSeverity: 'warning' as const,
  },
  {
    id: LOAD_RULES.helmTemplate,
    title: 'Helm template',
    description: 'Render templates before linting them.',
    rationale:
      'A document that template syntax keeps from loading is not a manifest until the template is rendered, and the objects it holds would pass the gate unchecked.',
    remediation: 'Lint the rendered output instead: helm template <release> <chart> | k8s-bp lint -.',
    defaultSeverity: 'error' as const,
  },
];

/** The finding for a constraint k8s-bp cannot run. */
export const UNSUPPORTED_CONSTRAINT_ID = 'unsupported-constraint';

export const UNSUPPORTED_CONSTRAINT_DOC = {
  id: UNSUPPORTED_CONSTRAINT_ID,
  title: 'Unsupported Gatekeeper constraint',
  description: 'Give every Gatekeeper constraint a kind that k8s-bp can check.',
  rationale:
    'A constraint that is not checked gates nothing; saying so keeps a green run from hiding a policy that never ran.',
  remediation:
    'Use a kind from the Gatekeeper library that k8s-bp implements (k8s-bp rules lists them), or check this policy in the cluster only.',
  defaultSeverity: 'warning' as const,
};

export const PLUGIN_ERROR_ID = 'plugin-error';

export const PLUGIN_ERROR_DOC = {
  id: PLUGIN_ERROR_ID,
  title: 'Rule module error',
  description: 'A rule module named under plugins: in .k8s-bp.yaml could not be used.',
  rationale: 'A rule that cannot load checks nothing; saying so keeps a green run from hiding a policy that never ran.',
  remediation:
    'Fix the module named in the message: it must load without throwing and export a rule (or a list of rules) with meta (id, title, description, messages, schema) and a check function.',
  defaultSeverity: 'error' as const,
};

/** The id of the finding reported when a rule itself fails on a resource. */
export const RULE_ERROR_ID = 'rule-error';

const RULE_ERROR_DOC: ReportRule = {
  id: RULE_ERROR_ID,
  title: 'Rule error',
  description: 'A rule could not check a resource.',
  rationale: 'A check that fails must not pass silently; the resource may break the practice the rule guards.',
  remediation: 'Check that the resource is well formed; if it is, report the problem with the resource attached.',
  defaultSeverity: 'error',
};

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

/** Ids of the findings that suppressions themselves give rise to. */
export const ADOPT_RULES = {
  unusedSuppression: 'unused-suppression',
  suppressionWithoutReason: 'suppression-without-reason',
} as const;

/** Their documentation, for reports that list every rule and for `docs/rules/`. */
export const ADOPT_RULE_DOCS: readonly ReportRule[] = [
  {
    id: ADOPT_RULES.unusedSuppression,
    title: 'Unused suppression',
    description: 'Remove suppressions that no longer silence any finding.',
    rationale:
      'A suppression outlives the problem it was written for: once the manifest is fixed, or the rule id is misspelt, it silences nothing, yet it would silently hide the same problem if it came back. Reporting it keeps the list of accepted exceptions honest.',
    remediation:
      'Delete the rule id from the k8s-bp-ignore comment, the k8s-bp.dev/ignore annotation or the ignore entry of the config named in the message, or correct its spelling. A suppression is only judged when its rule ran.',
    defaultSeverity: 'warning',
  },
  {
    id: ADOPT_RULES.suppressionWithoutReason,
    title: 'Suppression without a reason',
    description: 'Give every suppression a reason (reported only with --require-ignore-reason).',
    rationale:
      'An exception that nobody can explain cannot be reviewed or retired. With --require-ignore-reason (or requireIgnoreReason: true in the config) every suppression must say why it exists.',
    remediation:
      'Add the reason: after " -- " in a k8s-bp-ignore comment, in a k8s-bp.dev/ignore-reason annotation next to k8s-bp.dev/ignore, or as reason: in the ignore entry of the config.',
    defaultSeverity: 'error',
  },
];

/** Every finding id that is not a rule, with its description. */
export const FINDING_DOCS: readonly ReportRule[] = [
  ...LOAD_RULE_DOCS,
  UNSUPPORTED_CONSTRAINT_DOC,
  PLUGIN_ERROR_DOC,
  RULE_ERROR_DOC,
  ...ADMISSION_POLICY_DOCS,
  GATEKEEPER_CEL_DOC,
  ...ADOPT_RULE_DOCS,
];
