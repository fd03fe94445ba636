/**
 * Reads ValidatingAdmissionPolicy and ValidatingAdmissionPolicyBinding
 * manifests (`admissionregistration.k8s.io`): what k8s-bp needs from them, or
 * the field that makes one unusable.
 */
import { isRecord } from '../model/records.js';
import type { LabelSelector, ObjectPath, Resource } from '../model/types.js';
import { compileProgram, type CelProgram, type ProgramProblem } from '../cel/program.js';
import { BINDING_KIND, POLICY_KIND } from './kinds.js';

export {
  ADMISSION_GROUP,
  BINDING_KIND,
  POLICY_KIND,
  isAdmissionPolicy,
  isAdmissionPolicyBinding,
  isAdmissionPolicyManifest,
} from './kinds.js';

/** A rule of `resourceRules` or `excludeResourceRules`. */
export interface ResourceRule {
  apiGroups: string[];
  apiVersions: string[];
  resources: string[];
  operations: string[];
  scope: string;
  resourceNames: string[];
}

/** `matchConstraints` of a policy, or `matchResources` of a binding. */
export interface MatchResources {
  resourceRules: ResourceRule[] | undefined;
  excludeResourceRules: ResourceRule[];
  namespaceSelector: LabelSelector | undefined;
  objectSelector: LabelSelector | undefined;
}

export interface AdmissionPolicy {
  resource: Resource;
  name: string;
  failurePolicy: 'Fail' | 'Ignore';
  paramKind: { apiVersion: string; kind: string } | undefined;
  match: MatchResources;
  program: CelProgram;
  hasAuditAnnotations: boolean;
}

export type ValidationAction = 'Deny' | 'Warn' | 'Audit';

export interface ParamRef {
  name: string | undefined;
  namespace: string | undefined;
  selector: LabelSelector | undefined;
  notFound: 'Allow' | 'Deny';
}

export interface AdmissionPolicyBinding {
  resource: Resource;
  name: string;
  policyName: string;
  paramRef: ParamRef | undefined;
  match: MatchResources | undefined;
  actions: ValidationAction[];
}

/** A manifest that cannot be used, with the field that says why. */
export interface PolicyManifestProblem {
  resource: Resource;
  path: ObjectPath;
  message: string;
}

type Read<T> = { ok: true; value: T } | { ok: false; path: ObjectPath; message: string };

export function readPolicy(resource: Resource): AdmissionPolicy | PolicyManifestProblem[] {
  const fail = (path: ObjectPath, message: string): PolicyManifestProblem[] => [{ resource, path, message }];
  if (!resource.name) return fail(['metadata'], `${POLICY_KIND} has no metadata.name`);
  const spec = (resource.object as Record<string, unknown>).spec;
  if (!isRecord(spec)) return fail(['spec'], `${POLICY_KIND} "${resource.name}" has no spec`);
  const failurePolicy = spec.failurePolicy ?? 'Fail';
  if (failurePolicy !== 'Fail' && failurePolicy !== 'Ignore') {
    return fail(['spec', 'failurePolicy'], 'failurePolicy must be Fail or Ignore');
  }
  let paramKind: AdmissionPolicy['paramKind'];
  if (spec.paramKind !== undefined && spec.paramKind !== null) {
    const kind = spec.paramKind;
    if (!isRecord(kind) || typeof kind.apiVersion !== 'string' || typeof kind.kind !== 'string') {
      return fail(['spec', 'paramKind'], 'paramKind needs apiVersion and kind');
    }
    paramKind = { apiVersion: kind.apiVersion, kind: kind.kind };
  }
  if (!isRecord(spec.matchConstraints)) {
    return fail(['spec', 'matchConstraints'], 'matchConstraints with resourceRules is required');
  }
  const match = readMatchResources(spec.matchConstraints);
  if (!match.ok) return fail(['spec', 'matchConstraints', ...match.path], match.message);
  if (!match.value.resourceRules?.length) {
    return fail(
      ['spec', 'matchConstraints', 'resourceRules'],
      'matchConstraints.resourceRules must name at least one rule',
    );
  }
  const hasValidations = Array.isArray(spec.validations) && spec.validations.length > 0;
  const hasAuditAnnotations = Array.isArray(spec.auditAnnotations) && spec.auditAnnotations.length > 0;
  if (!hasValidations && !hasAuditAnnotations) {
    return fail(['spec', 'validations'], 'a policy needs validations (or auditAnnotations)');
  }
  const compiled = compileProgram(spec);
  if ('problems' in compiled) return compiled.problems.map((problem) => atSpec(resource, problem));
  return {
    resource,
    name: resource.name,
    failurePolicy,
    paramKind,
    match: match.value,
    program: compiled.program,
    hasAuditAnnotations,
  };
}

