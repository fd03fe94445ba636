/**
 * What the API server checks on a CustomResourceDefinition outside its
 * schemas, on create: the object's name, the group, the scope, the names of
 * the kind, the list of versions and the API approval of protected groups.
 */
import { getIn, isRecord } from '../../model/records.js';
import type { ObjectPath } from '../../model/types.js';
import type { SchemaProblem } from '../types.js';
import { stringAt } from './crd-object.js';
import { missing, refused, unsupported } from './crd-problems.js';
import { dns1035LabelProblem, dns1123SubdomainProblem } from './dns-names.js';

const SCOPES = ['Cluster', 'Namespaced'] as const;
const APPROVAL_ANNOTATION = 'api-approved.kubernetes.io';

/** Checks the name, group, scope, kind names and version list of a CRD (`apiVersion` is its API version). */
export function checkCrdSpec(crd: Record<string, unknown>, apiVersion: 'v1' | 'v1beta1'): SchemaProblem[] {
  const spec = isRecord(crd.spec) ? crd.spec : {};
  return [
    ...checkObjectName(crd, spec),
    ...checkGroup(spec),
    ...checkScope(spec, apiVersion),
    ...checkNames(spec),
    ...checkVersionList(spec, apiVersion),
    ...(apiVersion === 'v1' ? checkApproval(crd, spec) : []),
    ...(apiVersion === 'v1' && spec.preserveUnknownFields === true
      ? [
          refused(
            ['spec', 'preserveUnknownFields'],
            'must not be true: set x-kubernetes-preserve-unknown-fields: true in the schemas of spec.versions instead',
          ),
        ]
      : []),
  ];
}

function checkObjectName(crd: Record<string, unknown>, spec: Record<string, unknown>): SchemaProblem[] {
  const name = stringAt(crd, ['metadata', 'name']);
  const plural = stringAt(spec, ['names', 'plural']);
  const group = stringAt(spec, ['group']);
  const expected = plural !== undefined && group !== undefined ? `${plural}.${group}` : undefined;
  if (name === undefined) {
    if (stringAt(crd, ['metadata', 'generateName']) === undefined) return [missing(['metadata'], 'name')];
    const why = `a CustomResourceDefinition's name must be spec.names.plural + "." + spec.group${expected ? ` ("${expected}")` : ''}, which a generated name cannot be`;
    return [refused(['metadata', 'generateName'], why)];
  }
  const problems: SchemaProblem[] = [];
  const syntax = dns1123SubdomainProblem(name);
  if (syntax !== undefined) problems.push(refused(['metadata', 'name'], `"${name}" ${syntax}`));
  if (expected !== undefined && name !== expected) {
    problems.push(
      refused(['metadata', 'name'], `must be spec.names.plural + "." + spec.group ("${expected}"), not "${name}"`),
    );
  }
  return problems;
}

function checkGroup(spec: Record<string, unknown>): SchemaProblem[] {
  const group = stringAt(spec, ['group']);
  if (group === undefined) return spec.group === undefined || spec.group === '' ? [missing(['spec'], 'group')] : [];
  const syntax = dns1123SubdomainProblem(group);
  if (syntax !== undefined) return [refused(['spec', 'group'], `"${group}" ${syntax}`)];
  if (!group.includes('.')) return [refused(['spec', 'group'], `"${group}" must be a domain with at least one dot`)];
  return [];
}

function checkScope(spec: Record<string, unknown>, apiVersion: 'v1' | 'v1beta1'): SchemaProblem[] {
  const scope = spec.scope;
  if (scope === undefined || scope === '') return apiVersion === 'v1' ? [missing(['spec'], 'scope')] : [];
  if (typeof scope !== 'string' || (SCOPES as readonly string[]).includes(scope)) return [];
  return [unsupported(['spec', 'scope'], scope, SCOPES)];
}

/** `spec.names`: the four names (singular and listKind default from the kind), their syntax, short names, categories. */
function checkNames(spec: Record<string, unknown>): SchemaProblem[] {
  const at: ObjectPath = ['spec', 'names'];
  const names = isRecord(spec.names) ? spec.names : {};
  const kind = stringAt(names, ['kind']);
  const listKind = stringAt(names, ['listKind']) ?? (kind === undefined ? undefined : `${kind}List`);
  const problems: SchemaProblem[] = [];
  const present: [string, string | undefined][] = [
    ['plural', stringAt(names, ['plural'])],
    ['singular', stringAt(names, ['singular']) ?? kind?.toLowerCase()],
    ['kind', kind],
    ['listKind', listKind],
  ];
  for (const [field, value] of present) {
    if (value === undefined) {
      if (names[field] === undefined || names[field] === '') problems.push(missing(at, field));
      continue;
    }
    const mixedCase = field === 'kind' || field === 'listKind';
    const syntax = dns1035LabelProblem(mixedCase ? value.toLowerCase() : value);
    if (syntax === undefined || stringAt(names, [field]) === undefined) continue;
    const prefix = mixedCase ? `"${value}" may have mixed case, but otherwise ` : `"${value}" `;
    problems.push(refused([...at, field], `${prefix}${syntax}`));
  }
  if (kind !== undefined && listKind === kind) {
    problems.push(refused([...at, 'listKind'], 'must differ from kind, or lists and objects could not be told apart'));
  }
  return [
    ...problems,
    ...checkLabelList(names, [...at], 'shortNames'),
    ...checkLabelList(names, [...at], 'categories'),
  ];
}

