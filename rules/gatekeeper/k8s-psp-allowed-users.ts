import { type ObjectPath, exemptImagesParam, isRecord } from '../../src/kit/rule-api.js';
import {
  ALL_CONTAINER_LISTS,
  checkedContainers,
  gatekeeperRule,
  has,
  regoCompare,
  sprintf,
  type GatekeeperResult,
} from '../../src/kit/rego/rego-api.js';

type Range = { min?: number; max?: number };
type UserRule = { rule?: 'MustRunAs' | 'MustRunAsNonRoot' | 'RunAsAny'; ranges?: Range[] };
type GroupRule = { rule?: 'MustRunAs' | 'MayRunAs' | 'RunAsAny'; ranges?: Range[] };
type Params = {
  runAsUser?: UserRule;
  runAsGroup?: GroupRule;
  supplementalGroups?: GroupRule;
  fsGroup?: GroupRule;
  exemptImages?: string[];
};

const GROUP_FIELDS = ['runAsGroup', 'supplementalGroups', 'fsGroup'] as const;

/** A field's value for a container, and where it was found. */
interface FieldValue {
  value: unknown;
  path: ObjectPath;
}

/**
 * The container's own `securityContext[field]` when the key is there (even
 * `false` or `0`); otherwise, for a Pod only, the pod's `spec.securityContext[field]`.
 */
function lookup(
  container: Record<string, unknown>,
  containerPath: ObjectPath,
  podContext: unknown,
  isPod: boolean,
  field: string,
): FieldValue | undefined {
  const own = container.securityContext;
  if (isRecord(own) && has(own, field))
    return { value: own[field], path: [...containerPath, 'securityContext', field] };
  if (isPod && isRecord(podContext) && has(podContext, field)) {
    return { value: podContext[field], path: ['spec', 'securityContext', field] };
  }
  return undefined;
}

/** `min <= value <= max` for some range, with Rego's ordering across types. */
function inRanges(value: unknown, ranges: unknown): boolean {
  if (!Array.isArray(ranges)) return false;
  return ranges.some(
    (range: unknown) =>
      isRecord(range) &&
      range.min !== undefined &&
      range.max !== undefined &&
      regoCompare(range.min, value) <= 0 &&
      regoCompare(value, range.max) <= 0,
  );
}

function userAccepted(value: unknown, parameter: Record<string, unknown>): boolean {
  switch (parameter.rule) {
    case 'RunAsAny':
      return true;
    case 'MustRunAsNonRoot':
      return regoCompare(value, 0) !== 0;
    case 'MustRunAs':
      return inRanges(value, parameter.ranges);
    default:
      return false;
  }
}

function groupAccepted(value: unknown, parameter: Record<string, unknown>): boolean {
  switch (parameter.rule) {
    case 'RunAsAny':
      return true;
    case 'MayRunAs':
    case 'MustRunAs':
      return inRanges(value, parameter.ranges);
    default:
      return false;
  }
}

/** Rego's "set": a value was found and it is not `false`. */
const isSetValue = (found: FieldValue | undefined): boolean => found !== undefined && found.value !== false;

