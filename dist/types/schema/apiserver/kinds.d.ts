/** The rule a kind's `metadata.name` follows. */
export interface NameRule {
    /** How the rule is called in a message. */
    readonly format: string;
    /** What is wrong with a name (or, with `isPrefix`, with a `generateName`). */
    problems(name: string, isPrefix: boolean): string[];
}
/** One kind's metadata rules. */
export interface KindRules {
    readonly name: NameRule;
    readonly namespaced: boolean;
    /**
     * True when the kind's own validation runs the core metadata checks, which
     * also require a finalizer without a domain to be a standard one.
     */
    readonly kubeFinalizers: boolean;
}
/**
 * The metadata rules of a built-in kind, or undefined for a kind (or a
 * version of it) this module does not judge.
 */
export declare function kindRulesOf(group: string, version: string, kind: string): KindRules | undefined;
