import { describe, expect, it } from 'vitest';
import { MAX_COMPREHENSION_DEPTH, MAX_EXPRESSION_LENGTH } from '../../src/cel/env.js';
import { toCel } from '../../src/cel/cel-values.js';
import { cel, celError, type Case } from './run.js';

const object = {
  metadata: { name: 'web', labels: { app: 'web', tier: 'front' } },
  spec: {
    replicas: 3,
    ratio: 0.5,
    containers: [
      { name: 'app', image: 'registry.example.com/app:1.0', ports: [{ containerPort: 8080 }] },
      { name: 'proxy', image: 'envoy:latest' },
    ],
  },
};

describe('CEL as Kubernetes configures it', () => {
  it.each<Case>([
    // numbers from manifests: whole numbers are ints, others doubles
    ['object.spec.replicas + 1', 4n],
    ['object.spec.replicas > 2', true],
    ['object.spec.ratio * 2.0', 1],
    ['object.spec.replicas == 3.0', true],
    // has() and the macros
    ['has(object.spec.replicas)', true],
    ['has(object.spec.strategy)', false],
    ["has(object.metadata.labels.app) && object.metadata.labels.app == 'web'", true],
    ["'app' in object.metadata.labels", true],
    ['object.spec.containers.all(c, has(c.image))', true],
    // has() on a field of any expression, not only of a variable's fields
    ['has(object.spec.containers[0].ports)', true],
    ['has(object.spec.containers[1].ports)', false],
    ["has(object.metadata['labels'].tier) && !has(object.spec.containers[0]['ports'][0].name)", true],
    ["'has(a[0].b)' == 'has(a[0].b)'", true],
    ["object.spec.containers.exists(c, c.image.endsWith(':latest'))", true],
    ["object.spec.containers.exists_one(c, c.name == 'app')", true],
    ['object.spec.containers.map(c, c.name)', ['app', 'proxy']],
    ["object.spec.containers.filter(c, c.image.startsWith('registry.example.com/')).map(c, c.name)", ['app']],
    ['object.spec.containers.map(c, has(c.ports), c.name)', ['app']],
    ["object.metadata.labels.all(k, k in ['app', 'tier'])", true],
    ["object.metadata.labels.exists(k, object.metadata.labels[k] == 'front')", true],
    ['cel.bind(names, object.spec.containers.map(c, c.name), names.size())', 2n],
    ["object.metadata.name.matches('^[a-z]+$')", true],
    // optional types
    ['object.?spec.?strategy.?type.orValue("RollingUpdate")', 'RollingUpdate'],
    ["object.metadata.?labels[?'app'].orValue('none')", 'web'],
    ["object.metadata.?labels[?'owner'].orValue('none')", 'none'],
    ['object.?spec.?replicas.hasValue()', true],
    ['optional.of(1).value()', 1n],
    ['optional.none().orValue(2)', 2n],
    ['optional.none().hasValue()', false],
    ['object.spec.?replicas.or(optional.of(1)).value()', 3n],
    ['object.spec.containers[0].?ports.orValue([]).size()', 1n],
    // equality, types, conversions
    ['type(object.metadata.name) == string', true],
    ['int(object.spec.ratio * 10.0)', 5n],
    ["string(object.spec.replicas) + ' replicas'", '3 replicas'],
    ['object.spec.containers[1].?ports.orValue([]) == []', true],
    ['null == object.?status.orValue(null)', true],
  ])('%s is %s', (expression, expected) => {
    expect(cel(expression, { object })).toEqual(expected);
  });

  it.each<Case>([
    ['object.spec.strategy', /No such key: strategy/],
    ['object.spec.containers[5]', /index out of bounds/],
    ['missing.field', /Unknown variable: missing/],
    ['object.spec.replicas +', /Unexpected end of input|Expected/i],
    ["'a' + 1", /no matching overload|no such overload/],
    ['1 / 0', /division by zero/],
    ['9223372036854775807 + 1', /overflow/],
    [
      "authorizer.group('apps').resource('deployments').check('create').allowed()",
      /authorizer is not available offline/,
    ],
    ['optional.none().value()', /Optional value is not present/],
  ])('%s fails', (expression, message) => {
    expect(celError(expression, { object })).toMatch(message as RegExp);
  });

  it(`refuses expressions longer than ${MAX_EXPRESSION_LENGTH} characters`, () => {
    expect(celError(`${'1 + '.repeat(MAX_EXPRESSION_LENGTH / 4)}1`)).toMatch(/characters long; the limit is 10000/);
  });

  it(`refuses comprehensions nested more than ${MAX_COMPREHENSION_DEPTH} deep`, () => {
    expect(cel('[1].all(a, [1].all(b, [1].all(c, c == 1)))')).toBe(true);
    expect(celError('[1].all(a, [1].all(b, [1].all(c, [1].all(d, d == 1))))')).toMatch(/nested more than 3 deep/);
  });

  it('refuses expressions with too many nodes', () => {
    expect(celError(Array.from({ length: 1500 }, () => '1').join(' + '))).toMatch(/maxAstNodes|Exceeded/);
  });

  it('converts manifests once, iteratively, and keeps map keys as data', () => {
    const deep: Record<string, unknown> = {};
    let cursor = deep;
    for (let i = 0; i < 20_000; i++) cursor = cursor.next = {} as Record<string, unknown>;
    expect(() => toCel(deep)).not.toThrow();
    const manifest = JSON.parse('{"a": {"__proto__": "x", "constructor": 1, "toString": {"b": 2}}}') as unknown;
    expect(
      cel(
        "has(object.a.constructor) && object.a.constructor == 1 && object.a['__proto__'] == 'x' && object.a.toString.b == 2 && !has(object.a.valueOf)",
        { object: manifest },
      ),
    ).toBe(true);
    expect(toCel(object)).toBe(toCel(object));
  });
});

// What the API server refuses when it compiles a policy, although the expression would evaluate.
describe('checks of literals when an expression is compiled', () => {
  it.each<Case>([
    ["object.metadata.name.matches('(')", /Illegal regex: error parsing regexp: missing closing \)/],
    ["matches(object.metadata.name, '[a-')", /Illegal regex/],
    ["object.metadata.name.find('a{2,1}')", /Illegal regex/],
    ["object.metadata.name.findAll('(?=x)')", /Illegal regex/],
    ["[1, 'a'].size() == 2", /list elements must have one type: int and string are mixed/],
    ['[1, 2.5].size() == 2', /list elements must have one type: int and double are mixed/],
    ["{'a': 1, 'b': 'x'}.size() == 2", /map values must have one type: int and string are mixed/],
    ["'%s %s'.format(['x'])", /index 1 out of range/],
    ["'%s'.format(['x', 'y'])", /too many arguments supplied to string.format \(expected 1, got 2\)/],
    ["'%j'.format([1])", /unrecognized formatting clause "j"/],
  ])('refuses %s', (expression, message) => {
    // Nothing is evaluated: the object has no metadata, so evaluating would fail differently.
    expect(celError(expression, { object: {} })).toMatch(message as RegExp);
  });

  it.each([
    '[1, -2, 3].size() == 3',
    "[object.metadata.name, 'x'].size() == 2",
    '[null, 1].size() == 2',
    "'%s: %d'.format(['replicas', 3]) == 'replicas: 3'",
    "'%s'.format([[1, 'a']]) == '[1, \"a\"]'",
    'object.metadata.name.matches(object.metadata.name)',
  ])('accepts %s', (expression) => {
    expect(cel(expression, { object: { metadata: { name: 'web' } } })).toBe(true);
  });
});
