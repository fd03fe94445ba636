import { describe, expect, it } from 'vitest';
import { cel, celError, type Case } from './run.js';

// cel-go ext.TwoVarComprehensions, enabled by Kubernetes 1.32: (index, element) over a list, (key, value) over a map.
describe('two-variable comprehensions', () => {
  it.each<Case>([
    ['[1, 2, 3].all(i, v, v > i)', true],
    ['[0, 2, 3].all(i, v, v > i)', false],
    ["{'a': 1, 'b': 2}.all(k, v, k != '' && v > 0)", true],
    ['[1, 2].exists(i, v, i == 1 && v == 2)', true],
    ["{'a': 1, 'b': 2}.exists(k, v, k == 'a' && v == 2)", false],
    ['[].all(i, v, false)', true],
    ['[].exists(i, v, true)', false],
    ['[1, 2, 2].existsOne(i, v, v == 2)', false],
    ['[1, 2, 3].existsOne(i, v, v == 2)', true],
    ['[1, 2, 3].exists_one(i, v, i == 0)', true],
    ['[10, 20].transformList(i, v, i + v)', [10n, 21n]],
    ['[10, 20, 30].transformList(i, v, i != 1, v * 2)', [20n, 60n]],
    ["{'a': 1, 'b': 2}.transformList(k, v, k + '=' + string(v))", ['a=1', 'b=2']],
    ["{'a': 1, 'b': 2}.transformMap(k, v, v * 10)", { a: 10n, b: 20n }],
    ["{'a': 1, 'b': 2}.transformMap(k, v, k == 'b', v * 10)", { b: 20n }],
    ['[5, 6].transformMap(i, v, v - i)[1]', 5n],
    ["{'a': 'x', 'b': 'y'}.transformMapEntry(k, v, {v: k})", { x: 'a', y: 'b' }],
    ["{'a': 'x', 'b': 'y'}.transformMapEntry(k, v, k == 'a', {v: k})", { x: 'a' }],
    ['[1, 0].all(i, v, v == 1 && 1 / v > 0)', false],
    ['[0, 1].exists(i, v, 1 / v > 0)', true],
    ['[[1, 2], [3]].all(i, xs, xs.all(j, x, x > i))', true],
    ['[1, 2].map(x, x * 2)', [2n, 4n]],
    ['[1, 2].all(x, x > 0)', true],
  ])('%s is %s', (expression, expected) => {
    expect(cel(expression)).toEqual(expected);
  });

  it('walks the containers of an object with their indexes', () => {
    const object = { spec: { containers: [{ name: 'app' }, { name: '' }] } };
    expect(
      cel("object.spec.containers.transformList(i, c, c.name == '', 'spec.containers[' + string(i) + ']')", { object }),
    ).toEqual(['spec.containers[1]']);
    expect(cel("object.spec.containers.all(i, c, c.name != '' || i == 0)", { object })).toBe(false);
  });

  it('reads map values from the object', () => {
    const object = { metadata: { labels: { team: 'search', tier: '' } } };
    expect(cel("object.metadata.labels.exists(k, v, v == '')", { object })).toBe(true);
    expect(cel('object.metadata.labels.transformMap(k, v, size(v))', { object })).toEqual({ team: 6n, tier: 0n });
  });

  it.each<Case>([
    ['[1, 0].all(i, v, 1 / v > 0)', /division by zero/],
    ['[0, 1].existsOne(i, v, 1 / v > 0)', /division by zero/],
    ['[1].all(i, v, v)', /all\(i, v, expr\) predicate must return bool, got 'int'/],
    ['[1].transformList(i, v, v, v)', /transformList\(i, v, filter, expr\) filter must return bool, got 'int'/],
    ['[1, 2].all(i, i, true)', /all\(\) declares the variable i twice/],
    ['[1].all(i.x, v, true)', /variable names must be simple identifiers/],
    ['1.all(i, v, true)', /expression of type 'int' cannot be range of a comprehension/],
    ["{'a': 'x', 'b': 'x'}.transformMapEntry(k, v, {v: k})", /insert failed: key x already exists/],
    ['[1].transformMapEntry(i, v, v)', /transformMapEntry\(\) expression must return a map/],
    ['[[[[1]]]].all(a, b, b.all(c, d, d.all(e, f, f.all(g, h, true))))', /nested more than 3 deep/],
  ])('%s fails', (expression, message) => {
    expect(celError(expression)).toMatch(message as RegExp);
  });
});
