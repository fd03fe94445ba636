import { LineCounter, parseAllDocuments, type Document, type YAMLError } from 'yaml';
import { formatPath } from '../engine/paths.js';
import type { Finding, KubeObject, ObjectPath, Resource } from '../engine/types.js';
import { createYamlLocator } from './locator.js';
import { fileProblem, LOAD_RULES } from './problems.js';
import { createResource, isKubeObject, isPlainObject, type Origin } from './resource.js';
import { shapeProblems } from './shape.js';

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
  const positionAt = lazyPositions(text);
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [];
  for (const [documentIndex, document] of list.entries()) {
    yield* documentEvents(document, { file, documentIndex, lineCounter, positionAt });
  }
}

interface DocumentContext {
  file: string;
  documentIndex: number;
  lineCounter: LineCounter;
  /** Line and column of an offset, computed from the text itself (the parser's own counter can miss lines while it recovers from an error). */
  positionAt: (offset: number) => { line: number; col: number };
}

function* documentEvents(document: Document.Parsed, context: DocumentContext): Generator<LoadEvent> {
  // Duplicate keys are reported, but the document is still checked with the
  // last value, as the API server would keep it; other errors make it unreadable.
  // A document nested too deeply makes the parser fail at every level below the limit; say it once.
  const deep = document.errors.findIndex((error) => tooDeep(error.message));
  const errors = deep === -1 ? document.errors : document.errors.slice(0, deep + 1);
  for (const error of errors) yield { type: 'problem', finding: syntaxFinding(error, context) };
  if (document.errors.some((error) => error.code !== 'DUPLICATE_KEY')) return;
  const start = (document.contents as { range?: [number, number, number] } | null)?.range?.[0] ?? document.range[0];
  const line = context.lineCounter.linePos(start).line;
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = tooDeep(reason) ? 'cannot load document: nesting is too deep' : `cannot load document: ${reason}`;
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
  if (!isKubeObject(value)) {
    const invalid = identityProblem(value);
    if (invalid) {
      const range = locator.locate(invalid.path);
      const finding = fileProblem(LOAD_RULES.invalidResource, invalid.severity, invalid.message, {
        ...origin,
        ...range,
      });
      return yield { type: 'problem', finding: { ...finding, path: formatPath(invalid.path) } };
    }
    return yield skip(notAnObjectReason(value));
  }
  if (isList(value)) {
    for (const [index, item] of value.items.entries()) {
      const pathInDocument = ['items', index];
      if (isKubeObject(item)) yield* resourceEvents(item, { ...origin, pathInDocument });
      else
        yield skip(
          `items[${index}] of the ${value.kind}: ${notAnObjectReason(item)}`,
          locator.locate(pathInDocument).line,
        );
    }
    return;
  }
  yield* resourceEvents(value, { ...origin, pathInDocument: [] });
}

/** A resource, preceded by an `invalid-resource` finding for each mistyped field it has. */
function* resourceEvents(object: KubeObject, origin: Origin): Generator<LoadEvent> {
  for (const problem of shapeProblems(object)) {
    const range = origin.locator.locate([...origin.pathInDocument, ...problem.path]);
    const namePath = formatPath([...origin.pathInDocument, ...problem.path]);
    const finding = fileProblem(LOAD_RULES.invalidResource, 'error', problem.message, { ...origin, ...range });
    yield { type: 'problem', finding: { ...finding, path: namePath, object: identityOf(object) } };
  }
  yield { type: 'resource', resource: createResource(object, origin) };
}

function identityOf(object: KubeObject): Finding['object'] {
  const metadata = isPlainObject(object.metadata) ? object.metadata : {};
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    ...(typeof metadata.namespace === 'string' && { namespace: metadata.namespace }),
    ...(typeof metadata.name === 'string' && { name: metadata.name }),
  };
}

/**
 * A document that means to be a Kubernetes object but cannot be one: a
 * mapping with only one of apiVersion and kind, or either not a string; or a
 * document that is a bare scalar or sequence. Mappings with neither field are
 * other YAML (CI workflows, Helm values) and are passed over.
 */
function identityProblem(
  value: unknown,
): { path: ObjectPath; message: string; severity: 'error' | 'warning' } | undefined {
  if (Array.isArray(value) || !isPlainObject(value)) {
    const what = Array.isArray(value) ? 'a sequence' : `a ${typeof value}`;
    return { path: [], message: `not a Kubernetes object: the document is ${what}`, severity: 'warning' };
  }
  const hasVersion = value.apiVersion !== undefined;
  const hasKind = value.kind !== undefined;
  if (!hasVersion && !hasKind) return undefined;
  for (const field of ['apiVersion', 'kind'] as const) {
    const present = value[field];
    if (present === undefined) {
      const other = field === 'kind' ? 'apiVersion' : 'kind';
      return {
        path: [other],
        message: `has ${other} but no ${field}, so it is not a valid Kubernetes object`,
        severity: 'error',
      };
    }
    if (typeof present !== 'string') {
      return { path: [field], message: `${field} must be a string, not ${JSON.stringify(present)}`, severity: 'error' };
    }
  }
  return undefined;
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
  const start = context.positionAt(error.pos[0]);
  const end = context.positionAt(Math.max(error.pos[0], error.pos[1]));
  const duplicate = error.code === 'DUPLICATE_KEY';
  const message = duplicate
    ? 'duplicate key: only the last value counts, which hides the earlier one'
    : tooDeep(error.message)
      ? `nesting is too deep to load (${error.code})`
      : `${shorten(error.message.split('\n')[0] ?? error.message)} (${error.code})`;
  return fileProblem(duplicate ? LOAD_RULES.duplicateKey : LOAD_RULES.parseError, 'error', message, {
    ...context,
    line: start.line,
    column: start.col,
    endLine: end.line,
    endColumn: end.col,
  });
}

/** Maps offsets to 1-based lines and UTF-16 columns; the line index is built on first use. */
function lazyPositions(text: string): (offset: number) => { line: number; col: number } {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, col: offset - (starts[low] ?? 0) + 1 };
  };
}

/** A stack overflow while parsing or converting: the input nests too deeply. */
function tooDeep(message: string): boolean {
  return /call stack/i.test(message);
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
