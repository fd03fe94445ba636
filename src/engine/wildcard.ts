/**
 * Gatekeeper's name globs, as used by `match.namespaces`, `match.excludedNamespaces`
 * and `match.name` (Gatekeeper's `pkg/wildcard`). A pattern may start with `*`
 * (suffix match), end with `*` (prefix match), or both (substring match);
 * anything else is compared exactly.
 */

/**
 * What Gatekeeper's constraint CRD accepts for these fields. Dots and capitals
 * are refused there, so a constraint using them would never reach the cluster.
 */
const WILDCARD_SYNTAX = /^\*?[-:a-z0-9]*\*?$/;

/** True when `candidate` (a namespace or object name) fits the Gatekeeper glob `pattern`. */
export function wildcardMatches(pattern: string, candidate: string): boolean {
  const leading = pattern.startsWith('*');
  const trailing = pattern.endsWith('*');
  if (leading && trailing) return candidate.includes(pattern.slice(1, -1));
  if (leading) return candidate.endsWith(pattern.slice(1));
  if (trailing) return candidate.startsWith(pattern.slice(0, -1));
  return pattern === candidate;
}

/**
 * True when an object that has only a `metadata.generateName` can be said to
 * fit `pattern`. Only the start of the final name is known, so exact and
 * suffix patterns never fit; Gatekeeper's `namesMatch` applies the same rule.
 */
export function wildcardMatchesGenerateName(pattern: string, generateName: string): boolean {
  const leading = pattern.startsWith('*');
  const trailing = pattern.endsWith('*');
  if (leading && trailing) return generateName.includes(pattern.slice(1, -1));
  if (trailing) return generateName.startsWith(pattern.slice(0, -1));
  return false;
}

/** Why Gatekeeper would refuse `pattern`, as the end of a sentence, or undefined when it is fine. */
export function wildcardProblem(pattern: string): string | undefined {
  if (WILDCARD_SYNTAX.test(pattern)) return undefined;
  const inner = pattern.replace(/^\*/, '').replace(/\*$/, '');
  if (inner.includes('*')) {
    return `has "*" in the middle ("${pattern}"); Gatekeeper accepts "*" only at the start or end, as in "kube-*", "*-system" or "*system*"`;
  }
  return `("${pattern}") is not a pattern Gatekeeper accepts: only lowercase letters, digits, "-" and ":", with an optional "*" at the start or end`;
}
