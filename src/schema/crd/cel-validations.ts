/**
 * Runs a CRD schema's `x-kubernetes-validations` rules over a custom
 * resource, as the API server does when the resource is created: the schema
 * is walked with the value, and at every node with rules and a value (not
 * null), each rule runs with `self` bound to the value there, typed from the
 * schema (see `cel-typed-value.ts`). Rules on list items and map values run
 * once per item.
 *
 * The schema's defaults are applied first, as the API server applies them
 * before it validates. On create there is no old object, so transition rules (those that name
 * `oldSelf`) are skipped, unless they set `optionalOldSelf: true`: they then
 * run with `oldSelf` an empty optional.
 *
 * A false rule is reported at its node, or at its `fieldPath` below it, with
 * the message of its `messageExpression` (when that gives a non-empty string
 * of one line), else its `message`, else "failed rule: <rule>"; a `reason`
 * other than FieldValueInvalid names the kind of error as the API server
 * does ("Forbidden: …"). A rule that fails to evaluate is reported as the
 * API server reports it.
 *
 * The API server runs these rules only when the schema found none of these
 * errors in the object: a wrong type, a missing required field, a value
 * outside an enum, a string, list or map over its maximum size, a bad format.
 * Callers should do the same (the server then says that some rules were not
 * checked).
 */
import { utf8Length } from '../../util/utf8.js';
import { Optional } from '@marcbachmann/cel-js';
import { isRecord } from '../../model/records.js';
import type { ObjectPath } from '../../model/types.js';
import type { SchemaProblem } from '../types.js';
import { typedCelValue } from './cel-typed-value.js';
import { compileNodeRules, type CompiledRule } from './crd-rules.js';
import { applyDefaults } from './schema-defaulting.js';
import { propertiesOf } from './schema-json.js';

/** The most a message expression may give, in bytes, as the API server allows. */
const MAX_MESSAGE_BYTES = 5 * 1024;

const REASON_WORDS: Readonly<Record<string, string>> = {
  FieldValueForbidden: 'Forbidden: ',
  FieldValueRequired: 'Required value: ',
  FieldValueDuplicate: 'Duplicate value: ',
};

/** How {@link runCelValidations} runs the rules. */
export interface CelValidationOptions {
  /** True (the default) when `value` is a whole resource; false for a part of one, such as a schema's default. */
  readonly resourceRoot?: boolean;
  /**
   * Run transition rules as on an update that changes nothing (`oldSelf` is
   * `self`), as the API server does to check a schema's defaults.
   */
  readonly oldIsSame?: boolean;
}

/** The rules that are false or fail, as problems of class `cel`, with paths from `value`. */
export function runCelValidations(
  value: unknown,
  schema: unknown,
  options: CelValidationOptions = {},
): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const walk: Walk = { oldIsSame: options.oldIsSame === true, out: problems };
  visit(applyDefaults(value, schema), schema, [], options.resourceRoot ?? true, walk);
  return problems;
}

interface Walk {
  readonly oldIsSame: boolean;
  readonly out: SchemaProblem[];
}

function visit(value: unknown, schema: unknown, path: ObjectPath, resourceRoot: boolean, walk: Walk): void {
  if (value === undefined || value === null || !isRecord(schema) || !hasRules(schema)) return;
  runNodeRules(value, schema, path, resourceRoot, walk);
  const embedded = (node: unknown): boolean => isRecord(node) && node['x-kubernetes-embedded-resource'] === true;
  if (Array.isArray(value)) {
    if (isRecord(schema.items))
      value.forEach((item, index) => visit(item, schema.items, [...path, index], embedded(schema.items), walk));
    return;
  }
  if (!isRecord(value)) return;
  const properties = propertiesOf(schema);
  const values = schema.additionalProperties;
  for (const [key, item] of Object.entries(value)) {
    if (Object.hasOwn(properties, key)) visit(item, properties[key], [...path, key], embedded(properties[key]), walk);
    else if (isRecord(values)) visit(item, values, [...path, key], embedded(values), walk);
  }
}

const ruled = new WeakMap<object, boolean>();

