/**
 * Source ranges for a document of the fast path, from js-yaml's parser events
 * instead of `yaml`'s syntax tree. The ranges are the ones `yaml` gives (see
 * locator.ts), reproduced for the common shapes: block collections, one-line
 * plain and quoted scalars, one-line flow collections. Where this module is not
 * sure to agree (block scalars, scalars across lines, empty values, comments
 * after the end of a collection), the range is unknown and the caller asks
 * `yaml` instead.
 */
import { COLLECTION_STYLE, EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event } from 'js-yaml';
import type { ObjectPath } from '../model/types.js';

/** A node as `yaml` would place it: start, end of its value, and end including what trails it on its line. NaN when unknown. */
interface Placed {
  start: number;
  end: number;
  nodeEnd: number;
  entries?: Map<string, { keyStart: number; node: Placed }>;
  items?: Placed[];
}

interface Open {
  node: Placed;
  flow: boolean;
  /** A mapping's key, between its key event and its value event. */
  key?: { name: string; start: number };
  last?: Placed;
}

/** The offsets `yaml`'s locator would give for `path`, or undefined where this module cannot tell. */
export type EventRanges = (path: ObjectPath) => [number, number] | undefined;

/** Parses one document's text; undefined when it is not a single document with a collection at its root. */
export function createEventRanges(source: string): EventRanges | undefined {
  const root = placeDocument(parseEvents(source, { maxDepth: 100 }), source);
  if (!root) return undefined;
  return (path) => {
    let node = root;
    let range: [number, number] = [root.start, root.end];
    for (const segment of path) {
      if (node.entries) {
        const entry = node.entries.get(String(segment));
        if (!entry) break;
        range = [entry.keyStart, entry.node.end];
        node = entry.node;
      } else if (node.items && typeof segment === 'number') {
        const item = node.items[segment];
        if (!item) break;
        range = [item.start, item.end];
        node = item;
      } else break;
    }
    return Number.isNaN(range[0]) || Number.isNaN(range[1]) ? undefined : range;
  };
}

function placeDocument(events: readonly Event[], source: string): Placed | undefined {
  const stack: Open[] = [];
  let root: Placed | undefined;
  let documents = 0;
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) {
      if (++documents > 1) return undefined;
    } else if (event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING) {
      const flow = event.style === COLLECTION_STYLE.FLOW;
      const node: Placed = { start: event.start, end: NaN, nodeEnd: NaN };
      if (event.type === EVENT_ID.MAPPING) node.entries = new Map();
      else node.items = [];
      stack.push({ node, flow });
    } else if (event.type === EVENT_ID.SCALAR) {
      const top = stack[stack.length - 1];
      if (!top) return undefined;
      if (top.node.entries && !top.key) {
        const placed = placeScalar(event, source);
        top.key = { name: getScalarValue(source, event), start: placed.start };
      } else attach(top, placeScalar(event, source));
    } else if (event.type === EVENT_ID.POP) {
      const open = stack.pop();
      if (!open) continue;
      close(open, source);
      const parent = stack[stack.length - 1];
      if (parent) attach(parent, open.node);
      else root = open.node;
    } else return undefined;
  }
  return root;
}

function attach(parent: Open, node: Placed): void {
  if (parent.node.items) parent.node.items.push(node);
  else if (parent.key) {
    parent.node.entries?.set(parent.key.name, { keyStart: parent.key.start, node });
    parent.key = undefined;
  }
  parent.last = node;
}

function close(open: Open, source: string): void {
  const { node } = open;
  if (open.flow) {
    // One line, no comment: the fast path has checked it for flow collections inside block ones.
    const closing = flowEnd(source, node.start, open.last?.nodeEnd ?? node.start + 1);
    if (closing === -1) return;
    node.end = closing + 1;
    node.nodeEnd = trailing(source, node.end);
    return;
  }
  // A block collection ends where its last value's line ends, unless a comment follows, which `yaml` may count in.
  const end = open.last?.nodeEnd ?? NaN;
  if (Number.isNaN(end) || commentFollows(source, end)) return;
  node.end = end;
  node.nodeEnd = end;
}

function placeScalar(event: Extract<Event, { type: typeof EVENT_ID.SCALAR }>, source: string): Placed {
  const unknown = { start: NaN, end: NaN, nodeEnd: NaN };
  const { valueStart, valueEnd, style } = event;
  if (valueEnd <= valueStart || source.slice(valueStart, valueEnd).includes('\n')) return unknown;
  let start = valueStart;
  let end = valueEnd;
  if (style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED) {
    const quote = style === SCALAR_STYLE.SINGLE_QUOTED ? "'" : '"';
    if (source[valueStart - 1] !== quote || source[valueEnd] !== quote) return unknown;
    start = valueStart - 1;
    end = valueEnd + 1;
  } else if (style !== SCALAR_STYLE.PLAIN) return unknown;
  return { start, end, nodeEnd: trailing(source, end) };
}

/** The `]` or `}` that closes a one-line flow collection, or -1 when it is not one. */
function flowEnd(source: string, start: number, from: number): number {
  for (let index = Math.max(from, start + 1); index < source.length; index++) {
    const code = source.charCodeAt(index);
    if (code === 93 || code === 125) return /[\n#]/.test(source.slice(start, index)) ? -1 : index;
  }
  return -1;
}

/** Past the spaces, comment and line break that follow a value on its line, as `yaml` counts a node's end. */
function trailing(source: string, from: number): number {
  let index = from;
  while (source.charCodeAt(index) === 32) index++;
  if (source.charCodeAt(index) === 35) {
    const newline = source.indexOf('\n', index);
    index = newline === -1 ? source.length : newline;
  }
  return source.charCodeAt(index) === 10 ? index + 1 : index;
}

/** True when the next line with anything on it, from `from`, is a comment. */
function commentFollows(source: string, from: number): boolean {
  for (let index = from; index < source.length; index++) {
    const code = source.charCodeAt(index);
    if (code === 35) return true;
    if (code !== 32 && code !== 10) return false;
  }
  return false;
}
