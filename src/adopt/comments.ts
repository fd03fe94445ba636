/**
 * `# k8s-bp-ignore rule-a,rule-b -- reason` comments: a trailing comment
 * silences those rules on its own line; a comment on a line of its own
 * silences them on the next line that is neither blank nor a comment.
 */
import { Lexer } from 'yaml';

/** One `k8s-bp-ignore` comment. */
export interface IgnoreComment {
  file: string;
  /** 0-based index of the YAML document the comment is in (for ordering findings about it). */
  documentIndex: number;
  /** Where the comment is (its `#`), 1-based. */
  line: number;
  column: number;
  /** The line whose findings it silences. */
  targetLine: number;
  /** Rule ids (or constraint names), as written. */
  rules: string[];
  reason: string | undefined;
}

// A YAML comment starts a line or follows whitespace; the keyword must end there or before a space.
const DIRECTIVE = /(^|\s)#\s*k8s-bp-ignore(?=\s|$)(.*)$/;
// The reason follows the first ` -- ` (or a `--` that ends the comment).
const REASON_SEPARATOR = /(?:^|\s)--(?:\s|$)/;
const BLANK_OR_COMMENT = /^\s*(?:#.*)?$/;

/** Finds every `k8s-bp-ignore` comment in a file's text. */
export function scanIgnoreComments(text: string, file: string): IgnoreComment[] {
  // Cheap exit for the common case: most files have none.
  if (!text.includes('k8s-bp-ignore')) return [];
  const lines = text.split(/\r\n|\r|\n/);
  const real = commentStarts(text);
  const comments: IgnoreComment[] = [];
  const documents = documentCounter();
  for (const [index, line] of lines.entries()) {
    const documentIndex = documents.next(line);
    const match = DIRECTIVE.exec(line);
    if (!match) continue;
    const hash = match.index + (match[1] ?? '').length;
    // A `#` inside a block scalar (a script in a ConfigMap) is text, not a comment.
    if (!real.has(`${index + 1}:${hash + 1}`)) continue;
    const ownLine = line.slice(0, hash).trim() === '';
    comments.push({
      file,
      documentIndex,
      line: index + 1,
      column: hash + 1,
      targetLine: ownLine ? nextContentLine(lines, index) : index + 1,
      ...parseDirective(match[2] ?? ''),
    });
  }
  return comments;
}

/** Markers that the YAML lexer emits without consuming any source text. */
const ZERO_WIDTH_TOKENS = new Set(['\u0002', '\u0018', '\u001f']);

/** `line:column` (1-based) of every comment's `#` in the text, as the YAML lexer finds them. */
function commentStarts(text: string): Set<string> {
  const starts = new Set<string>();
  let line = 1;
  let lineStart = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (ZERO_WIDTH_TOKENS.has(token)) continue;
    if (token.startsWith('#')) starts.add(`${line}:${offset - lineStart + 1}`);
    // Line breaks as the line splitting above counts them: \r\n, \r or \n.
    for (const lineBreak of token.matchAll(/\r\n|\r|\n/g)) {
      line++;
      lineStart = offset + lineBreak.index + lineBreak[0].length;
    }
    offset += token.length;
  }
  return starts;
}

/** `rule-a, rule-b -- why` → the ids and the reason. */
export function parseDirective(text: string): { rules: string[]; reason: string | undefined } {
  const separator = REASON_SEPARATOR.exec(text);
  const ids = separator ? text.slice(0, separator.index) : text;
  const reason = separator ? text.slice(separator.index + separator[0].length).trim() : '';
  return { rules: splitRuleList(ids), reason: reason === '' ? undefined : reason };
}

/** Rule ids separated by commas or spaces. */
export function splitRuleList(text: string): string[] {
  return text.split(/[\s,]+/).filter((id) => id !== '');
}

/** 1-based number of the first line after `index` with content; past the end when there is none. */
function nextContentLine(lines: readonly string[], index: number): number {
  let next = index + 1;
  while (next < lines.length && BLANK_OR_COMMENT.test(lines[next] ?? '')) next++;
  return next + 1;
}

/**
 * Tracks the document index line by line, as the YAML parser counts: every
 * `---` starts a document, except a first one with nothing but comments before.
 */
function documentCounter(): { next(line: string): number } {
  let index = 0;
  let started = false;
  return {
    next(line) {
      if (/^---(?:\s|$)/.test(line)) {
        if (started) index++;
        started = true;
      } else if (!BLANK_OR_COMMENT.test(line) && !line.startsWith('%')) started = true;
      return index;
    },
  };
}
