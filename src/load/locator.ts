import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Locator, ObjectPath, SourceRange } from '../engine/types.js';

type Range = [number, number];

/** Turns offsets into 1-based lines and columns: a `yaml` LineCounter, or one shifted to a document's place in its file. */
export interface LinePositions {
  linePos(offset: number): { line: number; col: number };
}

/**
 * A locator over one parsed YAML document. It walks the syntax tree only when
 * asked, so documents without findings cost nothing beyond parsing.
 */
export function createYamlLocator(document: Document, lineCounter: LinePositions): Locator {
  return {
    locate(path: ObjectPath): SourceRange {
      return toSourceRange(findRange(document, path), lineCounter);
    },
  };
}

/** The source offsets of the deepest node on `path`; a map entry yields its key through its value. */
function findRange(document: Document, path: ObjectPath): Range {
  let node: unknown = document.contents;
  let range: Range = rangeOf(node) ?? [0, 0];
  for (const segment of path) {
    const step = stepInto(node, segment);
    if (!step) break;
    node = step.node;
    range = step.range;
  }
  return range;
}

interface Step {
  node: unknown;
  range: Range;
}

function stepInto(node: unknown, segment: string | number): Step | undefined {
  if (isMap(node)) {
    // From the end: with a duplicate key, the last value is the one that counts.
    for (let index = node.items.length - 1; index >= 0; index--) {
      const pair: unknown = node.items[index];
      if (!isPair(pair) || !keyEquals(pair.key, segment)) continue;
      const keyRange = rangeOf(pair.key);
      if (!keyRange) return undefined;
      // A map entry points at its key, and spans to the end of its value.
      const valueRange = rangeOf(pair.value);
      return { node: pair.value, range: [keyRange[0], valueRange?.[1] ?? keyRange[1]] };
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item: unknown = node.items[segment];
    const itemRange = rangeOf(item);
    return itemRange ? { node: item, range: itemRange } : undefined;
  }
  return undefined;
}

function keyEquals(key: unknown, segment: string | number): boolean {
  if (isScalar(key)) return String(key.value) === String(segment);
  return false;
}

function rangeOf(node: unknown): Range | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}

/** Source offsets as lines and columns; the end is never before the start. */
export function toSourceRange([start, end]: Range, lineCounter: LinePositions): SourceRange {
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(Math.max(start, end));
  return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
}
