/**
 * The template lexer: text and `{{ }}` actions become tokens, as Go's
 * text/template lexes them, with the trim markers (`{{- ` and ` -}}`, the space
 * is required), comments (slash-star to star-slash, touching the delimiters), and
 * the first error as an `error` token that ends the stream.
 */
import { goQuote, isGoPrintable } from './go-quote.js';

export type TokenKind =
  | 'text'
  | 'comment'
  | 'leftDelim'
  | 'rightDelim'
  | 'space'
  | 'assign'
  | 'declare'
  | 'pipe'
  | 'leftParen'
  | 'rightParen'
  | 'string'
  | 'rawString'
  | 'char'
  | 'number'
  | 'complex'
  | 'bool'
  | 'nil'
  | 'dot'
  | 'field'
  | 'variable'
  | 'identifier'
  | 'keyword'
  | 'punctuation'
  | 'eof'
  | 'error';

/** One token: its kind, its text (the message for `error`), and where it starts. */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly offset: number;
}

const LEFT = '{{';
const RIGHT = '}}';
const KEYWORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'template', 'with']);

/** Lexer settings: `break` and `continue` are plain identifiers when a function has that name. */
export interface LexOptions {
  readonly breakIsKeyword: boolean;
  readonly continueIsKeyword: boolean;
}

export function isTemplateSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\r' || char === '\n';
}

function isAlphaNumeric(char: string | undefined): boolean {
  if (char === undefined) return false;
  const code = char.charCodeAt(0);
  if (code < 0x80)
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  return /^[\p{L}\p{Nd}]$/u.test(char);
}

/** Go's `%#U` of a character, as lexer errors print it: `U+002D '-'`. */
export function describeRune(char: string): string {
  const code = char.codePointAt(0)!;
  const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return isGoPrintable(char) ? `${name} '${char}'` : name;
}

function trailingSpaceLength(text: string): number {
  let n = 0;
  while (n < text.length && isTemplateSpace(text[text.length - 1 - n])) n++;
  return n;
}

function leadingSpaceLength(text: string, from: number): number {
  let n = from;
  while (n < text.length && isTemplateSpace(text[n])) n++;
  return n - from;
}

/** Splits a template into tokens; the last one is `eof` or `error`. */
export function lexTemplate(input: string, options: LexOptions): Token[] {
  return new Lexer(input, options).run();
}

type State = (() => State) | undefined;

class Lexer {
  private readonly tokens: Token[] = [];
  private start = 0;
  private pos = 0;
  private parenDepth = 0;

  constructor(
    private readonly input: string,
    private readonly options: LexOptions,
  ) {}

  run(): Token[] {
    let state: State = () => this.lexText();
    while (state !== undefined) state = state();
    return this.tokens;
  }

  private emit(kind: TokenKind): State {
    this.tokens.push({ kind, text: this.input.slice(this.start, this.pos), offset: this.start });
    this.start = this.pos;
    return () => this.lexInsideAction();
  }

  private fail(message: string): State {
    this.tokens.push({ kind: 'error', text: message, offset: this.start });
    return undefined;
  }

  private next(): string | undefined {
    const char = this.input[this.pos];
    if (char !== undefined) this.pos++;
    return char;
  }

  private peek(): string | undefined {
    return this.input[this.pos];
  }

  private accept(chars: string): boolean {
    const char = this.peek();
    if (char !== undefined && chars.includes(char)) {
      this.pos++;
      return true;
    }
    return false;
  }

  private acceptRun(chars: string): void {
    while (this.accept(chars));
  }

  private hasLeftTrimMarker(at: number): boolean {
    return this.input[at] === '-' && isTemplateSpace(this.input[at + 1]);
  }

  /** Whether the right delimiter starts here, and whether it carries a trim marker (` -}}`). */
  private atRightDelim(): { delim: boolean; trim: boolean } {
    const rest = this.input.startsWith(RIGHT, this.pos + 2);
    if (isTemplateSpace(this.input[this.pos]) && this.input[this.pos + 1] === '-' && rest) {
      return { delim: true, trim: true };
    }
    return { delim: this.input.startsWith(RIGHT, this.pos), trim: false };
  }

  private lexText(): State {
    const found = this.input.indexOf(LEFT, this.pos);
    if (found < 0) {
      this.pos = this.input.length;
      if (this.pos > this.start) this.emit('text');
      this.emit('eof');
      return undefined;
    }
    if (found > this.pos) {
      const trim = this.hasLeftTrimMarker(found + LEFT.length)
        ? trailingSpaceLength(this.input.slice(this.start, found))
        : 0;
      this.pos = found - trim;
      if (this.pos > this.start) this.emit('text');
      this.pos = found;
      this.start = found;
    }
    return () => this.lexLeftDelim();
  }

  private lexLeftDelim(): State {
    this.pos += LEFT.length;
    const marker = this.hasLeftTrimMarker(this.pos) ? 2 : 0;
    if (this.input.startsWith('/*', this.pos + marker)) {
      this.pos += marker;
      this.start = this.pos;
      return () => this.lexComment();
    }
    this.emit('leftDelim');
    this.pos += marker;
    this.start = this.pos;
    this.parenDepth = 0;
    return () => this.lexInsideAction();
  }

  private lexComment(): State {
    const end = this.input.indexOf('*/', this.pos + 2);
    if (end < 0) return this.fail('unclosed comment');
    this.pos = end + 2;
    const { delim, trim } = this.atRightDelim();
    if (!delim) return this.fail('comment ends before closing delimiter');
    this.emit('comment');
    this.pos += (trim ? 2 : 0) + RIGHT.length;
    if (trim) this.pos += leadingSpaceLength(this.input, this.pos);
    this.start = this.pos;
    return () => this.lexText();
  }

