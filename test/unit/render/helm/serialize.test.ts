/**
 * toYaml, toJson, fromYaml and kin: exact outputs for the facts that make
 * Helm's output what it is (measured with Helm 4.1.4; the differential tests
 * in serialize-helm.test.ts check hundreds more against the binary itself).
 */
import { describe, expect, it } from 'vitest';
import { GoArgumentError } from '../../../../src/render/helm/functions/args.js';
import { DESERIALIZE_FUNCTIONS } from '../../../../src/render/helm/functions/deserialize.js';
import { SERIALIZE_FUNCTIONS } from '../../../../src/render/helm/functions/serialize.js';
import type { GoValue } from '../../../../src/render/helm/go-values.js';

const call = (name: string, ...args: GoValue[]): GoValue => {
  const fn = SERIALIZE_FUNCTIONS[name] ?? DESERIALIZE_FUNCTIONS[name];
  if (!fn) throw new Error(`no function ${name}`);
  return fn(...args);
};
const toYaml = (value: GoValue) => call('toYaml', value);
const words = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');

describe('toYaml', () => {
  it.each<[string, GoValue, string]>([
    ['a float64 with an integral value, which goes through JSON', 1000000, '1000000'],
    ['a float64 that is not integral, in Go %g form', 1234567.5, '1.2345675e+06'],
    ['an integral float64 beyond uint64', 1e20, '1e+20'],
    ['an integral float64 within uint64', 1e19, '10000000000000000000'],
    ['a small float64', 0.000001, '1e-06'],
    ['negative zero', -0, '0'],
    ['an int', 42n, '42'],
    ['nil', null, 'null'],
    ['an empty map', {}, '{}'],
    ['an empty list', [], '[]'],
    ['bytes, as base64', new Uint8Array([104, 105]), 'aGk='],
  ])('prints %s', (_, value, expected) => {
    expect(toYaml(value)).toBe(expected);
  });

  it.each([
    ['yes', '"yes"'],
    ['on', '"on"'],
    ['0123', '"0123"'],
    ['1e3', '"1e3"'],
    ['null', '"null"'],
    ['~', '"~"'],
    ['', '""'],
    ['true', '"true"'],
    ['12:30', '"12:30"'],
    ['2001-12-14', '"2001-12-14"'],
    ['a: b', "'a: b'"],
    ['-x', '-x'],
    ['- x', "'- x'"],
    ['x #y', "'x #y'"],
    ['<<', '<<'],
    ['a\tb', '"a\\tb"'],
    ['😀 x', '"\\U0001F600 x"'],
    ['\ufeffa b', '"\\uFEFF\\x61\\x20\\x62"'],
    ['é', 'é'],
  ])('quotes the string %j as %s', (text, expected) => {
    expect(toYaml(text)).toBe(expected);
  });

  it('sorts keys in go-yaml natural order: numbers by value, non-letters before letters, upper case before lower', () => {
    const value = { '10': 1, '9': 2, B: 3, a: 4, _x: 5, a1: 6, a01: 7, a001: 8 };
    expect(toYaml(value)).toBe('_x: 5\n"9": 2\n"10": 1\nB: 3\na: 4\na1: 6\na01: 7\na001: 8');
  });

  it('writes nested lists at their key column and maps in lists after the dash', () => {
    const value = { k: [1, { z: 'a\nb' }], m: { n: ['x'] }, e: [], nul: null, l: [[1, 2], []] };
    expect(toYaml(value)).toBe(
      'e: []\nk:\n- 1\n- z: |-\n    a\n    b\nl:\n- - 1\n  - 2\n- []\nm:\n  "n":\n  - x\nnul: null',
    );
  });

  it('folds plain, single- and double-quoted scalars at the first space past column 80', () => {
    expect(toYaml({ key: words(30) })).toBe(
      'key: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n' +
        '  word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24\n' +
        '  word25 word26 word27 word28 word29',
    );
    expect(toYaml({ key: `a: ${words(14)}` })).toBe(
      "key: 'a: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n  word12 word13'",
    );
    expect(toYaml([`yes ${words(14)}\t`])).toBe(
      '- "yes word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n  word13\\t"',
    );
  });

  it('chooses the literal chomping from the trailing line breaks, with an indent hint for a leading space', () => {
    expect(toYaml('a\nb')).toBe('|-\n  a\n  b');
    expect(toYaml('a\n')).toBe('|\n  a');
    expect(toYaml('a\n\n')).toBe('|+\n  a\n');
    expect(toYaml(' a\nb')).toBe('|2-\n   a\n  b');
    expect(toYaml('a \nb')).toBe('"a \\nb"');
  });

  it('writes a key of more than 128 bytes or several lines as a complex key', () => {
    expect(toYaml({ ['k'.repeat(129)]: 1 })).toBe(`? ${'k'.repeat(129)}\n: 1`);
    expect(toYaml({ 'a\nb': 1 })).toBe('? |-\n  a\n  b\n: 1');
  });

  it('gives nothing where Go refuses the value, and mustToYaml gives the reason', () => {
    expect(toYaml(Number.NaN)).toBe('');
    expect(() => call('mustToYaml', Number.POSITIVE_INFINITY)).toThrow(
      'error marshaling into JSON: json: unsupported value: +Inf',
    );
    expect(() => call('mustToYaml', 'a\u007fb')).toThrow('yaml: control characters are not allowed');
    expect(() => call('mustToYaml', { 'a\u0085b': 1 })).toThrow("yaml: line 1: did not find expected ',' or '}'");
  });

  it('checks its argument count as text/template does', () => {
    expect(() => call('toYaml')).toThrow('wrong number of args for toYaml: want 1 got 0');
  });
});

