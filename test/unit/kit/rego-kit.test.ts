import { describe, expect, it } from 'vitest';
import {
  RegoSet,
  compareExact,
  parseCpuMillis,
  parseMemoryMillis,
  regoGreaterThan,
  regoValue,
  sprintf,
} from '../../../src/kit/rego/rego-api.js';

describe('Rego %v rendering', () => {
  it.each([
    ['a string, raw', 'nginx', 'nginx'],
    ['an integer', 3, '3'],
    ['a float in its shortest form', 1.16, '1.16'],
    ['a large float with a two-digit exponent', 1e21, '1e+21'],
    ['a small float with a padded exponent', 1e-7, '1e-07'],
    ['a boolean', true, 'true'],
    ['null', null, 'null'],
    ['an array with quoted strings', ['a', 'b'], '["a", "b"]'],
    [
      'an object with sorted keys',
      { rule: 'MayRunAs', ranges: [{ min: 1, max: 1000 }] },
      '{"ranges": [{"max": 1000, "min": 1}], "rule": "MayRunAs"}',
    ],
    ['a set, sorted and de-duplicated', new RegoSet(['memory', 'cpu', 'cpu']), '{"cpu", "memory"}'],
    ['an empty set', new RegoSet([]), 'set()'],
    [
      'a set of objects in Rego order',
      new RegoSet([{ type: 'RuntimeDefault' }, { type: 'Localhost', localHostProfile: '*' }]),
      '{{"localHostProfile": "*", "type": "Localhost"}, {"type": "RuntimeDefault"}}',
    ],
  ])('renders %s', (_name, value, expected) => {
    expect(regoValue(value)).toBe(expected);
  });

  it('drops a message built from an undefined value, and marks missing arguments as Go does', () => {
    expect(sprintf('pod: %v', [undefined])).toBeUndefined();
    expect(sprintf('a %v b %v', [1])).toBe('a 1 b %!v(MISSING)');
    expect(sprintf('100%% of %v', ['x'])).toBe('100% of x');
  });

  it('orders values across types as Rego does: any string is greater than any number', () => {
    expect(regoGreaterThan('50%', 1000)).toBe(true);
    expect(regoGreaterThan(2, 1)).toBe(true);
    expect(regoGreaterThan(null, false)).toBe(false);
  });
});

describe('library quantities', () => {
  const cpu = (value: unknown) => parseCpuMillis(value);
  const memory = (value: unknown) => parseMemoryMillis(value);
  const millis = (exact: ReturnType<typeof cpu>) => exact && Number(exact.numerator) / Number(exact.denominator);

  it.each([
    ['500m', 500],
    ['1.5m', 1.5],
    ['1e3m', 1000],
    ['-5m', -5],
    [2, 2000],
    ['2', 2000],
    ['0.5', 500],
  ])('reads CPU %j as %d millicores', (value, expected) => {
    expect(millis(cpu(value))).toBe(expected);
  });

  it.each(['1e3', '.5', '+1', '1.', '2k', 'infm', true])('cannot read CPU %j', (value) => {
    expect(cpu(value)).toBeUndefined();
  });

  it.each([
    ['1Gi', 1073741824000],
    ['500Mi', 524288000000],
    ['128m', 128],
    ['1k', 1e6],
    [1024, 1024000],
  ])('reads memory %j as %d millibytes', (value, expected) => {
    expect(millis(memory(value))).toBe(expected);
  });

  it.each(['1K', '1e9', 'Mi', '1.5.5Gi'])('cannot read memory %j', (value) => {
    expect(memory(value)).toBeUndefined();
  });

  it('compares exactly, beyond the precision of doubles', () => {
    const oneEi = memory('1Ei');
    const justOver = memory('1152921504606846977');
    expect(oneEi && justOver && compareExact(justOver, oneEi)).toBe(1);
    expect(compareExact(memory('1Gi')!, memory('1024Mi')!)).toBe(0);
  });
});
