/**
 * Errors of parsing and executing templates, with Go's message text and the
 * place they point at.
 */
import type { SourcePosition } from './source-text.js';

/**
 * A template that does not parse. `message` names the file, line and column;
 * `goMessage` is Go's text (`template: <file>:<line>: <reason>`), which Helm
 * turns into `parse error at (<file>:<line>): <last part>`.
 */
export class TemplateParseError extends Error {
  readonly code = 'template-parse';
  readonly goMessage: string;

  constructor(
    readonly position: SourcePosition,
    /** What is wrong, as Go words it (`function "foo" not defined`). */
    readonly reason: string,
  ) {
    super(`template: ${position.file}:${position.line}:${position.column}: ${reason}`);
    this.name = 'TemplateParseError';
    this.goMessage = `template: ${position.file}:${position.line}: ${reason}`;
  }
}

/**
 * A failure while executing: the message is Go's
 * (`template: <file>:<line>:<col>: executing "<name>" at <<node>>: <reason>`,
 * with Go's 0-based byte column).
 */
export class TemplateExecError extends Error {
  readonly code = 'template-exec';

  constructor(
    message: string,
    /** Where the failing node starts; undefined for errors about a whole template. */
    readonly position: SourcePosition | undefined,
    /** The template calls that led there, outermost first. */
    readonly callStack: readonly SourcePosition[],
    /** The failure itself, without the location prefix. */
    readonly reason: string,
  ) {
    super(message);
    this.name = 'TemplateExecError';
  }
}
