/**
 * The message `fromYaml` puts under `Error` when the text is not YAML that
 * sigs.k8s.io/yaml can read. Our parser (`yaml`) finds the same faults as
 * go-yaml but words and places them differently, so the common ones are
 * translated, with go-yaml's own way of counting lines: a scanner error
 * names the 1-based line, a parser error the 0-based one, neither names line
 * 0, and the end of text that lacks a final newline counts as the next line.
 */
import { isMap, isPair, isScalar, isSeq, visit, type Document, type YAMLError } from 'yaml';
import { resolveScalar } from '../../../load/kube-yaml/entries.js';

const PREFIX = 'error converting YAML to JSON: yaml: ';

type Stage = 'scanner' | 'parser';

/**
 * Index of the line an offset is on. go-yaml ends a stream with a line break
 * of its own, so a token found at the end of an unterminated last line is on
 * the next one; an error inside a scalar is met before that.
 */
function lineIndex(text: string, offset: number, atStreamEnd: boolean): number {
  const before = text.slice(0, offset);
  const index = before.split('\n').length - 1;
  return atStreamEnd && offset >= text.length && text !== '' && !text.endsWith('\n') ? index + 1 : index;
}

function located(stage: Stage, message: string, text: string, offset: number, atStreamEnd = true): Error {
  const index = lineIndex(text, offset, atStreamEnd);
  const line = stage === 'scanner' ? index + 1 : index;
  return new Error(`${PREFIX}${index === 0 ? '' : `line ${line}: `}${message}`);
}

/** The offset of the `:` that go-yaml finds misplaced, the first one followed by a blank from `from`. */
function nextMappingColon(text: string, from: number): number {
  const match = /:(?=[ \t\n]|$)/.exec(text.slice(from));
  return match ? from + match.index : from;
}

/** Whether the sibling line before `offset` is a sequence entry (`- x`), so go-yaml expected another `-`. */
function inSequence(text: string, offset: number): boolean {
  const lines = text.slice(0, offset).split('\n');
  const previous = lines
    .slice(0, -1)
    .reverse()
    .find((line) => line.trim() !== '');
  return previous !== undefined && /^\s*- /.test(`${previous} `);
}

function fromParseError(error: YAMLError, text: string): Error {
  const offset = error.pos[0];
  const { code, message } = error;
  if (code === 'BLOCK_AS_IMPLICIT_KEY') {
    return located('scanner', 'mapping values are not allowed in this context', text, nextMappingColon(text, offset));
  }
  if (code === 'TAB_AS_INDENT' || code === 'BAD_SCALAR_START') {
    return located('scanner', 'found character that cannot start any token', text, offset);
  }
  if (code === 'BAD_DQ_ESCAPE') return located('scanner', 'found unknown escape character', text, offset);
  if (code === 'MISSING_CHAR' && /closing/.test(message)) {
    return located('scanner', 'found unexpected end of stream', text, offset, false);
  }
  if (code === 'MISSING_CHAR' && /map values/.test(message)) {
    return located('scanner', "could not find expected ':'", text, text.length);
  }
  if (/Flow (?:sequence|map)/.test(message)) {
    const close = /Flow map/.test(message) ? '}' : ']';
    return located('parser', `did not find expected ',' or '${close}'`, text, text.length);
  }
  if (code === 'BAD_INDENT' || code === 'UNEXPECTED_TOKEN' || code === 'MULTILINE_IMPLICIT_KEY') {
    const expected = inSequence(text, offset) ? "'-' indicator" : 'key';
    return located('parser', `did not find expected ${expected}`, text, offset);
  }
  return located('parser', message.split('\n')[0] ?? message, text, offset);
}

/** A decoding failure of src/load/kube-yaml in go-yaml's or sigs.k8s.io/yaml's words. */
function fromDecodeError(message: string): Error {
  const anchor = /unknown anchor "(.*)"/.exec(message);
  if (anchor) return new Error(`${PREFIX}unknown anchor '${anchor[1] ?? ''}' referenced`);
  const tag = /cannot read "(.*)" as (!!\w+)/.exec(message);
  if (tag) return new Error(`${PREFIX}cannot decode !!str \`${tag[1] ?? ''}\` as a ${tag[2] ?? ''}`);
  const notJson = /^(\S+) is read as (NaN|infinity)/.exec(message);
  if (notJson) {
    const value = notJson[2] === 'NaN' ? 'NaN' : notJson[1]?.startsWith('-') ? '-Inf' : '+Inf';
    return new Error(`error converting YAML to JSON: json: unsupported value: ${value}`);
  }
  return new Error(`${PREFIX}${message}`);
}

/** Go's `%#v` of a decoded YAML node (`[]interface {}{"a", 1}`); `nested` spells nil as an element does. */
function goSyntax(node: unknown, nested = false): string {
  if (isMap(node)) {
    const entries = node.items.map((pair) => `${goSyntax(pair.key, true)}:${goSyntax(pair.value, true)}`);
    return `map[interface {}]interface {}{${entries.join(', ')}}`;
  }
  if (isSeq(node)) return `[]interface {}{${node.items.map((item) => goSyntax(item, true)).join(', ')}}`;
  const value = isScalar(node) ? resolveScalar(node).value : null;
  if (value === null) return nested ? 'interface {}(nil)' : '<nil>';
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** The first pair whose key matches, with its key and value nodes. */
function findPair(document: Document, matches: (key: unknown) => boolean): { key: unknown; value: unknown } {
  let found = { key: undefined as unknown, value: undefined as unknown };
  visit(document, {
    Pair(_, pair) {
      if (!isPair(pair) || !matches(pair.key)) return undefined;
      found = { key: pair.key, value: pair.value };
      return visit.BREAK;
    },
  });
  return found;
}

/** sigs.k8s.io/yaml's message for a mapping key that is null (`~: 1`), naming the value it had. */
function nullKeyError(document: Document): Error {
  const { value } = findPair(document, (key) => key === null || (isScalar(key) && resolveScalar(key).value === null));
  return new Error(
    `error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: ${goSyntax(value)}`,
  );
}

/** go-yaml's message for a mapping or list used as a key. */
function collectionKeyError(document: Document): Error {
  const { key } = findPair(document, (candidate) => isMap(candidate) || isSeq(candidate));
  return new Error(`${PREFIX}invalid map key: ${goSyntax(key)}`);
}

/** go-yaml's message for a directive other than %YAML and %TAG, which `yaml` only warns about. */
export function directiveError(
  warnings: ReadonlyArray<{ code: string; pos: [number, number] }>,
  text: string,
): Error | undefined {
  const warning = warnings.find((item) => item.code === 'BAD_DIRECTIVE');
  return warning ? located('scanner', 'found unknown directive name', text, warning.pos[0]) : undefined;
}

/** The Go message for a YAML parse error (from `yaml`) or a decoding error (from src/load/kube-yaml) of a document. */
export function goYamlDecodeError(error: unknown, text: string, document?: Document): Error {
  if (typeof error === 'object' && error !== null && 'code' in error && 'pos' in error) {
    return fromParseError(error as YAMLError, text);
  }
  const message = error instanceof Error ? error.message : String(error);
  if (document && /read as null/.test(message)) return nullKeyError(document);
  if (document && /mapping or list used as a key/.test(message)) return collectionKeyError(document);
  return fromDecodeError(message);
}
