/**
 * Kubernetes resource quantities (`500m`, `2`, `1.5Gi`, `1e3`), parsed the way
 * the API server reads them and kept as exact fractions. Limits reach 10^18
 * and beyond (`1Ei`), where JavaScript numbers lose whole units, so comparisons
 * use BigInt arithmetic.
 */
/** A parsed quantity: `numerator / denominator` exactly, with a positive denominator. */
export interface Quantity {
    /** The quantity as written; a YAML number is turned into its decimal text. */
    readonly text: string;
    readonly numerator: bigint;
    readonly denominator: bigint;
    /** The value as a JavaScript number, rounded: for display, never for comparison. */
    readonly value: number;
}
/**
 * Parses a quantity given as a string (`"250m"`, `"1Gi"`, `"1e3"`) or as a
 * YAML number (`2`, `0.5`). Returns undefined for anything the API server would
 * reject: an unknown suffix (`1K`, `1mi`), a bare suffix (`Mi`), spaces, empty
 * text, a non-finite number, or an exponent beyond ±100.
 */
export declare function parseQuantity(input: unknown): Quantity | undefined;
/** Orders two quantities exactly: negative when `a < b`, zero when equal, positive when `a > b`. */
export declare function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1;
/** True when the quantity is below zero, which no resource limit may be. */
export declare function isNegativeQuantity(quantity: Quantity): boolean;
