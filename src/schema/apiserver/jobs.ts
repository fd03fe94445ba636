/**
 * Jobs and CronJobs: counters, completion mode, a pod template whose pods do
 * not restart forever, and the CronJob's schedule settings.
 */
import type { ObjectPath } from '../../model/types.js';
import { checkEnum, checkNonNegative } from './checks.js';
import type { Findings } from './findings.js';
import { checkLabelSelector } from './labels.js';
import { checkPodTemplate } from './pod-spec.js';
import { type FoundTemplate, podTemplateOf } from './templates.js';
import { isSet, nonEmptyString, quote, recordOf, stringOf } from './read.js';

type Json = Record<string, unknown>;
const JOB_COUNTERS = ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished'];

/** A Job. */
export function checkJob(out: Findings, object: Json): void {
  const spec = recordOf(object.spec);
  if (!spec) return;
  checkLabelSelector(out, spec.selector, ['spec', 'selector']);
  checkJobSpec(out, spec, ['spec'], podTemplateOf(object, 'Job'));
}

/** A CronJob: its own settings, then its job template's spec, whose selector is generated. */
export function checkCronJob(out: Findings, object: Json): void {
  const spec = recordOf(object.spec);
  if (!spec) return;
  for (const key of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) {
    checkNonNegative(out, spec[key], ['spec', key]);
  }
  checkEnum(out, spec.concurrencyPolicy, ['spec', 'concurrencyPolicy'], ['Allow', 'Forbid', 'Replace']);
  const timeZone = stringOf(spec.timeZone);
  if (timeZone === '') out.value(['spec', 'timeZone'], '"timeZone" must be unset or a time zone name, not empty');
  else if (timeZone?.toLowerCase() === 'local') {
    out.value(['spec', 'timeZone'], `"timeZone" must name an IANA time zone, not ${quote(timeZone)}`);
  }
  const jobSpec = recordOf(recordOf(spec.jobTemplate)?.spec);
  if (!jobSpec) return;
  const template = podTemplateOf(object, 'CronJob');
  const path = ['spec', 'jobTemplate', 'spec'];
  if (isSet(jobSpec.selector))
    out.value([...path, 'selector'], 'a CronJob\'s job template may not set "selector": it is generated');
  if (jobSpec.manualSelector === true)
    out.value([...path, 'manualSelector'], 'a CronJob\'s job template may not set "manualSelector" to true');
  checkJobSpec(out, jobSpec, path, template);
}

/** What a Job's spec and a CronJob's job template share; `found` is the pod template in it. */
function checkJobSpec(out: Findings, spec: Json, path: ObjectPath, found: FoundTemplate | undefined): void {
  for (const key of JOB_COUNTERS) checkNonNegative(out, spec[key], [...path, key]);
  checkEnum(out, spec.completionMode, [...path, 'completionMode'], ['NonIndexed', 'Indexed']);
  // With neither completions nor parallelism set, both default to 1.
  if (spec.completionMode === 'Indexed' && !isSet(spec.completions) && isSet(spec.parallelism)) {
    out.required(path, '"completions" is required when "completionMode" is "Indexed"');
  }
  if (!found) return;
  checkPodTemplate(out, found.template, found.path);
  checkJobRestartPolicy(out, spec, found.template, [...found.path, 'spec']);
}

/**
 * A Job's pods must not restart forever: the template's `restartPolicy`,
 * which defaults to `Always`, must be set to `OnFailure` or `Never`, and to
 * `Never` when a pod failure policy is set. A value that is no restart policy
 * at all is left to the pod spec check.
 */
function checkJobRestartPolicy(out: Findings, jobSpec: Json, template: Json, path: ObjectPath): void {
  const podSpec = recordOf(template.spec);
  if (!podSpec) return;
  const policy = nonEmptyString(podSpec.restartPolicy);
  if (policy === undefined) {
    out.required(path, 'a Job\'s pod template must set "restartPolicy" to "OnFailure" or "Never"');
  } else if (policy === 'Always') {
    out.value(
      [...path, 'restartPolicy'],
      'a Job\'s pod template must have "restartPolicy" "OnFailure" or "Never", not "Always"',
    );
  } else if (policy === 'OnFailure' && isSet(jobSpec.podFailurePolicy)) {
    out.value([...path, 'restartPolicy'], '"restartPolicy" must be "Never" when the Job has a "podFailurePolicy"');
  }
}
