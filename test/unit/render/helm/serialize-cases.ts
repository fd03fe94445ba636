/**
 * Cases for the differential tests of the YAML and JSON functions against the
 * real Helm: each a value (YAML text for values.yaml) and the function
 * applied to it. Values are written as flow YAML with every string
 * double-quoted and every character outside printable ASCII escaped, so that
 * Helm reads exactly the string meant.
 */
import { SCALAR_TEXTS } from '../../../helpers/yaml-cases.js';

/** YAML text standing for itself (a number written a particular way, a block node). */
export class Raw {
  constructor(readonly text: string) {}
}

export type CaseValue = null | boolean | number | string | Raw | CaseValue[] | { [key: string]: CaseValue };

/** A string as a YAML double-quoted scalar that any YAML reader reads back exactly. */
export function quoted(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (code >= 0x20 && code <= 0x7e) out += char;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** A case value as flow YAML. */
export function flow(value: CaseValue): string {
  if (value instanceof Raw) return value.text;
  if (value === null) return 'null';
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([key, item]) => `${quoted(key)}: ${flow(item)}`)
    .join(', ')}}`;
}

const words = (count: number, word = 'word') =>
  Array.from({ length: count }, (_, index) => `${word}${index}`).join(' ');

/** Strings of every quoting class go-yaml knows, and near misses. */
const QUOTING: string[] = [
  ...SCALAR_TEXTS,
  ...'-x,- x,-,--,?x,? x,?,:x,x:,x: y,x:y,x #y,x#y,#x,@x,`x,%x,!x,&x,*x,|x,>x,"x,x",\'x,x\',[x,x],x,y,{x,x}'.split(','),
  ...'---,--- x,...,.... x,x ,  x,~,<<,=,0x,1e,e3,x y,a: b,a:b,a :b,http://x.y/z?q=1#f,C:\\dir,a\\b'.split(','),
  ...'true,False,YES,nO,On,oFF,Y,n,NULL,nulL,0,-0,+0,007,08,0o7,0b1,0x1f,1_0,1e3,1E-3,.5,+.5,-.5,1.,.,..'.split(','),
  ...'12:30,1:2:3,-1:30,+1:30,60:60,12:30.5,1:60,2001-12-14,2001-1-2,2001-13-01,2001-02-30,2001-12-14T1:2:3Z'.split(
    ',',
  ),
  ...'2001-12-14 1:2:3,2001-12-14 1:2:3.5,2001-12-14t1:2:3+01:00,2001-12-14T1:2:3,20011-12-14,2001-12-14x'.split(','),
  '',
  ' ',
  '\t',
  'a\tb',
  'a\u00a0b',
  '\u00a0',
  'a\u200bb',
  'é',
  '日本語テキスト',
  'emoji 😀 here',
  'Ω≈ç√∫',
  '\ufeffbom',
  'a\u2028b',
  'a\u2029b',
  'a\u0085b',
  'a \u0085 b',
  'a\u0085\u0085b',
  'a\u0001b',
  'a\u001bb',
  'a\u007fb',
  'a\u0080b',
  'a\ufffeb',
  '"double" and \'single\'',
  "it's",
  '\\',
  'a\\nb',
];

