/**
 * Regular expressions with RE2 syntax and semantics, as Kubernetes evaluates
 * them (Go's `regexp`): `matches` from the CEL standard library, and
 * Kubernetes' regex library (`find`, `findAll`). RE2 runs in time linear in
 * the input, so no pattern can make a check hang, whoever wrote the policy.
 */
import { RE2JS } from 're2js';
import { CelError, type Library } from '../cel-types.js';

const MAX_CACHED = 500;
const cache = new Map<string, RE2JS | CelError>();

/** Compiles (once) an RE2 pattern; a syntax error is a CEL error, as in Kubernetes. */
export function compileRegex(pattern: string): RE2JS {
  let compiled = cache.get(pattern);
  if (compiled === undefined) {
    try {
      compiled = RE2JS.compile(pattern);
    } catch (error) {
      compiled = new CelError(`Illegal regex: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(pattern, compiled);
  }
  if (compiled instanceof CelError) throw compiled;
  return compiled;
}

/** `string.matches(pattern)`: true when the pattern matches anywhere in the string (unanchored, as in RE2). */
export function matches(text: string, pattern: string): boolean {
  return compileRegex(pattern).test(text);
}

/** Go's `FindString`: the leftmost match, or `''` when there is none. */
export function find(text: string, pattern: string): string {
  const matcher = compileRegex(pattern).matcher(text);
  return matcher.find() ? (matcher.group() ?? '') : '';
}

/**
 * Go's `FindAllString(text, limit)`: successive non-overlapping matches, at
 * most `limit` of them when it is zero or more. An empty match right after
 * the previous match is skipped, as in Go.
 */
export function findAll(text: string, pattern: string, limit = -1n): string[] {
  const max = limit < 0n ? text.length + 1 : Number(limit);
  const matcher = compileRegex(pattern).matcher(text);
  const found: string[] = [];
  let position = 0;
  let previousEnd = -1;
  while (found.length < max && position <= text.length) {
    if (!matcher.find(position)) break;
    const start = matcher.start();
    const end = matcher.end();
    let accept = true;
    if (end === position) {
      // An empty match: never right after the previous match; move on by one character.
      if (start === previousEnd) accept = false;
      position += position < text.length ? ((text.codePointAt(position) ?? 0) > 0xffff ? 2 : 1) : 1;
    } else position = end;
    previousEnd = end;
    if (accept) found.push(text.slice(start, end));
  }
  return found;
}

export const regexLibrary: Library = {
  name: 'regex',
  functions: [
    ['string.matches_k8s(string): bool', matches],
    ['matches(string, string): bool', matches],
    ['string.find(string): string', find],
    ['string.findAll(string): list<string>', (text: string, pattern: string) => findAll(text, pattern)],
    ['string.findAll(string, int): list<string>', findAll],
  ],
};
