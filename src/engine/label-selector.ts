/**
 * Kubernetes label selectors (`metav1.LabelSelector`): evaluation, and the
 * syntax rules the API server applies to label keys and values.
 */
import type { LabelSelector, LabelSelectorRequirement } from '../model/types.js';

/**
 * True when `labels` satisfy every `matchLabels` entry and every
 * `matchExpressions` requirement, as Kubernetes' `labels.Selector` decides:
 * `In` needs the key with a listed value; `NotIn` holds when the key is absent
 * or has an unlisted value; `Exists`/`DoesNotExist` look at the key only.
 *
 * An empty selector (`{}`) selects everything. Kinds whose null selector
 * selects nothing (a Service without `selector`, a `policy/v1beta1` PDB) must
 * handle that before calling this.
 */
export function labelSelectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  const matchLabels = Object.entries(selector.matchLabels ?? {});
  if (!matchLabels.every(([key, value]) => Object.hasOwn(labels, key) && labels[key] === value)) return false;
  return (selector.matchExpressions ?? []).every((requirement) => requirementMatches(requirement, labels));
}

function requirementMatches(requirement: LabelSelectorRequirement, labels: Readonly<Record<string, string>>): boolean {
  const present = Object.hasOwn(labels, requirement.key);
  const listed = present && (requirement.values ?? []).includes(labels[requirement.key] ?? '');
  switch (requirement.operator) {
    case 'In':
      return listed;
    case 'NotIn':
      return !listed;
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
  }
  // Only reachable with an operator that validation refuses; selecting nothing is the safe reading.
  return false;
}

/** The label keys a selector reads. */
export function selectorKeys(selector: LabelSelector): string[] {
  return [
    ...Object.keys(selector.matchLabels ?? {}),
    ...(selector.matchExpressions ?? []).map((requirement) => requirement.key),
  ];
}

/** A label name, or the part of a key after its prefix: 63 characters, alphanumeric at both ends. */
const NAME_PART = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
/** A DNS subdomain, the only form a key prefix may take. */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why the API server would refuse `key` as a label key (end of a sentence), or undefined. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const prefix = slash === -1 ? undefined : key.slice(0, slash);
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (prefix !== undefined && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) {
    return `is not a valid label key ("${key}"): the part before "/" must be a lowercase DNS subdomain such as "app.kubernetes.io"`;
  }
  if (name.length > 63 || !NAME_PART.test(name)) {
    return `is not a valid label key ("${key}"): the name must be 1-63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit`;
  }
  return undefined;
}

/** Why the API server would refuse `value` as a label value (end of a sentence), or undefined. */
export function labelValueProblem(value: string): string | undefined {
  if (value === '' || (value.length <= 63 && NAME_PART.test(value))) return undefined;
  return `is not a valid label value ("${value}"): it must be empty or 1-63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit`;
}
