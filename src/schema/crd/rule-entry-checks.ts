/**
 * The fields of each `x-kubernetes-validations` entry, as the API server
 * checks them before it compiles anything: a rule, a message without line
 * breaks (required when the rule has some), a known reason, a field path
 * that exists in the schema.
 */
import { isRecord } from '../../model/records.js';
import type { ObjectPath } from '../../model/types.js';
import type { SchemaProblem } from '../types.js';
import { missing, refused, unsupported } from './crd-problems.js';
import { resolveFieldPath } from './rule-field-path.js';

/** The `reason` values a rule may give, each the type of error the API server reports when the rule fails. */
export const RULE_REASONS = ['FieldValueDuplicate', 'FieldValueForbidden', 'FieldValueInvalid', 'FieldValueRequired'];

const LINE_BREAK = /[\n\r]/;

/** Checks every entry of the node's `x-kubernetes-validations`. */
export function checkRuleEntries(node: Record<string, unknown>, path: ObjectPath): SchemaProblem[] {
  const entries = node['x-kubernetes-validations'];
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((entry: unknown, index) =>
    isRecord(entry) ? checkEntry(entry, node, [...path, 'x-kubernetes-validations', index]) : [],
  );
}

function checkEntry(entry: Record<string, unknown>, node: Record<string, unknown>, at: ObjectPath): SchemaProblem[] {
  const text = (field: string): string => (typeof entry[field] === 'string' ? (entry[field] as string) : '');
  const rule = text('rule').trim();
  const message = text('message');
  const problems: SchemaProblem[] = [];
  if (rule === '') problems.push(missing(at, 'rule'));
  else if (message !== '' && message.trim() === '') problems.push(refused([...at, 'message'], 'must not be blank'));
  else if (LINE_BREAK.test(message.trim())) problems.push(refused([...at, 'message'], 'must not contain line breaks'));
  else if (LINE_BREAK.test(rule) && message.trim() === '') {
    problems.push(missing(at, 'message', 'a rule that spans several lines needs a message'));
  }
  const messageExpression = text('messageExpression');
  if (messageExpression !== '' && messageExpression.trim() === '') {
    problems.push(refused([...at, 'messageExpression'], 'must not be blank'));
  }
  const reason = entry.reason;
  if (typeof reason === 'string' && !RULE_REASONS.includes(reason)) {
    problems.push(unsupported([...at, 'reason'], reason, RULE_REASONS));
  }
  return [...problems, ...checkFieldPath(text('fieldPath'), node, [...at, 'fieldPath'])];
}

function checkFieldPath(fieldPath: string, node: Record<string, unknown>, at: ObjectPath): SchemaProblem[] {
  if (fieldPath === '') return [];
  if (fieldPath.trim() === '') return [refused(at, 'must not be blank')];
  if (LINE_BREAK.test(fieldPath)) return [refused(at, 'must not contain line breaks')];
  const resolved = resolveFieldPath(fieldPath, node);
  if (!('error' in resolved)) return [];
  const syntax = "a path from the rule's node such as .spec.replicas or .spec.labels['app']";
  return [refused(at, `"${fieldPath}" is not a valid field path (${syntax}): ${resolved.error}`)];
}
