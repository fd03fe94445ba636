/**
 * Sprig's arithmetic. The integer functions convert every operand with cast
 * (`add 1.9 1` is 2) and compute in int64, wrapping on overflow; the `f`
 * functions compute in exact decimals and return a float64; `until`,
 * `untilStep` and `seq` build integer sequences.
 */
import type { GoValue } from '../go-values.js';
import { castToFloat64, castToInt64, wrapInt64 } from './cast.js';
import { decimalAdd, decimalDiv, decimalFromFloat, decimalMul, decimalSub, decimalToFloat } from './decimal.js';
import { goFunction, goVariadic, type GoFunctionTable } from './go-function.js';

type DecimalOp = typeof decimalAdd;

/** Sprig's `execDecimalOp`: folds the operands through one decimal operation, starting from the first. */
function decimalFold(first: GoValue, rest: GoValue[], op: DecimalOp): number {
  let result = decimalFromFloat(castToFloat64(first));
  for (const operand of rest) result = op(result, decimalFromFloat(castToFloat64(operand)));
  return decimalToFloat(result);
}

const DIVIDE_BY_ZERO = 'runtime error: integer divide by zero';

function intDivide(left: GoValue, right: GoValue, remainder: boolean): bigint {
  const divisor = castToInt64(right);
  if (divisor === 0n) throw new Error(DIVIDE_BY_ZERO);
  const dividend = castToInt64(left);
  return wrapInt64(remainder ? dividend % divisor : dividend / divisor);
}

function extreme(first: GoValue, rest: GoValue[], larger: boolean): bigint {
  let result = castToInt64(first);
  for (const operand of rest) {
    const value = castToInt64(operand);
    if (larger ? value > result : value < result) result = value;
  }
  return result;
}

/** Sprig's `round`: rounds at `places` decimals, up when the dropped fraction reaches `roundOn` (0.5). */
function round(value: GoValue, places: bigint, roundOn: number[]): number {
  const threshold = roundOn[0] ?? 0.5;
  const power = Math.pow(10, Number(places));
  const digit = power * castToFloat64(value);
  const fraction = digit - Math.trunc(digit);
  return (fraction >= threshold ? Math.ceil(digit) : Math.floor(digit)) / power;
}

// A guard against sequences no chart needs; Go would try to allocate them.
const MAX_SEQUENCE = 10_000_000;

/** Sprig's `untilStep`: start, start+step, ... up to (not including) stop; an empty list if step points away. */
export function untilStep(start: bigint, stop: bigint, step: bigint): bigint[] {
  const values: bigint[] = [];
  if (stop < start ? step >= 0n : step <= 0n) return values;
  for (let value = start; stop < start ? value > stop : value < stop; value += step) {
    if (values.length >= MAX_SEQUENCE) throw new Error(`sequence longer than ${MAX_SEQUENCE} elements`);
    values.push(value);
  }
  return values;
}

/** Sprig's `seq`, like the Unix command: `seq 3`, `seq 2 5`, `seq 0 2 10`, as space separated text. */
function seq(params: bigint[]): string {
  const [first = 0n, second = 0n, third = 0n] = params;
  let values: bigint[] = [];
  if (params.length === 1) {
    const step = first < 1n ? -1n : 1n;
    values = untilStep(1n, first + step, step);
  } else if (params.length === 2) {
    const step = second < first ? -1n : 1n;
    values = untilStep(first, second + step, step);
  } else if (params.length === 3) {
    const towards = third < first ? -1n : 1n;
    if (third < first && second > 0n) return '';
    values = untilStep(first, third + towards, second);
  }
  return values.join(' ');
}

/** The arithmetic functions, by template name. */
export const mathFunctions: GoFunctionTable = {
  add1: goFunction('add1', ['interface'], (value) => wrapInt64(castToInt64(value) + 1n)),
  add: goVariadic('add', [], 'interface', (values) =>
    values.reduce<bigint>((sum, value) => wrapInt64(sum + castToInt64(value)), 0n),
  ),
  sub: goFunction('sub', ['interface', 'interface'], (left, right) =>
    wrapInt64(castToInt64(left) - castToInt64(right)),
  ),
  div: goFunction('div', ['interface', 'interface'], (left, right) => intDivide(left, right, false)),
  mod: goFunction('mod', ['interface', 'interface'], (left, right) => intDivide(left, right, true)),
  mul: goVariadic('mul', ['interface'], 'interface', (first, rest) =>
    rest.reduce<bigint>((product, value) => wrapInt64(product * castToInt64(value)), castToInt64(first)),
  ),
  max: goVariadic('max', ['interface'], 'interface', (first, rest) => extreme(first, rest, true)),
  biggest: goVariadic('biggest', ['interface'], 'interface', (first, rest) => extreme(first, rest, true)),
  min: goVariadic('min', ['interface'], 'interface', (first, rest) => extreme(first, rest, false)),
  maxf: goVariadic('maxf', ['interface'], 'interface', (first, rest) =>
    rest.reduce<number>((result, value) => Math.max(result, castToFloat64(value)), castToFloat64(first)),
  ),
  minf: goVariadic('minf', ['interface'], 'interface', (first, rest) =>
    rest.reduce<number>((result, value) => Math.min(result, castToFloat64(value)), castToFloat64(first)),
  ),
  add1f: goFunction('add1f', ['interface'], (value) => decimalFold(value, [1n], decimalAdd)),
  addf: goVariadic('addf', [], 'interface', (values) => decimalFold(0, values, decimalAdd)),
  subf: goVariadic('subf', ['interface'], 'interface', (first, rest) => decimalFold(first, rest, decimalSub)),
  mulf: goVariadic('mulf', ['interface'], 'interface', (first, rest) => decimalFold(first, rest, decimalMul)),
  divf: goVariadic('divf', ['interface'], 'interface', (first, rest) => decimalFold(first, rest, decimalDiv)),
  ceil: goFunction('ceil', ['interface'], (value) => Math.ceil(castToFloat64(value))),
  floor: goFunction('floor', ['interface'], (value) => Math.floor(castToFloat64(value))),
  round: goVariadic('round', ['interface', 'int'], 'float64', round),
  until: goFunction('until', ['int'], (count) => untilStep(0n, count, count < 0n ? -1n : 1n)),
  untilStep: goFunction('untilStep', ['int', 'int', 'int'], untilStep),
  seq: goVariadic('seq', [], 'int', seq),
};
