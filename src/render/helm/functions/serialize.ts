/**
 * Helm's and Sprig's functions that write a value as YAML or JSON. The plain
 * forms give "" when Go refuses the value (NaN, infinity); the `must` forms
 * fail the template with Go's message; `toRawJson` fails too, since Sprig
 * panics there.
 */
import type { GoValue } from '../go-values.js';
import { expectArgs, type GoFunction } from './args.js';
import { encodeGoJson, type GoJsonOptions } from './go-json-encode.js';
import { emitYaml, GO_YAML_V3 } from './go-yaml-emitter.js';
import { yamlNodeV3, yamlNodeViaJson } from './go-yaml-encode.js';

/** `toYaml`'s text, without its final line break; throws with sigs.k8s.io/yaml's message. */
export function goYaml(value: GoValue): string {
  return emitYaml(yamlNodeViaJson(value)).replace(/\n$/, '');
}

/** `toYamlPretty`'s text: go-yaml v3 with an indent of 2. */
export function goYamlPretty(value: GoValue): string {
  return emitYaml(yamlNodeV3(value), GO_YAML_V3).replace(/\n$/, '');
}

const COMPACT: GoJsonOptions = { escapeHtml: true };
const PRETTY: GoJsonOptions = { escapeHtml: true, indent: '  ' };
const RAW: GoJsonOptions = { escapeHtml: false };

/** "" where Go's encoder fails, as the functions without `must` give. */
function orEmpty(write: () => string): string {
  try {
    return write();
  } catch (error) {
    if (error instanceof Error) return '';
    throw error;
  }
}

function unary(name: string, write: (value: GoValue) => string): GoFunction {
  return (...args) => {
    expectArgs(name, args, 1);
    return write(args[0] ?? null);
  };
}

/** The YAML and JSON writers, by template name. */
export const SERIALIZE_FUNCTIONS: Readonly<Record<string, GoFunction>> = {
  toYaml: unary('toYaml', (value) => orEmpty(() => goYaml(value))),
  mustToYaml: unary('mustToYaml', goYaml),
  toYamlPretty: unary('toYamlPretty', (value) => orEmpty(() => goYamlPretty(value))),
  toJson: unary('toJson', (value) => orEmpty(() => encodeGoJson(value, COMPACT))),
  mustToJson: unary('mustToJson', (value) => encodeGoJson(value, COMPACT)),
  toPrettyJson: unary('toPrettyJson', (value) => orEmpty(() => encodeGoJson(value, PRETTY))),
  mustToPrettyJson: unary('mustToPrettyJson', (value) => encodeGoJson(value, PRETTY)),
  toRawJson: unary('toRawJson', (value) => encodeGoJson(value, RAW)),
  mustToRawJson: unary('mustToRawJson', (value) => encodeGoJson(value, RAW)),
};
