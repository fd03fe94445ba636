/**
 * A generated corpus of YAML cases on which k8s-bp must read what Kubernetes
 * reads: every kind of scalar go-yaml resolves (and near misses), plain and
 * quoted, in keys and values, in block and flow style; explicit tags; merge
 * keys and aliases; duplicate keys; and the syntax go-yaml tolerates. Each
 * case is a ConfigMap-shaped document, so that kubectl decodes it offline.
 */

/** Scalar texts, each tried in every place a scalar can stand. */
export const SCALAR_TEXTS: readonly string[] = [
  // Booleans in every casing go-yaml knows, and casings it does not.
  ...'y Y yes Yes YES n N no No NO on On ON off Off OFF true True TRUE false False FALSE'.split(' '),
  ...'yEs tRUE oN nO Off. yes!'.split(' '),
  // Nulls (as values; a null key is refused, see REFUSED).
  '~',
  'null',
  'Null',
  'NULL',
  'nULL',
  // Integers in every base and sign, with underscores, and at the edges of 64 bits.
  ...'0 -0 +0 12 +12 -12 0644 -0644 +0644 0o644 0O644 0x1F 0X1f -0x1F +0x1F 0b101 0B101 -0b101'.split(' '),
  ...'1_000 0x_1F 1__0 _1 1_ 08 09 0o8 0x 0o 0b 007 0b2 0xG'.split(' '),
  '9223372036854775807',
  '-9223372036854775808',
  '9223372036854775808',
  '-9223372036854775809',
  '18446744073709551615',
  '18446744073709551616',
  '0xFFFFFFFFFFFFFFFF',
  '0x1FFFFFFFFFFFFFFFF',
  '0777777777777777777777777',
  '123456789012345678901234',
  // Floats, and what is not one.
  ...'1.5 -1.5 +1.5 .5 -.5 +.5 1. 0. 1.e5 1e3 1E3 1e-3 1.5e+3 .5e3 1_000.5 1.5_0 .5_0 0.1 3.14159265358979'.split(' '),
  ...'6.8523015e+5 685.230_15e+03 1e400 -1e400 .5e999 1e-400 1.0 100000.0 1e6 1234567.0 0.0001 0.00001'.split(' '),
  ...'.infinity inf -inf +inf nan .Nan +.Nan 1e 1.2.3 1-2 1,5'.split(' '),
  // Sexagesimal numbers are strings to go-yaml; timestamps stay as written.
  '1:30',
  '190:20:30.15',
  '2001-12-14',
  '2001-12-14t21:59:43.10-05:00',
  '2001-12-14T21:59:43Z',
  '2001-12-14 21:59:43.10',
  '2001-12-14 21:59:43.10 -5',
  '2001-1-2',
  // Other plain text.
  ...'= . + .. ~x $1 a e3 0.0.0.0 1Gi 100m v1 0644a'.split(' '),
];

/** Texts that cannot stand as plain keys without being refused, or that mean something else as keys. */
const NOT_KEYS = new Set([
  '~',
  'null',
  'Null',
  'NULL',
  '18446744073709551615',
  '9223372036854775808',
  '0xFFFFFFFFFFFFFFFF',
]);

/** Explicitly tagged scalars (as values) that Kubernetes accepts. */
export const TAGGED: readonly string[] = [
  '!!str 12',
  '!!str yes',
  '!!str ~',
  '!!str 0644',
  '!!int "12"',
  '!!int 0644',
  "!!int '0x1F'",
  '!!float 1',
  '!!float "1.5"',
  '!!float 0644',
  '!!bool "yes"',
  '!!bool off',
  '!!null ""',
  '!!null null',
  '!!binary aGVsbG8=',
  '! 12',
  '! yes',
  '!foo 12',
  '!foo yes',
  '!Ref name',
  '!!timestamp 2001-12-14',
  '!<tag:yaml.org,2002:int> "7"',
  '!!map {a: 1}',
  '!!seq [1, yes]',
  '!custom {a: yes}',
  '!!str |\n    yes',
];

/** Cases on anchors, aliases and merge keys that Kubernetes accepts. */
export const MERGES: readonly string[] = [
  // A merge key replaces the keys before it; the keys after it replace its own.
  'base: &base {a: 1, b: 2}\nbefore: {a: 0, <<: *base}\nafter: {<<: *base, a: 3}',
  // In a list of mappings to merge, the first one wins.
  'one: &one {a: 1, b: 1}\ntwo: &two {a: 2, c: 2}\nboth: {<<: [*one, *two], d: 4}\nreverse: {<<: [*two, *one]}',
  // Merges within merged mappings, and inline mappings to merge.
  'inner: &inner {a: 1}\nouter: &outer {<<: *inner, b: 2}\nmerged:\n  <<: *outer\n  c: 3\ninline:\n  <<: {x: 1, y: yes}\n  z: 0644',
  'list:\n  <<:\n  - {a: 1}\n  - {a: 2, b: 2}',
  // A quoted "<<" is an ordinary key; an explicit !!merge is a merge.
  'base: &base {a: 1}\nquoted: {"<<": x}\ntagged: {!!merge <<: *base}',
  // Aliases of scalars keep their resolved value, as values and as keys.
  'n: &n 0644\nb: &b yes\nuse: [*n, *b]\nkeyed: {*b : 1, *n : 2}',
  // A container that inherits from another, as manifests write it.
  'containers:\n- &web\n  name: web\n  resources: {limits: {cpu: 1}}\n  securityContext: {privileged: Yes}\n- <<: *web\n  name: sidecar',
  // A merge key written in block style, and a plain "<<" as a value.
  'base: &base\n  a: 1\nmerged:\n  <<: *base\nvalue: <<',
];

