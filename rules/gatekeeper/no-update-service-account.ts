import { isRecord, type ObjectPath } from '../../src/kit/rule-api.js';
import { gatekeeperRule, regoCompare, type GatekeeperResult } from '../../src/kit/rego/rego-api.js';

type Params = { allowedUsers?: string[]; allowedGroups?: string[] };

const POD_TEMPLATE_KINDS = new Set([
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
]);

/** Where an object of its own `kind` keeps the service account name; undefined for other kinds. */
function serviceAccountPath(object: unknown): ObjectPath | undefined {
  const kind = isRecord(object) ? object.kind : undefined;
  if (kind === 'Pod') return ['spec', 'serviceAccountName'];
  if (typeof kind === 'string' && POD_TEMPLATE_KINDS.has(kind))
    return ['spec', 'template', 'spec', 'serviceAccountName'];
  if (kind === 'CronJob') return ['spec', 'jobTemplate', 'spec', 'template', 'spec', 'serviceAccountName'];
  return undefined;
}

/** The service account name as the template reads it: `{value}` when the key exists (whatever its value). */
function readServiceAccount(object: unknown): { value: unknown } | undefined {
  const path = serviceAccountPath(object);
  if (path === undefined) return undefined;
  let current = object;
  for (const key of path) {
    if (!isRecord(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key as string];
  }
  return { value: current };
}

/** Rego's `not get_service_account(obj)`: no value, or the value `false`. */
function missing(read: { value: unknown } | undefined): boolean {
  return read === undefined || read.value === false;
}

/**
 * Gatekeeper library `general/noupdateserviceaccount`: on an UPDATE, only
 * allowed users and groups may change a workload's service account.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'NoUpdateServiceAccount', library: 'general', template: 'noupdateserviceaccount' },
  meta: {
    id: 'no-update-service-account',
    title: 'Only allowed users change service accounts (Gatekeeper NoUpdateServiceAccount)',
    description:
      'On an UPDATE request, flag a change of the pod service account by a user who is not in the allowed users or groups.',
    rationale: [
      "Switching a running workload to another service account hands its pods that account's API permissions; in",
      'sensitive namespaces such as kube-system only trusted controllers and administrators should be able to do it.',
    ].join(' '),
    remediation: [
      'Keep `serviceAccountName` unchanged when updating the workload, have an allowed user or controller make the',
      'change, or add the updating identity to `allowedUsers` or `allowedGroups`. Plain manifests are never flagged:',
      'the check needs an AdmissionReview UPDATE request with both the new and the old object.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowedUsers: {
          type: 'array',
          items: { type: 'string' },
          description: 'User names (`userInfo.username`) that may change the service account.',
        },
        allowedGroups: {
          type: 'array',
          items: { type: 'string' },
          description: 'Groups (`userInfo.groups`) whose members may change the service account.',
        },
      },
    },
  },

  *review({ review, resource }, params): Iterable<GatekeeperResult> {
    if (review.operation !== 'UPDATE') return;
    // An AdmissionReview without `request.object` is reviewed on its old object; the template sees no object then.
    const request: unknown = resource.admission;
    const object = isRecord(request) && !isRecord(request.object) ? undefined : review.object;
    const current = readServiceAccount(object);
    const previous = readServiceAccount(review.oldObject);
    const { username, groups = [] } = review.userInfo;
    const privileged =
      (username !== undefined && (params.allowedUsers ?? []).includes(username)) ||
      groups.some((group) => (params.allowedGroups ?? []).includes(group));
    if (
      current !== undefined &&
      previous !== undefined &&
      !privileged &&
      regoCompare(current.value, previous.value) !== 0
    ) {
      yield {
        msg: 'user does not have permission to modify serviceAccountName',
        path: serviceAccountPath(object) ?? [],
      };
    }
    if (missing(current)) yield { msg: 'missing serviceAccountName field in object under review' };
    if (missing(previous)) yield { msg: 'missing serviceAccountName field in oldObject under review' };
  },
});