/** Long strings around the fold width, and how the column they start at moves the fold. */
function foldCases(): CaseValue[] {
  const cases: CaseValue[] = [];
  for (let length = 76; length <= 86; length++) cases.push(`${'x'.repeat(length - 6)} yyyyy`);
  for (const count of [13, 14, 15, 16, 30]) cases.push(words(count));
  cases.push({ key: words(20) }, { k: { k: { k: words(20) } } }, [words(20)], [[{ k: words(20) }]]);
  cases.push(`${'a'.repeat(90)} ${'b'.repeat(90)}  ${'c'.repeat(10)}`, `x  ${words(20)}`, `${words(14)}  y`);
  cases.push(`yes ${words(20)}`, `${words(20)}\t`, `a: ${words(20)}`, `'${words(20)}'`, `😀 ${words(20)}`);
  cases.push(
    `${'x'.repeat(79)}  ${'y'.repeat(5)}`,
    `${words(12)}   ${words(12)}`,
    `${'é'.repeat(79)} ${'è'.repeat(5)}`,
  );
  cases.push({ [words(20)]: 1 }, { [`${'k'.repeat(128)}`]: 1 }, { [`${'k'.repeat(129)}`]: 1 }, { ['é'.repeat(65)]: 1 });
  cases.push({ [`${words(30)}`]: words(30) }, { 'a\nb': 'c' }, { 'a\u0085b': 1, 'a b': 2 });
  // Deep enough that every space is past column 80, and keys that need quotes of either kind.
  const deep = (depth: number, leaf: CaseValue): CaseValue => (depth === 0 ? leaf : { k: deep(depth - 1, leaf) });
  cases.push(
    deep(42, words(6)),
    deep(42, [words(3), 'a\nb\n', { 'x y': 'c: d' }]),
    deep(20, { ['q'.repeat(130)]: words(3) }),
  );
  cases.push({ 'a: b': 1, '#c': 2, 'd #e': 3, '- f': 4, "it's": 5, '"q"': 6, '': 7, ' ': 8, '@x': 9, '%': 10 });
  // go-yaml reads the JSON's keys as simple keys, which may not exceed 1024 characters with their quotes.
  // (Written in block style: in values.yaml's own flow style such keys would be too long already.)
  const block = (key: string) => new Raw(`${key}: 1\nz: 2`);
  cases.push(block('k'.repeat(1022)), block('k'.repeat(1023)), block('<'.repeat(170)), block('<'.repeat(171)));
  cases.push({ a: 'x\u0085y', b: { 'c\u0085d': 1 } }, ['a\u0085b', { 'a\u0085b': 1 }]);
  return cases;
}

/** Multi-line strings: every chomping, leading and trailing spaces, and what forbids a literal. */
const MULTILINE: string[] = [
  'a\nb',
  'a\nb\n',
  'a\nb\n\n',
  'a\nb\n\n\n',
  '\na',
  '\n\na\n',
  '\n',
  '\n\n',
  ' a\nb',
  '  a\n b\n',
  'a\n b',
  'a \nb',
  'a\nb ',
  'a\n\nb',
  'a\r\nb',
  'a\tb\nc',
  'tab\n\tindented',
  '# not a comment\n- not a list\nkey: not a map',
  'é\n😀\n',
  `${words(30)}\n${words(30)}`,
  'line\u2028two\nthree',
  '---\n...\n',
  'trailing spaces  \nx',
  'x\n  ',
];

/** Numbers as values.yaml writes them, which Helm decodes to float64 through JSON. */
const NUMBERS: string[] = [
  ...'0 -0 1 -1 1.5 -1.5 0.1 0.5 1.0 100 100000 999999 1000000 1e6 1000001 1234567 12345678 123456789'.split(' '),
  ...'1e20 1e21 1e22 1e19 1.5e19 9007199254740992 9007199254740993 9223372036854775807 18446744073709551615'.split(' '),
  ...'1e-4 1e-5 0.000001 1e-6 1e-7 1.5e-7 2.5e-10 5e-324 1.7976931348623157e308 3.14159265358979 -0.0'.split(' '),
  ...'0x10 0o17 017 0b101 1_000 .5 +1 1e+300 123456.5 1234567.5 -1234567.5 0.1e1 6.02e23 1e15 1e16 1e17'.split(' '),
];

