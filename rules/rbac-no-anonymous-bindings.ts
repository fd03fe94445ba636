import { RBAC_GROUP, describeObject, getIn, isExemptName, isRecord } from '../src/kit/rule-api.js';
import type { Resource, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'anonymousSubject';

type Params = {
  exemptRoles: string[];
  includeAuthenticated: boolean;
};

/** Who each name stands for, in the words of a message. */
const AUDIENCES: Readonly<Record<string, string>> = {
  'system:anonymous': 'every request that carries no credentials',
  'system:unauthenticated': 'every request that carries no credentials',
  'system:authenticated': 'every user and service account the cluster knows',
};

/**
 * Bindings do not grant roles to anonymous requests. A RoleBinding or
 * ClusterRoleBinding is reported once per subject named `system:anonymous`
 * (the user the API server gives requests without credentials) or
 * `system:unauthenticated` (their group), whatever kind the subject says, as
 * Gatekeeper's K8sDisallowAnonymous does; `includeAuthenticated` adds
 * `system:authenticated`. Bindings to the roles the control plane itself grants
 * to everyone, or that serve only public information, are left alone by
 * default: `system:public-info-viewer` (version and health),
 * `system:service-account-issuer-discovery` (the OIDC discovery document and
 * public keys, which Kubernetes documents binding to anonymous callers) and
 * kubeadm's `kubeadm:bootstrap-signer-clusterinfo`.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'rbac-no-anonymous-bindings',
    title: 'Roles are not granted to anonymous users',
    description:
      'Do not bind a Role or ClusterRole to `system:anonymous` or `system:unauthenticated`, the identities of requests without credentials.',
    rationale: [
      'The API server gives every request that presents no credentials the user `system:anonymous` and the group',
      '`system:unauthenticated`. A binding to either hands the role to anyone who can reach the API server, from the',
      'internet if the endpoint is public, with no identity to revoke and nothing in the audit log to tie the',
      'requests to. Even a read-only role leaks the names, images and configuration an attacker needs next, and',
      'scanners look for exactly these bindings.',
    ].join(' '),
    remediation: [
      'Bind the role to the users, groups or service accounts that need it instead, and give callers credentials',
      '(a service account token, a client certificate, OIDC). A role that is public on purpose, such as one that',
      'only serves version or health information, goes in `exemptRoles`.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: [{ apiGroups: [RBAC_GROUP], kinds: ['RoleBinding', 'ClusterRoleBinding'] }],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        exemptRoles: {
          type: 'array',
          items: { type: 'string' },
          default: [
            'system:public-info-viewer',
            'system:service-account-issuer-discovery',
            'kubeadm:bootstrap-signer-clusterinfo',
          ],
          description:
            'Names of roles (`roleRef.name`) that may be granted to anonymous requests. An entry may start or end with `*`. The default holds the roles that serve only public information: version and health, the service account issuer’s OIDC discovery document and keys, and kubeadm’s cluster-info.',
        },
        includeAuthenticated: {
          type: 'boolean',
          default: false,
          description: 'Also report bindings to `system:authenticated`, which is every identity the cluster knows.',
        },
      },
    },
    messages: {
      anonymousSubject: '{{object}} grants {{role}} to {{subject}}, that is to {{audience}}',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    if (resource.group !== RBAC_GROUP || !['RoleBinding', 'ClusterRoleBinding'].includes(resource.kind)) return;
    const roleName = getIn(resource.object, ['roleRef', 'name']);
    if (typeof roleName === 'string' && isExemptName(roleName, params.exemptRoles)) return;
    const subjects = resource.object['subjects'];
    if (!Array.isArray(subjects)) return;
    const role = describeRole(resource);
    for (const [index, subject] of (subjects as unknown[]).entries()) {
      const name = getIn(subject, ['name']);
      if (typeof name !== 'string' || !Object.hasOwn(AUDIENCES, name)) continue;
      if (name === 'system:authenticated' && !params.includeAuthenticated) continue;
      const kind = isRecord(subject) && typeof subject.kind === 'string' ? subject.kind : 'subject';
      yield {
        messageId: 'anonymousSubject',
        data: { object: describeObject(resource), role, subject: `${kind} "${name}"`, audience: AUDIENCES[name] ?? '' },
        path: ['subjects', index, 'name'],
      };
    }
  },
};

/** `ClusterRole "view"`, from the binding's roleRef. */
function describeRole(resource: Resource): string {
  const kind = getIn(resource.object, ['roleRef', 'kind']);
  const name = getIn(resource.object, ['roleRef', 'name']);
  return `${typeof kind === 'string' ? kind : 'role'} "${typeof name === 'string' ? name : '(unnamed)'}"`;
}

export default rule;
