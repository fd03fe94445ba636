/**
 * The scheduling fields of a pod spec: tolerations, node and pod affinity,
 * and topology spread constraints.
 */
import type { ObjectPath } from '../../model/types.js';
import { checkEnum, checkLabelKey, checkRange, reportFormat, reportUnlessOneOf } from './checks.js';
import type { Findings } from './findings.js';
import { checkLabelSelector, checkSelectorRequirement } from './labels.js';
import { entriesAt, integerOf, isEmptyList, isSet, listOf, nonEmptyString, quote, recordOf, stringOf } from './read.js';
import { dnsLabelProblems, labelValueProblems } from './syntax.js';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
/** The release from which required node affinity values are surely checked as label values. */
const NODE_AFFINITY_VALUES_SINCE = 33;
const NODE_SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];

/**
 * Tolerations: a valid key; an empty key only with `Exists`; a value only
 * with `Equal` (or no operator); `tolerationSeconds` only with `NoExecute`.
 */
export function checkTolerations(out: Findings, spec: Record<string, unknown>, path: ObjectPath): void {
  for (const { entry, path: at } of entriesAt(spec, 'tolerations', path)) {
    const key = stringOf(entry.key) ?? '';
    const operator = stringOf(entry.operator) ?? '';
    if (key !== '') checkLabelKey(out, key, [...at, 'key']);
    if (key === '' && operator !== 'Exists') {
      out.value([...at, 'operator'], '"operator" must be "Exists" when "key" is empty (which matches every taint)');
    }
    if (isSet(entry.tolerationSeconds) && entry.effect !== 'NoExecute') {
      out.value([...at, 'effect'], '"effect" must be "NoExecute" when "tolerationSeconds" is set');
    }
    const value = stringOf(entry.value) ?? '';
    if (operator === '' || operator === 'Equal') {
      const problems = labelValueProblems(value);
      if (problems.length > 0)
        out.value(
          [...at, 'value'],
          `toleration value ${quote(value)} is not a valid label value: ${problems.join('; ')}`,
        );
    } else if (operator === 'Exists') {
      if (value !== '') out.value([...at, 'value'], '"value" must be empty when "operator" is "Exists"');
    } else reportUnlessOneOf(out, operator, [...at, 'operator'], ['Equal', 'Exists']);
    checkEnum(out, entry.effect, [...at, 'effect'], TAINT_EFFECTS);
  }
}

/** Node affinity terms, pod (anti-)affinity terms and their weights. */
export function checkAffinity(out: Findings, value: unknown, path: ObjectPath): void {
  const affinity = recordOf(value);
  if (!affinity) return;
  const node = recordOf(affinity.nodeAffinity);
  if (node) checkNodeAffinity(out, node, [...path, 'nodeAffinity']);
  for (const key of ['podAffinity', 'podAntiAffinity']) {
    const pod = recordOf(affinity[key]);
    if (!pod) continue;
    const at = [...path, key];
    for (const term of entriesAt(pod, 'requiredDuringSchedulingIgnoredDuringExecution', at)) {
      checkPodAffinityTerm(out, term.entry, term.path);
    }
    for (const { entry, path: weighted } of entriesAt(pod, 'preferredDuringSchedulingIgnoredDuringExecution', at)) {
      checkRange(out, entry.weight, [...weighted, 'weight'], 1, 100);
      const term = recordOf(entry.podAffinityTerm);
      if (term) checkPodAffinityTerm(out, term, [...weighted, 'podAffinityTerm']);
    }
  }
}

function checkNodeAffinity(out: Findings, affinity: Record<string, unknown>, path: ObjectPath): void {
  const required = recordOf(affinity.requiredDuringSchedulingIgnoredDuringExecution);
  if (required) {
    const at = [...path, 'requiredDuringSchedulingIgnoredDuringExecution'];
    const terms = entriesAt(required, 'nodeSelectorTerms', at);
    if (isEmptyList(required.nodeSelectorTerms)) out.required(at, '"nodeSelectorTerms" must hold at least one term');
    // Label values in required terms are checked from 1.32; 1.33 is the first release surely judged so.
    const checkValues = out.since(NODE_AFFINITY_VALUES_SINCE);
    for (const term of terms) checkNodeSelectorTerm(out, term.entry, term.path, checkValues);
  }
  for (const { entry, path: at } of entriesAt(affinity, 'preferredDuringSchedulingIgnoredDuringExecution', path)) {
    checkRange(out, entry.weight, [...at, 'weight'], 1, 100);
    const preference = recordOf(entry.preference);
    // The API server accepts any label value in a preferred term.
    if (preference) checkNodeSelectorTerm(out, preference, [...at, 'preference'], false);
  }
}

