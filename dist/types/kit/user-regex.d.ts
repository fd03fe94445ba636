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
