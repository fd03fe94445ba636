/**
 * The fast load path: js-yaml builds the values of a file's documents several
 * times faster than `yaml` builds its syntax trees, and the linter needs the
 * trees only to place findings. So a file is loaded here when every document in
 * it is plain YAML on which both libraries are known to agree, and `yaml` reads
 * a document again only when a finding needs its position (see parse.ts).
 *
 * Agreement is not assumed, it is narrowed down: the schema below resolves
 * plain scalars with the same go-yaml rules as the simple path, and whatever this path is not
 * sure of (anchors, aliases, tags, directives, merge and non-string keys,
 * duplicate keys, flow collections across lines inside block ones, tabs,
 * carriage returns, control characters, a byte-order mark, any js-yaml error)
 * makes the caller load the whole file the simple way, with `yaml` alone.
 */
import {
  constructFromEvents,
  defineMappingTag,
  defineScalarTag,
  defineSequenceTag,
  EVENT_ID,
  NOT_RESOLVED,
  parseEvents,
  Schema,
  strTag,
  COLLECTION_STYLE,
  type Event,
} from 'js-yaml';
import { jsonValue, RESOLVABLE_FIRST_CHARS, resolvePlain, TAG } from './kube-yaml/scalars.js';

/** The stretch of a file that holds one document: from its `---` line (or the file's start) to the next. */
export interface Chunk {
  start: number;
  end: number;
  /** Lines of the file before `start`. */
  linesBefore: number;
}

/** A document of the file, in order; `value` is undefined when the stretch held no document (comments only). */
export interface FastDocument {
  chunk: Chunk;
  hasDocument: boolean;
  value: unknown;
}

// Characters and sequences on which the two libraries may part ways, or that
// `yaml` reports and js-yaml accepts: tabs, CR, C0/C1 controls, line and paragraph
// separators, a byte-order mark, a comment glued to a quoted scalar or a flow
// collection, a directive, and a document end marker.
const UNSURE_TEXT =
  /[\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff]|["'\]}]#|^(?:%|\.\.\.(?:[ \n]|$))/m;

/** Longer keys are left to `yaml`, which limits an implicit key's source to 1024 characters. */
const MAX_KEY_LENGTH = 100;

/**
 * Documents parsed by one call of js-yaml's parser. A call has a fixed cost
 * (its options, a copy of the input, its state) that one call per document
 * would pay ten thousand times on a large file; a group keeps the events
 * held at once small.
 */
const DOCUMENTS_PER_PARSE = 64;

/**
 * Loads every document of `text`, or returns undefined when the file must take
 * the simple path. All or nothing, so that a file is never read half one way.
 */
export function loadFast(text: string): FastDocument[] | undefined {
  if (UNSURE_TEXT.test(text)) return undefined;
  const documents: FastDocument[] = [];
  const chunks = splitDocuments(text);
  for (let first = 0; first < chunks.length; first += DOCUMENTS_PER_PARSE) {
    const group = chunks.slice(first, first + DOCUMENTS_PER_PARSE);
    const values = loadStretch(text.slice(group[0]?.start ?? 0, group[group.length - 1]?.end ?? 0));
    if (!values) return undefined;
    // A stretch after a `---` line holds exactly one document; the file's first may hold none
    // (comments before the first `---`), which is checked on its own rather than assumed.
    const emptyStart =
      first === 0 && values.length === group.length - 1 && loadStretch(chunkText(text, chunks[0]))?.length === 0;
    if (values.length !== group.length && !emptyStart) return undefined;
    group.forEach((chunk, index) => {
      if (emptyStart && index === 0) documents.push({ chunk, hasDocument: false, value: undefined });
      else documents.push({ chunk, hasDocument: true, value: values[emptyStart ? index - 1 : index] });
    });
  }
  return documents;
}

/**
 * Cuts the text before every line that starts a document (`---` alone or
 * followed by a space). Such a line ends whatever came before it in YAML 1.2,
 * even inside a quoted or block scalar, so each stretch parses on its own as it
 * would in the whole file.
 */
export function splitDocuments(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  let linesBefore = 0;
  let lines = 0;
  for (let lineStart = 0; lineStart < text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const next = newline === -1 ? text.length : newline + 1;
    if (lineStart > 0 && isDocumentStart(text, lineStart)) {
      chunks.push({ start, end: lineStart, linesBefore });
      start = lineStart;
      linesBefore = lines;
    }
    lines++;
    lineStart = next;
  }
  chunks.push({ start, end: text.length, linesBefore });
  return chunks;
}

function isDocumentStart(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 45 || text.charCodeAt(at + 1) !== 45 || text.charCodeAt(at + 2) !== 45) return false;
  const after = text.charCodeAt(at + 3);
  return Number.isNaN(after) || after === 10 || after === 32;
}

function chunkText(text: string, chunk: Chunk | undefined): string {
  return chunk === undefined ? '' : text.slice(chunk.start, chunk.end);
}

/** The values of the documents in `source` (whole stretches of the file), or undefined when the fast path cannot take them. */
function loadStretch(source: string): unknown[] | undefined {
  try {
    const events = parseEvents(source, { maxDepth: 100 });
    if (!plainEvents(events, source)) return undefined;
    return constructFromEvents(events, { source, schema: SCHEMA, maxAliases: 0 });
  } catch {
    return undefined;
  }
}

