/**
 * What the API server's hand-written validation refuses in built-in kinds,
 * beyond what its published schema says: name formats, labels, enumerations,
 * ranges, unique names and cross-field rules. Only what a server of the
 * target release surely rejects is reported; a kind, field or release this
 * module does not know is left alone.
 *
 * Type errors, quantity syntax and unknown fields are the schema
 * interpreter's findings; a selector that does not match its template is the
 * `selector-matches-template` rule's.
 */
import { ownEntry } from '../../util/own-entry.js';
import type { SchemaProblem } from '../types.js';
import { checkHorizontalPodAutoscaler } from './autoscaling.js';
import { checkConfigMap, checkSecret } from './config-data.js';
import { Findings, releaseMinor } from './findings.js';
import { checkCronJob, checkJob } from './jobs.js';
import { kindRulesOf } from './kinds.js';
import { checkIngress, checkNetworkPolicy } from './networking.js';
import { checkObjectMeta } from './object-meta.js';
import { checkBinding, checkRole } from './rbac.js';
import { checkService } from './service.js';
import { checkPersistentVolume, checkPersistentVolumeClaim } from './storage.js';
import {
  checkDaemonSet,
  checkDeployment,
  checkPod,
  checkPodTemplateObject,
  checkReplicaSet,
  checkReplicationController,
  checkStatefulSet,
} from './workloads.js';

/** The object's API group, version and kind, and the Kubernetes release to judge it for (`'1.33'`). */
export interface ApiServerTarget {
  /** `""` for the core group. */
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** `'1.33'`; a release that cannot be read turns release-dependent checks off. */
  readonly release: string;
}

type Json = Record<string, unknown>;
type SpecCheck = (out: Findings, object: Json) => void;

/** The checks of each kind's body, by `group/Kind`. */
const BODY_CHECKS: Readonly<Record<string, SpecCheck>> = {
  '/Pod': checkPod,
  '/PodTemplate': checkPodTemplateObject,
  '/ReplicationController': checkReplicationController,
  '/Service': checkService,
  '/ConfigMap': checkConfigMap,
  '/Secret': checkSecret,
  '/PersistentVolumeClaim': checkPersistentVolumeClaim,
  '/PersistentVolume': checkPersistentVolume,
  'apps/Deployment': checkDeployment,
  'apps/ReplicaSet': checkReplicaSet,
  'apps/StatefulSet': checkStatefulSet,
  'apps/DaemonSet': checkDaemonSet,
  'batch/Job': checkJob,
  'batch/CronJob': checkCronJob,
  'autoscaling/HorizontalPodAutoscaler': checkHorizontalPodAutoscaler,
  'networking.k8s.io/Ingress': checkIngress,
  'networking.k8s.io/NetworkPolicy': checkNetworkPolicy,
  'rbac.authorization.k8s.io/Role': (out, object) => checkRole(out, object, true),
  'rbac.authorization.k8s.io/ClusterRole': (out, object) => checkRole(out, object, false),
  'rbac.authorization.k8s.io/RoleBinding': (out, object) => checkBinding(out, object, true),
  'rbac.authorization.k8s.io/ClusterRoleBinding': (out, object) => checkBinding(out, object, false),
};

/**
 * The problems the API server of `target.release` would reject `object` for,
 * each at a path from the object root. Pure: the object is only read.
 */
export function apiServerProblems(object: Record<string, unknown>, target: ApiServerTarget): SchemaProblem[] {
  const rules = kindRulesOf(target.group, target.version, target.kind);
  if (!rules) return [];
  const out = new Findings(releaseMinor(target.release));
  checkObjectMeta(out, object, target.kind, rules);
  ownEntry(BODY_CHECKS, `${target.group}/${target.kind}`)?.(out, object);
  return out.problems;
}
