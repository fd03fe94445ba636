/**
 * Sprig's reflection functions (`kindOf`, `kindIs`, `typeOf`, `typeIs`,
 * `typeIsLike`, `deepEqual`) and Go's `reflect.DeepEqual`, which `has`,
 * `uniq` and `without` use too: values of different Go types are never equal
 * (`1` from a template and `1.0` from values differ).
 *
 * The value model keeps one integer type, so a template's `int` constants
 * report `int64` here where Go says `int`.
 */
import { isGoMap, kindOf, type GoValue } from '../go-values.js';
import { goTypeOf } from './go-format.js';
import { goFunction, type GoFunctionTable } from './go-function.js';

function sameBytes(left: Uint8Array, right: Uint8Array): boolean {
  return left.length === right.length && left.every((byte, index) => byte === right[index]);
}

/** Go's `reflect.DeepEqual` over the value model (NaN is not equal to itself). */
export function goDeepEqual(left: GoValue, right: GoValue): boolean {
  if (left === null || right === null) return left === right;
  if (typeof left !== 'object' || typeof right !== 'object') return left === right;
  if (left instanceof Uint8Array || right instanceof Uint8Array) {
    return left instanceof Uint8Array && right instanceof Uint8Array && sameBytes(left, right);
  }
  if (Array.isArray(left) || Array.isArray(right)) {
    if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false;
    return left.every((item, index) => goDeepEqual(item, right[index] ?? null));
  }
  if (!isGoMap(left)) return left === right;
  const keys = Object.keys(left);
  if (!isGoMap(right) || keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && goDeepEqual(left[key] ?? null, right[key] ?? null));
}

/** The reflection functions, by template name. */
export const reflectionFunctions: GoFunctionTable = {
  kindOf: goFunction('kindOf', ['interface'], kindOf),
  kindIs: goFunction('kindIs', ['string', 'interface'], (kind, value) => kindOf(value) === kind),
  typeOf: goFunction('typeOf', ['interface'], goTypeOf),
  typeIs: goFunction('typeIs', ['string', 'interface'], (type, value) => goTypeOf(value) === type),
  // A pointer type also matches its element type's name.
  typeIsLike: goFunction('typeIsLike', ['string', 'interface'], (type, value) => {
    const name = goTypeOf(value);
    return type === name || `*${type}` === name;
  }),
  deepEqual: goFunction('deepEqual', ['interface', 'interface'], goDeepEqual),
};
