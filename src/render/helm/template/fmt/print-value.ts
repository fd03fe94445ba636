/**
 * Go's `fmt` printing of one value under one verb: scalars by kind, lists as
 * `[a b]`, maps as `map[k:v]` with sorted keys, nil as `<nil>`, structs as
 * `{a b}`, and `%!verb(type=value)` for a verb that does not fit.
 */
import { GoObject, isGoMap, type GoMap, type GoValue } from '../../go-values.js';
import { goQuote } from '../go-quote.js';
import {
  type VerbFlags,
  fmtBoolean,
  fmtFloat,
  fmtHexBytes,
  fmtInteger,
  fmtQuoted,
  fmtQuotedRune,
  fmtRune,
  fmtString,
  fmtUnicode,
  pad,
} from './formatter.js';

/** Go's type name of a value, as `%T` and error messages print it. */
export function goTypeName(value: GoValue): string {
  if (value === null) return '<nil>';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'float64';
  if (Array.isArray(value)) return '[]interface {}';
  if (value instanceof Uint8Array) return '[]uint8';
  if (value instanceof GoObject) return value.typeName;
  return 'map[string]interface {}';
}

/** Compares strings by code point, which is UTF-8 byte order, as Go sorts map keys. */
export function compareKeys(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const difference = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/** A map's keys in the order Go visits them (`range`, `%v`). */
export function sortedKeys(map: GoMap | Readonly<Record<string, GoValue>>): string[] {
  return Object.keys(map).sort(compareKeys);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function badVerb(verb: string, flags: VerbFlags, value: GoValue | undefined): string {
  if (value === undefined || value === null) return `%!${verb}(<nil>)`;
  return `%!${verb}(${goTypeName(value)}=${printArg(value, 'v', flags)})`;
}

function printInteger(value: bigint, verb: string, flags: VerbFlags): string {
  switch (verb) {
    case 'v':
    case 'd':
      return fmtInteger(value, 10, verb, flags);
    case 'b':
      return fmtInteger(value, 2, verb, flags);
    case 'o':
    case 'O':
      return fmtInteger(value, 8, verb, flags);
    case 'x':
    case 'X':
      return fmtInteger(value, 16, verb, flags);
    case 'c':
      return fmtRune(value, flags);
    case 'q':
      return fmtQuotedRune(value, flags);
    case 'U':
      return fmtUnicode(value, flags);
  }
  return badVerb(verb, flags, value);
}

function printFloat(value: number, verb: string, flags: VerbFlags): string {
  if (verb === 'v') return fmtFloat(value, 'g', -1, flags);
  if ('bgGxX'.includes(verb)) return flags.sharpV ? fmtFloat(value, 'g', -1, flags) : fmtFloat(value, verb, -1, flags);
  if ('feEF'.includes(verb)) return fmtFloat(value, verb === 'F' ? 'f' : verb, 6, flags);
  return badVerb(verb, flags, value);
}

function printString(value: string, verb: string, flags: VerbFlags): string {
  switch (verb) {
    case 'v':
      return flags.sharpV ? fmtQuoted(value, { ...flags, sharp: false }) : fmtString(value, flags);
    case 's':
      return fmtString(value, flags);
    case 'x':
    case 'X':
      return fmtHexBytes(encoder.encode(value), flags, verb === 'X');
    case 'q':
      return fmtQuoted(value, flags);
  }
  return badVerb(verb, flags, value);
}

function printBytes(bytes: Uint8Array, verb: string, flags: VerbFlags, depth: number): string {
  switch (verb) {
    case 'v':
    case 'd': {
      if (flags.sharpV) {
        return `[]byte{${Array.from(bytes, (byte) => `0x${byte.toString(16)}`).join(', ')}}`;
      }
      return `[${Array.from(bytes, (byte) => fmtInteger(BigInt(byte), 10, 'd', flags)).join(' ')}]`;
    }
    case 's':
      return fmtString(decoder.decode(bytes), flags);
    case 'x':
    case 'X':
      return fmtHexBytes(bytes, flags, verb === 'X');
    case 'q':
      return fmtQuoted(decoder.decode(bytes), flags);
  }
  const items = Array.from(bytes, (byte) => {
    const text = printInteger(BigInt(byte), verb, flags);
    return text.startsWith('%!') ? `%!${verb}(uint8=${byte})` : text;
  });
  void depth;
  return `[${items.join(' ')}]`;
}

function printList(items: readonly GoValue[], verb: string, flags: VerbFlags, depth: number): string {
  const parts = items.map((item) => printValue(item, verb, flags, depth + 1));
  return flags.sharpV ? `[]interface {}{${parts.join(', ')}}` : `[${parts.join(' ')}]`;
}

function printMap(
  map: Readonly<Record<string, GoValue>>,
  typeName: string,
  verb: string,
  flags: VerbFlags,
  depth: number,
): string {
  const entries = sortedKeys(map).map(
    (key) => `${printValue(key, verb, flags, depth + 1)}:${printValue(map[key]!, verb, flags, depth + 1)}`,
  );
  return flags.sharpV ? `${typeName}{${entries.join(', ')}}` : `map[${entries.join(' ')}]`;
}

function printObject(object: GoObject, verb: string, flags: VerbFlags, depth: number): string {
  if (object.kind === 'map') return printMap(object.fields, object.typeName, verb, flags, depth);
  if (object.kind === 'slice') return printList(Object.values(object.fields), verb, flags, depth);
  const names = Object.keys(object.fields);
  if (flags.sharpV) {
    const fields = names.map((name) => `${name}:${printValue(object.fields[name]!, verb, flags, depth + 1)}`);
    return `${object.typeName.replace(/^\*/, '&')}{${fields.join(', ')}}`;
  }
  const fields = names.map((name) => {
    const text = printValue(object.fields[name]!, verb, flags, depth + 1);
    return flags.plusV ? `${name}:${text}` : text;
  });
  return `${object.kind === 'ptr' && depth === 0 ? '&' : ''}{${fields.join(' ')}}`;
}

/** A value inside a list, map or struct (depth > 0), or a composite at the top. */
function printValue(value: GoValue, verb: string, flags: VerbFlags, depth: number): string {
  if (value === null) return flags.sharpV ? 'interface {}(nil)' : '<nil>';
  if (Array.isArray(value)) return printList(value, verb, flags, depth);
  if (isGoMap(value)) return printMap(value, 'map[string]interface {}', verb, flags, depth);
  if (value instanceof GoObject && (value.text === undefined || !'vsxXq'.includes(verb))) {
    return printObject(value, verb, flags, depth);
  }
  if (value instanceof Uint8Array) return printBytes(value, verb, flags, depth);
  return printArg(value, verb, flags);
}

/** Go's `printArg`: one operand of `printf`, `print` or an action's output. */
export function printArg(value: GoValue, verb: string, flags: VerbFlags): string {
  if (value === null) return verb === 'v' || verb === 'T' ? pad('<nil>', flags) : badVerb(verb, flags, null);
  if (verb === 'T') return fmtString(goTypeName(value), flags);
  if (typeof value === 'boolean')
    return verb === 't' || verb === 'v' ? fmtBoolean(value, flags) : badVerb(verb, flags, value);
  if (typeof value === 'number') return printFloat(value, verb, flags);
  if (typeof value === 'bigint') return printInteger(value, verb, flags);
  if (typeof value === 'string') return printString(value, verb, flags);
  if (value instanceof Uint8Array) return printBytes(value, verb, flags, 0);
  if (value instanceof GoObject && value.text !== undefined && 'vsxXq'.includes(verb)) {
    return printString(value.text, verb, flags);
  }
  return printValue(value, verb, flags, 0);
}

/** `%q` of a string, for messages. */
export function quoteForMessage(text: string): string {
  return goQuote(text);
}
