/**
 * go-yaml (and so kubectl) does not check indentation inside a flow collection;
 * `yaml` requires every line of one that sits in a block collection to be
 * indented past the block. Real manifests rely on go-yaml's leniency, as in
 * this Argo Workflows example, whose closing line is not indented past `args`:
 *
 *     args: ["
 *       cd /src && make
 *     "]
 *
 * Indenting such lines changes no value (line breaks inside flow scalars fold
 * and take their leading spaces with them), so a document that fails only for
 * this is parsed again with those lines indented, and positions are mapped
 * back to the text as written.
 */
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { LinePositions } from './locator.js';

/** A document parsed from indented text, with positions in the text as written. */
export interface Reindented {
  document: Document.Parsed;
  /** Positions of the parsed document's offsets, as lines and columns of the original file. */
  lineCounter: LinePositions;
}

/** At most this many lines are indented in one document. */
const MAX_LINES = 200;

const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: false } as const;

/** Whether `yaml` refused a document for the indentation of a flow collection's line. */
export function isFlowIndentError(error: { code: string; message: string }): boolean {
  return error.code === 'BAD_INDENT' && /^Flow (?:sequence|map|mapping) in block collection/.test(error.message);
}

/**
 * Parses `source` (one document, the lines of a file from `firstLine`) again
 * with the under-indented lines of its flow collections indented; undefined
 * when anything else is wrong with it.
 */
export function reindentFlowLines(source: string, firstLine: number): Reindented | undefined {
  const lines = source.split('\n');
  const padding = new Array<number>(lines.length).fill(0);
  for (let attempt = 0; attempt <= MAX_LINES; attempt++) {
    const text = lines.map((line, index) => ' '.repeat(padding[index] ?? 0) + line).join('\n');
    const lineCounter = new LineCounter();
    const documents = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter });
    if (!Array.isArray(documents) || documents.length !== 1) return undefined;
    const [document] = documents;
    if (!document) return undefined;
    const errors = document.errors.filter((error) => error.code !== 'TAG_RESOLVE_FAILED');
    if (errors.length === 0) {
      if (attempt === 0) return undefined;
      return { document, lineCounter: unpadded(lineCounter, padding, firstLine) };
    }
    const flow = errors.find(isFlowIndentError);
    if (!flow) return undefined;
    const line = lineCounter.linePos(flow.pos[0]).line - 1;
    const needed = neededIndent(lines, line);
    const current = indentOf(lines[line] ?? '') + (padding[line] ?? 0);
    if (needed === undefined || current >= needed) return undefined;
    padding[line] = (padding[line] ?? 0) + needed - current;
  }
  return undefined;
}

/** One more than the indentation of the nearest line above with no more indentation: the block the collection sits in. */
function neededIndent(lines: readonly string[], line: number): number | undefined {
  const own = indentOf(lines[line] ?? '');
  for (let above = line - 1; above >= 0; above--) {
    const text = lines[above] ?? '';
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
    const indent = indentOf(text);
    if (indent <= own) return indent + (text.trimStart().startsWith('- ') ? 3 : 1);
  }
  return undefined;
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function unpadded(lineCounter: LineCounter, padding: readonly number[], firstLine: number): LinePositions {
  return {
    linePos(offset) {
      const { line, col } = lineCounter.linePos(offset);
      return { line: line + firstLine, col: Math.max(1, col - (padding[line - 1] ?? 0)) };
    },
  };
}
