import { RBAC_GROUP, describeObject, isExemptName, isRbacRole, policyRulesOf } from '../src/kit/rule-api.js';
import type { ListItem, PolicyRuleRef, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'wildcard';

type Params = {
  exemptRoles: string[];
};

/** The list fields of a policy rule where `*` means "all", and what it then grants. */
const FIELDS = [
  ['apiGroups', 'every API group'],
  ['resources', 'every resource and subresource'],
  ['verbs', 'every verb'],
] as const;

/**
 * Roles and ClusterRoles name what they grant. Every `*` in a rule's
 * `apiGroups`, `resources` or `verbs` is reported on its own list item. Only
 * the bare `*` counts: an item naming one subresource of every resource
 * (`*` followed by `/scale`) is a deliberate choice. `nonResourceURLs` is left alone (it only reaches
 * endpoints such as `/healthz`).
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'rbac-no-wildcards',
    title: 'RBAC roles grant named permissions',
    description: 'List the API groups, resources and verbs a Role or ClusterRole grants instead of using `*`.',
    rationale: [
      'A `*` in a role grants everything that exists now and everything added later: new resources from an',
      'upgrade or an installed operator, and powerful verbs such as `escalate`, `bind` and `impersonate`. Nobody',
      'reviewing the role can say what it allows, so least privilege cannot be checked, and a compromised service',
      'account or user holding it can usually turn itself into a cluster administrator. Naming the permissions keeps',
      'each identity limited to the job it does.',
    ].join(' '),
    remediation: [
      'Replace each `*` with the API groups, resources and verbs the subject actually uses (for example `get`,',
      '`list` and `watch` on `deployments` in `apps`); `kubectl auth can-i --list` or the audit log shows what',
      'a workload calls. Roles that must stay broad, such as a GitOps controller, go in `exemptRoles`.',
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
            'Names of Roles and ClusterRoles that may use `*`. An entry may start or end with `*`, as in `argocd-*` or `*.example.com`.',
        },
      },
    },
    messages: {
      wildcard: '{{object}} {{field}} is "*", which grants {{meaning}}, including any added later',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    if (!isRbacRole(resource) || isExemptName(resource.name, params.exemptRoles)) return;
    const object = describeObject(resource);
    for (const policyRule of policyRulesOf(resource)) {
      for (const [field, meaning] of FIELDS) {
        for (const item of wildcards(policyRule, field)) {
          yield {
            messageId: 'wildcard',
            data: { object, field: `rules[${policyRule.index}].${field}[${item.index}]`, meaning },
            path: [...policyRule.path, field, item.index],
          };
        }
      }
    }
  },
};

function wildcards(policyRule: PolicyRuleRef, field: (typeof FIELDS)[number][0]): ListItem[] {
  return policyRule[field].filter((item) => item.value === '*');
}

export default rule;
