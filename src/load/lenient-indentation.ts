/**
 * go-yaml (and so kubectl) does not check indentation inside a quoted scalar
 * or a flow collection that spans lines; `yaml` requires each of their lines to
 * be indented past the block they sit in. Real manifests rely on go-yaml's
 * leniency, as in this Argo Workflows example, whose closing line is not
 * indented past `args`:
 *
 *     args: ["
 *       cd /src && make
 *     "]
 *
 * Indenting such lines changes no value (a line break inside a quoted scalar or
 * a flow collection folds, and takes the next line's leading spaces with it),
 * so a document that fails to parse is parsed again with them indented, and
 * positions are mapped back to the text as written.
 */
import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import { YAML_PARSE_OPTIONS, yamlProblems } from './kube-yaml/decode.js';
import type { LinePositions } from './locator.js';

/** A document parsed from indented text, with positions in the text as written. */
export interface Mended {
  document: Document.Parsed;
  /** Positions of the parsed document's offsets, as lines and columns of the original file. */
  lineCounter: LinePositions;
}

/** Whether `yaml` refused a document in a way that under-indented lines of a quoted scalar or flow collection cause. */
export function isIndentationError(error: { code: string; message: string }): boolean {
  return (
    (error.code === 'BAD_INDENT' && /^Flow (?:sequence|map|mapping) in block collection/.test(error.message)) ||
    (error.code === 'MISSING_CHAR' && /^Missing closing .?quote/.test(error.message))
  );
}

/**
 * Parses `source` (one document, the lines of a file from line `firstLine` + 1)
 * again with the under-indented lines of its quoted scalars and flow
 * collections indented; undefined when there are none, or when anything else
 * is wrong with it.
 */
export function mendIndentation(source: string, firstLine: number): Mended | undefined {
  const lines = source.split('\n');
  const padding = paddingFor(lines);
  if (!padding.some((pad) => pad > 0)) return undefined;
  const text = lines.map((line, index) => ' '.repeat(padding[index] ?? 0) + line).join('\n');
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { ...YAML_PARSE_OPTIONS, lineCounter });
  if (!Array.isArray(documents) || documents.length !== 1) return undefined;
  const [document] = documents;
  if (!document || yamlProblems(document.errors).length > 0) return undefined;
  return { document, lineCounter: unpadded(lineCounter, padding, firstLine) };
}

/** Where a line stands when it starts: inside a quoted scalar or a flow collection, and the indentation they need. */
interface Inside {
  quote?: '"' | "'";
  depth: number;
  /** The indentation of the block the outermost construct sits in. */
  block: number;
}

/** Spaces to add to each line so that those inside a quoted scalar or flow collection are indented past their block. */
function paddingFor(lines: readonly string[]): number[] {
  const padding = lines.map(() => 0);
  let inside: Inside = { depth: 0, block: 0 };
  let blockScalarIndent = -1;
  lines.forEach((line, index) => {
    const indent = line.length - line.trimStart().length;
    const continued = inside.quote !== undefined || inside.depth > 0;
    if (continued) {
      if (line.trim() !== '' && indent <= inside.block) padding[index] = inside.block + 1 - indent;
    } else if (blockScalarIndent !== -1) {
      if (line.trim() === '' || indent > blockScalarIndent) return;
      blockScalarIndent = -1;
    }
    if (!continued) inside = { depth: 0, block: blockIndent(line) };
    inside = scanLine(line, inside);
    if (inside.quote === undefined && inside.depth === 0 && startsBlockScalar(line)) blockScalarIndent = indent;
  });
  return padding;
}

/** The indentation of a line's block: past its `- ` sequence markers, where its key or value starts. */
function blockIndent(line: string): number {
  const match = /^[ ]*(?:-[ ]+)*/.exec(line);
  return match ? match[0].length : 0;
}

/** A line whose value is a block scalar (`|`, `>-` …): the lines that follow are its text. */
function startsBlockScalar(line: string): boolean {
  return /(?:^|[:-][ ]+)[|>][-+0-9]*[ ]*(?:#.*)?$/.test(line.trimEnd());
}

/** Carries the quote and flow state across one line. */
function scanLine(line: string, state: Inside): Inside {
  let { quote, depth } = state;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quote === "'") {
      if (char === "'") {
        if (line[index + 1] === "'") index++;
        else quote = undefined;
      }
    } else if (quote === '"') {
      if (char === '\\') index++;
      else if (char === '"') quote = undefined;
    } else if (char === '#' && (index === 0 || line[index - 1] === ' ')) break;
    else if ((char === '"' || char === "'") && startsToken(line, index)) quote = char;
    else if ((char === '[' || char === '{') && (depth > 0 || startsToken(line, index))) depth++;
    else if ((char === ']' || char === '}') && depth > 0) depth--;
  }
  return { quote, depth, block: state.block };
}

/** Whether a quote or bracket at `index` opens a scalar or collection rather than standing inside plain text (`it's`). */
function startsToken(line: string, index: number): boolean {
  const before = line.slice(0, index).trimEnd();
  return before === '' || /[:\-[{,?]$/.test(before);
}

function unpadded(lineCounter: LineCounter, padding: readonly number[], firstLine: number): LinePositions {
  return {
    linePos(offset) {
      const { line, col } = lineCounter.linePos(offset);
      return { line: line + firstLine, col: Math.max(1, col - (padding[line - 1] ?? 0)) };
    },
  };
}
