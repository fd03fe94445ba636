import type { Library } from '../cel-types.js';
export declare const NAMED_FORMAT_TYPE = "kubernetes.NamedFormat";
/** A named string format: what `format.named()` and `format.<name>()` return. */
export declare class NamedFormat {
    readonly name: string;
    /** The reasons a text does not have this format; empty when it does. */
    readonly problems: (text: string) => string[];
    constructor(name: string, 
    /** The reasons a text does not have this format; empty when it does. */
    problems: (text: string) => string[]);
    equals(other: unknown): boolean;
}
/** The names of the formats, for documentation and tests. */
export declare const FORMAT_NAMES: readonly string[];
/** The receiver of `format.named(...)`: a namespace, not a value. */
export declare class FormatNamespace {
}
export declare const namedFormatLibrary: Library;
