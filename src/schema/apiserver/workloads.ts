/**
 * The specs of the workload controllers in the apps group and the core
 * ReplicationController, PodTemplate and Pod.
 */
import type { ObjectPath } from '../../model/types.js';
import { checkEnum, checkNonNegative } from './checks.js';
import type { Findings } from './findings.js';
import { checkAnnotations, checkLabels } from './labels.js';
import { checkPodSpec, checkPodTemplate } from './pod-spec.js';
import { integerOf, isSet, quote, recordOf } from './read.js';
import {
  checkAlwaysRestarts,
  checkPodAmount,
  checkRestartingTemplate,
  checkWorkloadSelector,
  podTemplateOf,
} from './templates.js';

type Json = Record<string, unknown>;
const SPEC: ObjectPath = ['spec'];
/** The API server's default for `progressDeadlineSeconds`. */
const DEFAULT_PROGRESS_DEADLINE = 600;

/** Runs `check` on the object's `spec` when it is a mapping. */
function withSpec(object: Json, check: (spec: Json) => void): void {
  const spec = recordOf(object.spec);
  if (spec) check(spec);
}

function checkCounters(out: Findings, spec: Json, keys: readonly string[]): void {
  for (const key of keys) checkNonNegative(out, spec[key], [...SPEC, key]);
}

/** A Deployment: counters, the progress deadline, selector, template and strategy. */
export function checkDeployment(out: Findings, object: Json): void {
  withSpec(object, (spec) => {
    checkCounters(out, spec, ['replicas', 'minReadySeconds', 'revisionHistoryLimit', 'progressDeadlineSeconds']);
    const deadline = integerOf(spec.progressDeadlineSeconds) ?? DEFAULT_PROGRESS_DEADLINE;
    const minReady = integerOf(spec.minReadySeconds) ?? 0;
    if (deadline >= 0 && deadline <= minReady) {
      const at = isSet(spec.progressDeadlineSeconds)
        ? [...SPEC, 'progressDeadlineSeconds']
        : [...SPEC, 'minReadySeconds'];
      out.value(at, `"progressDeadlineSeconds" (${deadline}) must be greater than "minReadySeconds" (${minReady})`);
    }
    checkWorkloadSelector(out, spec, SPEC, 'Deployment');
    checkRestartingTemplate(out, object, 'Deployment');
    checkDeploymentStrategy(out, spec);
  });
}

function checkDeploymentStrategy(out: Findings, spec: Json): void {
  const strategy = recordOf(spec.strategy);
  if (!strategy) return;
  const path = [...SPEC, 'strategy'];
  checkEnum(out, strategy.type, [...path, 'type'], ['Recreate', 'RollingUpdate']);
  const rollingUpdate = recordOf(strategy.rollingUpdate);
  if (strategy.type === 'Recreate' && isSet(strategy.rollingUpdate)) {
    out.value([...path, 'rollingUpdate'], '"rollingUpdate" may not be set when the strategy "type" is "Recreate"');
  } else if (rollingUpdate && (strategy.type === 'RollingUpdate' || !isSet(strategy.type) || strategy.type === '')) {
    const at = [...path, 'rollingUpdate'];
    // Unset amounts default to 25%.
    const unavailable = checkPodAmount(out, rollingUpdate, [...at, 'maxUnavailable'], 25, true);
    const surge = checkPodAmount(out, rollingUpdate, [...at, 'maxSurge'], 25, false);
    if (unavailable === 0 && surge === 0)
      out.value([...at, 'maxUnavailable'], '"maxUnavailable" may not be 0 when "maxSurge" is 0');
  }
}

/** A ReplicaSet: counters, selector and template. */
export function checkReplicaSet(out: Findings, object: Json): void {
  withSpec(object, (spec) => {
    checkCounters(out, spec, ['replicas', 'minReadySeconds']);
    checkWorkloadSelector(out, spec, SPEC, 'ReplicaSet');
    checkRestartingTemplate(out, object, 'ReplicaSet');
  });
}

/** A ReplicationController: counters and template (its selector defaults to the template's labels). */
export function checkReplicationController(out: Findings, object: Json): void {
  withSpec(object, (spec) => {
    checkCounters(out, spec, ['replicas', 'minReadySeconds']);
    checkRestartingTemplate(out, object, 'ReplicationController');
  });
}