/** True when the node or a node below it (items, properties, map values) has rules. */
function hasRules(schema: Record<string, unknown>): boolean {
  const known = ruled.get(schema);
  if (known !== undefined) return known;
  const rules = schema['x-kubernetes-validations'];
  const below = [schema.items, schema.additionalProperties, ...Object.values(propertiesOf(schema))];
  const found = (Array.isArray(rules) && rules.length > 0) || below.some((node) => isRecord(node) && hasRules(node));
  ruled.set(schema, found);
  return found;
}

function runNodeRules(
  value: unknown,
  schema: Record<string, unknown>,
  path: ObjectPath,
  resourceRoot: boolean,
  { oldIsSame, out }: Walk,
): void {
  let self: unknown;
  for (const rule of compileNodeRules(schema, resourceRoot)) {
    // A rule that does not compile is the CRD's problem: check-crd reports it there.
    if (rule.program === undefined) continue;
    const optional = rule.optionalOldSelf === true;
    if (rule.usesOldSelf && !optional && !oldIsSame) continue;
    self ??= typedCelValue(value, schema, resourceRoot);
    const oldSelf = oldIsSame ? (optional ? Optional.of(self) : self) : Optional.none();
    const activation = rule.usesOldSelf ? { self, oldSelf } : { self };
    let result: unknown;
    try {
      result = rule.program.evaluate(activation);
    } catch (error) {
      out.push({ class: 'cel', path, message: evaluationMessage(error, rule) });
      continue;
    }
    if (result === true) continue;
    if (result !== false) {
      out.push({
        class: 'cel',
        path,
        message: `the rule gave ${describeValue(result)}, not a bool: ${ruleName(rule)}`,
      });
      continue;
    }
    const detail = messageFromExpression(rule, oldIsSame ? { self, oldSelf: self } : { self }) ?? defaultMessage(rule);
    const word = rule.reason !== undefined && Object.hasOwn(REASON_WORDS, rule.reason) ? REASON_WORDS[rule.reason] : '';
    out.push({ class: 'cel', path: [...path, ...(rule.fieldPath ?? [])], message: `${word ?? ''}${detail}` });
  }
}

/** What the API server calls a rule in its errors: its message, else the rule itself. */
function ruleName(rule: CompiledRule): string {
  const message = rule.message?.trim() ?? '';
  return message === '' ? rule.rule.trim() : message;
}

function defaultMessage(rule: CompiledRule): string {
  return rule.message === undefined || rule.message === '' ? `failed rule: ${ruleName(rule)}` : rule.message.trim();
}

/** The message expression's string, when it gives a usable one: not empty, one line, not too long. */
function messageFromExpression(rule: CompiledRule, activation: Readonly<Record<string, unknown>>): string | undefined {
  if (rule.messageProgram === undefined) return undefined;
  try {
    // On create, the message expression sees no oldSelf, even for a rule with optionalOldSelf.
    const message = rule.messageProgram.evaluate(activation);
    if (typeof message !== 'string') return undefined;
    const trimmed = message.trim();
    const usable = trimmed !== '' && !trimmed.includes('\n') && utf8Length(trimmed) <= MAX_MESSAGE_BYTES;
    return usable ? trimmed : undefined;
  } catch {
    return undefined;
  }
}

/** An evaluation error in the API server's words: cel-go's spelling of the error, then the rule. */
function evaluationMessage(error: unknown, rule: CompiledRule): string {
  const text = goSpelling(error instanceof Error ? error.message : String(error));
  if (text.startsWith('no such overload')) {
    return `'${text}': call arguments did not match a supported operator, function or macro signature for rule: ${ruleName(rule)}`;
  }
  return `${text} evaluating rule: ${ruleName(rule)}`;
}

/** cel-go's words for the errors a rule meets most: a missing field, an index past the end. */
function goSpelling(text: string): string {
  const index = /^No such key: index out of bounds, index (-?\d+)/.exec(text);
  if (index) return `index out of bounds: ${index[1] ?? ''}`;
  return text.replace(/^No such key:/, 'no such key:');
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return 'an int';
  if (typeof value === 'number') return 'a double';
  if (typeof value === 'string') return 'a string';
  if (Array.isArray(value)) return 'a list';
  return value instanceof Map ? 'a map' : 'a value of another type';
}
