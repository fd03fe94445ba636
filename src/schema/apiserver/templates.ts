/**
 * What the workload kinds share: a non-empty label selector, a pod template
 * whose restart policy the controller can honour, and percentages or counts
 * of pods in rolling updates.
 */
import { podTemplatePathOf } from '../../kit/pod-spec.js';
import { getIn } from '../../model/records.js';
import type { ObjectPath } from '../../model/types.js';
import { fieldName } from './checks.js';
import type { Findings } from './findings.js';
import { checkLabelSelector } from './labels.js';
import { checkPodTemplate } from './pod-spec.js';
import { isSet, listOf, nonEmptyString, quote, recordOf } from './read.js';

const POD_RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const PERCENT = /^[0-9]+%$/;

/** A workload's `spec.selector`: well formed and, for the apps kinds, not empty. */
export function checkWorkloadSelector(
  out: Findings,
  spec: Record<string, unknown>,
  path: ObjectPath,
  kind: string,
): void {
  const selector = recordOf(spec.selector);
  if (!selector) return;
  checkLabelSelector(out, selector, [...path, 'selector']);
  const matchLabels = Object.keys(recordOf(selector.matchLabels) ?? {});
  if (matchLabels.length === 0 && listOf(selector.matchExpressions).length === 0) {
    out.value([...path, 'selector'], `a ${kind}'s "selector" must not be empty`);
  }
}

/** A pod template and its path from the object root, found where the pod-spec kit says the kind keeps it. */
export interface FoundTemplate {
  readonly template: Record<string, unknown>;
  readonly path: ObjectPath;
}

/** The pod template of a workload kind, or undefined when the object has none there. */
export function podTemplateOf(object: Record<string, unknown>, kind: string): FoundTemplate | undefined {
  const path = podTemplatePathOf(kind);
  const template = path ? recordOf(getIn(object, path)) : undefined;
  return path && template ? { template, path } : undefined;
}

/**
 * The pod template of a controller whose pods always restart (Deployment,
 * ReplicaSet, DaemonSet, ReplicationController): the template is checked as a
 * pod's, its restart policy must be `Always`, and it may not set a deadline.
 */
export function checkRestartingTemplate(out: Findings, object: Record<string, unknown>, kind: string): void {
  const found = podTemplateOf(object, kind);
  if (!found) return;
  checkPodTemplate(out, found.template, found.path);
  checkAlwaysRestarts(out, found.template, found.path, kind, true);
}

/**
 * A template's restart policy must be `Always` (the default) and it may not
 * set `activeDeadlineSeconds`. When the pod spec is checked too, a value that
 * is no restart policy at all is left to that check.
 */
export function checkAlwaysRestarts(
  out: Findings,
  template: Record<string, unknown>,
  path: ObjectPath,
  kind: string,
  podSpecChecked: boolean,
): void {
  const spec = recordOf(template.spec);
  if (!spec) return;
  const policy = nonEmptyString(spec.restartPolicy);
  if (policy !== undefined && policy !== 'Always' && (!podSpecChecked || POD_RESTART_POLICIES.includes(policy))) {
    out.value(
      [...path, 'spec', 'restartPolicy'],
      `a ${kind}'s pod template must have "restartPolicy" "Always", not ${quote(policy)}`,
    );
  }
  if (isSet(spec.activeDeadlineSeconds)) {
    out.value(
      [...path, 'spec', 'activeDeadlineSeconds'],
      `a ${kind}'s pod template may not set "activeDeadlineSeconds"`,
    );
  }
}

/** A count or percentage of pods, as its value, or undefined when it is not well formed. */
function amountOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string' && PERCENT.test(value)) return Number(value.slice(0, -1));
  return undefined;
}

/**
 * `maxSurge` or `maxUnavailable`: a count that is not negative or a
 * percentage, at most 100% when `capped`. Returns its amount (a default
 * stands in for an unset value), or undefined when it is wrong.
 */
export function checkPodAmount(
  out: Findings,
  holder: Record<string, unknown>,
  path: ObjectPath,
  fallback: number,
  capped: boolean,
): number | undefined {
  const value = holder[fieldName(path)];
  if (!isSet(value)) return fallback;
  const amount = amountOf(value);
  if (amount === undefined && (typeof value === 'string' || Number.isInteger(value))) {
    out.value(
      path,
      `"${fieldName(path)}" must be a count of pods that is not negative or a percentage such as "25%", not ${quote(value)}`,
    );
  } else if (amount !== undefined && capped && typeof value === 'string' && amount > 100) {
    out.value(path, `"${fieldName(path)}" must not be more than 100%, not ${quote(value)}`);
  }
  return amount;
}
