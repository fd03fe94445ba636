/**
 * Dates, times and durations as the API server reads them: a built-in
 * `metav1.Time` through Go's `time.Parse(time.RFC3339, …)`, and a CRD's
 * `date`, `date-time` and `duration` formats through kube-openapi's strfmt.
 */
/**
 * True when Go's `time.Parse(time.RFC3339, text)` succeeds, which is how a
 * built-in timestamp (`creationTimestamp`, `lastTransitionTime`) is decoded.
 * Offsets up to 24 hours and 60 minutes pass, as Go's parser allows.
 */
export declare function isGoRFC3339(text: string): boolean;
/** strfmt's `date`: Go's `time.Parse("2006-01-02", text)`. */
export declare function isFullDate(text: string): boolean;
/**
 * strfmt's `date-time`: the text, lower-cased and split at every `t`, starts
 * with a full date, and its second piece is a time with a zone; hours,
 * minutes and seconds are compared as text (`23`, `59`, `59` at most).
 */
export declare function isStrfmtDateTime(text: string): boolean;
/**
 * strfmt's `duration`: Go's `time.ParseDuration`, or else a run of
 * `<number> <unit>` pairs (`3 days`, `1h 30min`) of which one unit at least
 * is known.
 */
export declare function isStrfmtDuration(text: string): boolean;
