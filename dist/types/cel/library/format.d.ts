/** A formatting clause of a template: its verb and precision; `%%` is not a clause. */
interface Clause {
    verb: string;
    precision: number | undefined;
}
type Part = string | Clause;
/** Splits a template into text and clauses, or throws the error cel-go gives for a malformed one. */
export declare function parseTemplate(template: string): Part[];
/** The number of arguments a template reads, for the check Kubernetes makes when both are literals. */
export declare function clauseCount(template: string): number;
export declare function format(template: string, args: unknown[]): string;
/** Go's `%g` (shortest form), which CEL uses to turn a double into a string. */
export declare function goFloat(value: number): string;
export {};
