/**
 * Writes a YAML document the way go-yaml's encoder does (v2 by default, as
 * sigs.k8s.io/yaml and so Helm's `toYaml` use it; v3 with indent 2 for
 * `toYamlPretty`): block style throughout, empty collections as `{}` and
 * `[]`, sequences under a key not indented (v2), keys longer than 128 bytes
 * or spanning lines written as `? key`.
 */
import { analyzeScalar, chooseStyle, type ScalarStyle } from './go-yaml-scalar-style.js';
import { YamlWriter } from './go-yaml-writer.js';
import { utf8Length } from '../../../util/utf8.js';

/** A node to write: a scalar with the style the encoder asks for, a sequence, or a mapping in key order. */
export type YamlNode =
  | { kind: 'scalar'; text: string; style: ScalarStyle }
  | { kind: 'sequence'; items: YamlNode[] }
  | { kind: 'mapping'; entries: Array<[YamlNode, YamlNode]> };

export interface EmitterOptions {
  /** The column past which long scalars fold: 80 for go-yaml v2, Infinity for v3 as Helm sets it up. */
  width: number;
  /** Whether a sequence under a mapping key is indented (v3) or starts at the key's column (v2). */
  indentSequencesInMappings: boolean;
}

export const GO_YAML_V2: EmitterOptions = { width: 80, indentSequencesInMappings: false };
export const GO_YAML_V3: EmitterOptions = { width: Infinity, indentSequencesInMappings: true };

interface Context {
  /** The node is a mapping's key or value. */
  mapping: boolean;
  /** The node is a key written on one line (`key:`), where nothing may fold. */
  simpleKey: boolean;
}

/** The document's text, ending with a line break. */
export function emitYaml(root: YamlNode, options: EmitterOptions = GO_YAML_V2): string {
  const writer = new YamlWriter(options.width);
  emitNode(writer, root, { mapping: false, simpleKey: false }, options);
  writer.writeIndent();
  return writer.text();
}

function emitNode(writer: YamlWriter, node: YamlNode, context: Context, options: EmitterOptions): void {
  if (node.kind === 'scalar') emitScalar(writer, node.text, node.style, context);
  else if (node.kind === 'sequence') {
    if (node.items.length === 0) emitEmpty(writer, '[', ']');
    else emitSequence(writer, node.items, context, options);
  } else if (node.entries.length === 0) emitEmpty(writer, '{', '}');
  else emitMapping(writer, node.entries, options);
}

function emitScalar(writer: YamlWriter, text: string, requested: ScalarStyle, context: Context): void {
  const style = chooseStyle(requested, analyzeScalar(text), context.simpleKey);
  writer.pushIndent(true, false);
  const allowBreaks = !context.simpleKey;
  if (style === 'plain') writer.writePlain(text, allowBreaks);
  else if (style === 'single') writer.writeSingleQuoted(text, allowBreaks);
  else if (style === 'double') writer.writeDoubleQuoted(text, allowBreaks);
  else writer.writeLiteral(text);
  writer.popIndent();
}

function emitEmpty(writer: YamlWriter, open: string, close: string): void {
  writer.writeIndicator(open, true, true, false);
  writer.writeIndicator(close, false, false, false);
}

function emitSequence(writer: YamlWriter, items: YamlNode[], context: Context, options: EmitterOptions): void {
  const indentless = context.mapping && !writer.indention && !options.indentSequencesInMappings;
  writer.pushIndent(false, indentless);
  for (const item of items) {
    writer.writeIndent();
    writer.writeIndicator('-', true, false, true);
    emitNode(writer, item, { mapping: false, simpleKey: false }, options);
  }
  writer.popIndent();
}

function emitMapping(writer: YamlWriter, entries: Array<[YamlNode, YamlNode]>, options: EmitterOptions): void {
  writer.pushIndent(false, false);
  for (const [key, value] of entries) {
    writer.writeIndent();
    if (isSimpleKey(key)) {
      emitNode(writer, key, { mapping: true, simpleKey: true }, options);
      writer.writeIndicator(':', false, false, false);
    } else {
      writer.writeIndicator('?', true, false, true);
      emitNode(writer, key, { mapping: true, simpleKey: false }, options);
      writer.writeIndent();
      writer.writeIndicator(':', true, false, true);
    }
    emitNode(writer, value, { mapping: true, simpleKey: false }, options);
  }
  writer.popIndent();
}

/** A key fits on its line when it is a one-line scalar of at most 128 bytes (an empty collection also does). */
function isSimpleKey(key: YamlNode): boolean {
  if (key.kind === 'scalar') return !analyzeScalar(key.text).multiline && utf8Length(key.text) <= 128;
  return key.kind === 'sequence' ? key.items.length === 0 : key.entries.length === 0;
}
