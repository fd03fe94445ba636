import { AsyncLocalStorage } from 'node:async_hooks';
import { Document, LineCounter, parseAllDocuments, type YAMLError, type YAMLWarning } from 'yaml';
import { decodeDocument, YAML_PARSE_OPTIONS, yamlProblems, type DuplicateKey } from './kube-yaml/decode.js';
import { DecodeError } from './kube-yaml/entries.js';
import { isIndentationError, mendIndentation } from './lenient-indentation.js';
import { templateMarkerOffset } from './template-syntax.js';
import { formatPath } from '../engine/paths.js';
import { objectRef } from '../model/identity.js';
import type { Finding, KubeObject, Locator, ObjectPath, ObjectRef, Resource } from '../model/types.js';
import { forgetInternedValues, loadFast, splitDocuments, type Chunk, type FastDocument } from './fast.js';
import { createEventRanges, type EventRanges } from './event-locator.js';
import { createYamlLocator, toSourceRange, type LinePositions } from './locator.js';
import { LOAD_RULES } from '../model/finding-ids.js';
import { fileProblem } from './problems.js';
import { createResource, isKubeObject, isPlainObject, type Origin } from './resource.js';
import { shapeProblems, type ShapeProblem } from './shape.js';

/** What loading one file yields, one event per document or list item, in document order. */
export type LoadEvent =
  | { type: 'resource'; resource: Resource }
  | { type: 'problem'; finding: Finding }
  | { type: 'skipped'; file: string; documentIndex: number; line: number; reason: string };

/**
 * Set to force the simple load path (every file parsed by `yaml` alone), for
 * comparing it with the fast path when looking into a difference.
 */
export const SIMPLE_LOAD_VARIABLE = 'K8S_BP_SIMPLE_LOAD';

/** The environment of the command run in progress, where one is (see `loadingIn`). */
const runEnvironment = new AsyncLocalStorage<NodeJS.ProcessEnv>();

/**
 * Does `work` as one run of a command, which need not be the only one in this
 * process: what it loads reads K8S_BP_SIMPLE_LOAD from `env`, not from the
 * process, and keeps nothing that an earlier run loaded.
 */
export function loadingIn<T>(env: NodeJS.ProcessEnv, work: () => T): T {
  lastLocated = undefined;
  forgetInternedValues();
  return runEnvironment.run(env, work);
}

/**
 * Parses the text of one file into resources, problems and notes on what was
 * skipped. A generator, so that callers can stream documents one at a time.
 *
 * Two paths give the same events: the fast path (js-yaml for values, `yaml`
 * only for documents that need a position) when the file is plain enough for
 * it, and otherwise the simple path (`yaml` for everything).
 */
export function* parseManifests(text: string, file: string): Generator<LoadEvent> {
  // Documents that template syntax keeps from loading are reported once per file, with their number.
  let template: Finding | undefined;
  let moreTemplates = 0;
  for (const event of loadEvents(text, file)) {
    if (event.type !== 'problem' || event.finding.ruleId !== LOAD_RULES.helmTemplate) yield event;
    else if (template) moreTemplates++;
    else template = event.finding;
  }
  if (!template) return;
  const more =
    moreTemplates === 0
      ? ''
      : ` (${moreTemplates} more ${moreTemplates === 1 ? 'document' : 'documents'} of this file cannot be read for the same reason)`;
  yield { type: 'problem', finding: { ...template, message: template.message + more } };
}

function loadEvents(text: string, file: string): Iterable<LoadEvent> {
  const env = runEnvironment.getStore() ?? process.env;
  const fast = env[SIMPLE_LOAD_VARIABLE] ? undefined : prepareFast(text);
  return fast ? fastEvents(fast, text, file) : simpleEvents(text, file);
}