function atSpec(resource: Resource, problem: ProgramProblem): PolicyManifestProblem {
  return { resource, path: ['spec', ...problem.path], message: problem.message };
}

const ACTIONS = new Set(['Deny', 'Warn', 'Audit']);

export function readBinding(resource: Resource): AdmissionPolicyBinding | PolicyManifestProblem {
  const fail = (path: ObjectPath, message: string): PolicyManifestProblem => ({ resource, path, message });
  if (!resource.name) return fail(['metadata'], `${BINDING_KIND} has no metadata.name`);
  const spec = (resource.object as Record<string, unknown>).spec;
  if (!isRecord(spec)) return fail(['spec'], `${BINDING_KIND} "${resource.name}" has no spec`);
  if (typeof spec.policyName !== 'string' || spec.policyName === '') {
    return fail(['spec', 'policyName'], 'policyName is required');
  }
  const actions = spec.validationActions;
  if (!Array.isArray(actions) || actions.length === 0 || !actions.every((action) => ACTIONS.has(action as string))) {
    return fail(['spec', 'validationActions'], 'validationActions must list Deny, Warn or Audit');
  }
  if (actions.includes('Deny') && actions.includes('Warn')) {
    return fail(['spec', 'validationActions'], 'validationActions may not hold both Deny and Warn');
  }
  let paramRef: ParamRef | undefined;
  if (spec.paramRef !== undefined && spec.paramRef !== null) {
    const read = readParamRef(spec.paramRef);
    if (!read.ok) return fail(['spec', 'paramRef', ...read.path], read.message);
    paramRef = read.value;
  }
  let match: MatchResources | undefined;
  if (spec.matchResources !== undefined && spec.matchResources !== null) {
    if (!isRecord(spec.matchResources)) return fail(['spec', 'matchResources'], 'matchResources must be a mapping');
    const read = readMatchResources(spec.matchResources);
    if (!read.ok) return fail(['spec', 'matchResources', ...read.path], read.message);
    match = read.value;
  }
  return {
    resource,
    name: resource.name,
    policyName: spec.policyName,
    paramRef,
    match,
    actions: actions as ValidationAction[],
  };
}

function readParamRef(value: unknown): Read<ParamRef> {
  if (!isRecord(value)) return { ok: false, path: [], message: 'paramRef must be a mapping' };
  const name = value.name;
  const namespace = value.namespace;
  if (name !== undefined && typeof name !== 'string')
    return { ok: false, path: ['name'], message: 'name must be a string' };
  if (namespace !== undefined && typeof namespace !== 'string') {
    return { ok: false, path: ['namespace'], message: 'namespace must be a string' };
  }
  let selector: LabelSelector | undefined;
  if (value.selector !== undefined) {
    const read = readSelector(value.selector);
    if (!read.ok) return { ok: false, path: ['selector', ...read.path], message: read.message };
    selector = read.value;
  }
  if ((name === undefined) === (selector === undefined)) {
    return { ok: false, path: [], message: 'paramRef needs exactly one of name and selector' };
  }
  const notFound = value.parameterNotFoundAction ?? 'Deny';
  if (notFound !== 'Allow' && notFound !== 'Deny') {
    return { ok: false, path: ['parameterNotFoundAction'], message: 'parameterNotFoundAction must be Allow or Deny' };
  }
  return { ok: true, value: { name, namespace, selector, notFound } };
}

