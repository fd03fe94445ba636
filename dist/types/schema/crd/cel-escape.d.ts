/**
 * How a CRD property is named in CEL. Property names may hold characters
 * that identifiers cannot, so the API server escapes them: `__` is written
 * `__underscores__`, `.` `__dot__`, `-` `__dash__`, `/` `__slash__`, and a
 * name that is a CEL reserved word is wrapped in `__` (`namespace` is
 * `__namespace__`). A name starting with a digit, or holding any other
 * character, cannot be reached from CEL at all.
 */
/** The CEL name of a property, or undefined when CEL cannot name it. */
export declare function escapeProperty(name: string): string | undefined;
