/**
 * Values as the executor handles them. Go's reflection tells apart "no value"
 * (an invalid reflect.Value: a missing variable, a pipeline that produced nil)
 * from a nil stored in an `interface{}` slot (a map entry or list element that
 * is null); they behave differently (`.a.b` on the second is a nil pointer
 * error, on the first it yields nothing). Here `undefined` is no value and
 * `null` is the nil interface.
 */
import { utf8Length } from '../../../util/utf8.js';
import { GoObject, isGoMap, type GoValue } from '../go-values.js';
import { goTypeName } from './fmt/print-value.js';

/** A value in the executor: `undefined` is Go's invalid reflect.Value. */
export type ExecValue = GoValue | undefined;

/**
 * A value with its static type: `boxed` when it was read from an
 * `interface{}` slot (a map entry, a list element), which Go names
 * `interface {}` in error messages.
 */
export interface Slot {
  readonly value: ExecValue;
  readonly boxed: boolean;
}

export function unboxed(value: ExecValue): Slot {
  return { value, boxed: false };
}

/** Go's `isTrue`: false, 0, nil and empty strings, lists and maps are false; structs are true. */
export function isTruthy(value: ExecValue): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.length > 0;
  if (typeof value === 'bigint') return value !== 0n;
  if (typeof value === 'number') return value !== 0;
  if (Array.isArray(value) || value instanceof Uint8Array) return value.length > 0;
  if (value instanceof GoObject) {
    if (value.kind === 'map' || value.kind === 'slice') return Object.keys(value.fields).length > 0;
    return true;
  }
  return Object.keys(value).length > 0;
}

/** The static type name Go prints for a slot (`interface {}` for boxed values). */
export function slotTypeName(slot: Slot): string {
  if (slot.boxed) return 'interface {}';
  return slot.value === undefined ? '<nil>' : goTypeName(slot.value);
}

/** The number of elements Go's `len` sees: bytes of a string, entries of a list or map. */
export function lengthOf(value: GoValue): number | undefined {
  if (typeof value === 'string') return utf8Length(value);
  if (Array.isArray(value) || value instanceof Uint8Array) return value.length;
  if (isGoMap(value)) return Object.keys(value).length;
  if (value instanceof GoObject && value.kind !== 'struct' && value.kind !== 'ptr') {
    return Object.keys(value.fields).length;
  }
  return undefined;
}
