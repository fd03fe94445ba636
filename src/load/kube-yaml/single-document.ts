/**
 * Reads a file that holds one YAML document of k8s-bp's own (the config, a
 * Gatekeeper suite) as Kubernetes tools read YAML, so that `yes` and `0644`
 * mean the same in the config as in the manifests it lints.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import { decodeDocument, YAML_PARSE_OPTIONS, yamlProblems } from './decode.js';
import { DecodeError } from './entries.js';

export type SingleDocument =
  | { value: unknown; document: Document.Parsed; lineCounter: LineCounter }
  | { error: string; line: number; column: number };

/** The document's value, or the first thing wrong with it (a syntax error, a duplicate key, what Kubernetes would refuse). */
export function readSingleDocument(text: string): SingleDocument {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { ...YAML_PARSE_OPTIONS, lineCounter });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const [firstError] = yamlProblems(document.errors);
  if (firstError)
    return { error: `invalid YAML: ${firstError.message.split('\n')[0] ?? ''}`, ...at(firstError.pos[0]) };
  try {
    const { value, duplicates } = decodeDocument(document);
    const [duplicate] = duplicates;
    if (duplicate) {
      const first = at(duplicate.first[0]).line;
      return {
        error: `invalid YAML: the key ${JSON.stringify(duplicate.key)} is also on line ${first}`,
        ...at(duplicate.range[0]),
      };
    }
    return { value, document, lineCounter };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const offset = error instanceof DecodeError ? (error.range?.[0] ?? 0) : 0;
    return { error: /call stack/i.test(reason) ? 'nesting is too deep' : reason, ...at(offset) };
  }
}
