/**
 * Go values as YAML nodes, the two ways Helm makes them. `toYaml` goes
 * through sigs.k8s.io/yaml: encoding/json writes the value, go-yaml v2 reads
 * that JSON back (so a float64 with an integral value becomes an int, and a
 * raw NEL inside a string is folded like any line break in a double-quoted
 * scalar) and writes it as YAML. `toYamlPretty` hands the value to go-yaml v3
 * directly, so floats keep Go's `%g` form (`1e+06`).
 */
import { GoObject, type GoMap, type GoValue } from '../go-values.js';
import { formatFloatG, formatJsonFloat } from './go-float.js';
import { quoteJsonString, sortedKeys, type JsonMarshaler } from './go-json-encode.js';
import { codePoints } from './go-yaml-chars.js';
import type { YamlNode } from './go-yaml-emitter.js';
import { compareKeys } from './go-yaml-keys.js';
import { needsQuotes, needsQuotesV3 } from './go-yaml-resolve.js';
import { wellFormed } from './go-strings.js';

/** A failure on the way, with Go's message (sigs.k8s.io/yaml's prefix included). */
export class GoYamlError extends Error {}

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/** The plain text go-yaml writes for a number that reached it as JSON. */
function numberViaJson(value: number): string {
  if (!Number.isFinite(value)) {
    throw new GoYamlError(`error marshaling into JSON: json: unsupported value: ${formatFloatG(value)}`);
  }
  const json = formatJsonFloat(value);
  if (!/^-?\d+$/.test(json)) return formatFloatG(value);
  // go-yaml reads integral JSON as int64, else as uint64, else as float64.
  const integer = BigInt(json);
  return integer >= INT64_MIN && integer <= UINT64_MAX ? integer.toString() : formatFloatG(value);
}

// Characters JSON leaves raw that go-yaml's reader refuses.
const CONTROL = /[\x7f-\x84\x86-\x9f\ufffe\uffff]/;

/** A string as it comes out of the JSON round trip: NEL is a line break to go-yaml, folded in a quoted scalar. */
function foldNel(text: string): string {
  if (CONTROL.test(text)) throw new GoYamlError('yaml: control characters are not allowed');
  return text.replace(/ *\u0085[ \u0085]*/g, (run) => {
    const breaks = run.split('\u0085').length - 1;
    return breaks === 1 ? ' ' : '\n'.repeat(breaks - 1);
  });
}

function stringNode(text: string, quote: (text: string) => boolean): YamlNode {
  const style = text.includes('\n') ? 'literal' : quote(text) ? 'double' : 'plain';
  return { kind: 'scalar', text, style };
}

const plain = (text: string): YamlNode => ({ kind: 'scalar', text, style: 'plain' });

/** How one of the two encoders treats numbers, strings and keys, walking the value in JSON's order. */
interface Flavour {
  number(value: number): string;
  string(text: string): string;
  key(text: string): string;
  quote(text: string): boolean;
}

/** sigs.k8s.io/yaml's round trip; it counts the NELs met so far, which are line breaks in the JSON text go-yaml reads. */
function viaJson(): Flavour {
  let lines = 0;
  const string = (text: string) => {
    const string = wellFormed(text);
    lines += string.split('\u0085').length - 1;
    return foldNel(string);
  };
  return {
    number: numberViaJson,
    string,
    key(text) {
      const key = string(text);
      // A JSON key must stay a simple key to go-yaml: on one line, and at most 1024 characters with its quotes.
      if (text.includes('\u0085') || codePoints(quoteJsonString(text, true)).length > 1024) throw misplacedKey(lines);
      return key;
    },
    quote: needsQuotes,
  };
}

function misplacedKey(line: number): GoYamlError {
  return new GoYamlError(`yaml: ${line === 0 ? '' : `line ${line}: `}did not find expected ',' or '}'`);
}

const V3: Flavour = {
  number: (value) =>
    Number.isNaN(value) ? '.nan' : Number.isFinite(value) ? formatFloatG(value) : value > 0 ? '.inf' : '-.inf',
  string: wellFormed,
  key: wellFormed,
  quote: needsQuotesV3,
};

function toNode(value: GoValue, flavour: Flavour): YamlNode {
  if (value === null) return plain('null');
  if (typeof value === 'boolean' || typeof value === 'bigint') return plain(String(value));
  if (typeof value === 'number') return plain(flavour.number(value));
  if (typeof value === 'string') return stringNode(flavour.string(value), flavour.quote);
  if (value instanceof Uint8Array) return stringNode(Buffer.from(value).toString('base64'), flavour.quote);
  if (Array.isArray(value)) return { kind: 'sequence', items: value.map((item) => toNode(item, flavour)) };
  if (value instanceof GoObject) return toNode(jsonForm(value), flavour);
  return mappingNode(value, flavour);
}

function jsonForm(value: GoObject): GoValue {
  const marshaler = value as Partial<JsonMarshaler>;
  return typeof marshaler.jsonValue === 'function' ? marshaler.jsonValue() : {};
}

function mappingNode(map: GoMap, flavour: Flavour): YamlNode {
  // Keys are read in JSON's (byte) order, so of two that fold to one text the later wins.
  const entries = new Map<string, YamlNode>();
  for (const key of sortedKeys(map)) {
    const text = flavour.key(key);
    entries.set(text, toNode(map[key] ?? null, flavour));
  }
  const keys = [...entries.keys()].sort(compareKeys);
  return {
    kind: 'mapping',
    entries: keys.map((key) => [stringNode(key, flavour.quote), entries.get(key) ?? plain('null')]),
  };
}

/** The node sigs.k8s.io/yaml hands go-yaml v2 for a value; throws a {@link GoYamlError}. */
export function yamlNodeViaJson(value: GoValue): YamlNode {
  return toNode(value, viaJson());
}

/** The node go-yaml v3 makes of a value directly. */
export function yamlNodeV3(value: GoValue): YamlNode {
  return toNode(value, V3);
}
