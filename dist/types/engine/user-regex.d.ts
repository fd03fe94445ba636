/**
 * Regular expressions that users write into constraint parameters, such as a
 * label's `allowedRegex` (Gatekeeper writes these for Go's RE2) or a name
 * pattern. They are compiled once at load time by the rule's `validate`, so a
 * bad pattern is a config error, not a silent miss at check time.
 *
 * JavaScript's engine backtracks where RE2 does not, so a pattern with nested
 * repetition such as `(a+)+$` can take exponential time on a long input. Two
 * caps keep that in bounds: patterns longer than {@link MAX_USER_PATTERN_LENGTH}
 * are refused, and rules test only texts the API server would accept (label
 * values of at most 63 characters, names of at most 253), treating longer ones
 * as not matching.
 */
/** Longest pattern accepted, in UTF-16 code units. */
export declare const MAX_USER_PATTERN_LENGTH = 500;
/**
 * Compiles a user's pattern for unanchored search (like RE2's `MatchString`
 * and Gatekeeper's `regex.match`): write `^…$` to match the whole text. A
 * leading RE2 flag group such as `(?i)` becomes the JavaScript flag of the
 * same letter. Returns the reason as a sentence ending when the pattern is
 * refused.
 */
export declare function compileUserRegex(pattern: string): RegExp | {
    problem: string;
};
/** Why a user's pattern is refused (the end of a sentence), or undefined when it compiles. */
export declare function userRegexProblem(pattern: string): string | undefined;