/** Keys written twice: the last value counts. */
export const DUPLICATES: readonly string[] = ['dup:\n  a: 1\n  a: 2', 'dup:\n  y: 1\n  yes: 2\n  ON: 3'];

/** Syntax that go-yaml accepts and a strict YAML parser does not. */
export const LENIENT: readonly string[] = [
  // Argo Workflows' examples: a multi-line double-quoted string in a flow sequence, closed at the key's indentation.
  'spec:\n  args: ["\n    cd /src &&\n    make\n  "]\n  after: 1',
  'steps:\n- args: ["\n    one\n    two\n  "]\n  next: yes',
  'spec:\n  map: {a: 1,\n  b: 2}\n  after: 1',
  'spec:\n  list: [x,\ny, "z\n  w"]\n  after: 1',
  // Quoted scalars whose lines are indented no more than their key, as a Kubernetes Dashboard example has it.
  'annotations:\n  init: \'[\n      {"name": "install"}\n  ]\'\n  other: 1',
  'top: "x\ny"\nlist:\n- a: "x\ny # not a comment"\n  b: 1',
  "m:\n  a: 'it''s\n  here'\n  b: [\"q\",\n  'r']\n  c: |\n    [ not a flow\n  d: x",
];

/** Documents Kubernetes refuses to decode, each with the reason kubectl gives. */
export const REFUSED: readonly { name: string; body: string }[] = [
  ...['.inf', '.Inf', '.INF', '+.inf', '-.inf', '-.INF', '.nan', '.NaN', '.NAN'].map((text) => ({
    name: `value ${text}`,
    body: `value: ${text}`,
  })),
  { name: 'infinity in a flow sequence', body: 'value: [1, .inf]' },
  ...['~', 'null', 'Null', 'NULL'].map((text) => ({ name: `key ${text}`, body: `map:\n  ${text}: 1` })),
  { name: 'empty key', body: 'map: {: 1}' },
  { name: 'key above int64', body: 'map:\n  18446744073709551615: 1' },
  { name: 'mapping as a key', body: 'map:\n  ? {a: 1}\n  : 2' },
  { name: 'sequence as a key', body: 'map: {[a]: 1}' },
  { name: 'merge of a scalar', body: 'map:\n  <<: 1' },
  { name: 'merge of a scalar alias', body: 'x: &x 1\nmap:\n  <<: *x' },
  { name: 'merge of a sequence alias', body: 'x: &x [{a: 1}]\nmap:\n  <<: *x' },
  { name: 'merge of a list of scalars', body: 'map:\n  <<: [1]' },
  { name: 'tag that does not fit', body: 'value: !!int abc' },
  { name: 'boolean tag on a number', body: 'value: !!bool 12' },
  { name: 'invalid base64', body: 'value: !!binary "%%%"' },
  { name: 'null tag on text', body: 'value: !!null foo' },
  { name: 'null tag on a number', body: 'value: !!null 12' },
  { name: 'int tag on a quoted word', body: 'value: !!int "yes"' },
];

/** Every place a scalar text is tried, as the document's fields. */
function placements(text: string): string {
  const lines = [
    `plain: ${text}`,
    `single: '${text}'`,
    `double: "${text}"`,
    `flowSeq: [${text}]`,
    `flowMap: {v: ${text}}`,
    `blockSeq:\n- ${text}`,
    `literal: |\n  ${text}`,
    `folded: >-\n  ${text}`,
  ];
  if (!NOT_KEYS.has(text) && text !== '') {
    lines.push(`blockKey:\n  ${text}: 1`, `flowKey: {${text}: 1}`, `quotedKey:\n  '${text}': 1`);
  }
  return lines.join('\n');
}

/** One ConfigMap-shaped document with the given fields. */
export function caseDocument(name: string, body: string): string {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  labels: {keep: "1"}\n${body}\n`;
}

/** The documents Kubernetes accepts: name and text. */
export function acceptedCases(): { name: string; text: string }[] {
  const cases: { name: string; text: string }[] = [];
  const add = (body: string) => {
    const name = `case-${cases.length}`;
    cases.push({ name, text: caseDocument(name, body) });
  };
  for (const text of SCALAR_TEXTS) add(placements(text));
  add('plain:\nsingle: \'\'\ndouble: ""\nflowSeq: [a, ]\nflowMap: {v: }\nblockSeq:\n-\n- ""');
  add(TAGGED.map((tagged, index) => `t${index}: ${tagged}`).join('\n'));
  add(['12', 'yes', '0644', 'y'].map((text, index) => `k${index}: {!!str ${text}: 1}`).join('\n'));
  for (const body of [...MERGES, ...DUPLICATES, ...LENIENT]) add(body);
  return cases;
}
