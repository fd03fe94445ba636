import { buildFinding } from './build-finding.js';
import { createInventory } from './inventory.js';
import { matchesResource } from './match.js';
import { formatMessage } from './messages.js';
import type {
  Constraint,
  EnforcementAction,
  Finding,
  Resource,
  Rule,
  RuleContext,
  Severity,
  Violation,
} from '../model/types.js';
import { RULE_ERROR_ID } from '../model/finding-ids.js';
import { compareStrings } from '../model/string-order.js';
import { DEFAULT_RELEASE } from '../model/kubernetes-release.js';

/** A constraint together with the rule that implements it. */
export interface BoundConstraint extends Constraint {
  rule: Rule;
}

export interface EvaluateOptions {
  /** The namespace that manifests without one will be applied to (`--namespace`). */
  defaultNamespace?: string;
  /** The input is the whole of its namespaces (`--namespaces-complete`). */
  namespacesComplete?: boolean;
  /** The Kubernetes releases the manifests are for, oldest first; the newest shipped when absent. */
  kubernetesReleases?: readonly string[];
  /** Cluster state that rules may read but that is not itself checked (Gatekeeper's inventory). */
  inventory?: readonly Resource[];
}

const SEVERITY: Record<EnforcementAction, Severity> = { deny: 'error', warn: 'warning', dryrun: 'note' };

/** Runs every constraint on every resource it matches. Constraints are independent: all of them apply. */
export function evaluate(
  resources: readonly Resource[],
  constraints: readonly BoundConstraint[],
  options: EvaluateOptions = {},
): Finding[] {
  const inventory = createInventory(options.inventory?.length ? [...resources, ...options.inventory] : resources);
  const context: RuleContext = {
    inventory,
    defaultNamespace: options.defaultNamespace,
    namespacesComplete: options.namespacesComplete ?? false,
    kubernetesReleases: options.kubernetesReleases ?? [DEFAULT_RELEASE],
  };
  const findings: Finding[] = [];
  for (const resource of resources) {
    for (const constraint of constraints) {
      if (!matchesResource(constraint.match, resource, context, constraint.rule.meta.defaultKinds)) continue;
      findings.push(...checkOne(resource, constraint, context));
    }
  }
  return findings;
}

function checkOne(resource: Resource, constraint: BoundConstraint, context: RuleContext): Finding[] {
  try {
    const violations = [...constraint.rule.check(resource, constraint.parameters, context)];
    for (const violation of violations) checkViolation(violation, constraint.rule);
    return violations.map((violation) => toFinding(resource, constraint, violation, context.defaultNamespace));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = constraint.rule.source ? `${message} (rule module ${constraint.rule.source})` : message;
    const failure: Finding = toFinding(
      resource,
      constraint,
      { messageId: '', path: [] },
      context.defaultNamespace,
      `rule ${constraint.rule.meta.id} could not check this resource: ${reason}`,
    );
    return [{ ...failure, ruleId: RULE_ERROR_ID, severity: 'error' }];
  }
}

/** A custom rule may yield anything; a violation the report cannot use is the rule's error, not a crash. */
function checkViolation(violation: unknown, rule: Rule): void {
  const value = violation as Partial<Violation> | null;
  if (typeof value !== 'object' || value === null) throw new Error(`returned a violation that is not an object`);
  if (typeof value.messageId !== 'string' || !(value.messageId in rule.meta.messages)) {
    throw new Error(`returned a violation whose messageId ${JSON.stringify(value.messageId)} is not in meta.messages`);
  }
  const pathOk =
    Array.isArray(value.path) && value.path.every((step) => typeof step === 'string' || typeof step === 'number');
  if (!pathOk) throw new Error('returned a violation whose path is not a list of keys and indexes');
}

function toFinding(
  resource: Resource,
  constraint: BoundConstraint,
  violation: Violation,
  defaultNamespace: string | undefined,
  fixedMessage?: string,
): Finding {
  const template = constraint.rule.meta.messages[violation.messageId];
  const source = {
    ruleId: constraint.rule.meta.id,
    constraintName: constraint.name,
    severity: SEVERITY[constraint.enforcementAction],
    ...(constraint.constraintKind !== undefined && { constraintKind: constraint.constraintKind }),
  };
  const at = {
    path: violation.path,
    message: fixedMessage ?? formatMessage(template ?? violation.messageId, violation.data),
    ...(violation.judged !== undefined && { judged: violation.judged }),
    ...(violation.related !== undefined && { related: violation.related }),
    ...(violation.at !== undefined && { at: violation.at }),
  };
  return buildFinding(resource, source, at, defaultNamespace);
}

/** Orders findings by file (in the given order), then position, then rule, so output is deterministic. */
export function sortFindings(findings: readonly Finding[], fileOrder: readonly string[]): Finding[] {
  const rank = new Map(fileOrder.map((file, index) => [file, index]));
  const fileRank = (file: string) => rank.get(file) ?? Number.MAX_SAFE_INTEGER;
  return [...findings].sort(
    (a, b) =>
      fileRank(a.file) - fileRank(b.file) ||
      a.documentIndex - b.documentIndex ||
      a.line - b.line ||
      a.column - b.column ||
      compareStrings(a.ruleId, b.ruleId) ||
      compareStrings(a.constraintName, b.constraintName) ||
      compareStrings(a.message, b.message),
  );
}
