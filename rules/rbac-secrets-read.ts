import {
  RBAC_GROUP,
  describeObject,
  isExemptName,
  isRbacRole,
  itemsGranting,
  listValues,
  policyRulesOf,
} from '../src/kit/rule-api.js';
import type { PolicyRuleRef, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'readsSecrets';

type Params = {
  exemptRoles: string[];
  includeNamedSecrets: boolean;
};

const READ_VERBS = ['get', 'list', 'watch'];

/**
 * ClusterRoles do not read Secrets. A ClusterRole rule is reported when it
 * grants get, list or watch (or `*`) on `secrets` (or `*`) in the core group
 * (or `*`); the finding points at the resource item. The ClusterRole is judged
 * on its own, whatever binds it: the input rarely holds every binding, and a
 * ClusterRole can be bound cluster-wide at any time by anyone allowed to bind
 * it. Roles are not checked, since reading Secrets in one's own namespace is
 * ordinary. Rules limited by `resourceNames` are skipped unless
 * `includeNamedSecrets` is set: reading a few named Secrets is least privilege.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'rbac-secrets-read',
    title: 'ClusterRoles do not read Secrets',
    description: 'Do not let a ClusterRole get, list or watch Secrets.',
    rationale: [
      'Secrets hold the credentials of every application and of many service accounts. A ClusterRole that reads them',
      'hands all of those to whoever it is bound to across the cluster, and list or watch returns their contents,',
      'not just their names. A broad read-only role for developers is useful for seeing what runs, but it should leave',
      'Secrets out; the workloads that need a credential get it mounted, and operators that manage Secrets get a Role',
      'in their own namespace or a rule limited to the Secrets they own.',
    ].join(' '),
    remediation: [
      'Remove `secrets` (or the `*` that covers it) from the ClusterRole, and grant Secret access through a Role in',
      'the namespaces that need it, or with `resourceNames` listing the Secrets. A ClusterRole meant only for',
      'RoleBindings, or a controller that must watch Secrets everywhere, goes in `exemptRoles`.',
    ].join(' '),
    defaultSeverity: 'warning',
    defaultKinds: [{ apiGroups: [RBAC_GROUP], kinds: ['ClusterRole'] }],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        exemptRoles: {
          type: 'array',
          items: { type: 'string' },
          default: [],
          description:
            'Names of ClusterRoles that may read Secrets. An entry may start or end with `*`, as in `argocd-*` or `*.example.com`.',
        },
        includeNamedSecrets: {
          type: 'boolean',
          default: false,
          description: 'Also report rules limited by `resourceNames` to Secrets they name.',
        },
      },
    },
    messages: {
      readsSecrets: '{{object}} rules[{{rule}}] grants {{verbs}} on {{resources}} in every namespace',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    if (!isRbacRole(resource, ['ClusterRole']) || isExemptName(resource.name, params.exemptRoles)) return;
    for (const policyRule of policyRulesOf(resource)) {
      if (policyRule.resourceNames.length > 0 && !params.includeNamedSecrets) continue;
      const violation = secretsRead(policyRule);
      if (violation) yield { ...violation, data: { object: describeObject(resource), ...violation.data } };
    }
  },
};

/** The finding for one rule that reads Secrets, pointing at the resource item that covers them. */
function secretsRead(policyRule: PolicyRuleRef): Violation<MessageId> | undefined {
  if (itemsGranting(policyRule.apiGroups, ['']).length === 0) return undefined;
  const verbs = itemsGranting(policyRule.verbs, READ_VERBS);
  const [resource] = itemsGranting(policyRule.resources, ['secrets']);
  if (resource === undefined || verbs.length === 0) return undefined;
  return {
    messageId: 'readsSecrets',
    data: {
      rule: policyRule.index,
      verbs: verbs.some((item) => item.value === '*') ? '"*" (every verb)' : listValues(verbs),
      resources: resource.value === '*' ? '"*" (every resource, Secrets included)' : 'secrets',
    },
    path: [...policyRule.path, 'resources', resource.index],
  };
}

export default rule;
