/**
 * The field paths a CRD names inside its own schema: an
 * `x-kubernetes-validations` rule's `fieldPath` (where a failure is reported)
 * and a version's `selectableFields`. The syntax is the API server's: steps
 * of `.name` or `['key']` (single quotes, with backslash escapes), starting
 * from the schema node; list indexes are not allowed, and every step must be a
 * property the schema declares, or a key of a map (`additionalProperties`).
 */
import { isRecord } from '../../model/records.js';
import type { ObjectPath } from '../../model/types.js';

/** A field path resolved in a schema, or why it could not be. */
export type FieldPathResult =
  { readonly path: ObjectPath; readonly schema: Record<string, unknown> | undefined } | { readonly error: string };

const ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  "'": "'",
  '\\': '\\',
};

/**
 * Resolves `text` from `schema`: the object path it names (relative to the
 * node) and the schema found there, or why it names nothing.
 * `allowBrackets: false` refuses the `['key']` form (selectable fields).
 */
export function resolveFieldPath(text: string, schema: unknown, allowBrackets = true): FieldPathResult {
  const tokens = tokenize(text);
  const path: string[] = [];
  let node: unknown = schema;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] ?? '';
    let name: string;
    if (token === '[') {
      if (!allowBrackets) return { error: 'the [...] form is not allowed here' };
      const key = tokens[index + 1];
      if (key === undefined) return { error: 'it ends too early' };
      const unquoted = unquote(key);
      if (typeof unquoted !== 'string') return unquoted;
      if (tokens[index + 2] !== ']') return { error: `expected ] after ${key}` };
      name = unquoted;
      index += 2;
    } else if (token === '.') {
      const next = tokens[index + 1];
      if (next === undefined) return { error: 'it ends too early' };
      name = next;
      index += 1;
    } else {
      return { error: `expected "." or "[" but found "${token}"` };
    }
    const child = step(node, name);
    if (child === false) return { error: `"${name}" is not a field of the schema there` };
    path.push(name);
    node = child;
  }
  return { path, schema: isRecord(node) ? node : undefined };
}

/** The schema of `name` below `node`: a declared property, or a map's values; false when there is none. */
function step(node: unknown, name: string): unknown {
  if (!isRecord(node)) return false;
  const properties = node.properties;
  if (isRecord(properties) && Object.keys(properties).length > 0) {
    return Object.hasOwn(properties, name) ? properties[name] : false;
  }
  if (node.additionalProperties !== undefined && node.additionalProperties !== null) {
    return node.additionalProperties;
  }
  return false;
}

/** Splits into `.`, `[`, `]` and the text between; a token starting with `'` runs to its closing quote. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let position = 0;
  while (position < text.length) {
    const first = text[position] ?? '';
    let end = position + 1;
    if (first === "'") {
      while (end < text.length && !(text[end] === "'" && text[end - 1] !== '\\')) end++;
      end = Math.min(end + 1, text.length);
    } else if (!'.[]'.includes(first)) {
      while (end < text.length && !'.[]'.includes(text[end] ?? '')) end++;
    }
    tokens.push(text.slice(position, end));
    position = end;
  }
  return tokens;
}

function unquote(token: string): string | { error: string } {
  if (token.length < 2 || !token.startsWith("'") || !token.endsWith("'")) {
    return { error: `expected a string in single quotes but found ${token}` };
  }
  let invalid: string | undefined;
  const text = token.slice(1, -1).replace(/\\(.)/gs, (escape: string, letter: string) => {
    const replacement = Object.hasOwn(ESCAPES, letter) ? ESCAPES[letter] : undefined;
    if (replacement === undefined) invalid ??= escape;
    return replacement ?? '';
  });
  return invalid === undefined ? text : { error: `${invalid} is not an escape sequence` };
}
