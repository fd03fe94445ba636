import { describe, expect, it } from 'vitest';
import { cel, celError, type Case } from './run.js';

// k8s.io/apiserver/pkg/cel/library/lists.go, and the sets extension Kubernetes enables.
describe('Kubernetes list library', () => {
  it.each<Case>([
    ['[1, 2, 3].isSorted()', true],
    ["['a', 'b', 'b', 'c'].isSorted()", true],
    ['[2.0, 1.0].isSorted()', false],
    ['[1].isSorted()', true],
    ['[].isSorted()', true],
    ['object.numbers.isSorted()', true], // numbers of different types compare by value
    ['[1, 3].sum()', 4n],
    ['[1.0, 3.0].sum()', 4],
    ['[].sum()', 0n],
    ['[1, 3].min()', 1n],
    ['[1, 3].max()', 3n],
    ['[1].min()', 1n],
    ["['b', 'a', 'c'].max()", 'c'],
    ['[true, false].min()', false],
    ['[1, 2, 2, 3].indexOf(2)', 1n],
    ["['a', 'b', 'b', 'c'].lastIndexOf('b')", 2n],
    ['[1.0].indexOf(1.1)', -1n],
    ["[].indexOf('string')", -1n],
    ['[1, 2].indexOf(2.0)', 1n],
    ['[[1], [2]].indexOf([2])', 1n],
    ["[{'a': 1}].indexOf({'a': 1})", 0n],
    ['object.ports.map(p, p.containerPort).max()', 8443n],
    ['object.ports.map(p, p.containerPort).sum()', 8523n],
    // sets
    ['sets.contains([1, 2, 3], [1, 2])', true],
    ['sets.contains([1, 2], [3])', false],
    ['sets.contains([1], [])', true],
    ['sets.equivalent([1, 2], [2, 1, 1])', true],
    ['sets.equivalent([1, 2], [1])', false],
    ['sets.intersects([1, 2], [2, 3])', true],
    ['sets.intersects([1], [2])', false],
  ])('%s is %s', (expression, expected) => {
    const object = { ports: [{ containerPort: 80 }, { containerPort: 8443 }], numbers: [1, 2.5, 3] };
    expect(cel(expression, { object })).toEqual(expected);
  });

  it.each<Case>([
    ['[].min()', /min called on empty list/],
    ['[].max()', /max called on empty list/],
    ["[1, 'a'].isSorted()", /list elements must have one type: int and string are mixed/],
    ['object.mixed.isSorted()', /cannot compare int with string/],
    ['object.mixed.sum()', /no such overload/],
    ['[9223372036854775807, 1].sum()', /integer overflow/],
    ["'abc'.isSorted()", /no matching overload/],
  ])('%s fails', (expression, message) => {
    expect(celError(expression, { object: { mixed: [1, 'a'] } })).toMatch(message as RegExp);
  });
});