function checkLabelList(names: Record<string, unknown>, at: ObjectPath, field: string): SchemaProblem[] {
  const list = names[field];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown, index) => {
    const syntax = typeof item === 'string' ? dns1035LabelProblem(item) : undefined;
    return syntax === undefined ? [] : [refused([...at, field, index], `"${String(item)}" ${syntax}`)];
  });
}

/** The versions: names unique and DNS-1035 labels, exactly one storage version, v1beta1's `version` field. */
function checkVersionList(spec: Record<string, unknown>, apiVersion: 'v1' | 'v1beta1'): SchemaProblem[] {
  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  const single = stringAt(spec, ['version']);
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  let duplicated = false;
  let storage = versions.length === 0 && apiVersion === 'v1beta1' && single !== undefined ? 1 : 0;
  versions.forEach((version: unknown, index) => {
    if (isRecord(version) && version.storage === true) storage++;
    const name = stringAt(version, ['name']);
    if (name === undefined) return;
    duplicated ||= seen.has(name);
    seen.add(name);
    const syntax = dns1035LabelProblem(name);
    if (syntax !== undefined) problems.push(refused(['spec', 'versions', index, 'name'], `"${name}" ${syntax}`));
  });
  if (duplicated) problems.push(refused(['spec', 'versions'], 'must not name a version twice'));
  if (storage !== 1) {
    problems.push(
      refused(
        ['spec', 'versions'],
        `must mark exactly one version as the storage version (storage: true), not ${storage}`,
      ),
    );
  }
  if (apiVersion === 'v1beta1' && single !== undefined) problems.push(...checkBetaVersionField(single, versions));
  return problems;
}

function checkBetaVersionField(single: string, versions: readonly unknown[]): SchemaProblem[] {
  const syntax = dns1035LabelProblem(single);
  if (syntax !== undefined) return [refused(['spec', 'version'], `"${single}" ${syntax}`)];
  const first = stringAt(versions[0], ['name']);
  if (versions.length > 0 && first !== single) {
    return [refused(['spec', 'version'], `must name the first entry of spec.versions ("${first ?? ''}")`)];
  }
  return [];
}

/** Groups under `k8s.io` and `kubernetes.io` belong to the Kubernetes project and need its approval annotation. */
function checkApproval(crd: Record<string, unknown>, spec: Record<string, unknown>): SchemaProblem[] {
  const group = stringAt(spec, ['group']);
  const isProtected = (domain: string): boolean => group === domain || group?.endsWith(`.${domain}`) === true;
  if (!isProtected('k8s.io') && !isProtected('kubernetes.io')) return [];
  const annotation = getIn(crd, ['metadata', 'annotations', APPROVAL_ANNOTATION]);
  const value = typeof annotation === 'string' ? annotation : '';
  const see = 'see https://github.com/kubernetes/enhancements/pull/1111';
  if (value === '') {
    const why = `the Kubernetes project's groups (k8s.io, kubernetes.io) need it: a URL to the approval, or a reason starting with "unapproved"; ${see}`;
    return [missing(['metadata', 'annotations'], APPROVAL_ANNOTATION, why)];
  }
  if (value.startsWith('unapproved') || isUrlWithHost(value)) return [];
  return [
    refused(
      ['metadata', 'annotations', APPROVAL_ANNOTATION],
      `must be a URL to the approval, or a reason starting with "unapproved"; ${see}`,
    ),
  ];
}

function isUrlWithHost(text: string): boolean {
  try {
    const url = new URL(text);
    return url.host !== '' && url.protocol !== '';
  } catch {
    return false;
  }
}

/** The schema of every version, or v1beta1's top-level one, must be given (v1 requires one for every version). */
export function checkSchemasPresent(spec: Record<string, unknown>, apiVersion: 'v1' | 'v1beta1'): SchemaProblem[] {
  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  const pruning = apiVersion === 'v1' || spec.preserveUnknownFields === false;
  const shared = apiVersion === 'v1beta1' && isRecord(getIn(spec, ['validation', 'openAPIV3Schema']));
  if (!pruning || shared) return [];
  return versions.flatMap((version: unknown, index) => {
    if (!isRecord(version) || isRecord(getIn(version, ['schema', 'openAPIV3Schema']))) return [];
    if (apiVersion === 'v1beta1' && version.served !== true) return [];
    const at: ObjectPath = ['spec', 'versions', index];
    return isRecord(version.schema)
      ? [missing([...at, 'schema'], 'openAPIV3Schema', 'every version needs a schema, or all its fields are pruned')]
      : [missing(at, 'schema', 'every version needs a schema (openAPIV3Schema), or all its fields are pruned')];
  });
}