interface Frame {
  flow: boolean;
  start: number;
  /** The furthest offset reached by the collection's content so far. */
  reach: number;
}

/**
 * True when the events hold no directive, anchor, tag or alias, and every flow
 * collection inside a block one sits on one line without comments (where
 * `yaml` checks indentation that js-yaml does not).
 */
function plainEvents(events: readonly Event[], source: string): boolean {
  const frames: Frame[] = [];
  let blockRoot = false;
  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (event.directives.length > 0) return false;
        blockRoot = false;
        break;
      case EVENT_ID.ALIAS:
        return false;
      case EVENT_ID.SCALAR: {
        if (event.anchorStart !== -1 || event.tagStart !== -1) return false;
        const top = frames[frames.length - 1];
        if (top && event.valueEnd > top.reach) top.reach = event.valueEnd;
        break;
      }
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        if (event.anchorStart !== -1 || event.tagStart !== -1) return false;
        const flow = event.style === COLLECTION_STYLE.FLOW;
        if (frames.length === 0) blockRoot = !flow;
        frames.push({ flow, start: event.start, reach: event.start + 1 });
        break;
      }
      case EVENT_ID.POP: {
        const frame = frames.pop();
        if (!frame) break;
        let reach = frame.reach;
        if (frame.flow && blockRoot) {
          const close = closingBracket(source, reach);
          if (close === -1 || /[\n#]/.test(source.slice(frame.start, close))) return false;
          reach = close + 1;
        }
        const parent = frames[frames.length - 1];
        if (parent && reach > parent.reach) parent.reach = reach;
        break;
      }
    }
  }
  return true;
}

/** The first `]` or `}` at or after `from`: the end of a flow collection whose content ends at `from`. */
function closingBracket(source: string, from: number): number {
  for (let index = from; index < source.length; index++) {
    const code = source.charCodeAt(index);
    if (code === 93 || code === 125) return index;
  }
  return -1;
}

/**
 * Plain scalars resolved as Kubernetes resolves them (see kube-yaml/scalars.ts).
 * A value JSON cannot hold (infinity, NaN) throws, which sends the file down the
 * simple path, where it is reported.
 */
const KUBE_PLAIN_SCALAR = defineScalarTag<unknown>('tag:k8s-bp,2026:plain', {
  implicit: true,
  implicitFirstChars: RESOLVABLE_FIRST_CHARS,
  // An explicit tag never reaches here (the events are checked first); refuse it all the same.
  resolve: (source, isExplicit) => {
    if (isExplicit) return NOT_RESOLVED;
    const resolved = resolvePlain(source);
    return resolved.tag === TAG.str ? NOT_RESOLVED : jsonValue(resolved, source);
  },
  identify: () => false,
});

// Manifests repeat the same short values over and over (`v1`, `TCP`, label values,
// image names), and each would otherwise be a string of its own for as long as the
// run holds its document: one copy of each saves a tenth of the memory a large
// input takes. Bounded, so that input of unique values cannot grow it without end.
const MAX_INTERNED_LENGTH = 64;
const MAX_INTERNED = 100_000;
let interned = new Map<string, string>();

function intern(value: string): string {
  if (value.length > MAX_INTERNED_LENGTH) return value;
  const known = interned.get(value);
  if (known !== undefined) return known;
  if (interned.size >= MAX_INTERNED) interned = new Map();
  interned.set(value, value);
  return value;
}

/** Lets go of the values shared so far, so that one run does not hold on to another's. */
export function forgetInternedValues(): void {
  interned = new Map();
}

/**
 * Plain objects, as `yaml`'s toJS builds them, for string keys only: a key of
 * another type, `<<`, `__proto__` or a long key is an error here, which sends
 * the file down the simple path. js-yaml itself refuses duplicate keys.
 */
const STRING_KEY_MAP = defineMappingTag<Record<string, unknown>>('tag:yaml.org,2002:map', {
  create: () => ({}),
  addPair: (map, key, value) => {
    if (typeof key !== 'string' || key === '<<' || key === '__proto__' || key.length > MAX_KEY_LENGTH) {
      return 'key left to the simple path';
    }
    map[key] = typeof value === 'string' ? intern(value) : value;
    return '';
  },
  has: (map, key) => Object.prototype.hasOwnProperty.call(map, String(key)),
  keys: (map) => Object.keys(map),
  get: (map, key) => map[String(key)],
  identify: () => false,
});

/** Arrays, as js-yaml's own `seq` builds them, but with values shared as in maps, and no spare room. */
const COMPACT_SEQ = defineSequenceTag<unknown[]>('tag:yaml.org,2002:seq', {
  create: () => [],
  addItem: (list, item) => {
    list.push(typeof item === 'string' ? intern(item) : item);
  },
  // An array grown by push keeps room for more items; its copy is exactly as long. The
  // run holds every document to its end, so the spare room would add up.
  finalize: (list) => list.slice(),
  identify: Array.isArray,
});

const SCHEMA = new Schema([strTag, COMPACT_SEQ, STRING_KEY_MAP, KUBE_PLAIN_SCALAR]);
