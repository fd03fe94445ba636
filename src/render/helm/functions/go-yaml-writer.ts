/**
 * The output side of go-yaml's emitter: where the cursor is (column, whether
 * the last thing written was whitespace or indentation), indentation, and
 * the four ways of writing a scalar, each folding long lines at spaces once
 * the column passes the width, as go-yaml does.
 */
import { codePoints, isBreak, isPrintable } from './go-yaml-chars.js';

const ESCAPES: Record<string, string> = {
  '\0': '0',
  '\x07': 'a',
  '\b': 'b',
  '\t': 't',
  '\n': 'n',
  '\v': 'v',
  '\f': 'f',
  '\r': 'r',
  '\x1b': 'e',
  '"': '"',
  '\\': '\\',
  '\u0085': 'N',
  '\u00a0': '_',
  '\u2028': 'L',
  '\u2029': 'P',
};

/** How a double-quoted scalar escapes a character: a short escape or hex (upper case) by size. */
function escapeChar(char: string): string {
  const short = ESCAPES[char];
  if (short !== undefined) return `\\${short}`;
  const code = char.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase();
  if (code <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (code <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

export class YamlWriter {
  private readonly chunks: string[] = [];
  private column = 0;
  /** The last thing written was whitespace (so an indicator needs no space before it). */
  whitespace = true;
  /** Only indentation has been written on this line so far. */
  indention = true;
  indent = -1;
  private readonly indents: number[] = [];

  /** @param width the column past which a space becomes a line break; Infinity never folds. */
  constructor(
    private readonly width: number,
    private readonly step = 2,
  ) {}

  text(): string {
    return this.chunks.join('');
  }

  /** Opens a level of indentation: a flow level or scalar starts at `step` from nothing; an indentless one stays. */
  pushIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? this.step : 0;
    else if (!indentless) this.indent += this.step;
  }

  popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  private put(text: string): void {
    this.chunks.push(text);
    this.column += text.length === 1 ? 1 : codePoints(text).length;
  }

  private putBreak(): void {
    this.chunks.push('\n');
    this.column = 0;
  }

  /** Writes a line break character as it is; any of them starts a new line. */
  private writeBreak(char: string): void {
    if (char === '\n') this.putBreak();
    else {
      this.chunks.push(char);
      this.column = 0;
    }
  }

  /** Goes to a new line at the current indentation, unless the cursor already stands there. */
  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) this.put(' '.repeat(indent - this.column));
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /** Whether a space at this point of a scalar becomes a line break. */
  private folds(allowBreaks: boolean, afterSpace: boolean): boolean {
    return allowBreaks && !afterSpace && this.column > this.width;
  }

  writePlain(text: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    const chars = codePoints(text);
    let spaces = false;
    let breaks = false;
    chars.forEach((char, index) => {
      if (char === ' ') {
        if (this.folds(allowBreaks, spaces) && chars[index + 1] !== ' ') this.writeIndent();
        else this.put(char);
        spaces = true;
      } else if (isBreak(char)) {
        if (!breaks && char === '\n') this.putBreak();
        this.writeBreak(char);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(char);
        this.indention = false;
        spaces = breaks = false;
      }
    });
    this.whitespace = false;
    this.indention = false;
  }

  writeSingleQuoted(text: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const chars = codePoints(text);
    let spaces = false;
    let breaks = false;
    chars.forEach((char, index) => {
      if (char === ' ') {
        const inside = index > 0 && index < chars.length - 1 && chars[index + 1] !== ' ';
        if (this.folds(allowBreaks, spaces) && inside) this.writeIndent();
        else this.put(char);
        spaces = true;
      } else if (isBreak(char)) {
        if (!breaks && char === '\n') this.putBreak();
        this.writeBreak(char);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(char === "'" ? "''" : char);
        this.indention = false;
        spaces = breaks = false;
      }
    });
    this.writeIndicator("'", false, false, false);
  }

  writeDoubleQuoted(text: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    const chars = codePoints(text);
    // go-yaml looks for a byte-order mark at the start of the text, not at each character, so after one it escapes all.
    const escapeAll = chars[0] === '\ufeff';
    let spaces = false;
    chars.forEach((char, index) => {
      if (escapeAll || !isPrintable(char) || isBreak(char) || char === '"' || char === '\\') {
        this.put(escapeChar(char));
        spaces = false;
      } else if (char === ' ') {
        if (this.folds(allowBreaks, spaces) && index > 0 && index < chars.length - 1) {
          this.writeIndent();
          // A space starting the next line would be read as indentation: escape it.
          if (chars[index + 1] === ' ') this.put('\\');
        } else this.put(char);
        spaces = true;
      } else {
        this.put(char);
        spaces = false;
      }
    });
    this.writeIndicator('"', false, false, false);
  }

  writeLiteral(text: string): void {
    this.writeIndicator('|', true, false, false);
    this.writeBlockHints(text);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const char of codePoints(text)) {
      if (isBreak(char)) {
        this.writeBreak(char);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        breaks = false;
        this.put(char);
        this.indention = false;
      }
    }
  }

  /** The indentation hint (for text starting with a space or break) and the chomping indicator. */
  private writeBlockHints(text: string): void {
    const chars = codePoints(text);
    if (chars[0] === ' ' || isBreak(chars[0])) this.writeIndicator(String(this.step), false, false, false);
    const last = chars[chars.length - 1];
    let chomp = '';
    if (!isBreak(last)) chomp = '-';
    else if (chars.length === 1 || isBreak(chars[chars.length - 2])) chomp = '+';
    if (chomp !== '') this.writeIndicator(chomp, false, false, false);
  }
}
