/**
 * Labels, annotations and label selectors, as the API server validates them
 * wherever they appear: object metadata, pod templates, selectors, node
 * selectors.
 */
import { utf8Length } from '../../util/utf8.js';
import type { ObjectPath } from '../../model/types.js';
import { reportFormat, reportUnlessOneOf } from './checks.js';
import type { Findings } from './findings.js';
import { entriesAt, isEmptyList, listOf, quote, recordOf, stringEntries } from './read.js';
import { labelKeyProblems, labelValueProblems } from './syntax.js';

/** The most the keys and values of an object's annotations may hold together, in bytes. */
export const ANNOTATIONS_SIZE_LIMIT = 256 * 1024;

/** A map of labels (or of a selector's `matchLabels`, or a node selector): keys and values. */
export function checkLabels(out: Findings, value: unknown, path: ObjectPath): void {
  for (const [key, text] of stringEntries(value)) {
    const at = [...path, key];
    const keyProblems = labelKeyProblems(key);
    if (keyProblems.length > 0) out.value(at, `label key ${quote(key)} is not valid: it ${keyProblems.join('; ')}`);
    const valueProblems = labelValueProblems(text);
    if (valueProblems.length > 0) {
      out.value(at, `label value ${quote(text)} of ${quote(key)} is not valid: it ${valueProblems.join('; ')}`);
    }
  }
}

/**
 * Annotations: keys follow the label key rule, but case does not matter;
 * keys and values together may not pass 256 KiB.
 */
export function checkAnnotations(out: Findings, value: unknown, path: ObjectPath): void {
  let size = 0;
  for (const [key, text] of stringEntries(value)) {
    size += utf8Length(key) + utf8Length(text);
    const problems = labelKeyProblems(key.toLowerCase());
    if (problems.length > 0)
      out.value([...path, key], `annotation key ${quote(key)} is not valid: it ${problems.join('; ')}`);
  }
  if (size > ANNOTATIONS_SIZE_LIMIT) {
    out.value(path, `annotations take ${size} bytes, more than the limit of ${ANNOTATIONS_SIZE_LIMIT} (256 KiB)`);
  }
}

const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/**
 * A label selector: `matchLabels` as labels, and each of `matchExpressions`
 * with a known operator, values exactly when the operator takes them, and a
 * valid key and values.
 */
export function checkLabelSelector(out: Findings, value: unknown, path: ObjectPath): void {
  const selector = recordOf(value);
  if (!selector) return;
  checkLabels(out, selector.matchLabels, [...path, 'matchLabels']);
  for (const { entry, path: at } of entriesAt(selector, 'matchExpressions', path)) {
    checkSelectorRequirement(out, entry, at, SELECTOR_OPERATORS);
  }
}

/**
 * One `matchExpressions` entry. Node selectors also allow `Gt` and `Lt`, with
 * exactly one value, and preferred node affinity terms leave values unchecked.
 */
export function checkSelectorRequirement(
  out: Findings,
  requirement: Record<string, unknown>,
  path: ObjectPath,
  operators: readonly string[],
  checkValues = true,
): void {
  const operator = requirement.operator;
  const values = listOf(requirement.values);
  if (typeof operator === 'string' && !operators.includes(operator)) {
    reportUnlessOneOf(out, operator, [...path, 'operator'], operators);
  } else if (operator === 'In' || operator === 'NotIn') {
    if (isEmptyList(requirement.values))
      out.required(path, `"values" is required when "operator" is ${quote(operator)}`);
  } else if (operator === 'Exists' || operator === 'DoesNotExist') {
    if (values.length > 0)
      out.value([...path, 'values'], `"values" must be empty when "operator" is ${quote(operator)}`);
  } else if (operator === 'Gt' || operator === 'Lt') {
    if (values.length !== 1)
      out.value([...path, 'values'], `"values" must hold exactly one value when "operator" is ${quote(operator)}`);
  }
  if (typeof requirement.key === 'string') {
    reportFormat(out, requirement.key, [...path, 'key'], 'label key', labelKeyProblems(requirement.key));
  }
  values.forEach((item, index) => {
    if (!checkValues || typeof item !== 'string') return;
    reportFormat(out, item, [...path, 'values', index], 'label value', labelValueProblems(item));
  });
}
