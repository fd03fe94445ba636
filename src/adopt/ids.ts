import type { ReportRule } from '../report/sarif.js';

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
