/** One problem in a match block. `path` is dotted and relative to the block, e.g. `namespaces[2]`. */
export interface MatchProblem {
    path: string;
    message: string;
}
/**
 * Problems with a match block, in field order; empty when it is usable.
 * An absent (null) block or field means "no restriction", as in Gatekeeper.
 */
export declare function validateMatch(match: unknown): MatchProblem[];
