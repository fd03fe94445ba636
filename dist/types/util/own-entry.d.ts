/**
 * `table[key]` for a table keyed by text from the input (a kind, an API
 * group), counting only the table's own entries: a plain object also answers
 * `constructor`, `toString` or `__proto__` with what it inherits.
 */
export declare function ownEntry<T>(table: Readonly<Record<string, T>>, key: string): T | undefined;
