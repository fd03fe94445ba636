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
type MessageId = 'webhookWrite';

type Params = {
  exemptRoles: string[];
  includeNamedResources: boolean;
};

const ADMISSION_GROUP = 'admissionregistration.k8s.io';
const WEBHOOK_RESOURCES = ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations'];
const WRITE_VERBS = ['create', 'update', 'patch'];

/**
 * Few identities may change admission webhooks. Only ClusterRoles are checked:
 * webhook configurations are cluster-scoped, so a namespaced Role cannot grant
 * access to them whatever it lists. A rule is reported when it
 * grants create, update or patch (or `*`) on mutating or validating webhook
 * configurations, through their group or `*`, and its list of verbs is where
 * the finding points. A rule limited by `resourceNames` is skipped unless
 * `includeNamedResources` is set: it can only update or patch the
 * configurations it names (RBAC never lets `create` through a name
 * restriction), which is how operators keep their own webhook's CA bundle
 * current. Deleting a webhook is left to other checks.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'rbac-webhook-admin',
    title: 'Few roles may change admission webhooks',
    description: 'Do not let ClusterRoles create, update or patch admission webhook configurations.',
    rationale: [
      'An admission webhook sees, and a mutating one can rewrite, every object sent to the API server that its rules',
      'match, Secrets and pods included. Whoever can create or edit a webhook configuration can therefore inject',
      'containers into any pod, read credentials as they are written, or switch off the validating webhooks that',
      'enforce policy. That is as good as cluster-admin, so only the few components that manage their own webhook',
      'should hold it, and only for the configurations they own.',
    ].join(' '),
    remediation: [
      'Remove create, update and patch on `mutatingwebhookconfigurations` and `validatingwebhookconfigurations`',
      'from the ClusterRole, or narrow the rule with `resourceNames` to the configurations the component manages. Install',
      'webhooks from the deployment pipeline instead of granting the right to a workload, and list roles that',
      'must keep it in `exemptRoles`.',
    ].join(' '),
    defaultSeverity: 'error',
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
            'Names of ClusterRoles that may change webhook configurations. An entry may start or end with `*`, as in `argocd-*` or `*.example.com`.',
        },
        includeNamedResources: {
          type: 'boolean',
          default: false,
          description:
            'Also report rules limited by `resourceNames`, which can only update or patch the configurations they name.',
        },
      },
    },
    messages: {
      webhookWrite:
        '{{object}} rules[{{rule}}] grants {{verbs}} on {{resources}}, so its subjects can rewrite admission webhooks',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    if (!isRbacRole(resource, ['ClusterRole']) || isExemptName(resource.name, params.exemptRoles)) return;
    for (const policyRule of policyRulesOf(resource)) {
      if (policyRule.resourceNames.length > 0 && !params.includeNamedResources) continue;
      const violation = webhookWrite(policyRule);
      if (violation) yield { ...violation, data: { object: describeObject(resource), ...violation.data } };
    }
  },
};

/** The finding for one rule that writes webhook configurations, pointing at its first writing verb. */
function webhookWrite(policyRule: PolicyRuleRef): Violation<MessageId> | undefined {
  if (itemsGranting(policyRule.apiGroups, [ADMISSION_GROUP]).length === 0) return undefined;
  const resources = itemsGranting(policyRule.resources, WEBHOOK_RESOURCES);
  const verbs = itemsGranting(policyRule.verbs, WRITE_VERBS);
  const [first] = verbs;
  if (resources.length === 0 || first === undefined) return undefined;
  const everything = resources.some((item) => item.value === '*');
  return {
    messageId: 'webhookWrite',
    data: {
      rule: policyRule.index,
      verbs: verbs.some((item) => item.value === '*') ? '"*" (every verb)' : listValues(verbs),
      resources: everything ? '"*" (every resource, webhook configurations included)' : listValues(resources),
    },
    path: [...policyRule.path, 'verbs', first.index],
  };
}

export default rule;