function checkNodeSelectorTerm(
  out: Findings,
  term: Record<string, unknown>,
  path: ObjectPath,
  checkValues: boolean,
): void {
  for (const { entry, path: at } of entriesAt(term, 'matchExpressions', path)) {
    checkSelectorRequirement(out, entry, at, NODE_SELECTOR_OPERATORS, checkValues);
  }
}

/** A pod affinity term: a selector, valid namespace names, and a topology key. */
function checkPodAffinityTerm(out: Findings, term: Record<string, unknown>, path: ObjectPath): void {
  checkLabelSelector(out, term.labelSelector, [...path, 'labelSelector']);
  checkLabelSelector(out, term.namespaceSelector, [...path, 'namespaceSelector']);
  const topologyKey = stringOf(term.topologyKey);
  if (topologyKey === '') out.required(path, '"topologyKey" must not be empty');
  else checkLabelKey(out, topologyKey, [...path, 'topologyKey']);
  listOf(term.namespaces).forEach((namespace, index) => {
    const name = nonEmptyString(namespace);
    if (name !== undefined)
      reportFormat(out, name, [...path, 'namespaces', index], 'namespace name', dnsLabelProblems(name));
  });
}

/**
 * Topology spread constraints: a positive `maxSkew`, a topology key, a known
 * `whenUnsatisfiable`, a positive `minDomains` only with `DoNotSchedule`, and
 * no two constraints with the same key and action.
 */
export function checkTopologySpread(out: Findings, spec: Record<string, unknown>, path: ObjectPath): void {
  const seen = new Set<string>();
  for (const { entry, path: at } of entriesAt(spec, 'topologySpreadConstraints', path)) {
    const maxSkew = integerOf(entry.maxSkew);
    if (maxSkew !== undefined && maxSkew <= 0)
      out.value([...at, 'maxSkew'], `"maxSkew" must be greater than 0, not ${maxSkew}`);
    if (entry.topologyKey === '') out.required(at, '"topologyKey" must not be empty');
    const action = stringOf(entry.whenUnsatisfiable);
    if (action !== undefined)
      reportUnlessOneOf(out, action, [...at, 'whenUnsatisfiable'], ['DoNotSchedule', 'ScheduleAnyway']);
    checkMinDomains(out, entry, at);
    checkEnum(out, entry.nodeAffinityPolicy, [...at, 'nodeAffinityPolicy'], ['Honor', 'Ignore']);
    checkEnum(out, entry.nodeTaintsPolicy, [...at, 'nodeTaintsPolicy'], ['Honor', 'Ignore']);
    checkLabelSelector(out, entry.labelSelector, [...at, 'labelSelector']);
    const key = `${String(entry.topologyKey)}\u0000${String(entry.whenUnsatisfiable)}`;
    if (seen.has(key)) {
      out.duplicate(
        at,
        `another constraint already has topology key ${quote(entry.topologyKey)} and "whenUnsatisfiable" ${quote(entry.whenUnsatisfiable)}`,
      );
    }
    seen.add(key);
  }
}

function checkMinDomains(out: Findings, constraint: Record<string, unknown>, path: ObjectPath): void {
  const minDomains = integerOf(constraint.minDomains);
  if (minDomains === undefined) return;
  if (minDomains <= 0) out.value([...path, 'minDomains'], `"minDomains" must be greater than 0, not ${minDomains}`);
  if (constraint.whenUnsatisfiable !== 'DoNotSchedule') {
    out.value([...path, 'minDomains'], '"minDomains" may be set only when "whenUnsatisfiable" is "DoNotSchedule"');
  }
}
