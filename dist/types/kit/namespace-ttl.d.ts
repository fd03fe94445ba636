/**
 * Time-to-live values for Namespaces used as temporary workspaces: a duration
 * counted from the Namespace's creation (`72h`, `30d`, `1w2d`) or the date or
 * moment it ends (`2025-06-30`, `2025-06-30T18:00:00Z`).
 */
/** A parsed TTL. */
export type Ttl = {
    kind: 'duration';
    milliseconds: number;
}
/** `dateOnly`: written as a day, which the namespace lives through (it ends at the next midnight UTC). */
 | {
    kind: 'date';
    ends: number;
    dateOnly: boolean;
    text: string;
};
/**
 * Reads a TTL, or undefined when `text` is neither a positive duration (whole
 * numbers with the units s, m, h, d and w, as in `72h` or `1d12h`) nor a real
 * calendar date (`YYYY-MM-DD`) or date-time with a time zone (RFC 3339).
 */
export declare function parseTtl(text: string): Ttl | undefined;
/**
 * The moment a TTL runs out, or undefined when that cannot be known: a
 * duration counts from the Namespace's `metadata.creationTimestamp`, which
 * only manifests exported from a cluster carry.
 */
export declare function ttlEnd(ttl: Ttl, creationTimestamp: unknown): number | undefined;
/** Reads a moment such as `2025-06-30` or `2025-06-30T18:00:00Z`; undefined when it is not one. */
export declare function parseMoment(text: string): number | undefined;
