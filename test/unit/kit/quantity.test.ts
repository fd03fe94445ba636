import { describe, expect, it } from 'vitest';
import { compareQuantities, isNegativeQuantity, parseQuantity, type Quantity } from '../../../src/kit/quantity.js';

const parsed = (input: string | number): Quantity => {
  const quantity = parseQuantity(input);
  if (!quantity) throw new Error(`${String(input)} should parse`);
  return quantity;
};

describe('parsing quantities', () => {
  it.each([
    ['0', 0],
    ['1', 1],
    ['500m', 0.5],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['5.', 5],
    ['+2', 2],
    ['1k', 1000],
    ['1M', 1e6],
    ['1G', 1e9],
    ['1T', 1e12],
    ['1P', 1e15],
    ['1E', 1e18],
    ['1Ki', 1024],
    ['1Mi', 1024 ** 2],
    ['1.5Gi', 1.5 * 1024 ** 3],
    ['1Ti', 1024 ** 4],
    ['1Pi', 1024 ** 5],
    ['1Ei', 1024 ** 6],
    ['1e3', 1000],
    ['1E3', 1000],
    ['1e-3', 0.001],
    ['2.5e+2', 250],
    ['100n', 1e-7],
    ['100u', 1e-4],
    ['-100m', -0.1],
  ])('reads %s as %d', (text, value) => {
    expect(parsed(text).value).toBeCloseTo(value, 12);
  });

  it.each([
    [2, 2],
    [0.5, 0.5],
    [1e21, 1e21],
  ])('reads the YAML number %d', (input, value) => {
    expect(parsed(input).value).toBe(value);
  });

  it.each([
    '',
    ' 1',
    '1 ',
    '1 Gi',
    'Mi',
    'm',
    '.',
    '1K',
    '1mi',
    '1GB',
    '1e',
    '1e3m',
    '1.2.3',
    '0x10',
    '1_000',
    'Infinity',
    'one',
  ])('rejects %j', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, true, null, undefined, {}, [1]])('rejects the value %j', (value) => {
    expect(parseQuantity(value)).toBeUndefined();
  });

  it('rejects exponents that no resource could need rather than computing huge powers', () => {
    expect(parseQuantity('1e100')).toBeDefined();
    expect(parseQuantity('1e101')).toBeUndefined();
    expect(parseQuantity('1e-999999999999')).toBeUndefined();
  });

  it('keeps the text it was given', () => {
    expect(parsed('250m').text).toBe('250m');
    expect(parsed(2).text).toBe('2');
  });

  it('says when a quantity is negative', () => {
    expect(isNegativeQuantity(parsed('-1m'))).toBe(true);
    expect(isNegativeQuantity(parsed('0'))).toBe(false);
  });
});

describe('comparing quantities', () => {
  it.each([
    ['1', '1000m', 0],
    ['0.5', '500m', 0],
    ['1Gi', '1024Mi', 0],
    ['1Gi', '1G', 1],
    ['1G', '1e9', 0],
    ['1k', '1Ki', -1],
    ['999m', '1', -1],
    ['1001m', '1', 1],
    ['2', 2, 0],
    ['1e3', '1k', 0],
    ['100n', '0.1u', 0],
    ['101n', '0.1u', 1],
    ['-1', '0', -1],
  ] as const)('%s compared with %s is %d', (a, b, expected) => {
    expect(compareQuantities(parsed(a), parsed(b))).toBe(expected);
    expect(compareQuantities(parsed(b), parsed(a))).toBe(-expected || 0);
  });

  it('is exact where JavaScript numbers are not', () => {
    // Both are 2^60 + 1 and 2^60 as doubles: equal. As quantities they differ by one byte.
    expect(compareQuantities(parsed('1152921504606846977'), parsed('1Ei'))).toBe(1);
    expect(compareQuantities(parsed('1000000000000000000001m'), parsed('1E'))).toBe(1);
  });
});
