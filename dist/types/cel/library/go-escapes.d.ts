/** The escapes Go's strconv.Quote writes, which CEL's quote() and format's %q print too. */
export declare const GO_ESCAPES: Record<string, string>;
