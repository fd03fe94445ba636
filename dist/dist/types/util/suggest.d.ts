/** The candidate closest to `input` by edit distance, when it is close enough to be a likely typo. */
export declare function suggest(input: string, candidates: Iterable<string>): string | undefined;
/** ` (did you mean "x"?)` or nothing. */
export declare function didYouMean(input: string, candidates: Iterable<string>): string;
