import { getIn, isRecord } from '../src/kit/rule-api.js';
import type { Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'missing' | 'unknown' | 'tooLow' | 'invalidVersion';

type Level = 'privileged' | 'baseline' | 'restricted';

type Params = {
  level: Level;
};

/** The Pod Security levels from the most permissive to the strictest. */
const LEVELS: readonly Level[] = ['privileged', 'baseline', 'restricted'];

const ENFORCE = 'pod-security.kubernetes.io/enforce';
const ENFORCE_VERSION = 'pod-security.kubernetes.io/enforce-version';

/** What Pod Security admission accepts as a policy version. */
const VERSION = /^(latest|v1\.(0|[1-9][0-9]*))$/;

/**
 * Every Namespace enforces a Pod Security Standard at or above a level. The
 * label values are compared exactly, as Pod Security admission does: it has
 * no lower-case folding, and it rejects a Namespace whose label holds anything
 * else (and judges its pods as `restricted` if one gets through). An
 * `enforce-version` label, when present, must be `latest` or `v1.<minor>` for
 * the same reason. There is no Gatekeeper library template for this.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'namespace-pod-security',
    title: 'Namespaces enforce a Pod Security Standard',
    description: 'Label every Namespace with `pod-security.kubernetes.io/enforce` at the required level or stricter.',
    rationale: [
      'The built-in Pod Security admission controller rejects pods that break a namespace’s Pod Security',
      'Standard, which catches privileged containers, host namespaces, host paths and the like whatever tool',
      'created the pod. But it only does so for namespaces that say which standard to enforce: without the label',
      'a namespace gets the cluster default, which is `privileged` (no checks at all) unless the administrator',
      'changed it. Declaring the level next to the namespace makes the guarantee visible in review and keeps it',
      'when the namespace is recreated in another cluster.',
    ].join(' '),
    remediation: [
      'Add the label `pod-security.kubernetes.io/enforce` with the value `baseline` or `restricted` (at least the',
      'required `level`) to the Namespace’s `metadata.labels`, optionally with `enforce-version` pinned to a',
      'release and `warn`/`audit` labels set to the next stricter level to prepare the move.',
    ].join(' '),
    defaultSeverity: 'warning',
    defaultKinds: [{ apiGroups: [''], kinds: ['Namespace'] }],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        level: {
          type: 'string',
          enum: [...LEVELS],
          default: 'baseline',
          description:
            'The least strict level a Namespace may enforce: `privileged`, `baseline` or `restricted`. With `privileged` only a missing or invalid label is reported.',
        },
      },
    },
    messages: {
      missing: 'Namespace "{{namespace}}" has no pod-security.kubernetes.io/enforce label (want {{level}} or stricter)',
      unknown:
        'Namespace "{{namespace}}" sets pod-security.kubernetes.io/enforce to "{{value}}", which is not privileged, baseline or restricted',
      tooLow: 'Namespace "{{namespace}}" enforces the Pod Security level "{{value}}", below the required "{{level}}"',
      invalidVersion:
        'Namespace "{{namespace}}" sets pod-security.kubernetes.io/enforce-version to "{{value}}", which is not "latest" or "v1.<minor>"',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    if (resource.kind !== 'Namespace' || resource.group !== '') return;
    const labels = getIn(resource.object, ['metadata', 'labels']);
    const namespace = resource.name ?? '(unnamed)';
    const enforce = isRecord(labels) ? labels[ENFORCE] : undefined;
    const enforcePath = ['metadata', 'labels', ENFORCE];
    if (enforce === undefined || enforce === null) {
      yield { messageId: 'missing', data: { namespace, level: params.level }, path: enforcePath };
    } else if (!isLevel(enforce)) {
      yield { messageId: 'unknown', data: { namespace, value: describe(enforce) }, path: enforcePath };
    } else if (LEVELS.indexOf(enforce) < LEVELS.indexOf(params.level)) {
      yield { messageId: 'tooLow', data: { namespace, value: enforce, level: params.level }, path: enforcePath };
    }
    yield* checkVersion(labels, namespace);
  },
};

function* checkVersion(labels: unknown, namespace: string): Generator<Violation<MessageId>> {
  const version = isRecord(labels) ? labels[ENFORCE_VERSION] : undefined;
  if (version === undefined || version === null || (typeof version === 'string' && VERSION.test(version))) return;
  yield {
    messageId: 'invalidVersion',
    data: { namespace, value: describe(version) },
    path: ['metadata', 'labels', ENFORCE_VERSION],
  };
}

function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/** A label value as written, for the message. */
function describe(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
}

export default rule;
