/**
 * Kubernetes' list library (`library/lists.go`): `isSorted`, `sum`, `min`,
 * `max`, `indexOf`, `lastIndexOf` on lists; and the sets extension that
 * Kubernetes enables (`sets.contains`, `sets.equivalent`, `sets.intersects`).
 */
import { CelError, type Library } from '../cel-types.js';
import { celCompare, celEquals, celTypeName } from './compare.js';

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

function isSorted(list: unknown[]): boolean {
  for (let i = 1; i < list.length; i++) if (celCompare(list[i - 1], list[i]) > 0) return false;
  return true;
}

/** `sum`: ints, uints or doubles, all of one type; an empty list sums to 0. */
function sum(list: unknown[]): unknown {
  if (list.length === 0) return 0n;
  const first = list[0];
  if (typeof first === 'bigint') {
    let total = 0n;
    for (const item of list) {
      if (typeof item !== 'bigint') throw new CelError(`no such overload: int + ${celTypeName(item)}`);
      total += item;
      if (total > INT64_MAX || total < INT64_MIN) throw new CelError('integer overflow');
    }
    return total;
  }
  if (typeof first === 'number') {
    let total = 0;
    for (const item of list) {
      if (typeof item !== 'number') throw new CelError(`no such overload: double + ${celTypeName(item)}`);
      total += item;
    }
    return total;
  }
  throw new CelError(`no such overload: sum of list of ${celTypeName(first)}`);
}

function extreme(list: unknown[], name: 'min' | 'max'): unknown {
  if (list.length === 0) throw new CelError(`${name} called on empty list`);
  let result = list[0];
  for (const item of list.slice(1)) {
    const order = celCompare(result, item);
    if ((name === 'min' && order > 0) || (name === 'max' && order < 0)) result = item;
  }
  return result;
}

function indexOf(list: unknown[], item: unknown): bigint {
  return BigInt(list.findIndex((element) => celEquals(element, item)));
}

function lastIndexOf(list: unknown[], item: unknown): bigint {
  for (let i = list.length - 1; i >= 0; i--) if (celEquals(list[i], item)) return BigInt(i);
  return -1n;
}

/** The receiver of `sets.contains(...)`: a namespace, not a value. */
export class SetsNamespace {}

const contains = (list: unknown[], sublist: unknown[]) => sublist.every((item) => list.some((x) => celEquals(x, item)));

export const listsLibrary: Library = {
  name: 'lists',
  types: [{ name: 'kubernetes.SetsNamespace', ctor: SetsNamespace }],
  constants: [{ name: 'sets', type: 'kubernetes.SetsNamespace', value: new SetsNamespace() }],
  functions: [
    ['list.isSorted(): bool', isSorted],
    ['list.sum(): dyn', sum],
    ['list.min(): dyn', (list: unknown[]) => extreme(list, 'min')],
    ['list.max(): dyn', (list: unknown[]) => extreme(list, 'max')],
    ['list.indexOf_k8s(dyn): int', indexOf],
    ['list.lastIndexOf_k8s(dyn): int', lastIndexOf],
    [
      'kubernetes.SetsNamespace.contains(list, list): bool',
      (_: SetsNamespace, a: unknown[], b: unknown[]) => contains(a, b),
    ],
    [
      'kubernetes.SetsNamespace.equivalent(list, list): bool',
      (_: SetsNamespace, a: unknown[], b: unknown[]) => contains(a, b) && contains(b, a),
    ],
    [
      'kubernetes.SetsNamespace.intersects(list, list): bool',
      (_: SetsNamespace, a: unknown[], b: unknown[]) => a.some((item) => b.some((x) => celEquals(x, item))),
    ],
  ],
};
