/**
 * The CEL part of a ValidatingAdmissionPolicy, shared with Gatekeeper's
 * `K8sNativeValidation` templates: `variables` (evaluated lazily, once per
 * review, as `variables.<name>`), `matchConditions` (all must be true for the
 * validations to run) and `validations` (an expression that is false is a
 * violation, with its `message`, `messageExpression` or a default message).
 */
import { isRecord } from '../model/records.js';
import { compileExpression, describe, CelCompileError, type Activation, type CompiledExpression } from './env.js';
import { LazyMap } from './cel-values.js';
import type { ObjectPath } from '../model/types.js';

/** A part of a manifest that cannot be used, and where it is (relative to the field the caller names). */
export interface ProgramProblem {
  path: ObjectPath;
  message: string;
}

interface NamedExpression {
  name: string;
  expression: CompiledExpression;
}

interface Validation {
  index: number;
  expression: CompiledExpression;
  message?: string;
  messageExpression?: CompiledExpression;
  reason?: string;
  fieldPath?: ObjectPath;
}

export interface CelProgram {
  variables: NamedExpression[];
  matchConditions: NamedExpression[];
  validations: Validation[];
}

/** A validation that failed: its message, and the field it names when it has a `fieldPath`. */
export interface ProgramViolation {
  message: string;
  path: ObjectPath;
  validation: number;
}

/** An expression that could not be evaluated (or did not give a bool). */
export interface ProgramFailure {
  expression: string;
  /** Where the expression is, relative to the program's spec. */
  path: ObjectPath;
  message: string;
}

export type ProgramResult =
  | { matched: false; failures: ProgramFailure[] }
  | { matched: true; violations: ProgramViolation[]; failures: ProgramFailure[] };

