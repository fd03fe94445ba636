/**
 * Dates, times and durations as the API server reads them: a built-in
 * `metav1.Time` through Go's `time.Parse(time.RFC3339, …)`, and a CRD's
 * `date`, `date-time` and `duration` formats through kube-openapi's strfmt.
 */

/** Days in a month of a year (month 1–12). */
function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year);
}

// Go's RFC 3339 layout: a one- or two-digit hour is read (the layout's `15`
// is not zero-padded), a fraction after the seconds may start with a point
// or a comma, and the zone is `Z` or a `±hh:mm` offset.
const GO_RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{1,2}):(\d{2}):(\d{2})(?:[.,]\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * True when Go's `time.Parse(time.RFC3339, text)` succeeds, which is how a
 * built-in timestamp (`creationTimestamp`, `lastTransitionTime`) is decoded.
 * Offsets up to 24 hours and 60 minutes pass, as Go's parser allows.
 */
export function isGoRFC3339(text: string): boolean {
  const match = GO_RFC3339.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as number[];
  const zoneHour = Number(match[7] ?? 0);
  const zoneMinute = Number(match[8] ?? 0);
  return (
    isValidDay(year ?? 0, month ?? 0, day ?? 0) &&
    (hour ?? 0) <= 23 &&
    (minute ?? 0) <= 59 &&
    (second ?? 0) <= 59 &&
    zoneHour <= 24 &&
    zoneMinute <= 60
  );
}

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** strfmt's `date`: Go's `time.Parse("2006-01-02", text)`. */
export function isFullDate(text: string): boolean {
  const match = FULL_DATE.exec(text);
  return match !== null && isValidDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

// strfmt's time part: `.` in its Go pattern matches any character but a newline.
const STRFMT_TIME = /^(\d{2}):(\d{2}):(\d{2})(?:[^\n]\d+)?(?:z|[+-]\d{2}:\d{2})$/u;

/**
 * strfmt's `date-time`: the text, lower-cased and split at every `t`, starts
 * with a full date, and its second piece is a time with a zone; hours,
 * minutes and seconds are compared as text (`23`, `59`, `59` at most).
 */
export function isStrfmtDateTime(text: string): boolean {
  if (text.length < 4) return false;
  const pieces = text.toLowerCase().split('t');
  if (pieces.length < 2 || !isFullDate(pieces[0] ?? '')) return false;
  const time = STRFMT_TIME.exec(pieces[1] ?? '');
  if (!time) return false;
  return (time[1] ?? '') <= '23' && (time[2] ?? '') <= '59' && (time[3] ?? '') <= '59';
}

// Go's time.ParseDuration: an optional sign, then one or more decimal numbers
// each with a unit; `0` alone is allowed. (µ is U+00B5, μ is U+03BC.)
const GO_DURATION = /^[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|\u00b5s|\u03bcs|ms|s|m|h))+$/;
const LOOSE_DURATION = /^\s*(?:\d+\s*[A-Za-zµ]+\s*)+$/;
const LOOSE_PART = /\d+\s*([A-Za-zµ]+)/g;
/** Units of strfmt's second chance: an exact (case-insensitive) name, or a word the last name starts. */
const LOOSE_UNITS: readonly (readonly string[])[] = [
  ['ns', 'nano'],
  ['us', 'µs', 'micro'],
  ['ms', 'milli'],
  ['s', 'sec'],
  ['m', 'min'],
  ['h', 'hr', 'hour'],
  ['d', 'day'],
  ['w', 'wk', 'week'],
];

/**
 * strfmt's `duration`: Go's `time.ParseDuration`, or else a run of
 * `<number> <unit>` pairs (`3 days`, `1h 30min`) of which one unit at least
 * is known.
 */
export function isStrfmtDuration(text: string): boolean {
  if (text === '0' || text === '+0' || text === '-0' || GO_DURATION.test(text)) return true;
  if (!LOOSE_DURATION.test(text)) return false;
  for (const match of text.matchAll(LOOSE_PART)) {
    const unit = (match[1] ?? '').toLowerCase();
    const known = LOOSE_UNITS.some((names) =>
      names.some((name, index) => name === unit || (index === names.length - 1 && unit.startsWith(name))),
    );
    if (known) return true;
  }
  return false;
}