function readMatchResources(value: Record<string, unknown>): Read<MatchResources> {
  const rules = (key: string): Read<ResourceRule[] | undefined> => {
    const list = value[key];
    if (list === undefined || list === null) return { ok: true, value: undefined };
    if (!Array.isArray(list)) return { ok: false, path: [key], message: `${key} must be a list` };
    const out: ResourceRule[] = [];
    for (const [index, rule] of list.entries()) {
      const read = readRule(rule);
      if (!read.ok) return { ok: false, path: [key, index, ...read.path], message: read.message };
      out.push(read.value);
    }
    return { ok: true, value: out };
  };
  const include = rules('resourceRules');
  if (!include.ok) return include;
  const exclude = rules('excludeResourceRules');
  if (!exclude.ok) return exclude;
  const selectors: Partial<Record<'namespaceSelector' | 'objectSelector', LabelSelector>> = {};
  for (const key of ['namespaceSelector', 'objectSelector'] as const) {
    if (value[key] === undefined || value[key] === null) continue;
    const read = readSelector(value[key]);
    if (!read.ok) return { ok: false, path: [key, ...read.path], message: read.message };
    selectors[key] = read.value;
  }
  return {
    ok: true,
    value: {
      resourceRules: include.value,
      excludeResourceRules: exclude.value ?? [],
      namespaceSelector: selectors.namespaceSelector,
      objectSelector: selectors.objectSelector,
    },
  };
}

function readRule(value: unknown): Read<ResourceRule> {
  if (!isRecord(value)) return { ok: false, path: [], message: 'a resource rule must be a mapping' };
  const strings = (key: string, fallback: string[]): Read<string[]> => {
    const list = value[key];
    if (list === undefined || list === null) return { ok: true, value: fallback };
    if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
      return { ok: false, path: [key], message: `${key} must be a list of strings` };
    }
    return { ok: true, value: list as string[] };
  };
  const read = {
    apiGroups: strings('apiGroups', []),
    apiVersions: strings('apiVersions', []),
    resources: strings('resources', []),
    operations: strings('operations', []),
    resourceNames: strings('resourceNames', []),
  };
  for (const item of Object.values(read)) if (!item.ok) return item;
  const scope = value.scope ?? '*';
  if (scope !== '*' && scope !== 'Cluster' && scope !== 'Namespaced') {
    return { ok: false, path: ['scope'], message: 'scope must be Cluster, Namespaced or *' };
  }
  const get = (item: Read<string[]>) => (item.ok ? item.value : []);
  return {
    ok: true,
    value: {
      apiGroups: get(read.apiGroups),
      apiVersions: get(read.apiVersions),
      resources: get(read.resources),
      operations: get(read.operations),
      resourceNames: get(read.resourceNames),
      scope,
    },
  };
}

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** A `metav1.LabelSelector`, checked as the API server would. */
export function readSelector(value: unknown): Read<LabelSelector> {
  if (!isRecord(value)) return { ok: false, path: [], message: 'a label selector must be a mapping' };
  const selector: LabelSelector = {};
  if (value.matchLabels !== undefined && value.matchLabels !== null) {
    const labels = value.matchLabels;
    if (!isRecord(labels) || !Object.values(labels).every((item) => typeof item === 'string')) {
      return { ok: false, path: ['matchLabels'], message: 'matchLabels must map keys to strings' };
    }
    selector.matchLabels = labels as Record<string, string>;
  }
  if (value.matchExpressions !== undefined && value.matchExpressions !== null) {
    const list = value.matchExpressions;
    if (!Array.isArray(list))
      return { ok: false, path: ['matchExpressions'], message: 'matchExpressions must be a list' };
    selector.matchExpressions = [];
    for (const [index, item] of list.entries()) {
      const ok =
        isRecord(item) &&
        typeof item.key === 'string' &&
        OPERATORS.has(item.operator as string) &&
        (item.values === undefined || (Array.isArray(item.values) && item.values.every((v) => typeof v === 'string')));
      if (!ok) {
        return {
          ok: false,
          path: ['matchExpressions', index],
          message: 'a requirement needs a key, an operator (In, NotIn, Exists, DoesNotExist) and string values',
        };
      }
      selector.matchExpressions.push(item as unknown as NonNullable<LabelSelector['matchExpressions']>[number]);
    }
  }
  return { ok: true, value: selector };
}
