import { RBAC_GROUP, getIn, isRecord, nameMatchesPattern } from '../src/kit/rule-api.js';
import type { Resource, Rule, Violation } from '../src/kit/rule-api.js';

/** The keys of `meta.messages`: a violation's `messageId` is checked against them. */
type MessageId = 'clusterWide';

type SubjectKind = 'User' | 'Group' | 'ServiceAccount';

interface SubjectPattern {
  kind: SubjectKind;
  name: string;
  namespace?: string;
}

type Params = {
  roles: string[];
  exemptSubjects: SubjectPattern[];
};

/** A subject of a binding, read without trusting its shape. */
interface Subject {
  kind: string;
  name: string;
  namespace: string | undefined;
}

/**
 * `system:` names that stand for whole populations rather than for one
 * Kubernetes component: binding a broad role to them is never a system need.
 */
const POPULATION_GROUPS = ['system:authenticated', 'system:unauthenticated', 'system:serviceaccounts'];
const POPULATION_PREFIXES = ['system:serviceaccounts:', 'system:serviceaccount:'];
const ANONYMOUS_USER = 'system:anonymous';

/**
 * The `edit`, `admin` and `cluster-admin` ClusterRoles reach people only
 * through RoleBindings. A ClusterRoleBinding of one of them is reported once
 * per subject that is not a Kubernetes component. Components are Users and
 * Groups whose name starts with `system:` (the control plane, nodes,
 * `system:masters`), except the names that stand for many identities at once:
 * `system:authenticated`, `system:unauthenticated`, `system:anonymous`,
 * `system:serviceaccounts[:<namespace>]` and a User written as
 * `system:serviceaccount:<namespace>:<name>`, which is a service account.
 * ServiceAccounts, kube-system's included, are reported too: a workload with
 * cluster-wide edit or admin (the old Tiller setup) is the classic way to a
 * cluster takeover; list the ones you accept in `exemptSubjects`.
 */
const rule: Rule<Params, MessageId> = {
  meta: {
    id: 'rbac-namespace-scoped-edit',
    title: 'Edit and admin rights are granted per namespace',
    description:
      'Grant the edit, admin and cluster-admin ClusterRoles through RoleBindings in a namespace, not ClusterRoleBindings.',
    rationale: [
      'The built-in `edit` and `admin` ClusterRoles are meant to be reused per namespace: bound with a RoleBinding,',
      'they give a developer or team full control of their own workspace and nothing else. Bound with a',
      'ClusterRoleBinding they apply to every namespace, kube-system included, where editing a Deployment or reading',
      'a Secret is enough to take over the cluster; `cluster-admin` adds everything cluster-scoped on top. Keeping',
      'these grants namespaced makes each namespace the boundary of what its people can change.',
    ].join(' '),
    remediation: [
      'Replace the ClusterRoleBinding with a RoleBinding that refers to the same ClusterRole in each namespace the',
      'subject works in. A controller that really needs cluster-wide access should get its own ClusterRole listing',
      'only what it uses; accepted exceptions go in `exemptSubjects`.',
    ].join(' '),
    defaultSeverity: 'error',
    defaultKinds: [{ apiGroups: [RBAC_GROUP], kinds: ['ClusterRoleBinding'] }],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        roles: {
          type: 'array',
          items: { type: 'string' },
          default: ['cluster-admin', 'admin', 'edit'],
          description: 'The ClusterRoles that may only be granted per namespace, compared with `roleRef.name`.',
        },
        exemptSubjects: {
          type: 'array',
          default: [],
          description:
            'Subjects that may hold these roles cluster-wide. `name` (and `namespace`, for service accounts; any namespace when absent) may start or end with `*`, as in `argocd-*`.',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['kind', 'name'],
            properties: {
              kind: { type: 'string', enum: ['User', 'Group', 'ServiceAccount'] },
              name: { type: 'string', minLength: 1 },
              namespace: { type: 'string', minLength: 1 },
            },
          },
        },
      },
    },
    messages: {
      clusterWide:
        'ClusterRoleBinding "{{binding}}" grants ClusterRole "{{role}}" in every namespace to {{subjectKind}} "{{subject}}"',
    },
  },

  *check(resource, params): Iterable<Violation<MessageId>> {
    if (resource.group !== RBAC_GROUP || resource.kind !== 'ClusterRoleBinding') return;
    const role = boundClusterRole(resource);
    if (role === undefined || !params.roles.includes(role)) return;
    const subjects = resource.object['subjects'];
    if (!Array.isArray(subjects)) return;
    for (const [index, entry] of subjects.entries()) {
      const subject = readSubject(entry);
      if (!subject || isSystemComponent(subject) || isExempt(subject, params.exemptSubjects)) continue;
      yield {
        messageId: 'clusterWide',
        data: { binding: resource.name ?? '(unnamed)', role, subjectKind: subject.kind, subject: label(subject) },
        path: ['subjects', index],
      };
    }
  },
};

/** `roleRef.name` when the binding refers to a ClusterRole. */
function boundClusterRole(resource: Resource): string | undefined {
  const roleRef = resource.object['roleRef'];
  if (!isRecord(roleRef) || roleRef['kind'] !== 'ClusterRole') return undefined;
  const name = roleRef['name'];
  return typeof name === 'string' ? name : undefined;
}

function readSubject(entry: unknown): Subject | undefined {
  const kind = getIn(entry, ['kind']);
  const name = getIn(entry, ['name']);
  if (typeof kind !== 'string' || typeof name !== 'string') return undefined;
  const namespace = getIn(entry, ['namespace']);
  return { kind, name, namespace: typeof namespace === 'string' ? namespace : undefined };
}

/** A User or Group of the control plane; see the rule's comment for the names that do not count. */
function isSystemComponent(subject: Subject): boolean {
  if (subject.kind !== 'User' && subject.kind !== 'Group') return false;
  if (!subject.name.startsWith('system:') || subject.name === ANONYMOUS_USER) return false;
  if (POPULATION_GROUPS.includes(subject.name)) return false;
  return !POPULATION_PREFIXES.some((prefix) => subject.name.startsWith(prefix));
}

function isExempt(subject: Subject, patterns: readonly SubjectPattern[]): boolean {
  return patterns.some(
    (pattern) =>
      pattern.kind === subject.kind &&
      nameMatchesPattern(subject.name, pattern.name) &&
      (pattern.namespace === undefined ||
        (subject.kind === 'ServiceAccount' && nameMatchesPattern(subject.namespace ?? '', pattern.namespace))),
  );
}

/** `namespace/name` for a service account, else the name. */
function label(subject: Subject): string {
  return subject.kind === 'ServiceAccount' && subject.namespace !== undefined
    ? `${subject.namespace}/${subject.name}`
    : subject.name;
}

export default rule;
