/**
 * Evaluates ValidatingAdmissionPolicies on manifests, as the API server would
 * on a CREATE request for each: every binding of a policy that matches the
 * object runs the policy's CEL with the binding's parameters, and each failed
 * validation is a finding whose severity follows the binding's
 * `validationActions` (Deny → error, Warn → warning, Audit → note).
 *
 * Evaluation errors (an expression that fails, parameters that cannot be
 * found) follow the policy's `failurePolicy`: with `Fail` (the default) they
 * are reported like a failed validation, with `Ignore` as a note.
 */
import { buildFinding, placeOf } from '../engine/build-finding.js';
import { toCel } from '../cel/cel-values.js';
import { createInventory } from '../engine/inventory.js';
import { labelSelectorMatches } from '../engine/label-selector.js';
import { formatPath } from '../engine/paths.js';
import { resourceIsClusterScoped } from '../engine/scope.js';
import type { Finding, ObjectPath, Resource, Severity } from '../model/types.js';
import { reviewActivation } from '../cel/activation.js';
import { runProgram, type ProgramResult } from '../cel/program.js';
import {
  isAdmissionPolicy,
  isAdmissionPolicyBinding,
  readBinding,
  readPolicy,
  type AdmissionPolicy,
  type AdmissionPolicyBinding,
  type PolicyManifestProblem,
  type ValidationAction,
} from './policy-manifests.js';
import { resourceRef } from '../model/identity.js';
import { ADMISSION_POLICY_ID, INVALID_ADMISSION_POLICY_ID } from '../model/finding-ids.js';
import { matchResources, type MatchContext } from './admission-match.js';

/** The policies and bindings of a run, read from the linted files and `--policies`. */
export interface AdmissionPolicySet {
  policies: AdmissionPolicy[];
  bindings: AdmissionPolicyBinding[];
  /** Objects that can serve as parameters besides the linted ones (those among the `--policies` files). */
  paramObjects: Resource[];
  /** Manifests that cannot be used. */
  findings: Finding[];
  /** Names of the policies that cannot be used (their bindings are not reported again). */
  unusable: Set<string>;
  notes: string[];
}

export function emptyPolicySet(): AdmissionPolicySet {
  return { policies: [], bindings: [], paramObjects: [], findings: [], unusable: new Set(), notes: [] };
}

/** Adds a policy or binding manifest to the set; other objects become parameter candidates when `asParams`. */
export function addPolicyManifest(set: AdmissionPolicySet, resource: Resource, asParams = false): void {
  if (isAdmissionPolicy(resource)) {
    const policy = readPolicy(resource);
    if (Array.isArray(policy)) {
      set.findings.push(...policy.map((problem) => problemFinding(problem)));
      if (resource.name) set.unusable.add(resource.name);
    } else {
      set.policies.push(policy);
      if (policy.hasAuditAnnotations) {
        set.notes.push(
          `${resource.file}: ${policy.name}: auditAnnotations are not evaluated offline (they only annotate audit events)`,
        );
      }
    }
  } else if (isAdmissionPolicyBinding(resource)) {
    const binding = readBinding(resource);
    if ('message' in binding) set.findings.push(problemFinding(binding));
    else set.bindings.push(binding);
  } else if (asParams) set.paramObjects.push(resource);
}

function problemFinding(problem: PolicyManifestProblem, severity: Severity = 'error'): Finding {
  const { resource } = problem;
  const path = [...resource.pathInDocument, ...problem.path];
  return {
    ruleId: INVALID_ADMISSION_POLICY_ID,
    constraintName: resource.name ?? resource.kind,
    severity,
    message: `${resource.kind} "${resource.name ?? ''}": ${formatPath(problem.path)} ${problem.message}`,
    ...placeOf(resource, path),
    path: formatPath(path),
    object: resourceRef(resource, undefined),
  };
}

export interface PolicyEvaluationOptions {
  defaultNamespace?: string;
  /** Objects that are read (Namespaces, parameters) but not reviewed. */
  inventory?: readonly Resource[];
}

const failures = new WeakSet<Finding>();

/** True for a finding of an evaluation error (rather than a failed validation). */
export function isEvaluationFailure(finding: Finding): boolean {
  return failures.has(finding);
}

const SEVERITY: Record<ValidationAction, Severity> = { Deny: 'error', Warn: 'warning', Audit: 'note' };
const RANK: Record<Severity, number> = { error: 2, warning: 1, note: 0 };

