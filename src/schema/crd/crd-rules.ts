/**
 * A CRD schema node's `x-kubernetes-validations`, compiled with the project's
 * CEL engine in the environment the API server gives CRD rules: `self` (the
 * value at the node) and `oldSelf` (its previous value), with the Kubernetes
 * libraries. A rule that names `oldSelf` is a transition rule. Compiled once
 * per node and kept while the schema is.
 *
 * Offline, `self` has no declared type, so the checks the API server makes
 * against the schema's types (an unknown field, a string compared to a
 * number) surface only when a rule runs, not when it compiles.
 */
import { CelCompileError, CRD_RULE_VARIABLES, compileExpression, describe } from '../../cel/env.js';
import type { CompiledExpression } from '../../cel/env.js';
import { isRecord } from '../../model/records.js';
import type { ObjectPath } from '../../model/types.js';
import { resolveFieldPath } from './rule-field-path.js';
import { undeclaredField } from './rule-field-references.js';

/** One entry of `x-kubernetes-validations`, compiled. */
export interface CompiledRule {
  /** The index of the entry in the node's `x-kubernetes-validations`. */
  readonly index: number;
  /** The rule as written. */
  readonly rule: string;
  readonly message: string | undefined;
  readonly reason: string | undefined;
  /** The program; undefined when the rule is empty or does not compile. */
  readonly program: CompiledExpression | undefined;
  /** Why the rule does not compile (or gives no bool), when it does not. */
  readonly error: string | undefined;
  readonly messageProgram: CompiledExpression | undefined;
  readonly messageError: string | undefined;
  /** True when the rule names `oldSelf`: a transition rule, not run when an object is created. */
  readonly usesOldSelf: boolean;
  /** `optionalOldSelf` as written. */
  readonly optionalOldSelf: boolean | undefined;
  /** Where a failure is reported, from the node: the entry's `fieldPath` resolved, or undefined. */
  readonly fieldPath: ObjectPath | undefined;
}

/** Compiled rules by their `x-kubernetes-validations` list, as they are at a resource's root and elsewhere. */
const compiled = new WeakMap<readonly unknown[], { root?: readonly CompiledRule[]; inner?: readonly CompiledRule[] }>();

/**
 * The node's rules, compiled (once). `resourceRoot` is true at the root of the
 * resource (and of an embedded one), where `self` has apiVersion, kind and
 * metadata. Entries that are not maps are passed over.
 */
export function compileNodeRules(node: Record<string, unknown>, resourceRoot: boolean): readonly CompiledRule[] {
  const entries = node['x-kubernetes-validations'];
  if (!Array.isArray(entries)) return [];
  const known = compiled.get(entries) ?? {};
  const key = resourceRoot ? 'root' : 'inner';
  const cached = known[key];
  if (cached !== undefined) return cached;
  const place: Place = { node, resourceRoot };
  const rules = entries.flatMap((entry: unknown, index) => (isRecord(entry) ? [compileRule(entry, index, place)] : []));
  compiled.set(entries, { ...known, [key]: rules });
  return rules;
}

/** Where a rule sits: its schema node, and whether that is a resource's root. */
interface Place {
  readonly node: Record<string, unknown>;
  readonly resourceRoot: boolean;
}

function compileRule(entry: Record<string, unknown>, index: number, place: Place): CompiledRule {
  const { node } = place;
  const text = (field: string): string | undefined =>
    typeof entry[field] === 'string' ? (entry[field] as string) : undefined;
  const rule = text('rule') ?? '';
  const source = compileAs(rule, 'bool', place);
  const messageExpression = text('messageExpression');
  const message = messageExpression?.trim()
    ? compileAs(messageExpression, 'string', place)
    : { program: undefined, error: undefined };
  const fieldPath = text('fieldPath')?.trim() ? resolveFieldPath(text('fieldPath') ?? '', node) : undefined;
  return {
    index,
    rule,
    message: text('message'),
    reason: text('reason'),
    program: source.program,
    error: source.error,
    messageProgram: message.program,
    messageError: message.error,
    usesOldSelf: source.program?.identifiers.has('oldSelf') ?? false,
    optionalOldSelf: typeof entry.optionalOldSelf === 'boolean' ? entry.optionalOldSelf : undefined,
    fieldPath: fieldPath !== undefined && 'path' in fieldPath ? fieldPath.path : undefined,
  };
}

/**
 * Compiles `source`, which must give a `type` (or a value whose type is known
 * only when it runs) and select on `self` only the fields the schema declares.
 */
function compileAs(
  source: string,
  type: 'bool' | 'string',
  { node, resourceRoot }: Place,
): { program: CompiledExpression | undefined; error: string | undefined } {
  if (source.trim() === '') return { program: undefined, error: undefined };
  try {
    const program = compileExpression(source, CRD_RULE_VARIABLES);
    const undeclared = undeclaredField(program.ast, node, resourceRoot);
    if (undeclared !== undefined) return { program: undefined, error: `undefined field '${undeclared}'` };
    if (program.type === type || program.type === 'dyn') return { program, error: undefined };
    return { program: undefined, error: `it must evaluate to a ${type}, not ${program.type}` };
  } catch (error) {
    return { program: undefined, error: error instanceof CelCompileError ? error.message : describe(error) };
  }
}
