import { compileExpression, type Activation } from '../../src/cel/env.js';
import { toCel } from '../../src/cel/cel-values.js';

/** Evaluates a CEL expression with JSON variables converted as the policies convert them. */
export function cel(expression: string, variables: Record<string, unknown> = {}): unknown {
  const activation: Activation = Object.fromEntries(
    Object.entries(variables).map(([name, value]) => [name, toCel(value)]),
  );
  return plain(compileExpression(expression).evaluate(activation));
}

/** Maps as plain objects, so that tables can state results as literals. */
function plain(value: unknown): unknown {
  if (value instanceof Map) return Object.fromEntries([...value].map(([key, item]) => [key, plain(item)]));
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

/** The error message of an expression that must fail, at compile or evaluation time. */
export function celError(expression: string, variables: Record<string, unknown> = {}): string {
  try {
    cel(expression, variables);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`expected ${expression} to fail`);
}

/** Runs a table of `[expression, expected]`; an expected RegExp means the expression must fail with a matching message. */
export type Case = [string, unknown];