  private lexRightDelim(): State {
    const { trim } = this.atRightDelim();
    if (trim) this.pos += 2;
    this.start = this.pos;
    this.pos += RIGHT.length;
    this.emit('rightDelim');
    if (trim) this.pos += leadingSpaceLength(this.input, this.pos);
    this.start = this.pos;
    return () => this.lexText();
  }

  private lexInsideAction(): State {
    if (this.atRightDelim().delim) {
      return this.parenDepth === 0 ? this.lexRightDelim() : this.fail('unclosed left paren');
    }
    const char = this.next();
    if (char === undefined) return this.fail('unclosed action');
    if (isTemplateSpace(char)) {
      this.pos--;
      return this.lexSpace();
    }
    switch (char) {
      case '=':
        return this.emit('assign');
      case ':':
        return this.next() === '=' ? this.emit('declare') : this.fail('expected :=');
      case '|':
        return this.emit('pipe');
      case '"':
        return this.lexQuoted('"', 'string', 'unterminated quoted string');
      case "'":
        return this.lexQuoted("'", 'char', 'unterminated character constant');
      case '`':
        return this.lexRawQuote();
      case '$':
        return this.lexFieldOrVariable('variable');
      case '(':
        this.parenDepth++;
        return this.emit('leftParen');
      case ')':
        this.parenDepth--;
        return this.parenDepth < 0 ? this.fail('unexpected right paren') : this.emit('rightParen');
    }
    return this.lexOther(char);
  }

  private lexOther(char: string): State {
    if (char === '.' && !/[0-9]/.test(this.peek() ?? '')) return this.lexFieldOrVariable('field');
    if (char === '.' || char === '+' || char === '-' || /[0-9]/.test(char)) {
      this.pos--;
      return this.lexNumber();
    }
    const whole = String.fromCodePoint(this.input.codePointAt(this.pos - 1)!);
    this.pos += whole.length - 1;
    if (isAlphaNumeric(whole)) {
      this.pos -= whole.length;
      return this.lexIdentifier();
    }
    if (whole.charCodeAt(0) < 0x80 && isGoPrintable(whole)) return this.emit('punctuation');
    return this.fail(`unrecognized character in action: ${describeRune(whole)}`);
  }

  private lexSpace(): State {
    let count = 0;
    while (isTemplateSpace(this.peek())) {
      this.pos++;
      count++;
    }
    // A space run may end in the space of a trim-marked ` -}}`: leave that space to the delimiter.
    if (this.input[this.pos] === '-' && this.input.startsWith(RIGHT, this.pos + 1)) {
      this.pos--;
      if (count === 1) return this.lexRightDelim();
    }
    return this.emit('space');
  }

  private atTerminator(): boolean {
    const char = this.peek();
    if (char === undefined || isTemplateSpace(char) || '.,|:)('.includes(char)) return true;
    return this.input.startsWith(RIGHT, this.pos);
  }

  private badCharacter(): State {
    const char = String.fromCodePoint(this.input.codePointAt(this.pos)!);
    return this.fail(`bad character ${describeRune(char)}`);
  }

  private acceptWord(): void {
    while (this.pos < this.input.length) {
      const code = this.input.codePointAt(this.pos)!;
      const char = code < 0x80 ? this.input[this.pos]! : String.fromCodePoint(code);
      if (!isAlphaNumeric(char)) return;
      this.pos += char.length;
    }
  }

  private lexIdentifier(): State {
    this.acceptWord();
    if (!this.atTerminator()) return this.badCharacter();
    const word = this.input.slice(this.start, this.pos);
    if (word === 'true' || word === 'false') return this.emit('bool');
    if (word === 'nil') return this.emit('nil');
    const plain =
      (word === 'break' && !this.options.breakIsKeyword) || (word === 'continue' && !this.options.continueIsKeyword);
    return this.emit(KEYWORDS.has(word) && !plain ? 'keyword' : 'identifier');
  }

  private lexFieldOrVariable(kind: 'field' | 'variable'): State {
    if (this.atTerminator()) return this.emit(kind === 'variable' ? 'variable' : 'dot');
    this.acceptWord();
    if (!this.atTerminator()) return this.badCharacter();
    return this.emit(kind);
  }

  private lexQuoted(quote: string, kind: TokenKind, unterminated: string): State {
    for (;;) {
      let char = this.next();
      if (char === '\\') {
        char = this.next();
        if (char !== undefined && char !== '\n') continue;
      }
      if (char === undefined || char === '\n') return this.fail(unterminated);
      if (char === quote) return this.emit(kind);
    }
  }

  private lexRawQuote(): State {
    const end = this.input.indexOf('`', this.pos);
    if (end < 0) return this.fail('unterminated raw quoted string');
    this.pos = end + 1;
    return this.emit('rawString');
  }

  private lexNumber(): State {
    if (!this.scanNumber()) return this.fail(`bad number syntax: ${goQuote(this.input.slice(this.start, this.pos))}`);
    const sign = this.peek();
    if (sign !== '+' && sign !== '-') return this.emit('number');
    // A complex constant such as 1+2i: no spaces, and it must end in i.
    if (!this.scanNumber() || this.input[this.pos - 1] !== 'i') {
      return this.fail(`bad number syntax: ${goQuote(this.input.slice(this.start, this.pos))}`);
    }
    return this.emit('complex');
  }

  private scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i');
    if (isAlphaNumeric(this.peek())) {
      this.pos++;
      return false;
    }
    return true;
  }
}