/**
 * Gatekeeper library `pod-security-policy/users`: each non-exempt container's
 * runAsUser, runAsGroup, supplementalGroups and fsGroup (its own, or the pod's
 * for a Pod) follow the rule and ranges of the matching parameter.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sPSPAllowedUsers', library: 'pod-security-policy', template: 'users' },
  meta: {
    id: 'k8s-psp-allowed-users',
    title: 'Containers run as allowed users and groups (Gatekeeper K8sPSPAllowedUsers)',
    description: 'Flag containers whose user, group, supplemental groups or fsGroup break the configured rules.',
    rationale: [
      'A container running as root, or with group IDs outside the agreed ranges, gets access to files and',
      'devices that belong to the node or to other workloads if it ever breaks out or shares a volume.',
    ].join(' '),
    remediation: [
      'Set `runAsUser`, `runAsGroup`, `supplementalGroups` and `fsGroup` in the pod or container security context',
      'to IDs inside the allowed ranges (and `runAsNonRoot: true` or a non-zero `runAsUser` under',
      '`MustRunAsNonRoot`), or adjust the constraint.',
    ].join(' '),
    defaultSeverity: 'error',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        runAsUser: {
          type: 'object',
          description: 'How user IDs are checked; not checked without it.',
          properties: {
            rule: {
              type: 'string',
              enum: ['MustRunAs', 'MustRunAsNonRoot', 'RunAsAny'],
              description:
                '`MustRunAs`: runAsUser must be set and in a range; `MustRunAsNonRoot`: not 0, and set or runAsNonRoot true; `RunAsAny`: no limit.',
            },
            ranges: rangesSchema('user IDs'),
          },
        },
        runAsGroup: groupSchema('runAsGroup'),
        supplementalGroups: groupSchema('supplementalGroups'),
        fsGroup: groupSchema('fsGroup'),
        exemptImages: exemptImagesParam({ withDefault: false }),
      },
    },
  },

  *review({ review }, params) {
    if (review.operation === 'UPDATE') return;
    const isPod = review.kind.kind === 'Pod';
    const spec = isRecord(review.object) ? review.object.spec : undefined;
    const podContext = isRecord(spec) ? spec.securityContext : undefined;
    for (const { container, path } of checkedContainers(review.object, ALL_CONTAINER_LISTS, params.exemptImages)) {
      const userParam: unknown = params.runAsUser;
      if (isRecord(userParam)) yield* checkUser(container, path, podContext, isPod, userParam);
      for (const field of GROUP_FIELDS) {
        const groupParam: unknown = params[field];
        if (isRecord(groupParam)) yield* checkGroup(container, path, podContext, isPod, field, groupParam);
      }
    }
  },
});

function* checkUser(
  container: Record<string, unknown>,
  path: ObjectPath,
  podContext: unknown,
  isPod: boolean,
  parameter: Record<string, unknown>,
): Generator<GatekeeperResult | undefined> {
  const found = lookup(container, path, podContext, isPod, 'runAsUser');
  const name = container.name;
  if (found !== undefined && !userAccepted(found.value, parameter)) {
    const msg = sprintf('Container %v is attempting to run as disallowed user %v. Allowed runAsUser: %v', [
      name,
      found.value,
      parameter,
    ]);
    if (msg !== undefined) yield { msg, path: found.path };
  }
  if (isSetValue(found)) return;
  if (parameter.rule === 'MustRunAs') {
    const msg = sprintf('Container %v is attempting to run without a required securityContext/runAsUser', [name]);
    if (msg !== undefined) yield { msg, path: found?.path ?? path };
  }
  if (
    parameter.rule === 'MustRunAsNonRoot' &&
    !isSetValue(lookup(container, path, podContext, isPod, 'runAsNonRoot'))
  ) {
    const msg = sprintf(
      'Container %v is attempting to run without a required securityContext/runAsNonRoot or securityContext/runAsUser != 0',
      [name],
    );
    if (msg !== undefined) yield { msg, path: found?.path ?? path };
  }
}

function* checkGroup(
  container: Record<string, unknown>,
  path: ObjectPath,
  podContext: unknown,
  isPod: boolean,
  field: (typeof GROUP_FIELDS)[number],
  parameter: Record<string, unknown>,
): Generator<GatekeeperResult | undefined> {
  const found = lookup(container, path, podContext, isPod, field);
  const name = container.name;
  if (found !== undefined) {
    const value = found.value;
    if (Array.isArray(value)) {
      if (value.some((item: unknown) => !groupAccepted(item, parameter))) {
        const msg = sprintf('Container %v is attempting to run with disallowed supplementalGroups %v. Allowed %v: %v', [
          name,
          value,
          field,
          parameter,
        ]);
        if (msg !== undefined) yield { msg, path: found.path };
      }
    } else if (!groupAccepted(value, parameter)) {
      const msg = sprintf('Container %v is attempting to run as disallowed group %v. Allowed %v: %v', [
        name,
        value,
        field,
        parameter,
      ]);
      if (msg !== undefined) yield { msg, path: found.path };
    }
  }
  if (!isSetValue(found) && parameter.rule === 'MustRunAs') {
    const msg = sprintf('Container %v is attempting to run without a required securityContext/%v. Allowed %v: %v', [
      name,
      field,
      field,
      parameter,
    ]);
    if (msg !== undefined) yield { msg, path: found?.path ?? path };
  }
}

function rangesSchema(what: string): Record<string, unknown> {
  return {
    type: 'array',
    items: {
      type: 'object',
      properties: {
        min: { type: 'integer', description: `Lowest allowed ${what}, inclusive.` },
        max: { type: 'integer', description: `Highest allowed ${what}, inclusive.` },
      },
    },
    description: `Allowed ${what} ranges, used by \`MustRunAs\` (and \`MayRunAs\` for groups).`,
  };
}

function groupSchema(field: string): Record<string, unknown> {
  return {
    type: 'object',
    description: `How ${field} is checked; not checked without it.`,
    properties: {
      rule: {
        type: 'string',
        enum: ['MustRunAs', 'MayRunAs', 'RunAsAny'],
        description: `\`MustRunAs\`: ${field} must be set and in a range; \`MayRunAs\`: when set it must be in a range; \`RunAsAny\`: no limit.`,
      },
      ranges: rangesSchema('group IDs'),
    },
  };
}
