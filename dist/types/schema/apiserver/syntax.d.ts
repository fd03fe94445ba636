/**
 * A name prefix (`generateName`) is checked as the API server checks it: a
 * trailing '-' is masked before the name rule applies. The server drops the
 * last two characters and appends 'a'; doing the same gives the same verdict
 * on odd prefixes such as `.-`.
 */
export declare function maskTrailingDash(prefix: string, isPrefix?: boolean): string;
/** An RFC 1123 label (≤ 63): lower-case letters, digits and '-', starting and ending with a letter or digit. */
export declare function dnsLabelProblems(text: string): string[];
/** An RFC 1123 subdomain (≤ 253): dot-separated labels. */
export declare function dnsSubdomainProblems(text: string): string[];
/** An RFC 1035 label (≤ 63): like an RFC 1123 label, but starting with a letter. */
export declare function dns1035LabelProblems(text: string): string[];
/** A name that can stand in a URL path: not `.` or `..`, and without '/' or '%'. */
export declare function pathSegmentProblems(text: string, isPrefix?: boolean): string[];
/**
 * A label key, which Kubernetes also calls a qualified name: an optional DNS
 * subdomain prefix and '/', then a name of at most 63 characters of letters,
 * digits, '-', '_' and '.', starting and ending with a letter or digit.
 */
export declare function labelKeyProblems(text: string): string[];
/** A label value: empty, or up to 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit. */
export declare function labelValueProblems(text: string): string[];
/**
 * An IANA service name, as container and probe port names must be: at most
 * 15 characters of lower-case letters, digits and '-', at least one letter,
 * no '-' at either end and no two in a row.
 */
export declare function portNameProblems(text: string): string[];
/**
 * An environment variable name (also an `envFrom` prefix). Before the relaxed
 * rule, a C-like identifier that may also hold '-' and '.'; with it, any
 * printable ASCII but '='.
 */
export declare function envVarNameProblems(text: string, relaxed: boolean): string[];
/** A ConfigMap or Secret key: at most 253 letters, digits, '-', '_' and '.', and not `.`, `..` or `..`-prefixed. */
export declare function configMapKeyProblems(text: string): string[];
