/** A repeated entry: its index and the words that say what it repeats. */
export interface Duplicate {
    readonly index: number;
    readonly what: string;
}
/** Entries of a set that repeat an earlier entry. */
export declare function setDuplicates(list: readonly unknown[]): readonly Duplicate[];
/**
 * Entries of a list map with the same key fields as an earlier entry.
 * `keyOf` reads one key field of an entry (undefined when unspecified);
 * entries for which `skip` is true take no part.
 */
export declare function mapDuplicates(list: readonly unknown[], keys: readonly string[], keyOf: (entry: Record<string, unknown>, key: string) => unknown, skip?: (entry: unknown) => boolean): readonly Duplicate[];