function* simpleEvents(text: string, file: string): Generator<LoadEvent> {
  const lineCounter = new LineCounter();
  const positionAt = lazyPositions(text);
  const documents = parseAllDocuments(text, { ...YAML_PARSE_OPTIONS, lineCounter });
  const list = Array.isArray(documents) ? documents : [];
  for (const [documentIndex, document] of list.entries()) {
    yield* documentEvents(document, { file, documentIndex, lineCounter, positionAt, text });
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
      const source = text.slice(chunk.start, chunk.end);
      const positions = shiftedPositions(lazyPositions(source), chunk.linesBefore);
      const lineCounter = shiftedLineCounter(parsed.lineCounter, chunk.linesBefore);
      yield* documentEvents(parsed.document, { file, documentIndex, lineCounter, positionAt: positions, text: source });
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
  const documents = parseAllDocuments(text.slice(chunk.start, chunk.end), { ...YAML_PARSE_OPTIONS, lineCounter });
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
  const located = (): Locator => {
    if (lastLocated?.start !== chunk.start || lastLocated.text !== text) {
      lastLocated = { text, start: chunk.start, locator: locateChunk(text.slice(chunk.start, chunk.end), chunk) };
    }
    return lastLocated.locator;
  };
  return {
    locate: (path, at) => located().locate(path, at),
    broughtBy: (path) => located().broughtBy?.(path) ?? [],
    writtenAs: (path) => located().writtenAs?.(path),
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
  const tree = (): Locator => {
    if (!fromTree) {
      const lineCounter = new LineCounter();
      const [document] = parseAllDocuments(source, { ...YAML_PARSE_OPTIONS, lineCounter }) as Document.Parsed[];
      fromTree = createYamlLocator(document ?? new Document(), shiftedLineCounter(lineCounter, chunk.linesBefore));
    }
    return fromTree;
  };
  return {
    locate(path, at) {
      // The event table holds where entries start; a value's own range comes from the tree.
      const range = at === 'value' ? undefined : ranges?.(path);
      return range ? toSourceRange(range, lines) : tree().locate(path, at);
    },
    // The fast path takes no document with aliases or merge keys.
    broughtBy: () => [],
    writtenAs: (path) => tree().writtenAs?.(path),
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
  /** The text the document was parsed from (its offsets are offsets into it). */
  text: string;
}

function* documentEvents(parsed: Document.Parsed, parsedContext: DocumentContext): Generator<LoadEvent> {
  const readable = yield* readableDocument(parsed, parsedContext);
  if (!readable) return;
  const { document, context } = readable;
  for (const warning of yamlProblems(document.warnings))
    yield { type: 'problem', finding: warningFinding(warning, context) };
  const start = (document.contents as { range?: [number, number, number] } | null)?.range?.[0] ?? document.range[0];
  const line = context.lineCounter.linePos(start).line;
  let value: unknown;
  try {
    const decoded = decodeDocument(document);
    value = decoded.value;
    for (const duplicate of decoded.duplicates)
      yield { type: 'problem', finding: duplicateFinding(duplicate, context) };
  } catch (error) {
    yield { type: 'problem', finding: decodeFinding(error, document, context, line) };
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
    const documentPath = [...origin.pathInDocument, ...problem.path];
    const range = origin.locator.locate(documentPath);
    const namePath = formatPath(documentPath);
    const message = misreadMessage(problem, origin.locator.writtenAs?.(documentPath)) ?? problem.message;
    const finding = fileProblem(LOAD_RULES.invalidResource, 'error', message, { ...origin, ...range });
    yield { type: 'problem', finding: { ...finding, path: namePath, object: identityOf(object) } };
  }
  yield { type: 'resource', resource: createResource(object, origin) };
}

/**
 * For a string field written as a plain word or number that Kubernetes reads
 * as something else (`yes` is true, `0644` is 420, `1.10` is 1.1): says so,
 * and how to keep the text.
 */
function misreadMessage(problem: ShapeProblem, written: string | undefined): string | undefined {
  if (problem.notAString === undefined || written === undefined) return undefined;
  const value = problem.notAString;
  const what = `${typeof value === 'boolean' ? 'the boolean' : 'the number'} ${value}`;
  const field = `${formatPath(problem.path)} must be a string`;
  if (String(value) === written) return `${field}, not ${what}; quote it: ${JSON.stringify(written)}`;
  const rule = typeof value === 'boolean' ? ' (YAML 1.1)' : '';
  return `${field}, but Kubernetes reads the unquoted ${written} as ${what}${rule}; quote it: ${JSON.stringify(written)}`;
}

function identityOf(object: KubeObject): ObjectRef {
  const metadata = isPlainObject(object.metadata) ? object.metadata : {};
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return objectRef(object.apiVersion, object.kind, text(metadata.namespace), text(metadata.name));
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
    // A list of objects meant to be applied is worth a word; other data (a JSON array, a lone string) is not a manifest.
    if (!Array.isArray(value) || !value.some(isKubeObject)) return undefined;
    const message =
      'not a Kubernetes object: the document is a sequence of objects, which Kubernetes cannot read; write each as its own document (after ---) or wrap them in a List';
    return { path: [], message, severity: 'warning' };
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

/**
 * The document to read, or undefined after reporting why it cannot be read.
 * Errors that `yaml` alone raises (flow lines indented less than go-yaml
 * allows) are mended; a document that fails where template syntax stands is
 * reported as a template; otherwise the first syntax error is reported, with
 * the number of the others, since they mostly follow from it.
 */
function* readableDocument(
  document: Document.Parsed,
  context: DocumentContext,
): Generator<LoadEvent, { document: Document.Parsed; context: DocumentContext } | undefined> {
  const errors = yamlProblems(document.errors);
  if (errors.length === 0) return { document, context };
  if (errors.some(isIndentationError)) {
    const lineStart = context.text.lastIndexOf('\n', document.range[0] - 1) + 1;
    const firstLine = context.positionAt(lineStart).line - 1;
    // A document ends at the next `---` line, whatever `yaml` made of the text before it.
    const stretch = splitDocuments(context.text).find((chunk) => chunk.start <= lineStart && lineStart < chunk.end);
    const mended = mendIndentation(context.text.slice(lineStart, stretch?.end), firstLine);
    if (mended) {
      const { lineCounter } = mended;
      const mendedContext = { ...context, lineCounter, positionAt: (offset: number) => lineCounter.linePos(offset) };
      return { document: mended.document, context: mendedContext };
    }
  }
  const template = templateFinding(document, context);
  if (template) {
    yield { type: 'problem', finding: template };
    return undefined;
  }
  const notManifest = otherDataReason(document, context);
  if (notManifest) {
    const { line } = context.positionAt(document.range[0]);
    yield { type: 'skipped', file: context.file, documentIndex: context.documentIndex, line, reason: notManifest };
    return undefined;
  }
  // A document nested too deeply makes the parser fail at every level below the limit.
  const [first] = errors;
  if (first)
    yield { type: 'problem', finding: syntaxFinding(first, context, tooDeep(first.message) ? 0 : errors.length - 1) };
  return undefined;
}

/** `apiVersion` or `kind` written as a key, in YAML or JSON style. */
const IDENTITY_KEY = /(?:^|[\s{,])["']?(?:apiVersion|kind)["']?[ \t]*:/m;

/**
 * Why a document that does not parse is passed over, if it is: when its text
 * names neither `apiVersion` nor `kind` as a key, it is some other data (a
 * JSON file with a comment on top, records of a database seed, a tool's test
 * input), not a manifest, just as a readable mapping without them is passed
 * over. A broken manifest still names them, and is reported.
 */
function otherDataReason(document: Document.Parsed, context: DocumentContext): string | undefined {
  const lineStart = context.text.lastIndexOf('\n', document.range[0] - 1) + 1;
  // A document ends at the next `---` line, whatever `yaml` made of the text before it.
  const stretch = splitDocuments(context.text).find((chunk) => chunk.start <= lineStart && lineStart < chunk.end);
  const end = Math.max(stretch?.end ?? 0, document.range[2], ...document.errors.map((error) => error.pos[1]));
  if (IDENTITY_KEY.test(context.text.slice(lineStart, end))) return undefined;
  return 'not a Kubernetes object (the document does not parse, and names no apiVersion or kind)';
}

/** The finding for a document that failed to load where it holds template syntax, if it does. */
function templateFinding(document: Document.Parsed, context: DocumentContext): Finding | undefined {
  // `yaml` may end a document before the text its errors are about.
  const end = Math.max(document.range[2], ...document.errors.map((error) => error.pos[1]));
  const offset = templateMarkerOffset(context.text, document.range[0], end);
  if (offset === -1) return undefined;
  const { line, col } = context.positionAt(offset);
  const message =
    'this document holds template syntax ({{ … }}) that is not YAML, so its objects cannot be linted; render it first and lint the output (helm template <release> <chart> | k8s-bp lint -)';
  return fileProblem(LOAD_RULES.helmTemplate, 'error', message, { ...context, line, column: col });
}

/** What Kubernetes' decoder would refuse (see kube-yaml/), at the node it refuses. */
function decodeFinding(error: unknown, document: Document.Parsed, context: DocumentContext, line: number): Finding {
  const template = templateFinding(document, context);
  if (template) return template;
  const reason = error instanceof Error ? error.message : String(error);
  if (tooDeep(reason) || !(error instanceof DecodeError)) {
    const message = tooDeep(reason) ? 'cannot load document: nesting is too deep' : `cannot load document: ${reason}`;
    return fileProblem(LOAD_RULES.parseError, 'error', message, { ...context, line, column: 1 });
  }
  const range = error.range ?? [document.range[0], document.range[0]];
  const where = placed(range, context, (offset) => context.lineCounter.linePos(offset));
  return fileProblem(LOAD_RULES.parseError, 'error', `cannot load document: ${reason}`, where);
}

/** A key written twice in one mapping: only the last value counts. */
function duplicateFinding(duplicate: DuplicateKey, context: DocumentContext): Finding {
  const [first, again] = duplicate.written;
  const firstLine = context.lineCounter.linePos(duplicate.first[0]).line;
  const key = JSON.stringify(duplicate.key);
  const message =
    first === again
      ? `duplicate key ${key}: only the last value counts, which hides the earlier one on line ${firstLine}`
      : `duplicate key ${key}: Kubernetes reads ${again} as ${key}, like ${first} on line ${firstLine}, and only the last value counts (quote keys that are words such as yes, no, on, off, y and n)`;
  const where = placed(duplicate.range, context, (offset) => context.lineCounter.linePos(offset));
  return fileProblem(LOAD_RULES.duplicateKey, 'error', message, where);
}

function syntaxFinding(error: YAMLError, context: DocumentContext, others: number): Finding {
  const more =
    others === 0 ? '' : `; ${others} more ${others === 1 ? 'error follows' : 'errors follow'} in this document`;
  const message = tooDeep(error.message)
    ? `nesting is too deep to load (${error.code})`
    : `${shorten(error.message.split('\n')[0] ?? error.message)} (${error.code})${more}`;
  return fileProblem(LOAD_RULES.parseError, 'error', message, placed(error.pos, context, context.positionAt));
}

/** A warning of `yaml` (an unresolved tag, for one): the document still loads, and is checked. */
function warningFinding(warning: YAMLWarning, context: DocumentContext): Finding {
  const message = `${shorten(warning.message.split('\n')[0] ?? warning.message)} (${warning.code})`;
  return fileProblem(LOAD_RULES.yamlWarning, 'warning', message, placed(warning.pos, context, context.positionAt));
}

/** Where a finding about source offsets `[start, end]` of the document goes; the end is never before the start. */
function placed(
  [start, end]: readonly [number, number],
  context: DocumentContext,
  positionOf: (offset: number) => { line: number; col: number },
): { file: string; documentIndex: number; line: number; column: number; endLine: number; endColumn: number } {
  const from = positionOf(start);
  const to = positionOf(Math.max(start, end));
  const { file, documentIndex } = context;
  return { file, documentIndex, line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
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
