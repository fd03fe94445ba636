import { Document, LineCounter, parseAllDocuments, type YAMLError, type YAMLWarning } from 'yaml';
import { formatPath } from '../engine/paths.js';
import type { Finding, KubeObject, Locator, ObjectPath, Resource } from '../engine/types.js';
import { loadFast, type Chunk, type FastDocument } from './fast.js';
import { createEventRanges, type EventRanges } from './event-locator.js';
import { createYamlLocator, toSourceRange, type LinePositions } from './locator.js';
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
 * Set to force the simple load path (every file parsed by `yaml` alone), for
 * comparing it with the fast path when looking into a difference.
 */
export const SIMPLE_LOAD_VARIABLE = 'K8S_BP_SIMPLE_LOAD';

/**
 * Parses the text of one file into resources, problems and notes on what was
 * skipped. A generator, so that callers can stream documents one at a time.
 *
 * Two paths give the same events: the fast path (js-yaml for values, `yaml`
 * only for documents that need a position) when the file is plain enough for
 * it, and otherwise the simple path (`yaml` for everything).
 */
export function* parseManifests(text: string, file: string): Generator<LoadEvent> {
  const helm = HELM_ACTION.exec(text);
  if (helm) {
    yield { type: 'problem', finding: helmFinding(text, file, helm.index) };
    return;
  }
  const fast = process.env[SIMPLE_LOAD_VARIABLE] ? undefined : prepareFast(text);
  if (fast) yield* fastEvents(fast, text, file);
  else yield* simpleEvents(text, file);
}

function* simpleEvents(text: string, file: string): Generator<LoadEvent> {
  const lineCounter = new LineCounter();
  const positionAt = lazyPositions(text);
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [];
  for (const [documentIndex, document] of list.entries()) {
    yield* documentEvents(document, { file, documentIndex, lineCounter, positionAt });
  }
}

/** A document of the fast path: its value, or, when it is not a plain object, `yaml`'s tree of it. */
type Prepared = FastDocument & { parsed?: ParsedChunk };

interface ParsedChunk {
  document: Document.Parsed;
  lineCounter: LineCounter;
}

/**
 * Loads the file on the fast path, or returns undefined for the simple one.
 * Documents that are not a Kubernetes object as such (empty, a List, a scalar,
 * a mapping without identity) go through `yaml` here already, so that what is
 * reported on them comes from the same code as on the simple path.
 */
function prepareFast(text: string): Prepared[] | undefined {
  const documents: Prepared[] = loadFast(text) ?? [];
  if (documents.length === 0) return undefined;
  for (const document of documents) {
    if (!document.hasDocument || isPlainResource(document.value)) continue;
    const parsed = parseChunk(text, document.chunk);
    if (!parsed) return undefined;
    document.parsed = parsed;
  }
  return documents;
}

function isPlainResource(value: unknown): value is KubeObject {
  return isKubeObject(value) && !isList(value);
}

function* fastEvents(documents: Prepared[], text: string, file: string): Generator<LoadEvent> {
  let documentIndex = 0;
  for (const document of documents) {
    if (!document.hasDocument) continue;
    const { chunk, value, parsed } = document;
    if (parsed) {
      const positions = shiftedPositions(lazyPositions(text.slice(chunk.start, chunk.end)), chunk.linesBefore);
      const lineCounter = shiftedLineCounter(parsed.lineCounter, chunk.linesBefore);
      yield* documentEvents(parsed.document, { file, documentIndex, lineCounter, positionAt: positions });
    } else if (isPlainResource(value)) {
      const locator = chunkLocator(text, chunk);
      yield* resourceEvents(value, { file, documentIndex, locator, pathInDocument: [] });
    }
    documentIndex++;
  }
}

/**
 * `yaml`'s tree of one document of the file, parsed from its stretch alone;
 * undefined when `yaml` has anything to say about it, which only the simple
 * path reports.
 */
function parseChunk(text: string, chunk: Chunk): ParsedChunk | undefined {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text.slice(chunk.start, chunk.end), { lineCounter, prettyErrors: false });
  if (!Array.isArray(documents) || documents.length !== 1) return undefined;
  const [document] = documents;
  if (!document || document.errors.length > 0 || document.warnings.length > 0) return undefined;
  return { document, lineCounter };
}

// Findings come resource by resource, so one located document serves a run of
// them; keeping only the last one bounds memory whatever the input's size.
let lastLocated: { text: string; start: number; locator: Locator } | undefined;

/** A locator that reads the document again on its first use. */
function chunkLocator(text: string, chunk: Chunk): Locator {
  return {
    locate(path) {
      if (lastLocated?.start !== chunk.start || lastLocated.text !== text) {
        lastLocated = { text, start: chunk.start, locator: locateChunk(text.slice(chunk.start, chunk.end), chunk) };
      }
      return lastLocated.locator.locate(path);
    },
  };
}

/**
 * Ranges from js-yaml's events where they are certain to be `yaml`'s, and from
 * `yaml`'s own tree (parsed on demand) everywhere else.
 */
function locateChunk(source: string, chunk: Chunk): Locator {
  const lines = shiftedLineCounter({ linePos: lazyPositions(source) }, chunk.linesBefore);
  let ranges: EventRanges | undefined;
  try {
    ranges = createEventRanges(source);
  } catch {
    ranges = undefined;
  }
  let fromTree: Locator | undefined;
  return {
    locate(path) {
      const range = ranges?.(path);
      if (range) return toSourceRange(range, lines);
      if (!fromTree) {
        const lineCounter = new LineCounter();
        const [document] = parseAllDocuments(source, { lineCounter, prettyErrors: false }) as Document.Parsed[];
        fromTree = createYamlLocator(document ?? new Document(), shiftedLineCounter(lineCounter, chunk.linesBefore));
      }
      return fromTree.locate(path);
    },
  };
}

function shiftedLineCounter(lineCounter: LinePositions, lines: number): LinePositions {
  if (lines === 0) return lineCounter;
  return {
    linePos(offset) {
      const position = lineCounter.linePos(offset);
      return { line: position.line + lines, col: position.col };
    },
  };
}

function shiftedPositions(
  positionAt: (offset: number) => { line: number; col: number },
  lines: number,
): (offset: number) => { line: number; col: number } {
  return (offset) => {
    const position = positionAt(offset);
    return { line: position.line + lines, col: position.col };
  };
}

interface DocumentContext {
  file: string;
  documentIndex: number;
  lineCounter: LinePositions;
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
  for (const warning of document.warnings) yield { type: 'problem', finding: warningFinding(warning, context) };
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

/** A warning of `yaml` (an unresolved tag, for one): the document still loads, and is checked. */
function warningFinding(warning: YAMLWarning, context: DocumentContext): Finding {
  const start = context.positionAt(warning.pos[0]);
  const end = context.positionAt(Math.max(warning.pos[0], warning.pos[1]));
  const message = `${shorten(warning.message.split('\n')[0] ?? warning.message)} (${warning.code})`;
  return fileProblem(LOAD_RULES.yamlWarning, 'warning', message, {
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
