/**
 * Template text with its file name, and the arithmetic that turns an offset
 * into the places people and Go print: 1-based line and UTF-16 column for
 * findings, 0-based UTF-8 byte column for Go's error messages.
 */
import { utf8Length } from '../../../util/utf8.js';

/** Where a node starts in a template file. */
export interface SourcePosition {
  /** The template's file (Helm's template name, such as `chart/templates/x.yaml`). */
  readonly file: string;
  /** UTF-16 offset in the file's text. */
  readonly offset: number;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units. */
  readonly column: number;
}

/** The text of one parsed file, with a table of line starts. */
export class SourceText {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  /** The 1-based line of an offset. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  /** The position of an offset. */
  positionOf(offset: number): SourcePosition {
    const line = this.lineOf(offset);
    return { file: this.file, offset, line, column: offset - this.lineStarts[line - 1]! + 1 };
  }

  /** Go's column: UTF-8 bytes from the start of the line, counted from 0. */
  goColumn(offset: number): number {
    const lineStart = this.lineStarts[this.lineOf(offset) - 1]!;
    return utf8Length(this.text.slice(lineStart, offset));
  }
}
