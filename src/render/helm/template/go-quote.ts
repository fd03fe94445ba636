/**
 * Go's string and rune quoting (`strconv.Quote`, `QuoteToASCII`, `QuoteRune`)
 * and unquoting of string, raw string and character literals, as the template
 * lexer and `%q` use them.
 */

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isGoPrintable(char: string): boolean {
  return PRINTABLE.test(char);
}

const SHORT_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, '0');
}

/** One rune as it appears inside a Go quoted literal delimited by `quote`. */
function quoteRune(char: string, quote: string, asciiOnly: boolean): string {
  if (char === quote || char === '\\') return `\\${char}`;
  const code = char.codePointAt(0)!;
  if (code === 0xfffd && char !== '\ufffd') return '\\ufffd';
  if (asciiOnly ? code < 0x7f && isGoPrintable(char) : isGoPrintable(char)) return char;
  const short = SHORT_ESCAPES[char];
  if (short !== undefined) return short;
  if (code < 0x20 || code === 0x7f) return `\\x${hex(code, 2)}`;
  if (code >= 0xd800 && code <= 0xdfff) return '\\ufffd';
  return code > 0xffff ? `\\U${hex(code, 8)}` : `\\u${hex(code, 4)}`;
}

/** Go's `strconv.Quote` (or `QuoteToASCII`) of a string. Lone surrogates stand for invalid UTF-8. */
export function goQuote(text: string, asciiOnly = false): string {
  let out = '"';
  for (const char of text) out += quoteRune(char, '"', asciiOnly);
  return `${out}"`;
}

/** Go's `strconv.QuoteRune` (or `QuoteRuneToASCII`). */
export function goQuoteRune(code: number, asciiOnly = false): string {
  const valid = code >= 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  const char = String.fromCodePoint(valid ? code : 0xfffd);
  return `'${quoteRune(char, "'", asciiOnly)}'`;
}

/** Go's `strconv.CanBackquote`: no control characters but tab, no backquote, no U+FEFF. */
export function canBackquote(text: string): boolean {
  return !/[\x00-\x08\x0a-\x1f\x7f`\ufeff]/.test(text);
}

const SIMPLE_UNESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/** The result of reading one escape or character: the text it stands for and where reading stopped. */
interface ReadChar {
  value: string;
  next: number;
}

/** Reads one character or escape of a Go literal at `at`; undefined when it is malformed. */
function readChar(body: string, at: number, quote: string): ReadChar | undefined {
  const char = String.fromCodePoint(body.codePointAt(at)!);
  if (char !== '\\') return char === quote ? undefined : { value: char, next: at + char.length };
  const kind = body[at + 1];
  if (kind === undefined) return undefined;
  if (kind in SIMPLE_UNESCAPES) return { value: SIMPLE_UNESCAPES[kind]!, next: at + 2 };
  if (kind === quote) return { value: kind, next: at + 2 };
  const widths: Record<string, number> = { x: 2, u: 4, U: 8 };
  if (kind in widths) {
    const digits = body.slice(at + 2, at + 2 + widths[kind]!);
    if (digits.length !== widths[kind] || !/^[0-9a-fA-F]+$/.test(digits)) return undefined;
    const code = parseInt(digits, 16);
    if (kind === 'x') return { value: String.fromCharCode(code), next: at + 4 };
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    return { value: String.fromCodePoint(code), next: at + 2 + digits.length };
  }
  if (/[0-7]/.test(kind)) {
    const digits = body.slice(at + 1, at + 4);
    if (!/^[0-7]{3}$/.test(digits) || parseInt(digits, 8) > 255) return undefined;
    return { value: String.fromCharCode(parseInt(digits, 8)), next: at + 4 };
  }
  return undefined;
}

/**
 * Go's `strconv.Unquote` of a double-quoted or backquoted literal; undefined
 * when malformed. `\x` escapes above 0x7f stand for single bytes: they become
 * the code point of that byte, which is what the templates' ASCII world needs.
 */
export function goUnquote(literal: string): string | undefined {
  if (literal.startsWith('`')) {
    return literal.length >= 2 && literal.endsWith('`') ? literal.slice(1, -1).replace(/\r/g, '') : undefined;
  }
  if (literal.length < 2 || !literal.startsWith('"') || !literal.endsWith('"')) return undefined;
  const body = literal.slice(1, -1);
  let out = '';
  for (let at = 0; at < body.length;) {
    if (body[at] === '\n') return undefined;
    const read = readChar(body, at, '"');
    if (read === undefined) return undefined;
    out += read.value;
    at = read.next;
  }
  return out;
}

/** Go's character constant (`'a'`, `'\n'`, `'\u00e9'`) as a code point; a string says what is wrong. */
export function goUnquoteChar(literal: string): number | string {
  const body = literal.slice(1, -1);
  if (body === '') return 'invalid syntax';
  const read = readChar(body, 0, "'");
  if (read === undefined) return 'invalid syntax';
  if (read.next !== body.length) return `malformed character constant: ${literal}`;
  return read.value.codePointAt(0)!;
}
