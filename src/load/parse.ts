import { LineCounter, parseAllDocuments, type Document, type YAMLError } from 'yaml';
import type { Finding, Resource } from '../engine/types.js';
import { createYamlLocator } from './locator.js';
import { fileProblem, LOAD_RULES } from './problems.js';
import { createResource, isKubeObject, isPlainObject } from './resource.js';

/** What loading one file yields, one event per document or list item, in document order. */
export type LoadEvent =
  | { type: 'resource'; resource: Resource }
  | { type: 'problem'; finding: Finding }
  | { type: 'skipped'; file: string; documentIndex: number; line: number; reason: string };

/** Bounds alias expansion so that a "billion laughs" document cannot exhaust memory. */
const MAX_ALIAS_COUNT = 1000;

// Helm actions that only make sense in a chart template; Go templates inside
// ordinary string values (alerting rules, for instance) do not match.
const HELM_ACTION =
  /\{\{-?\s*(?:\.Values|\.Release|\.Chart|\.Capabilities|\.Files|include\s|template\s|toYaml\b|tpl\s|define\s|if\s|range\s|with\s)/;

/**
 * Parses the text of one file into resources, problems and notes on what was
 * skipped. A generator, so that callers can stream documents one at a time.
 */
export function* parseManifests(text: string, file: string): Generator<LoadEvent> {
  const helm = HELM_ACTION.exec(text);
  if (helm) {
    yield { type: 'problem', finding: helmFinding(text, file, helm.index) };
    return;
  }
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [];
  for (const [documentIndex, document] of list.entries()) {
    yield* documentEvents(document, { file, documentIndex, lineCounter });
  }
}

interface DocumentContext {
  file: string;
  documentIndex: number;
  lineCounter: LineCounter;
}

function* documentEvents(document: Document.Parsed, context: DocumentContext): Generator<LoadEvent> {
  // Duplicate keys are reported, but the document is still checked with the
  // last value, as the API server would keep it; other errors make it unreadable.
  for (const error of document.errors) yield { type: 'problem', finding: syntaxFinding(error, context) };
  if (document.errors.some((error) => error.code !== 'DUPLICATE_KEY')) return;
  const start = (document.contents as { range?: [number, number, number] } | null)?.range?.[0] ?? document.range[0];
  const line = context.lineCounter.linePos(start).line;
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = `cannot load document: ${error instanceof Error ? error.message : String(error)}`;
    yield {
      type: 'problem',
      finding: fileProblem(LOAD_RULES.parseError, 'error', message, { ...context, line, column: 1 }),
    };
    return;
  }
  const locator = createYamlLocator(document, context.lineCounter);
  const origin = { file: context.file, documentIndex: context.documentIndex, locator };
  const skip = (reason: string, at = line): LoadEvent => ({ type: 'skipped', ...origin, line: at, reason });

  if (value === null || value === undefined) return yield skip('empty document');
  if (!isKubeObject(value)) return yield skip(notAnObjectReason(value));
  if (isList(value)) {
    for (const [index, item] of value.items.entries()) {
      const pathInDocument = ['items', index];
      if (isKubeObject(item)) yield { type: 'resource', resource: createResource(item, { ...origin, pathInDocument }) };
      else
        yield skip(
          `items[${index}] of the ${value.kind}: ${notAnObjectReason(item)}`,
          locator.locate(pathInDocument).line,
        );
    }
    return;
  }
  yield { type: 'resource', resource: createResource(value, { ...origin, pathInDocument: [] }) };
}

function isList(value: { kind: string; [key: string]: unknown }): value is { kind: string; items: unknown[] } {
  return value.kind.endsWith('List') && Array.isArray(value.items);
}

function notAnObjectReason(value: unknown): string {
  if (Array.isArray(value)) return 'not a Kubernetes object (the document is a sequence)';
  if (!isPlainObject(value)) return `not a Kubernetes object (the document is a ${typeof value})`;
  return 'not a Kubernetes object (no apiVersion and kind)';
}

function syntaxFinding(error: YAMLError, context: DocumentContext): Finding {
  const start = context.lineCounter.linePos(error.pos[0]);
  const end = context.lineCounter.linePos(Math.max(error.pos[0], error.pos[1]));
  const duplicate = error.code === 'DUPLICATE_KEY';
  const message = duplicate
    ? 'duplicate key: only the last value counts, which hides the earlier one'
    : `${shorten(error.message.split('\n')[0] ?? error.message)} (${error.code})`;
  return fileProblem(duplicate ? LOAD_RULES.duplicateKey : LOAD_RULES.parseError, 'error', message, {
    ...context,
    line: start.line,
    column: start.col,
    endLine: end.line,
    endColumn: end.col,
  });
}

const MAX_MESSAGE = 160;

/** yaml quotes whole tokens in its messages; a long one would swamp the report. */
function shorten(message: string): string {
  return message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE - 1)}…`;
}

function helmFinding(text: string, file: string, offset: number): Finding {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  const message =
    'this file contains Helm template syntax; render the chart first and lint the output (helm template <release> <chart> | k8s-bp lint -)';
  return fileProblem(LOAD_RULES.helmTemplate, 'warning', message, { file, documentIndex: 0, line, column });
}
