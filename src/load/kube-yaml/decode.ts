/**
 * Turns a document parsed by `yaml` into the value Kubernetes would decode
 * from the same text (see scalars.ts and entries.ts for the rules). `yaml`
 * gives the syntax tree and the positions; its own YAML 1.2 values are never
 * used.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type YAMLError, type YAMLWarning } from 'yaml';
import {
  assignments,
  asDecodeError,
  DecodeError,
  followAlias,
  rangeOf,
  resolveScalar,
  scalarText,
  type AliasGuard,
} from './entries.js';
import { jsonValue } from './scalars.js';

/**
 * How `yaml` parses every document that is decoded here: its own YAML 1.2 tag
 * resolution and duplicate-key check are not used, since decoding does both.
 */
export const YAML_PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: false } as const;

/**
 * What `yaml` reports of a document, less what concerns tags: go-yaml accepts
 * any tag, and decoding resolves the ones it knows.
 */
export function yamlProblems<T extends YAMLError | YAMLWarning>(problems: readonly T[]): T[] {
  return problems.filter((problem) => problem.code !== 'TAG_RESOLVE_FAILED');
}

/** Bounds alias expansion so that a "billion laughs" document cannot exhaust memory. */
export const MAX_ALIAS_COUNT = 1000;

/** A key written twice in one mapping (after resolution: `y` and `yes` are one key). */
export interface DuplicateKey {
  key: string;
  range: [number, number];
  /** Where the same key was first written. */
  first: [number, number];
  /** The texts as written, when they differ (`y` and `yes`). */
  written: [string, string];
}

export interface Decoded {
  value: unknown;
  duplicates: DuplicateKey[];
}

/**
 * The document's value as Kubernetes reads it. Throws a {@link DecodeError}
 * with a range for what Kubernetes would refuse to decode at all.
 */
export function decodeDocument(document: Document): Decoded {
  const duplicates: DuplicateKey[] = [];
  const guard = aliasGuard();
  const value = decodeNode(document.contents, document, guard, duplicates);
  return { value, duplicates };
}

function aliasGuard(): AliasGuard {
  const open = new Set<unknown>();
  let aliases = 0;
  return {
    enter(node) {
      if (open.has(node)) {
        throw new DecodeError('an alias refers to a node that contains it, which cannot be decoded', rangeOf(node));
      }
      open.add(node);
    },
    leave(node) {
      open.delete(node);
    },
    count() {
      if (++aliases > MAX_ALIAS_COUNT) {
        throw new DecodeError(`more than ${MAX_ALIAS_COUNT} aliases in one document; not expanded`, undefined);
      }
    },
  };
}

function decodeNode(node: unknown, document: Document, guard: AliasGuard, duplicates: DuplicateKey[]): unknown {
  const followed = followAlias(node, document, guard);
  const target = followed.node;
  if (target === null || target === undefined) return null;
  // Only a collection can hold an alias of itself, so only collections are guarded.
  if (isScalar(target)) return scalarValue(target);
  guard.enter(target);
  try {
    if (isMap(target) || isPair(target)) return decodeMap(target, document, guard, duplicates);
    if (isSeq(target)) return target.items.map((item) => decodeNode(item, document, guard, duplicates));
    throw new DecodeError('a node that cannot be decoded', rangeOf(target));
  } finally {
    guard.leave(target);
  }
}

function scalarValue(node: Parameters<typeof resolveScalar>[0]): unknown {
  try {
    return jsonValue(resolveScalar(node), scalarText(node));
  } catch (error) {
    throw asDecodeError(error, node);
  }
}

function decodeMap(
  map: Parameters<typeof assignments>[0],
  document: Document,
  guard: AliasGuard,
  duplicates: DuplicateKey[],
): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  const written = new Map<string, Node | null>();
  for (const { key, keyNode, valueNode, via } of assignments(map, document, guard)) {
    if (via.length === 0) {
      const first = written.get(key);
      if (first !== undefined) duplicates.push(duplicate(key, first, keyNode));
      written.set(key, keyNode);
    }
    setOwn(object, key, decodeNode(valueNode, document, guard, duplicates));
  }
  return object;
}

function duplicate(key: string, first: Node | null, again: Node | null): DuplicateKey {
  const text = (node: Node | null) => (isScalar(node) ? scalarText(node) : key);
  return {
    key,
    range: rangeOf(again) ?? [0, 0],
    first: rangeOf(first) ?? [0, 0],
    written: [text(first), text(again)],
  };
}

/** Sets a key as an own property, `__proto__` included. */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  } else object[key] = value;
}
