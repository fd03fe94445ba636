/**
 * Gatekeeper's name globs, as used by `match.namespaces`, `match.excludedNamespaces`
 * and `match.name` (Gatekeeper's `pkg/wildcard`). A pattern may start with `*`
 * (suffix match), end with `*` (prefix match), or both (substring match);
 * anything else is compared exactly.
 */
/** True when `candidate` (a namespace or object name) fits the Gatekeeper glob `pattern`. */
export declare function wildcardMatches(pattern: string, candidate: string): boolean;
/**
 * True when an object that has only a `metadata.generateName` can be said to
 * fit `pattern`. Only the start of the final name is known, so exact and
 * suffix patterns never fit; Gatekeeper's `namesMatch` applies the same rule.
 */
export declare function wildcardMatchesGenerateName(pattern: string, generateName: string): boolean;
/** Why Gatekeeper would refuse `pattern`, as the end of a sentence, or undefined when it is fine. */
export declare function wildcardProblem(pattern: string): string | undefined;
