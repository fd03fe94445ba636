import { describe, expect, it } from 'vitest';
import { cel, type Case } from './run.js';

// cel-go's optional types, as Kubernetes enables them: optional.ofNonZeroValue is empty for a type's zero value.
describe('optional.ofNonZeroValue', () => {
  it.each<Case>([
    ['optional.ofNonZeroValue(0).hasValue()', false],
    ['optional.ofNonZeroValue(0.0).hasValue()', false],
    ['optional.ofNonZeroValue(0u).hasValue()', false],
    ["optional.ofNonZeroValue('').hasValue()", false],
    ['optional.ofNonZeroValue(false).hasValue()', false],
    ['optional.ofNonZeroValue(null).hasValue()', false],
    ['optional.ofNonZeroValue([]).hasValue()', false],
    ['optional.ofNonZeroValue({}).hasValue()', false],
    ["optional.ofNonZeroValue(b'').hasValue()", false],
    ["optional.ofNonZeroValue(duration('0s')).hasValue()", false],
    ["optional.ofNonZeroValue(timestamp('0001-01-01T00:00:00Z')).hasValue()", false],
    ["optional.ofNonZeroValue(timestamp('1970-01-01T00:00:00Z')).hasValue()", true],
    ["optional.ofNonZeroValue(duration('1s')).hasValue()", true],
    ['optional.ofNonZeroValue(1).value()', 1n],
    ["optional.ofNonZeroValue('a').value()", 'a'],
    ['optional.ofNonZeroValue([0]).value()', [0n]],
    ["optional.ofNonZeroValue({'k': ''}).hasValue()", true],
    ["optional.ofNonZeroValue(params.name).orValue('default')", 'default'],
  ])('%s is %s', (expression, expected) => {
    expect(cel(expression, { params: { name: '' } })).toEqual(expected);
  });
});
