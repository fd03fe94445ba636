import { WORKLOAD_KINDS, describeObject, getIn, isRecord, podSpecOf } from '../src/kit/rule-api.js';
import type { PodSpecRef, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'unset' | 'explicitDefault';

type Params = {
  allowDefaultWithoutToken: boolean;
};

/** The account a pod gets when it names none. */
const DEFAULT_ACCOUNT = 'default';

/** Which field named the account, when one did. */
type AccountField = 'serviceAccountName' | 'serviceAccount';

/**
 * Pods run as a service account of their own, not the namespace's `default`.
 * The account is `spec.serviceAccountName`, else the deprecated
 * `spec.serviceAccount` (the API server's reading: the new field wins when
 * both are set), else `default`. Pods that turn off the API token
 * (`automountServiceAccountToken: false`) and mount no token of their own
 * cannot act as the account, so by default they may keep `default`.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'dedicated-service-account',
    title: 'Pods run as a dedicated service account',
    description: 'Give every workload its own service account instead of the namespace\'s "default" one.',
    rationale: [
      'A service account is the identity a pod presents to the Kubernetes API, and often to cloud IAM, a service',
      'mesh or a secrets store too. Every namespace has a `default` account that all pods share unless they name',
      'another, so any permission granted to it for one application is silently granted to every other pod in the',
      'namespace, and audit logs cannot tell the applications apart. An account per workload can be given exactly',
      'the roles that workload needs, and nothing else runs with them. Pods that switch off the API token and mount',
      'none of their own do not act as their account at all, so they are accepted unless `allowDefaultWithoutToken`',
      'is false.',
    ].join(' '),
    remediation: [
      'Create a ServiceAccount for the workload, bind only the Roles it needs to it, and set',
      '`spec.serviceAccountName` in the pod template. If the workload never calls the API, also set',
      '`automountServiceAccountToken: false`.',
    ].join(' '),
    defaultSeverity: 'warning',
    defaultKinds: WORKLOAD_KINDS,
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowDefaultWithoutToken: {
          type: 'boolean',
          default: true,
          description: [
            'Accept the `default` account for pods that set `automountServiceAccountToken: false` and mount no',
            '`serviceAccountToken` projection, since they hold no credential of the account. Set false to require a',
            'dedicated account for every pod.',
          ].join(' '),
        },
      },
    },
    messages: {
      unset: '{{object}} sets no serviceAccountName, so its pods run as the namespace\'s "default" service account',
      explicitDefault: '{{object}} runs its pods as the namespace\'s "default" service account ({{field}}: default)',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    const podSpec = podSpecOf(resource);
    if (!podSpec) return;
    const account = effectiveAccount(podSpec);
    if (account === undefined || account.name !== DEFAULT_ACCOUNT) return;
    if (params.allowDefaultWithoutToken && !holdsToken(podSpec)) return;
    const object = describeObject(resource);
    if (account.field === undefined) {
      yield { messageId: 'unset', data: { object }, path: [...podSpec.path, 'serviceAccountName'] };
    } else {
      yield {
        messageId: 'explicitDefault',
        data: { object, field: account.field },
        path: [...podSpec.path, account.field],
      };
    }
  },
};

/**
 * The account the pods get and the field that named it (undefined: none did).
 * Undefined altogether when a field holds something the API server refuses.
 */
function effectiveAccount(podSpec: PodSpecRef): { name: string; field: AccountField | undefined } | undefined {
  const fields: AccountField[] = ['serviceAccountName', 'serviceAccount'];
  for (const field of fields) {
    const value = podSpec.spec[field];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string') return undefined;
    return { name: value, field };
  }
  return { name: DEFAULT_ACCOUNT, field: undefined };
}

/**
 * True when the pod carries a token of its account: the automatic one (unless
 * the pod sets `automountServiceAccountToken: false`) or a projected one.
 * When the pod says nothing, the account's own setting decides, which the
 * manifest cannot see, so the token is assumed.
 */
function holdsToken(podSpec: PodSpecRef): boolean {
  if (podSpec.spec.automountServiceAccountToken !== false) return true;
  const volumes = podSpec.spec.volumes;
  if (!Array.isArray(volumes)) return false;
  return volumes.some((volume: unknown) => {
    const sources = getIn(volume, ['projected', 'sources']);
    return (
      Array.isArray(sources) && sources.some((source: unknown) => isRecord(getIn(source, ['serviceAccountToken'])))
    );
  });
}

export default rule;