/** Runs every bound policy on every resource it matches. */
export function evaluateAdmissionPolicies(
  resources: readonly Resource[],
  set: AdmissionPolicySet,
  options: PolicyEvaluationOptions = {},
): { findings: Finding[]; notes: string[] } {
  const findings: Finding[] = [...set.findings];
  const notes: string[] = [...set.notes];
  const policies = new Map(set.policies.map((policy) => [policy.name, policy]));
  const bound = new Set<string>();
  const pairs: [AdmissionPolicy, AdmissionPolicyBinding][] = [];
  for (const binding of set.bindings) {
    const policy = policies.get(binding.policyName);
    if (!policy) {
      if (set.unusable.has(binding.policyName)) continue;
      findings.push(
        problemFinding(
          {
            resource: binding.resource,
            path: ['spec', 'policyName'],
            message: `names ValidatingAdmissionPolicy "${binding.policyName}", which is not among the linted files or --policies: the binding checks nothing here`,
          },
          'warning',
        ),
      );
      continue;
    }
    bound.add(policy.name);
    pairs.push([policy, binding]);
  }
  for (const policy of set.policies) {
    if (!bound.has(policy.name))
      notes.push(
        `${policy.resource.file}: ValidatingAdmissionPolicy "${policy.name}" has no binding, so it checks nothing`,
      );
  }
  if (pairs.length === 0) return { findings, notes };

  const inventory = createInventory([...resources, ...(options.inventory ?? []), ...set.paramObjects]);
  const ctx: MatchContext = { inventory, defaultNamespace: options.defaultNamespace };
  for (const resource of resources) {
    for (const [policy, binding] of pairs) {
      if (!matchResources(policy.match, resource, ctx)) continue;
      if (binding.match && !matchResources(binding.match, resource, ctx)) continue;
      findings.push(...review(resource, policy, binding, ctx));
    }
  }
  return { findings, notes };
}

/** One policy, through one binding, on one object: findings for its failed validations and errors. */
function review(
  resource: Resource,
  policy: AdmissionPolicy,
  binding: AdmissionPolicyBinding,
  ctx: MatchContext,
): Finding[] {
  const severity = binding.actions.map((action) => SEVERITY[action]).reduce((a, b) => (RANK[a] >= RANK[b] ? a : b));
  const failureSeverity: Severity = policy.failurePolicy === 'Fail' ? severity : 'note';
  const base = reviewActivation(resource, ctx.inventory, ctx.defaultNamespace, 'CREATE');
  const findings: Finding[] = [];
  const failure = (message: string) => {
    const text = `ValidatingAdmissionPolicy "${policy.name}" could not be evaluated: ${message}`;
    const reported = finding(resource, binding, failureSeverity, [], text, ctx);
    failures.add(reported);
    findings.push(reported);
  };

  let paramsList: (Resource | null)[] = [null];
  if (policy.paramKind && binding.paramRef) {
    const found = findParams(policy, binding, resource, ctx);
    if (typeof found === 'string') {
      failure(found);
      return findings;
    }
    if (found.length === 0) {
      if (binding.paramRef.notFound === 'Deny') {
        failure(`no params found for policy binding "${binding.name}" with Deny parameterNotFoundAction`);
      }
      return findings;
    }
    paramsList = found;
  }
  const seen = new Set<string>();
  for (const params of paramsList) {
    const result: ProgramResult = runProgram(policy.program, { ...base, params: params ? toCel(params.object) : null });
    for (const problem of result.failures) failure(`${shorten(problem.expression)}: ${problem.message}`);
    if (!result.matched) continue;
    for (const violation of result.violations) {
      const key = `${formatPath(violation.path)}\n${violation.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding(resource, binding, severity, violation.path, violation.message, ctx));
    }
  }
  return findings;
}

function shorten(expression: string): string {
  const text = expression.trim().replace(/\s+/g, ' ');
  return JSON.stringify(text.length > 120 ? `${text.slice(0, 119)}…` : text);
}

/**
 * The parameter objects a binding's `paramRef` selects for this object: by
 * name or label selector, of the policy's `paramKind`, in `paramRef.namespace`
 * or (for a namespaced kind) the object's own namespace. A parameter object
 * whose manifest names no namespace is taken to be in any.
 */
function findParams(
  policy: AdmissionPolicy,
  binding: AdmissionPolicyBinding,
  resource: Resource,
  ctx: MatchContext,
): Resource[] | string {
  const ref = binding.paramRef;
  const kind = policy.paramKind;
  if (!ref || !kind) return [];
  const slash = kind.apiVersion.lastIndexOf('/');
  const group = slash === -1 ? '' : kind.apiVersion.slice(0, slash);
  const candidates = ctx.inventory.ofKind(group, kind.kind);
  const [sample] = candidates;
  const namespaced = sample !== undefined && !resourceIsClusterScoped(sample, ctx.inventory);
  let namespace = ref.namespace;
  if (namespace === undefined && namespaced) {
    if (resourceIsClusterScoped(resource, ctx.inventory)) {
      return `paramRef.namespace is unset, the param kind ${kind.kind} is namespaced and ${resource.kind} "${resource.name ?? ''}" is cluster-scoped`;
    }
    namespace = resource.namespace ?? ctx.defaultNamespace;
  }
  return candidates.filter((candidate) => {
    if (namespace !== undefined && candidate.namespace !== undefined && candidate.namespace !== namespace) return false;
    if (ref.name !== undefined) return candidate.name === ref.name;
    return ref.selector !== undefined && labelSelectorMatches(ref.selector, candidate.labels);
  });
}

function finding(
  resource: Resource,
  binding: AdmissionPolicyBinding,
  severity: Severity,
  path: ObjectPath,
  message: string,
  ctx: MatchContext,
): Finding {
  const source = { ruleId: ADMISSION_POLICY_ID, constraintName: binding.name, severity };
  return buildFinding(resource, source, { path, message }, ctx.defaultNamespace);
}
