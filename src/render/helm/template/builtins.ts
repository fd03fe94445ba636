/**
 * Go's builtin template functions. Most take reflect.Value parameters, which
 * see "no value" (`undefined`) apart from nil; `and`, `or` and `call` are
 * evaluated by the executor itself (they short-circuit, or need the callee's
 * text) and only their signatures live here.
 */
import { utf8Length } from '../../../util/utf8.js';
import { GoObject, isGoMap, type GoValue } from '../go-values.js';
import { goEq, goLe, goLt } from './compare.js';
import { escaperText, htmlEscape, jsEscape, urlQueryEscape } from './escapers.js';
import { type ExecValue, isTruthy, lengthOf } from './exec-values.js';
import { goTypeName } from './fmt/print-value.js';
import { sprint, sprintf, sprintln } from './fmt/printf.js';
import type { ParamType } from './functions.js';

/** A builtin parameter: a Go type, or `value` for reflect.Value (which may hold no value). */
export type BuiltinParam = ParamType | 'value';

export interface Builtin {
  readonly params: readonly BuiltinParam[];
  readonly variadic?: BuiltinParam;
  readonly call: (args: readonly ExecValue[]) => ExecValue;
}

const ZERO_VALUE = 'reflect: call of reflect.Value.Type on zero Value';

/** Go's `indirectInterface`: the nil interface is no value. */
function present(value: ExecValue): GoValue | undefined {
  return value === null ? undefined : value;
}

function builtinLen(item: ExecValue): bigint {
  if (item === null) throw new Error('len of nil pointer');
  if (item === undefined) throw new Error(ZERO_VALUE);
  const length = lengthOf(item);
  if (length === undefined) throw new Error(`len of type ${goTypeName(item)}`);
  return BigInt(length);
}

/**
 * An index into a list or string: any int; nil and other types are errors.
 * Go checks the bound against the length only after reflect fails on it, so
 * an index equal to the length fails with reflect's words.
 */
function indexArgument(index: ExecValue, length: number, kind: 'slice' | 'string'): number {
  const value = present(index);
  if (value === undefined) throw new Error('cannot index slice/array with nil');
  if (typeof value !== 'bigint') throw new Error(`cannot index slice/array with type ${goTypeName(value)}`);
  if (value < 0n || value > BigInt(length)) throw new Error(`index out of range: ${value}`);
  if (value === BigInt(length)) throw new Error(`reflect: ${kind} index out of range`);
  return Number(value);
}

function indexOnce(item: GoValue, index: ExecValue): GoValue {
  if (typeof item === 'string') {
    return BigInt(Buffer.from(item, 'utf8')[indexArgument(index, utf8Length(item), 'string')]!);
  }
  if (Array.isArray(item)) return item[indexArgument(index, item.length, 'slice')]!;
  if (item instanceof Uint8Array) return BigInt(item[indexArgument(index, item.length, 'slice')]!);
  const entries = isGoMap(item) ? item : item instanceof GoObject && item.kind === 'map' ? item.fields : undefined;
  if (entries === undefined) throw new Error(`can't index item of type ${goTypeName(item)}`);
  const key = present(index);
  if (typeof key !== 'string') {
    throw new Error(
      key === undefined
        ? 'value is nil; should be of type string'
        : `value has type ${goTypeName(key)}; should be string`,
    );
  }
  return Object.hasOwn(entries, key) ? entries[key]! : null;
}

function builtinIndex(args: readonly ExecValue[]): ExecValue {
  let item = present(args[0]);
  if (item === undefined) throw new Error('index of untyped nil');
  for (const index of args.slice(1)) {
    if (item === null) throw new Error('index of nil pointer');
    item = indexOnce(item as GoValue, index);
  }
  return item;
}

function sliceBound(index: ExecValue, capacity: number): number {
  const value = present(index);
  if (value === undefined) throw new Error('cannot index slice/array with nil');
  if (typeof value !== 'bigint') throw new Error(`cannot index slice/array with type ${goTypeName(value)}`);
  if (value < 0n || value > BigInt(capacity)) throw new Error(`index out of range: ${value}`);
  return Number(value);
}

function builtinSlice(args: readonly ExecValue[]): ExecValue {
  const item = present(args[0]);
  if (item === undefined) throw new Error('slice of untyped nil');
  const bounds = args.slice(1);
  if (bounds.length > 3) throw new Error(`too many slice indexes: ${bounds.length}`);
  const isText = typeof item === 'string';
  if (!isText && !Array.isArray(item)) throw new Error(`can't slice item of type ${goTypeName(item)}`);
  if (isText && bounds.length === 3) throw new Error('cannot 3-index slice a string');
  const length = isText ? utf8Length(item) : item.length;
  const indexes = [0, length];
  bounds.forEach((bound, i) => (indexes[i] = sliceBound(bound, length)));
  if (indexes[0]! > indexes[1]!) throw new Error(`invalid slice index: ${indexes[0]} > ${indexes[1]}`);
  if (bounds.length === 3 && indexes[1]! > indexes[2]!) {
    throw new Error(`invalid slice index: ${indexes[1]} > ${indexes[2]}`);
  }
  if (isText) return Buffer.from(item, 'utf8').subarray(indexes[0], indexes[1]).toString('utf8');
  return item.slice(indexes[0], indexes[1]);
}

function asGoValues(args: readonly ExecValue[]): GoValue[] {
  return args.map((arg) => (arg === undefined ? null : arg));
}

const compare = (test: (a: ExecValue, b: ExecValue) => boolean): Builtin => ({
  params: ['value', 'value'],
  call: ([a, b]) => test(a, b),
});

const escaper = (escape: (text: string) => string): Builtin => ({
  params: [],
  variadic: 'any',
  call: (args) => escape(escaperText(args)),
});

/** Go's builtins by name. */
export const BUILTINS: Readonly<Record<string, Builtin>> = {
  and: { params: ['value'], variadic: 'value', call: (args) => args.find((arg) => !isTruthy(arg)) ?? args.at(-1) },
  or: { params: ['value'], variadic: 'value', call: (args) => args.find(isTruthy) ?? args.at(-1) },
  not: { params: ['value'], call: ([arg]) => !isTruthy(arg) },
  call: { params: ['value'], variadic: 'value', call: () => null },
  len: { params: ['value'], call: ([item]) => builtinLen(item) },
  index: { params: ['value'], variadic: 'value', call: builtinIndex },
  slice: { params: ['value'], variadic: 'value', call: builtinSlice },
  eq: { params: ['value'], variadic: 'value', call: ([first, ...others]) => goEq(first, others) },
  ne: compare((a, b) => !goEq(a, [b])),
  lt: compare(goLt),
  le: compare(goLe),
  gt: compare((a, b) => !goLe(a, b)),
  ge: compare((a, b) => !goLt(a, b)),
  print: { params: [], variadic: 'any', call: (args) => sprint(asGoValues(args)) },
  println: { params: [], variadic: 'any', call: (args) => sprintln(asGoValues(args)) },
  printf: {
    params: ['string'],
    variadic: 'any',
    call: ([format, ...args]) => sprintf(format as string, asGoValues(args)),
  },
  html: escaper(htmlEscape),
  js: escaper(jsEscape),
  urlquery: escaper(urlQueryEscape),
};
