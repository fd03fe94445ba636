import { evaluate, type BoundConstraint, type EvaluateOptions } from '../engine/evaluate.js';
import type { Finding, Resource } from '../model/types.js';
import { expandResources, type ExpansionTemplate } from '../gatekeeper/expansion.js';
import type { Policies } from './load-policies.js';
import { uncheckedKindNotes } from '../schema/unchecked-kinds.js';

export interface Evaluated {
  findings: Finding[];
  notes: string[];
}

/**
 * Stage 4: every constraint on every resource it matches, then Gatekeeper
 * constraints on the objects that ExpansionTemplates imply, then admission
 * policies.
 */
export function evaluateAll(resources: readonly Resource[], policies: Policies, options: EvaluateOptions): Evaluated {
  const findings = [
    ...evaluate(resources, policies.constraints, options),
    ...evaluateExpanded(resources, policies.expansions, policies.constraints, options),
  ];
  const notes: string[] = [];
  if (policies.constraints.some((constraint) => constraint.ruleId.startsWith('schema-'))) {
    notes.push(...uncheckedKindNotes(resources, [...resources, ...(options.inventory ?? [])]));
  }
  if (policies.admission !== undefined) {
    const { module, set } = policies.admission;
    const evaluated = module.evaluateAdmissionPolicies(resources, set, options);
    findings.push(...evaluated.findings);
    notes.push(...evaluated.notes);
  }
  return { findings, notes };
}

/**
 * Runs Gatekeeper constraints on the objects that ExpansionTemplates imply
 * (the Pod of a Deployment), as Gatekeeper does in a cluster. Only Gatekeeper
 * constraints look at them: the catalogue's rules read workloads directly.
 */
function evaluateExpanded(
  resources: readonly Resource[],
  expansions: readonly ExpansionTemplate[],
  constraints: readonly BoundConstraint[],
  options: EvaluateOptions,
): Finding[] {
  const gatekeeperConstraints = constraints.filter((constraint) => constraint.constraintKind !== undefined);
  if (expansions.length === 0 || gatekeeperConstraints.length === 0) return [];
  const expanded = expandResources(resources, expansions);
  // One evaluation per template, so the inventory is indexed once, not once per workload.
  return expansions.flatMap((template) => {
    const implied = expanded.filter((entry) => entry.template === template).map((entry) => entry.resource);
    if (implied.length === 0) return [];
    return evaluate(implied, gatekeeperConstraints, {
      ...options,
      inventory: [...resources, ...(options.inventory ?? [])],
    }).map((finding) => ({
      ...finding,
      message: `[Implied by ${template.name}] ${finding.message}`,
    }));
  });
}
