/**
 * Kubernetes' quantity library (`k8s.io/apiserver/pkg/cel/library/quantity.go`):
 * `quantity()`, `isQuantity()` and the methods of `kubernetes.Quantity`.
 *
 * A quantity is parsed as the API server parses `resource.Quantity`: the same
 * suffixes, magnitudes rounded up to the nearest 10^-9 (`1n`), binary-suffixed
 * values capped at 2^63-1. It is kept exactly, as a whole number of 10^-9
 * units, so sums and comparisons never round.
 *
 * One difference: Kubernetes' `isInteger()` answers from how the value is
 * stored, so some whole numbers written with a fraction (`1.0`, `1.5Gi`) give
 * false there; here `isInteger()` is true for every whole number within the
 * range of an int64, and `asInteger()` returns it.
 */
import { parseQuantity } from '../../kit/quantity.js';
import { CelError, type Library } from '../cel-types.js';

const NANO = 1_000_000_000n;
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/** A `kubernetes.Quantity` value: `nanos` × 10^-9. */
export class Quantity {
  constructor(readonly nanos: bigint) {}

  compare(other: Quantity): -1 | 0 | 1 {
    return this.nanos < other.nanos ? -1 : this.nanos > other.nanos ? 1 : 0;
  }

  toString(): string {
    const sign = this.nanos < 0n ? '-' : '';
    const magnitude = this.nanos < 0n ? -this.nanos : this.nanos;
    const whole = magnitude / NANO;
    const fraction = (magnitude % NANO).toString().padStart(9, '0').replace(/0+$/, '');
    return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
  }
}

/** Parses like `resource.ParseQuantity`; undefined when the API server would refuse the text. */
export function parseKubernetesQuantity(text: string): Quantity | undefined {
  const parsed = parseQuantity(text);
  if (!parsed) return undefined;
  const negative = parsed.numerator < 0n;
  const magnitude = negative ? -parsed.numerator : parsed.numerator;
  // Round the magnitude up to a whole number of nano units, as the API server does.
  let nanos = (magnitude * NANO + parsed.denominator - 1n) / parsed.denominator;
  if (/[KMGTPE]i$/.test(text) && nanos > INT64_MAX * NANO) nanos = INT64_MAX * NANO;
  return new Quantity(negative ? -nanos : nanos);
}

function quantityOf(text: string): Quantity {
  const quantity = parseKubernetesQuantity(text);
  if (!quantity)
    throw new CelError(
      `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': "${text}"`,
    );
  return quantity;
}

function fromInt(value: bigint): Quantity {
  return new Quantity(value * NANO);
}

function asInteger(quantity: Quantity): bigint | undefined {
  if (quantity.nanos % NANO !== 0n) return undefined;
  const value = quantity.nanos / NANO;
  return value < INT64_MIN || value > INT64_MAX ? undefined : value;
}

export const QUANTITY_TYPE = 'kubernetes.Quantity';

export const quantityLibrary: Library = {
  name: 'quantity',
  types: [{ name: QUANTITY_TYPE, ctor: Quantity }],
  functions: [
    ['quantity(string): kubernetes.Quantity', (text: string) => quantityOf(text)],
    ['isQuantity(string): bool', (text: string) => parseKubernetesQuantity(text) !== undefined],
    ['kubernetes.Quantity.isInteger(): bool', (q: Quantity) => asInteger(q) !== undefined],
    [
      'kubernetes.Quantity.asInteger(): int',
      (q: Quantity) => {
        const value = asInteger(q);
        if (value === undefined) throw new CelError('cannot convert value to integer');
        return value;
      },
    ],
    ['kubernetes.Quantity.asApproximateFloat(): double', (q: Quantity) => Number(q.nanos) / 1e9],
    // Kubernetes declares sign as a global function; both spellings work here.
    ['kubernetes.Quantity.sign(): int', (q: Quantity) => BigInt(q.compare(new Quantity(0n)))],
    ['sign(kubernetes.Quantity): int', (q: Quantity) => BigInt(q.compare(new Quantity(0n)))],
    [
      'kubernetes.Quantity.add(kubernetes.Quantity): kubernetes.Quantity',
      (q: Quantity, o: Quantity) => new Quantity(q.nanos + o.nanos),
    ],
    [
      'kubernetes.Quantity.add(int): kubernetes.Quantity',
      (q: Quantity, o: bigint) => new Quantity(q.nanos + fromInt(o).nanos),
    ],
    [
      'kubernetes.Quantity.sub(kubernetes.Quantity): kubernetes.Quantity',
      (q: Quantity, o: Quantity) => new Quantity(q.nanos - o.nanos),
    ],
    [
      'kubernetes.Quantity.sub(int): kubernetes.Quantity',
      (q: Quantity, o: bigint) => new Quantity(q.nanos - fromInt(o).nanos),
    ],
    ['kubernetes.Quantity.compareTo(kubernetes.Quantity): int', (q: Quantity, o: Quantity) => BigInt(q.compare(o))],
    ['kubernetes.Quantity.isGreaterThan(kubernetes.Quantity): bool', (q: Quantity, o: Quantity) => q.compare(o) > 0],
    ['kubernetes.Quantity.isLessThan(kubernetes.Quantity): bool', (q: Quantity, o: Quantity) => q.compare(o) < 0],
  ],
  operators: [['kubernetes.Quantity == kubernetes.Quantity', (q: Quantity, o: Quantity) => q.compare(o) === 0]],
};
