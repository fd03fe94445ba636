import { isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import type { LocateAt, Locator, ObjectPath, SourceRange, ValueSite } from '../model/types.js';
import { assignments, followAlias, rangeOf, scalarText, type ViaSite } from './kube-yaml/entries.js';

type Range = [number, number];

/** Turns offsets into 1-based lines and columns: a `yaml` LineCounter, or one shifted to a document's place in its file. */
export interface LinePositions {
  linePos(offset: number): { line: number; col: number };
}

/**
 * A locator over one parsed YAML document. It walks the syntax tree only when
 * asked, so documents without findings cost nothing beyond parsing. It steps
 * through aliases and merge keys as Kubernetes decodes them, so a value that
 * came from an anchor is placed where it is written, and the alias or merge
 * key that brought it is reported beside it.
 */
export function createYamlLocator(document: Document, lineCounter: LinePositions): Locator {
  return {
    locate(path: ObjectPath, at?: LocateAt): SourceRange {
      const walked = walk(document, path);
      return toSourceRange(at === 'value' && walked.complete ? walked.valueRange : walked.range, lineCounter);
    },
    broughtBy(path: ObjectPath): ValueSite[] {
      return walk(document, path).via.map((site) => toValueSite(site, lineCounter));
    },
    writtenAs(path: ObjectPath): string | undefined {
      const { node, complete } = walk(document, path);
      return complete && isScalar(node) && node.type === 'PLAIN' && node.tag === undefined
        ? scalarText(node)
        : undefined;
    },
  };
}

interface Walked {
  node: unknown;
  range: Range;
  /** The range of the value alone (for a map entry, without its key). */
  valueRange: Range;
  via: ViaSite[];
  /** Whether the whole path exists. */
  complete: boolean;
}

/** The deepest node on `path`, its range (a map entry yields its key through its value) and the sites passed through. */
function walk(document: Document, path: ObjectPath): Walked {
  let node: unknown = followAlias(document.contents, document).node;
  let range: Range = rangeOf(node) ?? [0, 0];
  let valueRange = range;
  const via: ViaSite[] = [];
  for (const segment of path) {
    const step = stepInto(node, segment, document);
    if (!step) return { node, range, valueRange, via, complete: false };
    node = step.node;
    range = step.range;
    valueRange = step.valueRange ?? step.range;
    via.push(...step.via);
  }
  return { node, range, valueRange, via, complete: true };
}

interface Step {
  node: unknown;
  range: Range;
  valueRange?: Range;
  via: readonly ViaSite[];
}

function stepInto(node: unknown, segment: string | number, document: Document): Step | undefined {
  if (isMap(node) || isPair(node)) {
    let found: Step | undefined;
    // The last assignment of a key is the one the object holds.
    for (const entry of assignments(node, document)) {
      if (entry.key !== String(segment)) continue;
      const keyRange = rangeOf(entry.keyNode);
      if (!keyRange) continue;
      const value = followAlias(entry.valueNode, document);
      const valueRange = rangeOf(value.node);
      // A map entry points at its key and spans to the end of its value; a value
      // brought in by an alias is pointed at where it is written.
      found =
        value.via && valueRange
          ? { node: value.node, range: valueRange, via: [...entry.via, value.via] }
          : {
              node: value.node,
              range: [keyRange[0], valueRange?.[1] ?? keyRange[1]],
              // An entry with no value (`key:`) has only its key to point at.
              valueRange: valueRange && valueRange[1] > valueRange[0] ? valueRange : keyRange,
              via: entry.via,
            };
    }
    return found;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = followAlias(node.items[segment], document);
    const itemRange = rangeOf(item.node);
    if (!itemRange) return undefined;
    return { node: item.node, range: itemRange, via: item.via ? [item.via] : [] };
  }
  return undefined;
}

function toValueSite(site: ViaSite, lineCounter: LinePositions): ValueSite {
  const { line, col } = lineCounter.linePos(site.range[0]);
  const message =
    site.how === 'merge' ? 'merged in by this merge key (<<)' : `brought in by the alias *${site.anchor ?? ''}`;
  return { line, column: col, message };
}

/** Source offsets as lines and columns; the end is never before the start. */
export function toSourceRange([start, end]: Range, lineCounter: LinePositions): SourceRange {
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(Math.max(start, end));
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}