/** Maps whose key order tells go-yaml's sort from a byte sort. */
const KEY_SETS: string[][] = [
  ['10', '9', 'B', 'a', '_x', 'a1', 'a01', 'a001', 'A', 'b', 'Z'],
  // Not with both x10 and x1a: go-yaml's order is not transitive there (x1a < x2 < x10 < x1a), so Helm's own output varies.
  ['x10', 'x9', 'x2', 'x02', 'x002', 'x1', 'x'],
  ['x1a', 'x1-', 'xa', 'x-', 'x1', 'x'],
  ['é', 'e', 'z', 'É', 'ω', '日', '1', '-', '.', ' ', '~'],
  ['a-b', 'a_b', 'a.b', 'a b', 'ab', 'a0', 'a/b', 'A-B'],
  ['v1.10', 'v1.9', 'v1.2.3', 'v1.2.10', 'v10', 'v01', 'v001'],
  ['00', '0', '000', '01', '1', '001', '10', '010'],
  ['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null', '~', ''],
  ['12345678901234567890', '99999999999999999999', '1', 'a12345678901234567890b', 'a99999999999999999999b'],
];

/** Nested structures, nulls and empty collections. */
const NESTED: CaseValue[] = [
  null,
  {},
  [],
  { a: null, b: {}, c: [], d: [null], e: [{}], f: [[]], g: { h: null } },
  [1, 'two', 3.5, true, null, [], {}],
  [[1, 2], [3, [4, [5]]], [[]]],
  [
    { a: 1, b: 2 },
    { c: [1, 2], d: { e: 'f' } },
  ],
  { list: [{ name: 'x', ports: [{ port: 80 }, { port: 443 }] }], map: { nested: { deeper: ['a', 'b'] } } },
  { multi: 'a\nb', inList: ['a\nb\n', ' lead\nx'], deep: { deeper: { text: 'l1\nl2\n' } } },
  [{ 'a\nb': 'c\nd' }],
  { resources: { limits: { cpu: '100m', memory: '128Mi' }, requests: { cpu: 0.5, memory: 1e9 } } },
  { annotations: { 'helm.sh/hook': 'pre-install', 'x.io/y': 'true', n: 'n' } },
  [[[[['deep']]]]],
  { a: [{ b: [{ c: [{ d: 'e' }] }] }] },
  {
    env: [
      { name: 'A', value: '1' },
      { name: 'B', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
    ],
  },
];

export interface SerializeCase {
  value: string;
  /** The function applied (`toYaml`), or a pipeline of two (`fromYaml|toJson`). */
  functions: string;
}

function each(values: readonly CaseValue[], functions: string[]): SerializeCase[] {
  return values.flatMap((value) => functions.map((name) => ({ value: flow(value), functions: name })));
}

/** YAML texts for fromYaml: documents of every shape, YAML 1.1 scalars, and broken ones. */
const YAML_TEXTS: string[] = [
  'a: 1\nb: 2.5\nc: yes\nd: 0x10\ne: ~\nf: 2001-12-14\n9007199254740993: x\n1.5: y\ntrue: z',
  'a:\n  - 1\n  - b: [1, 2, {c: d}]\n',
  'key: |\n  literal\n  text\nfolded: >\n  folded\n  text\n',
  'a: &x {b: 1}\nc: *x\nd:\n  <<: *x\n  e: 2',
  'a: 1\na: 2',
  '',
  'null',
  '# only a comment',
  '- a\n- b',
  'x',
  'a: b\n---\nc: d',
  'n: 1\ny: 2\non: 3\noff: 4',
  '0o17: a\n017: b\n1e3: c\n.5: d',
  'a: 1e400',
  'a: .inf',
  '~: 1',
  'a: [1',
  'a: {b: 1',
  'a:\n  b: 1\n c: 2',
  'a: b: c',
  '- a\nb: 1',
  'a: "x',
  "a: 'x",
  'a: *nope',
  '\tb: 1',
  'a:\n\t- 1',
  'a: 1\n  b: 2',
  '[1, 2',
  '{a: 1, b}',
  'a: @x',
  'a: !!int x',
  'a: 1\n- b',
  'a:\n  - 1\n  b: 2',
  'x: "\\q"',
  'big: 123456789012345678901234567890\nneg: -9223372036854775809\nhex: 0xFFFFFFFFFFFFFFFF',
  'a: !!binary aGVsbG8=\nb: !!str 1\nc: !!float 1',
  "a: \"\\u00e9\\U0001F600\"\nb: 'it''s'",
  '%FOO bar\n---\na: 1',
  '%YAML 1.1\n---\na: 1',
  'a:\tb\nc: d\t\n-\t: x',
  '---\n---\na: 1',
  'a: |\n  x\n   y\n  z\nb: >-\n  p\n\n  q',
  '? [a, b]\n: c',
  'a: {b: [c, {d: e}]}',
];

const JSON_TEXTS: string[] = [
  '{"a": 1, "b": [true, null, "x"], "c": {"d": 1.5e300}}',
  '{"a": 1e400}',
  '{"a": 1,}',
  '[1,2]',
  '',
  '   ',
  '{"a": tru}',
  '{"a": "\\ud800x", "b": 12345678901234567890}',
  '{"a": 1} x',
  'é',
  'null',
  '"str"',
  '3',
  'true',
  '{"a": 1, "a": 2}',
  '{"a": "\\u00e9\\ud83d\\ude00\\n\\t\\/"}',
  '{"a" 1}',
  '{"a": 01}',
  '{"a": 1.}',
  '{"a": 1e}',
  '{"a": -}',
  '{"a": "x\ty"}',
  '{"a": "\\x"}',
  '{"a": "\\u12G4"}',
  '{a: 1}',
  '[1 2]',
  '{"a": [1, {"b": null}]}',
  '[]',
  '{}',
  '{"a":',
];

/** Every serialization case. */
export function serializeCases(): SerializeCase[] {
  const strings = QUOTING.map((text) => quoted(text));
  return [
    ...strings.map((value) => ({ value, functions: 'toYaml' })),
    ...QUOTING.slice(-40).map((text) => ({ value: flow({ [text]: text }), functions: 'toYaml' })),
    ...each(foldCases(), ['toYaml']),
    ...each(MULTILINE, ['toYaml']),
    ...each(
      MULTILINE.slice(0, 8).map((text) => ({ k: text, l: [text] })),
      ['toYaml'],
    ),
    ...NUMBERS.flatMap((text) => [
      { value: text, functions: 'toYaml' },
      { value: text, functions: 'toJson' },
    ]),
    ...KEY_SETS.flatMap((keys) => {
      const value = flow(Object.fromEntries(keys.map((key, index) => [key, index])));
      return ['toYaml', 'toJson'].map((functions) => ({ value, functions }));
    }),
    ...each(NESTED, ['toYaml', 'toJson', 'toPrettyJson']),
    ...each(
      ['<a href="x">&amp;</a>', '\u2028\u2029', 'a\u0000b\u001f', 'é😀', '\b\f\n\r\t', 'a\u007fb'],
      ['toJson', 'toRawJson', 'toPrettyJson'],
    ),
    ...each([{ '<k>': ['&'] }], ['toRawJson', 'toPrettyJson']),
    ...YAML_TEXTS.map((text) => ({ value: quoted(text), functions: 'fromYaml|toJson' })),
    ...['- a\n- b: 1', 'a: 1', '', 'x', '- [1, 2]\n- {a: b}'].map((text) => ({
      value: quoted(text),
      functions: 'fromYamlArray|toJson',
    })),
    ...JSON_TEXTS.map((text) => ({ value: quoted(text), functions: 'fromJson|toJson' })),
    ...['{"a": 1}', 'null', '[1, "x", {"a": null}]', '[1,', '3'].map((text) => ({
      value: quoted(text),
      functions: 'fromJsonArray|toJson',
    })),
    ...NESTED.slice(3, 9).map((value) => ({ value: flow(value), functions: 'toYaml|fromYaml|toJson' })),
    ...each([...NESTED, ...MULTILINE.slice(0, 12), ...foldCases().slice(0, 6)], ['toYamlPretty']),
    ...QUOTING.filter((_, index) => index % 3 === 0).map((text) => ({
      value: quoted(text),
      functions: 'toYamlPretty',
    })),
    ...NUMBERS.filter((_, index) => index % 2 === 0).map((text) => ({ value: text, functions: 'toYamlPretty' })),
  ];
}
