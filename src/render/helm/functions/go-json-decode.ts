/**
 * JSON text read as Go's encoding/json reads it into `interface{}` (for
 * `fromJson`, `fromJsonArray`, `mustFromJson`): every number a float64, the
 * last of duplicate keys winning, invalid UTF-8 and lone surrogate escapes
 * becoming U+FFFD, and Go's error messages word for word. Go checks the
 * whole text before decoding any of it, so a syntax error leaves nothing
 * decoded; a number too large for a float64 is a type error, which leaves
 * that value null and lets decoding go on.
 */
import type { GoMap, GoValue } from '../go-values.js';

/** A syntax error, with Go's message. */
export class GoJsonSyntaxError extends Error {}

export interface DecodedJson {
  value: GoValue;
  /** The first type error met (a number beyond float64), with Go's message. */
  typeError?: string;
}

/** Decodes JSON text; throws a {@link GoJsonSyntaxError} with Go's message for text that is not JSON. */
export function decodeGoJson(text: string): DecodedJson {
  const reader = new JsonReader(Buffer.from(text, 'utf8'));
  const value = reader.topLevel();
  return reader.typeError === undefined ? { value } : { value, typeError: reader.typeError };
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const isDigit = (byte: number | undefined) => byte !== undefined && byte >= 0x30 && byte <= 0x39;
const isHex = (byte: number | undefined) => byte !== undefined && /[0-9a-fA-F]/.test(String.fromCharCode(byte));
const SIMPLE_ESCAPES: Record<string, number> = { '"': 0x22, '\\': 0x5c, '/': 0x2f, b: 8, f: 12, n: 10, r: 13, t: 9 };

class JsonReader {
  private at = 0;
  typeError: string | undefined;

  constructor(private readonly bytes: Buffer) {}

  topLevel(): GoValue {
    const value = this.value();
    this.skipSpace();
    if (this.at < this.bytes.length) throw this.invalid('after top-level value');
    return value;
  }

  private peek(): number | undefined {
    return this.bytes[this.at];
  }

  private skipSpace(): void {
    while (WHITESPACE.has(this.peek() ?? -1)) this.at++;
  }

  /** The byte at the cursor, or an "unexpected end" error. */
  private need(): number {
    const byte = this.peek();
    if (byte === undefined) throw new GoJsonSyntaxError('unexpected end of JSON input');
    return byte;
  }

  private invalid(context: string): GoJsonSyntaxError {
    return new GoJsonSyntaxError(`invalid character ${quoteChar(this.need())} ${context}`);
  }

  private value(): GoValue {
    this.skipSpace();
    const byte = this.need();
    if (byte === 0x7b) return this.object();
    if (byte === 0x5b) return this.array();
    if (byte === 0x22) return this.string();
    if (byte === 0x2d || isDigit(byte)) return this.number();
    if (byte === 0x74) return this.literal('true', true);
    if (byte === 0x66) return this.literal('false', false);
    if (byte === 0x6e) return this.literal('null', null);
    throw this.invalid('looking for beginning of value');
  }

  private object(): GoMap {
    const object: GoMap = {};
    this.at++;
    this.skipSpace();
    if (this.need() === 0x7d) {
      this.at++;
      return object;
    }
    for (;;) {
      this.skipSpace();
      if (this.need() !== 0x22) throw this.invalid('looking for beginning of object key string');
      const key = this.string();
      this.skipSpace();
      if (this.need() !== 0x3a) throw this.invalid('after object key');
      this.at++;
      Object.defineProperty(object, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      this.skipSpace();
      const next = this.need();
      this.at++;
      if (next === 0x7d) return object;
      if (next !== 0x2c) {
        this.at--;
        throw this.invalid('after object key:value pair');
      }
    }
  }

  private array(): GoValue[] {
    const array: GoValue[] = [];
    this.at++;
    this.skipSpace();
    if (this.need() === 0x5d) {
      this.at++;
      return array;
    }
    for (;;) {
      array.push(this.value());
      this.skipSpace();
      const next = this.need();
      this.at++;
      if (next === 0x5d) return array;
      if (next !== 0x2c) {
        this.at--;
        throw this.invalid('after array element');
      }
    }
  }

  private literal<T extends GoValue>(word: string, value: T): T {
    for (let index = 1; index < word.length; index++) {
      this.at++;
      if (this.need() !== word.charCodeAt(index)) throw this.invalid(`in literal ${word} (expecting '${word[index]}')`);
    }
    this.at++;
    return value;
  }

  private number(): GoValue {
    const start = this.at;
    if (this.need() === 0x2d) {
      this.at++;
      if (!isDigit(this.need())) throw this.invalid('in numeric literal');
    }
    if (this.need() === 0x30) this.at++;
    else while (isDigit(this.peek())) this.at++;
    if (this.peek() === 0x2e) {
      this.at++;
      if (!isDigit(this.need())) throw this.invalid('after decimal point in numeric literal');
      while (isDigit(this.peek())) this.at++;
    }
    if (this.peek() === 0x65 || this.peek() === 0x45) {
      this.at++;
      if (this.need() === 0x2b || this.need() === 0x2d) this.at++;
      if (!isDigit(this.need())) throw this.invalid('in exponent of numeric literal');
      while (isDigit(this.peek())) this.at++;
    }
    const text = this.bytes.toString('latin1', start, this.at);
    const value = Number(text);
    if (Number.isFinite(value)) return value;
    this.typeError ??= `json: cannot unmarshal number ${text} into Go value of type float64`;
    return null;
  }

  private string(): string {
    this.at++;
    const units: number[] = [];
    let raw: number[] = [];
    const flush = () => {
      if (raw.length > 0) units.push(...utf16(Buffer.from(raw).toString('utf8')));
      raw = [];
    };
    for (;;) {
      const byte = this.need();
      if (byte === 0x22) break;
      if (byte < 0x20) throw this.invalid('in string literal');
      this.at++;
      if (byte !== 0x5c) {
        raw.push(byte);
        continue;
      }
      flush();
      units.push(this.escape());
    }
    this.at++;
    flush();
    return wellFormedUnits(units);
  }

  /** The UTF-16 unit of an escape after its backslash. */
  private escape(): number {
    const letter = String.fromCharCode(this.need());
    const simple = SIMPLE_ESCAPES[letter];
    if (simple !== undefined) {
      this.at++;
      return simple;
    }
    if (letter !== 'u') throw this.invalid('in string escape code');
    this.at++;
    let code = 0;
    for (let index = 0; index < 4; index++) {
      if (!isHex(this.need())) throw this.invalid('in \\u hexadecimal character escape');
      code = code * 16 + Number.parseInt(String.fromCharCode(this.need()), 16);
      this.at++;
    }
    return code;
  }
}

function utf16(text: string): number[] {
  const units: number[] = [];
  for (let index = 0; index < text.length; index++) units.push(text.charCodeAt(index));
  return units;
}

/** UTF-16 units as a string, with each unpaired surrogate (from a `\ud800` escape) replaced by U+FFFD. */
function wellFormedUnits(units: number[]): string {
  let out = '';
  for (let index = 0; index < units.length; index++) {
    const unit = units[index] ?? 0;
    const next = units[index + 1] ?? 0;
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += String.fromCharCode(unit, next);
      index++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) out += '\uFFFD';
    else out += String.fromCharCode(unit);
  }
  return out;
}

/** How Go's JSON scanner names a byte in an error: the byte read as a Latin-1 character, quoted like a Go rune. */
function quoteChar(byte: number): string {
  if (byte === 0x27) return "'\\''";
  if (byte === 0x22) return `'"'`;
  return `'${goQuoteRune(byte)}'`;
}

const RUNE_ESCAPES: Record<number, string> = {
  7: '\\a',
  8: '\\b',
  12: '\\f',
  10: '\\n',
  13: '\\r',
  9: '\\t',
  11: '\\v',
};

/** strconv.Quote's text for a code point up to U+00FF, without the quotes. */
function goQuoteRune(code: number): string {
  const escape = RUNE_ESCAPES[code];
  if (escape !== undefined) return escape;
  if (code === 0x5c) return '\\\\';
  if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
  // Go's IsPrint refuses the C1 controls, the no-break space and the soft hyphen.
  if ((code >= 0x80 && code <= 0xa0) || code === 0xad) return `\\u${code.toString(16).padStart(4, '0')}`;
  return String.fromCharCode(code);
}
