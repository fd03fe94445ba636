/**
 * Helm's and Sprig's functions that read YAML or JSON text. Helm reads YAML
 * through sigs.k8s.io/yaml (go-yaml v2, then JSON), so numbers come back as
 * float64; only the first YAML document counts. Failures do not fail the
 * template: `fromYaml` and `fromJson` put Go's message under the key
 * `Error`, the `Array` forms return it as the only element. `mustFromJson`
 * returns any JSON value and fails on bad text.
 */
import { parseAllDocuments } from 'yaml';
import { decodeDocument, YAML_PARSE_OPTIONS, yamlProblems } from '../../../load/kube-yaml/decode.js';
import { isGoMap, type GoMap, type GoValue } from '../go-values.js';
import { expectArgs, stringArg, type GoFunction } from './args.js';
import { goValueOf, jsonKind } from './decoded-values.js';
import { decodeGoJson } from './go-json-decode.js';
import { directiveError, goYamlDecodeError } from './yaml-errors.js';

const MAP_TYPE = 'map[string]interface {}';
const LIST_TYPE = '[]interface {}';

/** The value of the first YAML document, or the error sigs.k8s.io/yaml gives before any typing. */
function readYaml(text: string): GoValue {
  const [document] = parseAllDocuments(text, YAML_PARSE_OPTIONS);
  if (document === undefined || !('contents' in document)) return null;
  const [problem] = yamlProblems(document.errors);
  if (problem) throw goYamlDecodeError(problem, text);
  const directive = directiveError(document.warnings, text);
  if (directive) throw directive;
  try {
    return goValueOf(decodeDocument(document).value);
  } catch (error) {
    throw goYamlDecodeError(error, text, document);
  }
}

function typeMismatch(value: GoValue, type: string, prefix: string): Error {
  return new Error(`${prefix}json: cannot unmarshal ${jsonKind(value)} into Go value of type ${type}`);
}

const AFTER_YAML = 'error unmarshaling JSON: while decoding JSON: ';

/** `fromYaml`: a map, with `Error` set when the text is not YAML or not a mapping. */
export function fromYaml(text: string): GoMap {
  try {
    const value = readYaml(text);
    if (value === null) return {};
    if (!isGoMap(value)) throw typeMismatch(value, MAP_TYPE, AFTER_YAML);
    return value;
  } catch (error) {
    return { Error: messageOf(error) };
  }
}

/** `fromYamlArray`: a list, or a list of the error message. */
export function fromYamlArray(text: string): GoValue {
  try {
    const value = readYaml(text);
    // A null document leaves Helm's empty list as it was.
    if (value === null) return [];
    if (!Array.isArray(value)) throw typeMismatch(value, LIST_TYPE, AFTER_YAML);
    return value;
  } catch (error) {
    return [messageOf(error)];
  }
}

/** `fromJson`: a map, with `Error` set when the text is not JSON or not an object; JSON's null makes it a nil map. */
export function fromJson(text: string): GoValue {
  try {
    const { value, typeError } = decodeGoJson(text);
    if (value === null) return null;
    if (!isGoMap(value)) throw typeMismatch(value, MAP_TYPE, '');
    return typeError === undefined ? value : { ...value, Error: typeError };
  } catch (error) {
    return { Error: messageOf(error) };
  }
}

/** `fromJsonArray`: a list, or a list of the error message. */
export function fromJsonArray(text: string): GoValue {
  try {
    const { value, typeError } = decodeGoJson(text);
    if (value !== null && !Array.isArray(value)) throw typeMismatch(value, LIST_TYPE, '');
    return typeError === undefined ? value : [typeError];
  } catch (error) {
    return [messageOf(error)];
  }
}

/** `mustFromJson`: any JSON value; throws Go's message for bad text. */
export function mustFromJson(text: string): GoValue {
  const { value, typeError } = decodeGoJson(text);
  if (typeError !== undefined) throw new Error(typeError);
  return value;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function fromText(name: string, read: (text: string) => GoValue): GoFunction {
  return (...args) => {
    expectArgs(name, args, 1);
    return read(stringArg(args[0]));
  };
}

/** The YAML and JSON readers, by template name. */
export const DESERIALIZE_FUNCTIONS: Readonly<Record<string, GoFunction>> = {
  fromYaml: fromText('fromYaml', fromYaml),
  fromYamlArray: fromText('fromYamlArray', fromYamlArray),
  fromJson: fromText('fromJson', fromJson),
  fromJsonArray: fromText('fromJsonArray', fromJsonArray),
  mustFromJson: fromText('mustFromJson', mustFromJson),
};
