/**
 * A mapping's entries as go-yaml assigns them. go-yaml v2 decodes a mapping by
 * assigning its pairs in order into one map, so a later key replaces an
 * earlier one; a merge key (`<<`) assigns the merged mapping's pairs at its own
 * place in that order (so it replaces the keys written before it, and the keys
 * after it replace its own), and in a list of mappings to merge, the first one
 * wins. Both the decoder and the locator walk entries through here, so a
 * finding always points at the pair whose value the object holds.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { keyString, resolvePlain, resolveTagged, TAG, type ResolvedScalar } from './scalars.js';

/** A place where a value was brought in from elsewhere in the document. */
export interface ViaSite {
  how: 'alias' | 'merge';
  range: [number, number];
  /** The anchor's name, for an alias. */
  anchor?: string;
}

/** One assignment of a key in a mapping. */
export interface Assignment {
  key: string;
  keyNode: Node | null;
  valueNode: unknown;
  /** The merge keys and aliases passed through to reach this pair, outermost first. */
  via: readonly ViaSite[];
}

/** A mapping that Kubernetes would refuse to decode, with the place to point at. */
export class DecodeError extends Error {
  constructor(
    message: string,
    readonly range: [number, number] | undefined,
  ) {
    super(message);
  }
}

/** What to do with an alias on the way: count it, and refuse one that refers to a node containing it. */
export interface AliasGuard {
  enter(node: unknown): void;
  leave(node: unknown): void;
  count(): void;
}

const NO_GUARD: AliasGuard = { enter() {}, leave() {}, count() {} };

/** The node an alias stands for (or the node itself), with the alias as a via site. */
export function followAlias(
  node: unknown,
  document: Document,
  guard: AliasGuard = NO_GUARD,
): { node: unknown; via?: ViaSite } {
  if (!isAlias(node)) return { node };
  guard.count();
  const target = node.resolve(document);
  if (target === undefined) throw new DecodeError(`unknown anchor ${JSON.stringify(node.source)}`, rangeOf(node));
  return { node: target, via: { how: 'alias', range: rangeOf(node) ?? [0, 0], anchor: node.source } };
}

/** The assignments of a mapping (a YAMLMap, or a lone pair in a flow sequence), in the order go-yaml makes them. */
export function* assignments(
  map: YAMLMap | Pair,
  document: Document,
  guard: AliasGuard = NO_GUARD,
  via: readonly ViaSite[] = [],
): Generator<Assignment> {
  const pairs = isPair(map) ? [map] : map.items;
  for (const pair of pairs) {
    const keyNode = pair.key as Node | null;
    if (isMergeKey(keyNode)) {
      const site: ViaSite = { how: 'merge', range: rangeOf(keyNode) ?? [0, 0] };
      yield* mergedAssignments(pair.value, document, guard, [...via, site]);
      continue;
    }
    yield { key: keyOf(keyNode, document, guard), keyNode, valueNode: pair.value, via };
  }
}

function* mergedAssignments(
  value: unknown,
  document: Document,
  guard: AliasGuard,
  via: readonly ViaSite[],
): Generator<Assignment> {
  const followed = followAlias(value, document, guard);
  const path = followed.via ? [...via, followed.via] : via;
  if (isMap(followed.node)) return yield* guarded(followed.node, document, guard, path);
  if (isSeq(followed.node) && !followed.via) {
    // Earlier mappings take precedence, so they are assigned last.
    for (const item of [...followed.node.items].reverse()) {
      const mapping = followAlias(item, document, guard);
      if (!isMap(mapping.node)) throw notMergeable(item);
      yield* guarded(mapping.node, document, guard, mapping.via ? [...path, mapping.via] : path);
    }
    return;
  }
  throw notMergeable(value);
}

function* guarded(map: YAMLMap, document: Document, guard: AliasGuard, via: readonly ViaSite[]) {
  guard.enter(map);
  yield* assignments(map, document, guard, via);
  guard.leave(map);
}

function notMergeable(node: unknown): DecodeError {
  return new DecodeError(
    'a merge key (<<) takes a mapping, an alias of one, or a list of them; Kubernetes refuses this document',
    rangeOf(node),
  );
}

/** go-yaml merges on a plain `<<` or one tagged !!merge; a quoted "<<" is an ordinary key. */
function isMergeKey(node: Node | null): boolean {
  if (!isScalar(node) || node.source !== '<<') return false;
  return node.tag === TAG.merge || (node.tag === undefined && node.type === 'PLAIN');
}

/** The string key Kubernetes makes of a key node. */
export function keyOf(node: Node | null, document: Document, guard: AliasGuard = NO_GUARD): string {
  const followed = followAlias(node, document, guard);
  const target = followed.node;
  if (target === null || target === undefined) {
    throw new DecodeError('an empty key is read as null, which a JSON key cannot be', rangeOf(node));
  }
  if (!isScalar(target)) {
    throw new DecodeError('a mapping or list used as a key cannot be decoded by Kubernetes', rangeOf(node));
  }
  const text = scalarText(target);
  try {
    return keyString(resolveScalar(target), text);
  } catch (error) {
    throw asDecodeError(error, node);
  }
}

/** A resolution error (a tag that does not fit, a value JSON cannot hold) as a DecodeError at the node. */
export function asDecodeError(error: unknown, node: unknown): DecodeError {
  return new DecodeError(error instanceof Error ? error.message : String(error), rangeOf(node));
}

/** A scalar node's text, before any resolution. */
export function scalarText(node: { source?: unknown; value: unknown }): string {
  return typeof node.source === 'string' ? node.source : String(node.value ?? '');
}

/** How go-yaml resolves a scalar node: plain ones by their text, quoted and block ones as strings, tagged ones by their tag. */
export function resolveScalar(node: { source?: unknown; value: unknown; tag?: string; type?: string }): ResolvedScalar {
  const text = scalarText(node);
  if (node.tag !== undefined) return resolveTagged(node.tag, text);
  if (node.type === 'PLAIN') return resolvePlain(text);
  return { tag: TAG.str, value: text };
}

export function rangeOf(node: unknown): [number, number] | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}
