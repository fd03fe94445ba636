import {
  RBAC_GROUP,
  describeObject,
  isExemptName,
  isRbacRole,
  itemsGranting,
  listValues,
  policyRulesOf,
} from '../src/kit/rule-api.js';
import type { ListItem, PolicyRuleRef, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId =
  'escalate' | 'bind' | 'impersonate' | 'exec' | 'attach' | 'execByGet' | 'attachByGet' | 'nodeProxy' | 'tokenRequest';

type Params = {
  exemptRoles: string[];
  includeNamedResources: boolean;
};

/** One permission that lets its holder gain more than the role itself grants. */
interface EscalationPath {
  messageId: 'escalate' | 'bind' | 'impersonate' | 'exec' | 'attach' | 'nodeProxy' | 'tokenRequest';
  /** The message when only `get` grants it: a permission that only older API servers honour. */
  byGetOnly?: 'execByGet' | 'attachByGet';
  apiGroups: readonly string[];
  /** Resources the permission applies to; an entry ending in `/*` stands for every key of that subresource. */
  resources: readonly string[];
  /** Verbs that grant it; empty means any verb. */
  verbs: readonly string[];
  /**
   * The list whose item must name the permission itself: a `*` alone there
   * is `rbac-no-wildcards`' finding, not this rule's.
   */
  named: 'verbs' | 'resources';
}

const ROLE_RESOURCES = ['roles', 'clusterroles'];

const PATHS: readonly EscalationPath[] = [
  { messageId: 'escalate', apiGroups: [RBAC_GROUP], resources: ROLE_RESOURCES, verbs: ['escalate'], named: 'verbs' },
  { messageId: 'bind', apiGroups: [RBAC_GROUP], resources: ROLE_RESOURCES, verbs: ['bind'], named: 'verbs' },
  {
    messageId: 'impersonate',
    apiGroups: ['', 'authentication.k8s.io'],
    resources: ['users', 'groups', 'serviceaccounts', 'uids', 'userextras/*'],
    verbs: ['impersonate'],
    named: 'verbs',
  },
  // Streaming requests arrive as GET upgraded to a WebSocket, which API servers before 1.30 authorize as `get`;
  // later ones ask for `create` as well, so `get` alone is worth saying apart.
  {
    messageId: 'exec',
    byGetOnly: 'execByGet',
    apiGroups: [''],
    resources: ['pods/exec'],
    verbs: ['create', 'get'],
    named: 'resources',
  },
  {
    messageId: 'attach',
    byGetOnly: 'attachByGet',
    apiGroups: [''],
    resources: ['pods/attach'],
    verbs: ['create', 'get'],
    named: 'resources',
  },
  { messageId: 'nodeProxy', apiGroups: [''], resources: ['nodes/proxy'], verbs: [], named: 'resources' },
  {
    messageId: 'tokenRequest',
    apiGroups: [''],
    resources: ['serviceaccounts/token'],
    verbs: ['create'],
    named: 'resources',
  },
];

/**
 * Roles do not hand out the permissions that lead past RBAC itself: the
 * `escalate` and `bind` verbs on roles, `impersonate`, exec and attach into
 * pods, the kubelet API through `nodes/proxy`, and minting service account
 * tokens. A policy rule is reported once per such permission, at the item
 * that names it (the verb, or the subresource); the other lists may grant it
 * through `*`. A rule where only `*` grants it (`verbs: ["*"]` on
 * `resources: ["*"]`) is left to `rbac-no-wildcards`. Exec and attach by
 * `get` alone are reported with their own message: API servers from 1.30 on
 * ask for `create` as well, so the rule cannot know whether it is a path on
 * the cluster at hand. Rules limited by
 * `resourceNames` are skipped unless `includeNamedResources` is set: binding
 * one named role, or impersonating one named account, is the documented way to
 * delegate these rights narrowly.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'rbac-no-escalation',
    title: 'Roles do not grant privilege escalation',
    description:
      'Do not grant `escalate`, `bind` or `impersonate`, exec or attach into pods, `nodes/proxy`, or creating service account tokens.',
    rationale: [
      'RBAC stops a subject from granting permissions it does not hold, but a few permissions step around that',
      'check. `escalate` lets its holder write a role with any permission and `bind` lets it bind any role, cluster-admin',
      'included; `impersonate` lets it act as another user, group or service account; exec and attach put it inside',
      'running containers, with their mounted tokens and Secrets; `nodes/proxy` reaches the kubelet API, which runs',
      'commands in every pod on a node without going through admission or the audit log; and creating tokens for',
      'service accounts makes it any of them. Each of these turns a modest role into whatever the most powerful',
      'identity in reach can do, so they belong only to the few components built to hold them.',
    ].join(' '),
    remediation: [
      'Remove the permission. Where a controller must keep it, narrow the rule with `resourceNames` (the roles it may',
      'bind, the accounts it may impersonate or mint tokens for), give exec to people through a just-in-time access',
      'process rather than a standing role, read node metrics from `nodes/metrics` instead of `nodes/proxy`, and list',
      'the roles that must keep these rights in `exemptRoles`.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: [{ apiGroups: [RBAC_GROUP], kinds: ['Role', 'ClusterRole'] }],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        exemptRoles: {
          type: 'array',
          items: { type: 'string' },
          default: [],
          description:
            'Names of Roles and ClusterRoles that may grant these permissions. An entry may start or end with `*`, as in `argocd-*` or `*.example.com`.',
        },
        includeNamedResources: {
          type: 'boolean',
          default: false,
          description:
            'Also report rules limited by `resourceNames` (the roles that may be bound, the accounts that may be impersonated).',
        },
      },
    },
    messages: {
      escalate:
        '{{object}} rules[{{rule}}] grants "escalate" on {{resources}}: its subjects can write roles with permissions they do not hold',
      bind: '{{object}} rules[{{rule}}] grants "bind" on {{resources}}: its subjects can bind roles with permissions they do not hold',
      impersonate:
        '{{object}} rules[{{rule}}] grants "impersonate" on {{resources}}: its subjects can act as other users, groups or service accounts',
      exec: '{{object}} rules[{{rule}}] grants {{verbs}} on pods/exec: its subjects can run commands in pods and use their credentials',
      attach:
        '{{object}} rules[{{rule}}] grants {{verbs}} on pods/attach: its subjects can take over the input and output of running containers',
      execByGet:
        '{{object}} rules[{{rule}}] grants get on pods/exec: on API servers before Kubernetes 1.30 that alone lets its subjects run commands in pods over a WebSocket',
      attachByGet:
        '{{object}} rules[{{rule}}] grants get on pods/attach: on API servers before Kubernetes 1.30 that alone lets its subjects attach to running containers over a WebSocket',
      nodeProxy:
        '{{object}} rules[{{rule}}] grants {{verbs}} on nodes/proxy: its subjects can call the kubelet API, which runs commands in any pod on a node without admission or audit',
      tokenRequest:
        '{{object}} rules[{{rule}}] grants {{verbs}} on serviceaccounts/token: its subjects can mint tokens for service accounts and act as them',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    if (!isRbacRole(resource) || isExemptName(resource.name, params.exemptRoles)) return;
    const object = describeObject(resource);
    for (const policyRule of policyRulesOf(resource)) {
      if (policyRule.resourceNames.length > 0 && !params.includeNamedResources) continue;
      for (const path of PATHS) {
        const violation = grantOf(policyRule, path);
        if (violation) yield { ...violation, data: { object, rule: policyRule.index, ...violation.data } };
      }
    }
  },
};

/** The finding for one escalation path a rule grants, at the item that names it, if it does. */
function grantOf(policyRule: PolicyRuleRef, path: EscalationPath): Violation<MessageId> | undefined {
  if (itemsGranting(policyRule.apiGroups, path.apiGroups).length === 0) return undefined;
  const resources = policyRule.resources.filter((item) => item.value === '*' || coversResource(item.value, path));
  const verbs = path.verbs.length === 0 ? [...policyRule.verbs] : itemsGranting(policyRule.verbs, path.verbs);
  if (resources.length === 0 || verbs.length === 0) return undefined;
  const named = (path.named === 'verbs' ? verbs : resources).find((item) => item.value !== '*');
  if (named === undefined) return undefined;
  const getOnly = path.byGetOnly !== undefined && verbs.every((item) => item.value === 'get');
  return {
    messageId: getOnly && path.byGetOnly ? path.byGetOnly : path.messageId,
    data: { resources: describeItems(resources), verbs: describeItems(verbs) },
    path: [...policyRule.path, path.named, named.index],
  };
}

function coversResource(value: string, path: EscalationPath): boolean {
  return path.resources.some((resource) =>
    resource.endsWith('/*') ? value.startsWith(resource.slice(0, -1)) : value === resource,
  );
}

/** `roles, clusterroles`, or `"*" (every …)` when a wildcard is among them. */
function describeItems(items: readonly ListItem[]): string {
  return items.some((item) => item.value === '*') ? '"*"' : listValues(items);
}

export default rule;
