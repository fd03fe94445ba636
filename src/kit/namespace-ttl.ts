/**
 * Time-to-live values for Namespaces used as temporary workspaces: a duration
 * counted from the Namespace's creation (`72h`, `30d`, `1w2d`) or the date or
 * moment it ends (`2025-06-30`, `2025-06-30T18:00:00Z`).
 */

/** A parsed TTL. */
export type Ttl =
  | { kind: 'duration'; milliseconds: number }
  /** `dateOnly`: written as a day, which the namespace lives through (it ends at the next midnight UTC). */
  | { kind: 'date'; ends: number; dateOnly: boolean; text: string };

const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const DURATION = /^(?:\d+[smhdw])+$/;
const DURATION_PART = /(\d+)([smhdw])/g;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Reads a TTL, or undefined when `text` is neither a positive duration (whole
 * numbers with the units s, m, h, d and w, as in `72h` or `1d12h`) nor a real
 * calendar date (`YYYY-MM-DD`) or date-time with a time zone (RFC 3339).
 */
export function parseTtl(text: string): Ttl | undefined {
  const value = text.trim();
  if (DURATION.test(value)) {
    let milliseconds = 0;
    for (const [, amount, unit] of value.matchAll(DURATION_PART))
      milliseconds += Number(amount) * (UNIT_MS[unit!] ?? 0);
    return milliseconds > 0 ? { kind: 'duration', milliseconds } : undefined;
  }
  const date = DATE.exec(value);
  if (date) {
    if (!isCalendarDate(date)) return undefined;
    return { kind: 'date', ends: Date.parse(value) + UNIT_MS['d']!, dateOnly: true, text: value };
  }
  return parseDateTime(value);
}

/** An RFC 3339 date-time with a time zone, as a TTL that ends at that moment. */
function parseDateTime(value: string): Ttl | undefined {
  const match = DATE_TIME.exec(value);
  if (!match || !isCalendarDate(match)) return undefined;
  const [hour, minute, second, offsetHour, offsetMinute] = [4, 5, 6, 7, 8].map((index) => Number(match[index] ?? 0));
  if (hour! > 23 || minute! > 59 || second! > 59 || offsetHour! > 23 || offsetMinute! > 59) return undefined;
  const ends = Date.parse(value);
  return Number.isNaN(ends) ? undefined : { kind: 'date', ends, dateOnly: false, text: value };
}

/** True when year, month and day (match groups 1 to 3) name a day that exists. */
function isCalendarDate(match: RegExpExecArray): boolean {
  const [year, month, day] = [1, 2, 3].map((index) => Number(match[index]));
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month! - 1 && date.getUTCDate() === day;
}

/**
 * The moment a TTL runs out, or undefined when that cannot be known: a
 * duration counts from the Namespace's `metadata.creationTimestamp`, which
 * only manifests exported from a cluster carry.
 */
export function ttlEnd(ttl: Ttl, creationTimestamp: unknown): number | undefined {
  if (ttl.kind === 'date') return ttl.ends;
  if (typeof creationTimestamp !== 'string') return undefined;
  const created = Date.parse(creationTimestamp);
  return Number.isNaN(created) ? undefined : created + ttl.milliseconds;
}

/** Reads a moment such as `2025-06-30` or `2025-06-30T18:00:00Z`; undefined when it is not one. */
export function parseMoment(text: string): number | undefined {
  const value = text.trim();
  if (DATE.test(value)) {
    const match = DATE.exec(value);
    return match && isCalendarDate(match) ? Date.parse(value) : undefined;
  }
  const ttl = parseDateTime(value);
  return ttl?.kind === 'date' ? ttl.ends : undefined;
}
