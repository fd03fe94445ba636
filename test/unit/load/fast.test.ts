import { LineCounter, parseAllDocuments } from 'yaml';
import { decodeDocument, YAML_PARSE_OPTIONS } from '../../../src/load/kube-yaml/decode.js';
import { describe, expect, it } from 'vitest';
import { createEventRanges } from '../../../src/load/event-locator.js';
import { loadFast } from '../../../src/load/fast.js';
import { createYamlLocator, toSourceRange } from '../../../src/load/locator.js';
import type { ObjectPath } from '../../../src/model/types.js';

/** What the simple path makes of the text: the values of its documents, from `yaml`'s trees. */
function yamlValues(text: string): unknown[] {
  return parseAllDocuments(text, YAML_PARSE_OPTIONS).map((document) => decodeDocument(document).value);
}

function fastValues(text: string): unknown[] | undefined {
  return loadFast(text)
    ?.filter((document) => document.hasDocument)
    .map((document) => document.value);
}

const AGREED = {
  'YAML 1.1 scalars': [
    'a: [null, Null, NULL, ~, true, False, 0o17, 0x1F, -12, +3, 0012, 1.50, .5, 1e3, -0, .5_0, 1e400]',
    'b: [yes, no, on, off, y, n, 2024-01-01, 0b101, 1_000, 0o8, 0x, 1:20, .Infinity, 12e, "3", 018]',
    'c: [Yes, NO, On, OFF, Y, N, "yes", \'no\', 9223372036854775808, 0x1FFFFFFFFFFFFFFFF]',
  ].join('\n'),
  'several documents, empty ones and comments': '# head\n---\na: 1\n---\n---\n# only a comment\n---\n- x\n---\nz\n',
  'block scalars and folded plain scalars':
    'a: |\n  one\n   two\n\nb: >-\n  folded\n  text\n\nc: plain\n  on two lines\n',
  'quoted scalars with escapes': `a: "tab\\t \\u00e9 \\x41 \\/ end"\nb: 'it''s'\nc: "line\n  folded"\n`,
  JSON: '{\n  "apiVersion": "v1",\n  "kind": "ConfigMap",\n  "data": {"a": "1", "b": [1, 2.5, true, null]}\n}\n',
  'a dash line inside a block scalar ends the document': 'a: |\n  text\n---\nb: 2\n',
};

describe('the fast load path', () => {
  it.each(Object.entries(AGREED))('loads %s as yaml does', (_, text) => {
    expect(fastValues(text)).toEqual(yamlValues(text));
  });

  it('leaves a value that JSON cannot hold (infinity, NaN) to the simple path, which reports it', () => {
    for (const text of ['a: .inf', 'a: [1, -.Inf]', 'a: .NaN']) expect(loadFast(text)).toBeUndefined();
  });

  it('leaves keys that are not strings to Kubernetes (yes, 1, 1.5) to the simple path', () => {
    for (const text of ['yes: 1', 'a: {1: x}', 'a:\n  1.5: x', 'a: {y: 1}']) expect(loadFast(text)).toBeUndefined();
    expect(fastValues('a: {ye: 1, "yes": 2}')).toEqual([{ a: { ye: 1, yes: 2 } }]);
  });

  it('keeps each document with its own stretch of a long file, whose documents it parses in groups', () => {
    const documents = Array.from({ length: 200 }, (_, index) => `---\nindex: ${index}\n${index % 3 ? '' : '# note\n'}`);
    for (const head of ['', '# a header before the first dash line\n', 'first: document\n']) {
      const text = head + documents.join('');
      const loaded = loadFast(text) ?? [];
      expect(fastValues(text)).toEqual(yamlValues(text));
      const withDocument = loaded.filter((document) => document.hasDocument);
      expect(withDocument).toHaveLength(head.startsWith('first') ? 201 : 200);
      for (const { chunk, value } of withDocument) {
        expect(text.slice(chunk.start, chunk.end)).toContain(
          Object.values(value as object)[0] === 'document' ? 'first' : `index: ${(value as { index: number }).index}\n`,
        );
      }
      expect(loaded[0]?.hasDocument).toBe(!head.startsWith('#'));
    }
  });

  it('leaves a file to the simple path for a problem in any of its documents, not only the first ones', () => {
    const documents = Array.from({ length: 150 }, (_, index) => `---\nindex: ${index}\n`);
    documents[140] = '---\na: &x 1\nb: *x\n';
    expect(loadFast(documents.join(''))).toBeUndefined();
  });

  it.each([
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a non-specific tag', 'a: ! 1\n'],
    ['a directive', '%YAML 1.1\n---\na: yes\n'],
    ['a merge key', 'a: {x: 1}\n<<: {y: 2}\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a number as a key', '1: a\n'],
    ['a null key', '? \n: a\n'],
    ['__proto__', '__proto__: a\n'],
    ['a long key', `${'k'.repeat(101)}: a\n`],
    ['a tab', 'a:\tb\n'],
    ['a carriage return', 'a: b\r\n'],
    ['a byte-order mark', '\ufeffa: b\n'],
    ['a flow collection across lines in a block', 'a: [\n  1, 2\n]\n'],
    ['a comment glued to a quoted scalar', 'a: "b"#c\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['a syntax error', 'a: "open\n'],
  ])('leaves a file with %s to the simple path', (_, text) => {
    expect(loadFast(text)).toBeUndefined();
  });
});

/** Every path into the value, and one missing key or index below each collection. */
function* pathsOf(value: unknown, prefix: ObjectPath = []): Generator<ObjectPath> {
  yield prefix;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* pathsOf(item, [...prefix, index]);
    yield [...prefix, value.length];
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) yield* pathsOf(item, [...prefix, key]);
    yield [...prefix, 'missing'];
  }
}

describe('ranges from js-yaml events', () => {
  const text = [
    'apiVersion: apps/v1 # trailing comment',
    'kind: Deployment',
    'metadata:',
    '  name: "web"',
    "  labels: {app: web, 'tier': front}   # flow",
    'spec:',
    '  replicas: 2',
    '  template:',
    '    spec:',
    '      containers:',
    '      - name: web',
    '        image: nginx:1.25',
    '        args: ["--port", "80" , x]',
    '        env:',
    '        - {name: A, value: "1"}',
    '        command:',
    '          - sh',
    '      volumes: []',
    '  script: |',
    '    echo hi',
    '  empty:',
    '  last: value',
    '',
    '',
  ].join('\n');

  it('are the ranges yaml gives, or unknown', () => {
    const lineCounter = new LineCounter();
    const [document] = parseAllDocuments(text, { lineCounter });
    if (!document) throw new Error('no document');
    const expected = createYamlLocator(document, lineCounter);
    const ranges = createEventRanges(text);
    let known = 0;
    for (const path of pathsOf(document.toJS())) {
      const range = ranges?.(path);
      if (!range) continue;
      known++;
      expect(toSourceRange(range, lineCounter), JSON.stringify(path)).toEqual(expected.locate(path));
    }
    expect(known).toBeGreaterThan(30);
  });
});
