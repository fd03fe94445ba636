/** `cpu:` with no value and `cpu: ""` set nothing, like a missing key. */
export declare function isUnset(value: unknown): boolean;
/** A manifest value as written, for a message: strings and numbers as they are, anything else as JSON. */
export declare function describeValue(value: unknown): string;
