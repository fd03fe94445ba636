/**
 * Template functions as Go's text/template calls them: each has a Go
 * signature, and the engine checks the number and the types of the arguments
 * before the call. A function here takes already evaluated {@link GoValue}s
 * and returns one, or throws:
 *
 * - {@link GoArgumentError} when Go's engine would refuse an argument before
 *   calling (it prints that message as is);
 * - any other `Error` for an error or panic inside the function (Go prints
 *   `error calling <name>: <message>`).
 */
import { isGoMap, type GoMap, type GoValue } from '../go-values.js';
import { goTypeOf } from './go-format.js';

/** An argument refused by the template engine before the call; Go prints the message as is. */
export class GoArgumentError extends Error {
  override readonly name = 'GoArgumentError';
}

/**
 * A Go parameter type as far as templates can tell them apart: `interface`
 * takes anything, `map` is `map[string]interface {}`; `int` also takes the
 * template's integer constants, `float64` its number constants.
 */
export type GoParamType = 'interface' | 'string' | 'int' | 'float64' | 'bool' | 'map';

/** The Go signature of a template function, for arity checks and for converting constants. */
export interface GoSignature {
  readonly params: readonly GoParamType[];
  /** The element type of a trailing `...T` parameter. */
  readonly variadic?: GoParamType;
}

/** A template function: call it with evaluated arguments; `signature` says what Go declares. */
export interface GoFunction {
  (...args: GoValue[]): GoValue;
  readonly signature: GoSignature;
}

/** A table of template functions by the name templates call them with. */
export type GoFunctionTable = Readonly<Record<string, GoFunction>>;

type ParamValue<T extends GoParamType> = T extends 'string'
  ? string
  : T extends 'int'
    ? bigint
    : T extends 'float64'
      ? number
      : T extends 'bool'
        ? boolean
        : T extends 'map'
          ? GoMap
          : GoValue;

type ParamValues<P extends readonly GoParamType[]> = { [K in keyof P]: ParamValue<P[K]> };

const GO_TYPE_NAMES: Record<GoParamType, string> = {
  interface: 'interface {}',
  string: 'string',
  int: 'int',
  float64: 'float64',
  bool: 'bool',
  map: 'map[string]interface {}',
};

/** Go's `%T` of a value as the engine reports it (a nil interface prints `interface {}` in argument errors). */
export function goTypeName(value: GoValue): string {
  return value === null ? 'interface {}' : goTypeOf(value);
}

function fits(type: GoParamType, value: GoValue): boolean {
  switch (type) {
    case 'interface':
      return true;
    case 'string':
      return typeof value === 'string';
    case 'int':
      return typeof value === 'bigint';
    case 'float64':
      // Integer constants are accepted for float64 parameters; our ints and Go's constants look alike.
      return typeof value === 'number' || typeof value === 'bigint';
    case 'bool':
      return typeof value === 'boolean';
    case 'map':
      return isGoMap(value);
  }
}

/** Go's check of one evaluated argument against its parameter type (`validateType`). */
export function checkArgument(type: GoParamType, value: GoValue): GoValue {
  if (!fits(type, value)) {
    throw new GoArgumentError(`wrong type for value; expected ${GO_TYPE_NAMES[type]}; got ${goTypeName(value)}`);
  }
  return type === 'float64' && typeof value === 'bigint' ? Number(value) : value;
}

function checkArity(name: string, signature: GoSignature, count: number): void {
  const want = signature.params.length;
  if (signature.variadic === undefined ? count !== want : count < want) {
    const atLeast = signature.variadic === undefined ? '' : 'at least ';
    throw new GoArgumentError(`wrong number of args for ${name}: want ${atLeast}${want} got ${count}`);
  }
}

function build(name: string, signature: GoSignature, impl: (args: GoValue[]) => GoValue): GoFunction {
  const call = (...args: GoValue[]): GoValue => {
    checkArity(name, signature, args.length);
    const checked = args.map((arg, index) =>
      checkArgument(signature.params[index] ?? signature.variadic ?? 'interface', arg),
    );
    return impl(checked);
  };
  return Object.assign(call, { signature });
}

/** A function with a fixed Go parameter list; `impl` gets arguments already checked and typed. */
export function goFunction<const P extends readonly GoParamType[]>(
  name: string,
  params: P,
  impl: (...args: ParamValues<P>) => GoValue,
): GoFunction {
  return build(name, { params }, (args) => impl(...(args as unknown as ParamValues<P>)));
}

/** A function whose last Go parameter is `...rest`; `impl` gets the fixed arguments, then the rest as a list. */
export function goVariadic<const P extends readonly GoParamType[], R extends GoParamType>(
  name: string,
  params: P,
  rest: R,
  impl: (...args: [...ParamValues<P>, ParamValue<R>[]]) => GoValue,
): GoFunction {
  return build(name, { params, variadic: rest }, (args) => {
    const fixed = args.slice(0, params.length) as unknown as ParamValues<P>;
    const variadic = args.slice(params.length) as ParamValue<R>[];
    return impl(...fixed, variadic);
  });
}

/** The text of the panic Go raises when Sprig asks for the kind of a nil value. */
export const NIL_DEREFERENCE = 'runtime error: invalid memory address or nil pointer dereference';

/** Go's reflect kind word for a value, as Sprig's list errors print it (`Cannot push on type map`). */
export function reflectKind(value: GoValue): string {
  if (value === null) throw new Error(NIL_DEREFERENCE);
  if (typeof value === 'bigint') return 'int64';
  if (typeof value === 'number') return 'float64';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'string';
  if (Array.isArray(value) || value instanceof Uint8Array) return 'slice';
  return 'map';
}

/** The elements of a Go slice value (bytes become their integer values), or undefined for other kinds. */
export function sliceElements(value: GoValue): GoValue[] | undefined {
  if (Array.isArray(value)) return value;
  if (value instanceof Uint8Array) return Array.from(value, (byte) => BigInt(byte));
  return undefined;
}

/** Sets a map key as Go would, including keys such as `__proto__` that plain assignment would not store. */
export function putKey(map: GoMap, key: string, value: GoValue): void {
  Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
}
