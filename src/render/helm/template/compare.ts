/**
 * The comparison builtins `eq ne lt le gt ge` with Go's rules: values compare
 * only within one basic kind (bool, int, float, string); an int and a float64
 * are "incompatible types", nil equals only nil, and maps and lists cannot be
 * compared at all.
 */
import { GoObject, type GoValue } from '../go-values.js';
import type { ExecValue } from './exec-values.js';
import { compareKeys, goTypeName, printArg } from './fmt/print-value.js';
import { plainFlags } from './fmt/formatter.js';

type BasicKind = 'bool' | 'int' | 'float' | 'string' | 'invalid';

const BAD_TYPE = 'invalid type for comparison';

function basicKind(value: ExecValue): BasicKind {
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'float';
  if (typeof value === 'string') return 'string';
  return 'invalid';
}

/** Go's indirectInterface: a nil interface is no value at all. */
function present(value: ExecValue): GoValue | undefined {
  return value === null ? undefined : value;
}

function asText(value: GoValue): string {
  return printArg(value, 's', plainFlags());
}

function incompatible(a: GoValue, b: GoValue): Error {
  return new Error(`incompatible types for comparison: ${goTypeName(a)} and ${goTypeName(b)}`);
}

/** Equality of two values of the same non-basic kind (maps, lists, objects, nil). */
function equalComposite(a: GoValue | undefined, b: GoValue | undefined): boolean {
  if (a !== undefined && b !== undefined && goTypeName(a) !== goTypeName(b)) {
    throw new Error(`non-comparable types ${asText(a)}: ${goTypeName(a)}, ${goTypeName(b)}: ${asText(b)}`);
  }
  if (a === undefined || b === undefined) return a === b;
  if (b instanceof GoObject && b.kind === 'ptr') return a === b;
  throw new Error(`non-comparable type ${asText(b)}: ${goTypeName(b)}`);
}

function equalPair(a: GoValue | undefined, b: GoValue | undefined): boolean {
  const kind = basicKind(a);
  if (kind !== basicKind(b)) {
    if (a !== undefined && b !== undefined) throw incompatible(a, b);
    return false;
  }
  return kind === 'invalid' ? equalComposite(a, b) : a === b;
}

/** `eq a b c…`: whether a equals any of the others. */
export function goEq(first: ExecValue, others: readonly ExecValue[]): boolean {
  if (others.length === 0) throw new Error('missing argument for comparison');
  const a = present(first);
  return others.some((other) => equalPair(a, present(other)));
}

/** `lt a b`. */
export function goLt(first: ExecValue, second: ExecValue): boolean {
  const a = present(first);
  const b = present(second);
  const kind = basicKind(a);
  if (kind === 'invalid' || basicKind(b) === 'invalid') throw new Error(BAD_TYPE);
  if (kind !== basicKind(b)) throw incompatible(a!, b!);
  if (kind === 'bool') throw new Error(BAD_TYPE);
  if (kind === 'string') return compareKeys(a as string, b as string) < 0;
  return (a as number | bigint) < (b as number | bigint);
}

export function goLe(first: ExecValue, second: ExecValue): boolean {
  return goLt(first, second) || goEq(first, [second]);
}
