/**
 * The checks of one value against one schema node that need no walking:
 * its JSON type, enum, string lengths and pattern, numeric bounds, and the
 * integer ranges a built-in kind's Go fields hold. Each returns the message
 * (a fragment after the field's name) or undefined when the value passes.
 */
import { RE2JS } from 're2js';
import type { CompiledNode, SchemaMode } from './compile.js';
import { describeActual, showList, showValue, typePhrase } from './describe.js';
import { isQuantitySyntax } from './quantity-syntax.js';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const INT64_LIMIT = 2 ** 63;

/**
 * Whether a number is an integer where the API server wants one. `3.0` is:
 * kubectl turns YAML into JSON with sigs.k8s.io/yaml, which reads `3.0` as the
 * float 3 and writes it as `3`, which decodes into an int32 field.
 */
function isWhole(value: number): boolean {
  return Number.isInteger(value);
}

/** The type a value must have, as a phrase, when it does not have it; undefined when it does. */
export function typeMismatch(value: unknown, node: CompiledNode, mode: SchemaMode): string | undefined {
  if (node.intOrString) {
    return typeof value === 'string' || (typeof value === 'number' && isWhole(value))
      ? undefined
      : 'an integer or a string';
  }
  if (node.formatKey === 'quantity' && (mode === 'builtin' || node.type === undefined)) {
    return typeof value === 'string' || typeof value === 'number'
      ? undefined
      : 'a quantity (a string such as "500m", or a number)';
  }
  switch (node.type) {
    case undefined:
      return undefined;
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value) ? undefined : typePhrase('object');
    case 'array':
      return Array.isArray(value) ? undefined : typePhrase('array');
    case 'integer':
      return typeof value === 'number' && isWhole(value) ? undefined : typePhrase('integer');
    case 'number':
      return typeof value === 'number' ? undefined : typePhrase('number');
    default:
      return typeof value === node.type ? undefined : typePhrase(node.type);
  }
}

/** `must be X, not Y`. */
export function mustBe(expected: string, value: unknown): string {
  return `must be ${expected}, not ${describeActual(value)}`;
}

/** A built-in integer field out of the range of its Go type (int32, int64). */
export function integerRangeProblem(value: number, node: CompiledNode): string | undefined {
  const int32 = node.format === 'int32' || node.intOrString;
  if (int32 && (value < INT32_MIN || value > INT32_MAX)) {
    return `must fit in a 32-bit integer (${INT32_MIN} to ${INT32_MAX}), not ${value}`;
  }
  if (value < -INT64_LIMIT || value >= INT64_LIMIT) return `must fit in a 64-bit integer, not ${value}`;
  return undefined;
}

/** JSON equality of two decoded values. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  if (aKeys.length !== Object.keys(b).length) return false;
  return aKeys.every((key) => key in bRecord && sameValue((a as Record<string, unknown>)[key], bRecord[key]));
}

/** A value not in the node's enum. */
export function enumProblem(value: unknown, allowed: readonly unknown[]): string | undefined {
  if (allowed.some((candidate) => sameValue(value, candidate))) return undefined;
  return `must be one of ${showList(allowed)}, not ${showValue(value)}`;
}

/** Unicode code points in a text, as the API server counts a string's length. */
export function codePoints(text: string): number {
  let count = text.length;
  for (let index = 0; index < text.length - 1; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--;
        index++;
      }
    }
  }
  return count;
}

const MAX_CACHED_PATTERNS = 2000;
const patterns = new Map<string, RE2JS | null>();

/** A pattern compiled once with RE2 semantics (as Go's `regexp`); null when RE2 refuses it. */
function compiledPattern(pattern: string): RE2JS | null {
  let compiled = patterns.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = RE2JS.compile(pattern);
    } catch {
      compiled = null;
    }
    if (patterns.size >= MAX_CACHED_PATTERNS) patterns.clear();
    patterns.set(pattern, compiled);
  }
  return compiled;
}

/** The first of maxLength, minLength and pattern that a string fails, in the API server's order. */
export function stringLimitProblem(text: string, node: CompiledNode): string | undefined {
  const { maxLength, minLength, pattern } = node.limits;
  if (maxLength !== undefined || minLength !== undefined) {
    const length = codePoints(text);
    if (maxLength !== undefined && length > maxLength) {
      return `must be at most ${maxLength} characters long, not ${length}`;
    }
    if (minLength !== undefined && length < minLength) {
      return `must be at least ${minLength} characters long, not ${length}`;
    }
  }
  if (pattern !== undefined && compiledPattern(pattern)?.test(text) === false) {
    return `must match the pattern ${JSON.stringify(pattern)}, not ${showValue(text)}`;
  }
  return undefined;
}

/** A built-in quantity string the decoder refuses (it trims spaces first). */
export function quantityProblem(text: string): string | undefined {
  return isQuantitySyntax(text.trim())
    ? undefined
    : `must be a quantity such as "500m" or "1Gi", not ${showValue(text)}`;
}

/**
 * multipleOf, minimum and maximum, each reported. An integer is compared with
 * a bound cut to an integer, as the API server compares 64-bit integers.
 */
export function numberLimitProblems(value: number, node: CompiledNode): string[] {
  const { multipleOf, minimum, maximum, exclusiveMinimum, exclusiveMaximum } = node.limits;
  const problems: string[] = [];
  const whole = isWhole(value);
  if (multipleOf !== undefined && multipleOf > 0 && !isMultiple(value, multipleOf, whole)) {
    problems.push(`must be a multiple of ${multipleOf}, not ${value}`);
  }
  if (minimum !== undefined) {
    const bound = whole ? Math.trunc(minimum) : minimum;
    if (exclusiveMinimum === true ? value <= bound : value < bound) {
      problems.push(`must be ${exclusiveMinimum === true ? 'greater than' : 'at least'} ${minimum}, not ${value}`);
    }
  }
  if (maximum !== undefined) {
    const bound = whole ? Math.trunc(maximum) : maximum;
    if (exclusiveMaximum === true ? value >= bound : value > bound) {
      problems.push(`must be ${exclusiveMaximum === true ? 'less than' : 'at most'} ${maximum}, not ${value}`);
    }
  }
  return problems;
}

function isMultiple(value: number, factor: number, whole: boolean): boolean {
  if (whole && Number.isInteger(factor)) return value % factor === 0;
  const quotient = factor < 1 ? (1 / factor) * value : value / factor;
  return Number.isInteger(quotient) && Math.abs(quotient) <= 2 ** 53;
}

function counted(n: number, noun: 'item' | 'entry'): string {
  if (noun === 'item') return `${n} ${n === 1 ? 'item' : 'items'}`;
  return `${n} ${n === 1 ? 'entry' : 'entries'}`;
}

/** minItems/maxItems or minProperties/maxProperties. */
export function countProblem(
  count: number,
  min: number | undefined,
  max: number | undefined,
  noun: 'item' | 'entry',
): string | undefined {
  if (min !== undefined && count < min) return `must have at least ${counted(min, noun)}, not ${count}`;
  if (max !== undefined && count > max) return `must have at most ${counted(max, noun)}, not ${count}`;
  return undefined;
}
