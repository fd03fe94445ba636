/**
 * RBAC roles and bindings: policy rules, the role a binding refers to, and
 * its subjects.
 */
import type { ObjectPath } from '../../model/types.js';
import { reportFormat, reportUnlessOneOf } from './checks.js';
import type { Findings } from './findings.js';
import { entriesAt, isEmptyList, listOf, nonEmptyString, quote, recordOf, stringOf } from './read.js';
import { dnsSubdomainProblems, pathSegmentProblems } from './syntax.js';

type Json = Record<string, unknown>;
const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** A Role or ClusterRole: each rule has verbs, and either resources (with API groups) or non-resource URLs. */
export function checkRole(out: Findings, object: Json, namespaced: boolean): void {
  for (const { entry, path } of entriesAt(object, 'rules', [])) {
    if (isEmptyList(entry.verbs)) out.required(path, '"verbs" must hold at least one verb');
    if (listOf(entry.nonResourceURLs).length > 0) {
      if (namespaced) out.value([...path, 'nonResourceURLs'], 'a namespaced Role may not grant "nonResourceURLs"');
      const mixed = ['apiGroups', 'resources', 'resourceNames'].some((key) => listOf(entry[key]).length > 0);
      if (mixed) out.value([...path, 'nonResourceURLs'], 'a rule may grant resources or "nonResourceURLs", not both');
      continue;
    }
    if (isEmptyList(entry.apiGroups))
      out.required(path, '"apiGroups" must hold at least one group (use "" for the core group)');
    if (isEmptyList(entry.resources)) out.required(path, '"resources" must hold at least one resource');
  }
}

/** A RoleBinding or ClusterRoleBinding: its role reference and subjects. */
export function checkBinding(out: Findings, object: Json, namespaced: boolean): void {
  const roleRef = recordOf(object.roleRef);
  if (roleRef) {
    // An empty group defaults to the RBAC group.
    const apiGroup = nonEmptyString(roleRef.apiGroup);
    if (apiGroup !== undefined) reportUnlessOneOf(out, apiGroup, ['roleRef', 'apiGroup'], [RBAC_GROUP]);
    const kind = stringOf(roleRef.kind);
    if (kind !== undefined)
      reportUnlessOneOf(out, kind, ['roleRef', 'kind'], namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole']);
    const name = stringOf(roleRef.name);
    if (name === '') out.required(['roleRef'], '"name" is required');
    else if (name !== undefined) reportFormat(out, name, ['roleRef', 'name'], 'role name', pathSegmentProblems(name));
  }
  for (const { entry, path } of entriesAt(object, 'subjects', [])) checkSubject(out, entry, path, namespaced);
}

/**
 * A subject: a ServiceAccount (core group, a DNS-1123 subdomain name, a
 * namespace in a ClusterRoleBinding), a User or a Group (RBAC group, which
 * the API server fills in when it is empty).
 */
function checkSubject(out: Findings, subject: Json, path: ObjectPath, namespaced: boolean): void {
  const name = stringOf(subject.name);
  if (name === '') out.required(path, '"name" is required');
  const apiGroup = stringOf(subject.apiGroup) ?? '';
  const kind = stringOf(subject.kind);
  if (kind === 'ServiceAccount') {
    if (name)
      reportFormat(
        out,
        name,
        [...path, 'name'],
        'ServiceAccount name (DNS-1123 subdomain)',
        dnsSubdomainProblems(name),
      );
    if (apiGroup !== '')
      out.value([...path, 'apiGroup'], `"apiGroup" must be empty for a ServiceAccount, not ${quote(apiGroup)}`);
    if (!namespaced && nonEmptyString(subject.namespace) === undefined) {
      out.required(path, '"namespace" is required for a ServiceAccount subject of a ClusterRoleBinding');
    }
  } else if (kind === 'User' || kind === 'Group') {
    if (apiGroup !== '' && apiGroup !== RBAC_GROUP) {
      out.value([...path, 'apiGroup'], `"apiGroup" must be ${quote(RBAC_GROUP)} for a ${kind}, not ${quote(apiGroup)}`);
    }
  } else if (kind !== undefined) reportUnlessOneOf(out, kind, [...path, 'kind'], ['ServiceAccount', 'User', 'Group']);
}
