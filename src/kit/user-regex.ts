/**
 * Regular expressions that users write into constraint parameters, such as a
 * label's `allowedRegex` (Gatekeeper writes these for Go's RE2) or a name
 * pattern. They are compiled once at load time by the rule's `validate`, so a
 * bad pattern is a config error, not a silent miss at check time.
 *
 * JavaScript's engine backtracks where RE2 does not, so a pattern with nested
 * repetition such as `(a+)+$` can take exponential time even on a short input.
 * V8 can switch a regular expression that backtracks excessively to its
 * linear-time engine (the one RE2-style patterns need); we turn that on for
 * the whole process before any pattern is compiled. On top of that, patterns
 * longer than {@link MAX_USER_PATTERN_LENGTH} are refused, and rules test only
 * texts the API server would accept (label values of at most 63 characters,
 * names of at most 253), treating longer ones as not matching.
 */
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');

/** Longest pattern accepted, in UTF-16 code units. */
export const MAX_USER_PATTERN_LENGTH = 500;

/** RE2's leading flag group, `(?i)` and the like, which JavaScript lacks; only the flags both engines share. */
const LEADING_FLAGS = /^\(\?([ims]+)\)/;

/**
 * Compiles a user's pattern for unanchored search (like RE2's `MatchString`
 * and Gatekeeper's `regex.match`): write `^…$` to match the whole text. A
 * leading RE2 flag group such as `(?i)` becomes the JavaScript flag of the
 * same letter. Returns the reason as a sentence ending when the pattern is
 * refused.
 */
export function compileUserRegex(pattern: string): RegExp | { problem: string } {
  if (pattern.length > MAX_USER_PATTERN_LENGTH) {
    return { problem: `is longer than ${MAX_USER_PATTERN_LENGTH} characters` };
  }
  const flags = LEADING_FLAGS.exec(pattern);
  const body = flags ? pattern.slice(flags[0].length) : pattern;
  try {
    return new RegExp(body, flags ? [...new Set(flags[1])].join('') : '');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problem: `is not a valid regular expression (${reason})` };
  }
}

/** Why a user's pattern is refused (the end of a sentence), or undefined when it compiles. */
export function userRegexProblem(pattern: string): string | undefined {
  const compiled = compileUserRegex(pattern);
  return compiled instanceof RegExp ? undefined : compiled.problem;
}