describe('toYamlPretty', () => {
  it('indents lists under their key, keeps %g floats and long lines, and quotes old booleans', () => {
    const value = { k: [1, { a: 'x' }], big: 1000000, s: 'n', long: words(30) };
    expect(call('toYamlPretty', value)).toBe(`big: 1e+06\nk:\n  - 1\n  - a: x\nlong: ${words(30)}\ns: "n"`);
  });
});

describe('toJson and kin', () => {
  it.each<[string, GoValue, string]>([
    ['toJson', { '10': 1, '9': 2, B: 3, a: 4 }, '{"10":1,"9":2,"B":3,"a":4}'],
    ['toJson', '<a&b>', '"\\u003ca\\u0026b\\u003e"'],
    ['toRawJson', '<a&b>', '"<a&b>"'],
    ['toJson', '\b\f\u0001\u2028', '"\\b\\f\\u0001\\u2028"'],
    ['toJson', [1e21, 1e-7, 123456789, -0, 0.5], '[1e+21,1e-7,123456789,-0,0.5]'],
    ['toJson', new Uint8Array([255]), '"/w=="'],
    [
      'toPrettyJson',
      { a: [1, { b: 2 }], c: {}, d: [] },
      '{\n  "a": [\n    1,\n    {\n      "b": 2\n    }\n  ],\n  "c": {},\n  "d": []\n}',
    ],
    ['toJson', Number.NaN, ''],
  ])('%s of %j is %s', (name, value, expected) => {
    expect(call(name, value)).toBe(expected);
  });

  it('fails where Sprig panics or a must function is used', () => {
    expect(() => call('toRawJson', Number.NaN)).toThrow('json: unsupported value: NaN');
    expect(() => call('mustToJson', Number.NEGATIVE_INFINITY)).toThrow('json: unsupported value: -Inf');
  });
});

describe('fromYaml and fromJson', () => {
  it('reads YAML 1.1 as go-yaml v2 does, every number a float64', () => {
    expect(call('fromYaml', 'a: 1\nb: yes\nc: 0x10\nd: ~\ne: 2001-12-14\n1.5: y\nn: 010')).toEqual({
      a: 1,
      b: true,
      c: 16,
      d: null,
      e: '2001-12-14',
      '1.5': true,
      false: 8,
    });
  });

  it.each<[string, string, GoValue]>([
    [
      'fromYaml',
      '- a',
      {
        Error:
          'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}',
      },
    ],
    ['fromYaml', 'a: [1', { Error: "error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'" }],
    [
      'fromYaml',
      'a: b: c',
      { Error: 'error converting YAML to JSON: yaml: mapping values are not allowed in this context' },
    ],
    [
      'fromYaml',
      'a: 1\n  b: 2',
      { Error: 'error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context' },
    ],
    ['fromYaml', 'a: *x', { Error: "error converting YAML to JSON: yaml: unknown anchor 'x' referenced" }],
    ['fromYaml', 'a: .inf', { Error: 'error converting YAML to JSON: json: unsupported value: +Inf' }],
    ['fromYaml', '', {}],
    [
      'fromYamlArray',
      'a: 1',
      [
        'error unmarshaling JSON: while decoding JSON: json: cannot unmarshal object into Go value of type []interface {}',
      ],
    ],
    ['fromYamlArray', '', []],
    ['fromJson', '{"a": 1,}', { Error: "invalid character '}' looking for beginning of object key string" }],
    ['fromJson', 'é', { Error: "invalid character 'Ã' looking for beginning of value" }],
    ['fromJson', '', { Error: 'unexpected end of JSON input' }],
    ['fromJson', '{"a": tru}', { Error: "invalid character '}' in literal true (expecting 'e')" }],
    [
      'fromJson',
      '{"a": 1e400}',
      { a: null, Error: 'json: cannot unmarshal number 1e400 into Go value of type float64' },
    ],
    ['fromJson', 'null', null],
    ['fromJsonArray', '{}', ['json: cannot unmarshal object into Go value of type []interface {}']],
    ['fromJsonArray', 'null', null],
    ['mustFromJson', '[1, "x", null]', [1, 'x', null]],
  ])('%s of %j gives %j', (name, text, expected) => {
    expect(call(name, text)).toEqual(expected);
  });

  it('takes only a string, as the Go function does', () => {
    expect(() => call('fromYaml', 1)).toThrow('wrong type for value; expected string; got float64');
    expect(() => call('fromYaml', null)).toThrow('wrong type for value; expected string; got interface {}');
    expect(() => call('fromYaml', 1)).toThrow(GoArgumentError);
    expect(() => call('mustFromJson', '{')).toThrow('unexpected end of JSON input');
  });
});
