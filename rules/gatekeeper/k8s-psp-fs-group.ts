import { isRecord, type ObjectPath } from '../../src/kit/rule-api.js';
import { gatekeeperRule, isSet, objectName, regoCompare, sprintf } from '../../src/kit/rego/rego-api.js';

type Params = { rule?: string; ranges?: { min?: number; max?: number }[] };

/** `value` lies within some `{min, max}` range (inclusive), compared in Rego's order of values. */
function inSomeRange(value: unknown, ranges: unknown): boolean {
  if (!Array.isArray(ranges)) return false;
  return ranges.some(
    (range) =>
      isRecord(range) &&
      range.min !== undefined &&
      range.max !== undefined &&
      regoCompare(value, range.min) >= 0 &&
      regoCompare(value, range.max) <= 0,
  );
}

/**
 * Gatekeeper library `pod-security-policy/fsgroup`: the pod's
 * `securityContext.fsGroup` obeys the `rule` (`MustRunAs`: set and in a range;
 * `MayRunAs`: in a range when set; `RunAsAny`: anything).
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sPSPFSGroup', library: 'pod-security-policy', template: 'fsgroup' },
  meta: {
    id: 'k8s-psp-fs-group',
    title: 'Pods use an allowed fsGroup (Gatekeeper K8sPSPFSGroup)',
    description: 'Flag pods whose securityContext.fsGroup breaks the configured rule and ranges.',
    rationale: [
      'The fsGroup owns the pod volumes and is added to every process in the pod; a group ID outside the',
      'agreed ranges can give the pod access to files that belong to other workloads sharing the storage.',
    ].join(' '),
    remediation: [
      'Set `spec.securityContext.fsGroup` to a group ID inside one of `ranges` (with `MustRunAs` it must be set),',
      'or widen the ranges. Without `rule` the constraint checks nothing.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        rule: {
          type: 'string',
          enum: ['MayRunAs', 'MustRunAs', 'RunAsAny'],
          description:
            '`MustRunAs`: fsGroup must be set and in a range; `MayRunAs`: when set it must be in a range; `RunAsAny`: no limit.',
        },
        ranges: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              min: { type: 'integer', description: 'Lowest allowed group ID, inclusive.' },
              max: { type: 'integer', description: 'Highest allowed group ID, inclusive.' },
            },
          },
          description: 'Allowed group ID ranges. With `MustRunAs`, an empty list refuses every pod.',
        },
      },
    },
  },

  *review({ review }, params) {
    if (review.operation === 'UPDATE') return;
    const rule = params.rule;
    if (rule === undefined || rule === 'RunAsAny') return;
    const object = review.object;
    const spec = isRecord(object) ? object.spec : undefined;
    const securityContext = isRecord(spec) ? spec.securityContext : undefined;
    const fsGroupSet = isSet(securityContext, 'fsGroup');
    const fsGroup = fsGroupSet ? (securityContext as Record<string, unknown>).fsGroup : undefined;
    const inRange = fsGroupSet && inSomeRange(fsGroup, params.ranges);
    if (rule === 'MustRunAs' && inRange) return;
    if (rule === 'MayRunAs' && (!isSet(spec, 'securityContext') || !fsGroupSet || inRange)) return;
    const msg = sprintf('The provided pod spec fsGroup is not allowed, pod: %v. Allowed fsGroup: %v', [
      objectName(object),
      params,
    ]);
    const path: ObjectPath = fsGroupSet
      ? ['spec', 'securityContext', 'fsGroup']
      : isRecord(securityContext)
        ? ['spec', 'securityContext']
        : [];
    yield msg === undefined ? undefined : { msg, path };
  },
});