const REASONS = new Set(['Unauthorized', 'Forbidden', 'Invalid', 'RequestEntityTooLarge']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Compiles the `variables`, `matchConditions` (also spelled `matchCondition`,
 * as Gatekeeper's templates name it) and `validations` of `spec`. `reserved`
 * are variable names the caller defines itself.
 */
export function compileProgram(
  spec: Record<string, unknown>,
  reserved: readonly string[] = [],
): { program: CelProgram } | { problems: ProgramProblem[] } {
  const problems: ProgramProblem[] = [];
  const compile = (source: unknown, path: ObjectPath): CompiledExpression | undefined => {
    if (typeof source !== 'string') {
      problems.push({ path, message: 'must be a CEL expression (a string)' });
      return undefined;
    }
    try {
      return compileExpression(source);
    } catch (error) {
      problems.push({
        path,
        message: `does not compile: ${error instanceof CelCompileError ? error.message : describe(error)}`,
      });
      return undefined;
    }
  };
  const list = (key: string): [unknown, number][] => {
    const value = spec[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      problems.push({ path: [key], message: 'must be a list' });
      return [];
    }
    return value.map((item, index) => [item, index]);
  };

  const variables: NamedExpression[] = [];
  const seen = new Set(reserved);
  for (const [item, index] of list('variables')) {
    const at: ObjectPath = ['variables', index];
    if (!isRecord(item) || typeof item.name !== 'string' || !NAME.test(item.name)) {
      problems.push({ path: [...at, 'name'], message: 'needs a name that is a CEL identifier' });
      continue;
    }
    if (seen.has(item.name)) {
      problems.push({ path: [...at, 'name'], message: `variable name "${item.name}" is used twice or is reserved` });
      continue;
    }
    seen.add(item.name);
    const expression = compile(item.expression, [...at, 'expression']);
    if (expression) variables.push({ name: item.name, expression });
  }

  const matchConditions: NamedExpression[] = [];
  const conditionKey =
    spec.matchConditions === undefined && spec.matchCondition !== undefined ? 'matchCondition' : 'matchConditions';
  for (const [item, index] of list(conditionKey)) {
    const at: ObjectPath = [conditionKey, index];
    if (!isRecord(item)) {
      problems.push({ path: at, message: 'must be a mapping with name and expression' });
      continue;
    }
    const expression = compile(item.expression, [...at, 'expression']);
    if (expression) matchConditions.push({ name: typeof item.name === 'string' ? item.name : `#${index}`, expression });
  }

  const validations: Validation[] = [];
  for (const [item, index] of list('validations')) {
    const at: ObjectPath = ['validations', index];
    if (!isRecord(item)) {
      problems.push({ path: at, message: 'must be a mapping with an expression' });
      continue;
    }
    const expression = compile(item.expression, [...at, 'expression']);
    const messageExpression =
      item.messageExpression === undefined ? undefined : compile(item.messageExpression, [...at, 'messageExpression']);
    if (item.message !== undefined && typeof item.message !== 'string') {
      problems.push({ path: [...at, 'message'], message: 'must be a string' });
    }
    if (item.reason !== undefined && !(typeof item.reason === 'string' && REASONS.has(item.reason))) {
      problems.push({ path: [...at, 'reason'], message: `must be one of ${[...REASONS].join(', ')}` });
    }
    let fieldPath: ObjectPath | undefined;
    if (item.fieldPath !== undefined) {
      fieldPath = typeof item.fieldPath === 'string' ? parseFieldPath(item.fieldPath) : undefined;
      if (!fieldPath)
        problems.push({ path: [...at, 'fieldPath'], message: 'must be a field path such as spec.containers[0].image' });
    }
    if (!expression) continue;
    validations.push({
      index,
      expression,
      ...(typeof item.message === 'string' && item.message !== '' && { message: item.message }),
      ...(messageExpression && { messageExpression }),
      ...(typeof item.reason === 'string' && { reason: item.reason }),
      ...(fieldPath && { fieldPath }),
    });
  }
  if (problems.length > 0) return { problems };
  return { program: { variables, matchConditions, validations } };
}

/**
 * Runs the program on one review. `activation` holds every variable but
 * `variables`; `preamble` are variables defined before the program's own
 * (Gatekeeper's `params` and `anyObject`).
 */
export function runProgram(
  program: CelProgram,
  activation: Omit<Activation, 'variables'>,
  preamble: ReadonlyMap<string, () => unknown> = new Map(),
): ProgramResult {
  const failures: ProgramFailure[] = [];
  const compute = new Map<string, () => unknown>(preamble);
  const full: Activation = { ...activation };
  const variables = new LazyMap(compute);
  full.variables = variables;
  for (const variable of program.variables) compute.set(variable.name, () => variable.expression.evaluate(full));

  for (const [index, condition] of program.matchConditions.entries()) {
    const outcome = evaluateBool(condition.expression, full);
    if (typeof outcome === 'string') {
      failures.push({
        expression: condition.expression.source,
        path: ['matchConditions', index, 'expression'],
        message: outcome,
      });
      return { matched: false, failures };
    }
    if (!outcome) return { matched: false, failures };
  }

  const violations: ProgramViolation[] = [];
  for (const validation of program.validations) {
    const outcome = evaluateBool(validation.expression, full);
    if (typeof outcome === 'string') {
      failures.push({
        expression: validation.expression.source,
        path: ['validations', validation.index, 'expression'],
        message: outcome,
      });
      continue;
    }
    if (outcome) continue;
    violations.push({
      message: messageOf(validation, full),
      path: validation.fieldPath ?? [],
      validation: validation.index,
    });
  }
  return { matched: true, violations, failures };
}

/** The expression's bool, or why there is none. */
function evaluateBool(expression: CompiledExpression, activation: Activation): boolean | string {
  try {
    const value = expression.evaluate(activation);
    return typeof value === 'boolean' ? value : `the expression must evaluate to a bool, not ${describeValue(value)}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Map) return 'a map';
  return typeof value === 'bigint' ? 'an int' : typeof value === 'number' ? 'a double' : `a ${typeof value}`;
}

/**
 * Kubernetes' rules: a `messageExpression` that fails, or gives an empty,
 * blank or multi-line string, falls back to `message`, and that to
 * "failed expression: <expression>".
 */
function messageOf(validation: Validation, activation: Activation): string {
  let message = validation.message ?? `failed expression: ${validation.expression.source.trim()}`;
  if (validation.messageExpression) {
    try {
      const value = validation.messageExpression.evaluate(activation);
      if (typeof value === 'string' && value.trim() !== '' && !/[\r\n]/.test(value)) message = value;
    } catch {
      // Kubernetes logs the error and keeps the static message.
    }
  }
  return validation.reason !== undefined && validation.reason !== 'Invalid'
    ? `${message} (reason: ${validation.reason})`
    : message;
}

/**
 * A validation's `fieldPath` (`spec.replicas`, `.spec.containers[0].image`,
 * `metadata.labels['app.kubernetes.io/name']`) as an object path, or
 * undefined when it is not one.
 */
export function parseFieldPath(text: string): ObjectPath | undefined {
  const path: (string | number)[] = [];
  const token = /\.?([A-Za-z_$][A-Za-z0-9_$-]*)|\[(\d+)\]|\[\s*'((?:[^'\\]|\\.)*)'\s*\]|\[\s*"((?:[^"\\]|\\.)*)"\s*\]/y;
  let position = 0;
  while (position < text.length) {
    token.lastIndex = position;
    const match = token.exec(text);
    if (!match) return undefined;
    if (match[1] !== undefined) path.push(match[1]);
    else if (match[2] !== undefined) path.push(Number(match[2]));
    else path.push((match[3] ?? match[4] ?? '').replace(/\\(.)/g, '$1'));
    position = token.lastIndex;
  }
  return path.length > 0 ? path : undefined;
}