/** A DaemonSet: selector, template, counters and update strategy. */
export function checkDaemonSet(out: Findings, object: Json): void {
  withSpec(object, (spec) => {
    checkCounters(out, spec, ['minReadySeconds', 'revisionHistoryLimit']);
    checkWorkloadSelector(out, spec, SPEC, 'DaemonSet');
    checkRestartingTemplate(out, object, 'DaemonSet');
    const strategy = recordOf(spec.updateStrategy);
    if (!strategy) return;
    const path = [...SPEC, 'updateStrategy'];
    checkEnum(out, strategy.type, [...path, 'type'], ['RollingUpdate', 'OnDelete']);
    const rollingUpdate = recordOf(strategy.rollingUpdate);
    const rolling = strategy.type === 'RollingUpdate' || !isSet(strategy.type) || strategy.type === '';
    if (rollingUpdate && rolling) checkDaemonSetRollingUpdate(out, rollingUpdate, [...path, 'rollingUpdate']);
  });
}

/** Exactly one of `maxUnavailable` (default 1) and `maxSurge` (default 0) is non-zero. */
function checkDaemonSetRollingUpdate(out: Findings, rollingUpdate: Json, path: ObjectPath): void {
  const unavailable = checkPodAmount(out, rollingUpdate, [...path, 'maxUnavailable'], 1, true);
  const surge = checkPodAmount(out, rollingUpdate, [...path, 'maxSurge'], 0, true);
  if (unavailable === undefined || surge === undefined) return;
  if (unavailable !== 0 && surge !== 0) {
    out.value(
      [...path, 'maxSurge'],
      `"maxSurge" must be 0 when "maxUnavailable" is not (it is ${quote(rollingUpdate.maxUnavailable ?? 1)})`,
    );
  } else if (unavailable === 0 && surge === 0) {
    out.value([...path, 'maxUnavailable'], '"maxUnavailable" may not be 0 when "maxSurge" is 0');
  }
}

/**
 * A StatefulSet. The API server does not validate its pod spec (pods fail
 * later, in the controller), only the template's labels, annotations and
 * restart policy, so neither does this.
 */
export function checkStatefulSet(out: Findings, object: Json): void {
  withSpec(object, (spec) => {
    checkCounters(out, spec, ['replicas', 'minReadySeconds']);
    checkNonNegative(out, recordOf(spec.ordinals)?.start, [...SPEC, 'ordinals', 'start']);
    checkEnum(out, spec.podManagementPolicy, [...SPEC, 'podManagementPolicy'], ['OrderedReady', 'Parallel']);
    checkStatefulSetStrategy(out, spec);
    const retention = recordOf(spec.persistentVolumeClaimRetentionPolicy);
    for (const key of ['whenDeleted', 'whenScaled']) {
      checkEnum(out, retention?.[key], [...SPEC, 'persistentVolumeClaimRetentionPolicy', key], ['Retain', 'Delete']);
    }
    checkWorkloadSelector(out, spec, SPEC, 'StatefulSet');
    const found = podTemplateOf(object, 'StatefulSet');
    if (!found) return;
    const metadata = recordOf(found.template.metadata);
    checkLabels(out, metadata?.labels, [...found.path, 'metadata', 'labels']);
    checkAnnotations(out, metadata?.annotations, [...found.path, 'metadata', 'annotations']);
    checkAlwaysRestarts(out, found.template, found.path, 'StatefulSet', false);
  });
}

function checkStatefulSetStrategy(out: Findings, spec: Json): void {
  const strategy = recordOf(spec.updateStrategy);
  if (!strategy) return;
  const path = [...SPEC, 'updateStrategy'];
  checkEnum(out, strategy.type, [...path, 'type'], ['RollingUpdate', 'OnDelete']);
  if (strategy.type === 'OnDelete' && isSet(strategy.rollingUpdate)) {
    out.value(
      [...path, 'rollingUpdate'],
      '"rollingUpdate" may be set only when the update strategy "type" is "RollingUpdate"',
    );
  }
  checkNonNegative(out, recordOf(strategy.rollingUpdate)?.partition, [...path, 'rollingUpdate', 'partition']);
}

/** A PodTemplate object: its `template` is a pod template. */
export function checkPodTemplateObject(out: Findings, object: Json): void {
  const found = podTemplateOf(object, 'PodTemplate');
  if (found) checkPodTemplate(out, found.template, found.path);
}

/** A Pod: its spec, with the checks that hold for pods only. */
export function checkPod(out: Findings, object: Json): void {
  withSpec(object, (spec) => checkPodSpec(out, spec, SPEC, true));
}
