/**
 * Argument checks with text/template's own messages, for functions called
 * with evaluated Go values: a call with the wrong number of arguments, or an
 * argument of a type the Go function does not take, fails the template.
 */
import { GoObject, isGoMap, type GoValue } from '../go-values.js';
import { GoArgumentError } from './go-function.js';

/** A template function over Go values; it throws an Error whose message is Helm's. */
export type GoFunction = (...args: GoValue[]) => GoValue;

// Arguments text/template refuses before the call are reported with the engine's own class.
export { GoArgumentError };

/** The Go type name of a value as text/template names it in errors (`float64`, `[]interface {}`). */
export function goTypeName(value: GoValue): string {
  if (value === null) return '<nil>';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'float64';
  if (value instanceof Uint8Array) return '[]uint8';
  if (Array.isArray(value)) return '[]interface {}';
  if (value instanceof GoObject) return value.typeName;
  return 'map[string]interface {}';
}

/** Throws unless exactly `count` arguments were given (`at least` for variadic functions). */
export function expectArgs(name: string, args: readonly GoValue[], count: number, variadic = false): void {
  if (variadic ? args.length >= count : args.length === count) return;
  throw new GoArgumentError(
    `wrong number of args for ${name}: want ${variadic ? 'at least ' : ''}${count} got ${args.length}`,
  );
}

function wrongType(value: GoValue, expected: string): Error {
  // A missing value reaches the function as a nil interface{}.
  const got = value === null ? 'interface {}' : goTypeName(value);
  return new GoArgumentError(`wrong type for value; expected ${expected}; got ${got}`);
}

/** A `string` parameter. */
export function stringArg(value: GoValue | undefined): string {
  if (typeof value === 'string') return value;
  throw wrongType(value ?? null, 'string');
}

/** An `int` parameter (template literals and Sprig's arithmetic are the ints this model has). */
export function intArg(value: GoValue | undefined): bigint {
  if (typeof value === 'bigint') return value;
  throw wrongType(value ?? null, 'int');
}

/** A `[]interface{}` parameter; nil is an empty list, as Go passes a nil slice. */
export function listArg(value: GoValue | undefined): GoValue[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value;
  throw wrongType(value, '[]interface {}');
}

/** A `map[string]interface{}` parameter. */
export function mapArg(value: GoValue | undefined): Record<string, GoValue> {
  if (value !== undefined && isGoMap(value)) return value;
  throw wrongType(value ?? null, 'map[string]interface {}');
}
