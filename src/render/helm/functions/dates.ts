/**
 * Sprig's date functions. `now` is the source's fixed instant, marked as
 * coming from the clock, and whatever is printed from such a time (or from
 * `ago`, which measures from now) is noted as produced (see
 * non-hermetic.ts); dates read with `toDate` or given as Unix seconds are
 * exact. A date argument of any other type means now, as in Sprig.
 */
import type { GoValue } from '../go-values.js';
import { expectArgs, GoArgumentError, goTypeName, stringArg, type GoFunction } from './args.js';
import { formatDuration, parseDuration } from './go-duration.js';
import { GoTime, UTC, zoneAt } from './go-time.js';
import { formatLayout } from './go-time-layout.js';
import { parseLayout, ZERO_TIME } from './go-time-parse.js';
import type { NonHermeticSource } from './non-hermetic.js';

const SECOND = 1_000_000_000n;

/** A `time.Time` parameter. */
function timeArg(value: GoValue | undefined): GoTime {
  if (value instanceof GoTime) return value;
  const got = value === null || value === undefined ? 'interface {}' : goTypeName(value);
  throw new GoArgumentError(`wrong type for value; expected time.Time; got ${got}`);
}

function dateFunctionsOf(source: NonHermeticSource) {
  const now = () => GoTime.fromDate(source.now, true);
  /** Sprig's reading of an `interface{}` date: a time, Unix seconds, or else now. */
  const dateOf = (value: GoValue | undefined) =>
    value instanceof GoTime ? value : typeof value === 'bigint' ? new GoTime(value * SECOND) : now();
  const printed = (time: GoTime, text: string) => (time.nonHermetic ? source.record(text) : text);
  const inZone = (layout: string, value: GoValue | undefined, zoneName: string) => {
    const time = dateOf(value);
    const zone = zoneAt(zoneName, Number(time.nanos / 1_000_000n)) ?? UTC;
    return printed(time, formatLayout(time.in(zone), layout));
  };
  const since = (time: GoTime) => {
    const elapsed = BigInt(source.now.getTime()) * 1_000_000n - time.nanos;
    // Rounded to whole seconds, halves away from zero, as Duration.Round does.
    const rounded = ((elapsed < 0n ? -elapsed : elapsed) + SECOND / 2n) / SECOND;
    return (elapsed < 0n ? -rounded : rounded) * SECOND;
  };
  return { now, dateOf, printed, inZone, since };
}

function modify(name: string, args: GoValue[], strict: boolean): GoTime {
  expectArgs(name, args, 2);
  const [change, time] = [stringArg(args[0]), timeArg(args[1])];
  try {
    return time.add(parseDuration(change));
  } catch (error) {
    if (strict) throw error;
    return time;
  }
}

function durationRound(nanos: bigint): string {
  const u = nanos < 0n ? -nanos : nanos;
  const hour = 3600n * SECOND;
  const units: Array<[bigint, string]> = [
    [hour * 24n * 365n, 'y'],
    [hour * 24n * 30n, 'mo'],
    [hour * 24n, 'd'],
    [hour, 'h'],
    [60n * SECOND, 'm'],
    [SECOND, 's'],
  ];
  const unit = units.find(([size]) => u > size);
  return unit ? `${u / unit[0]}${unit[1]}` : '0s';
}

function toDate(...args: GoValue[]): GoValue {
  expectArgs('toDate', args, 2);
  const [layout, text] = [stringArg(args[0]), stringArg(args[1])];
  try {
    return parseLayout(layout, text);
  } catch {
    return ZERO_TIME;
  }
}

function duration(...args: GoValue[]): GoValue {
  expectArgs('duration', args, 1);
  const value = args[0];
  // Sprig counts an integer or a decimal string of seconds; anything else is no time at all.
  const seconds =
    typeof value === 'bigint' ? value : typeof value === 'string' && /^[+-]?\d+$/.test(value) ? BigInt(value) : 0n;
  return formatDuration(seconds * SECOND);
}

/** The functions that print a date, over one source. */
function printingFunctions(source: NonHermeticSource): Record<string, GoFunction> {
  const { now, printed, inZone } = dateFunctionsOf(source);
  const dateInZone: GoFunction = (...args) => {
    expectArgs('dateInZone', args, 3);
    return inZone(stringArg(args[0]), args[1], stringArg(args[2]));
  };
  return {
    now: (...args) => (expectArgs('now', args, 0), now()),
    date: (...args) => (expectArgs('date', args, 2), inZone(stringArg(args[0]), args[1], 'Local')),
    dateInZone,
    date_in_zone: dateInZone,
    htmlDate: (...args) => (expectArgs('htmlDate', args, 1), inZone('2006-01-02', args[0], 'Local')),
    htmlDateInZone: (...args) => (
      expectArgs('htmlDateInZone', args, 2),
      inZone('2006-01-02', args[0], stringArg(args[1]))
    ),
    unixEpoch: (...args) => {
      expectArgs('unixEpoch', args, 1);
      const time = timeArg(args[0]);
      return printed(time, String(time.unix()));
    },
  };
}

/** The functions that read, shift and measure dates, over one source. */
function arithmeticFunctions(source: NonHermeticSource): Record<string, GoFunction> {
  const { dateOf, since } = dateFunctionsOf(source);
  const dateModify: GoFunction = (...args) => modify('dateModify', args, false);
  const mustDateModify: GoFunction = (...args) => modify('mustDateModify', args, true);
  return {
    ...{ dateModify, date_modify: dateModify, mustDateModify, must_date_modify: mustDateModify },
    toDate,
    mustToDate: (...args) => (expectArgs('mustToDate', args, 2), parseLayout(stringArg(args[0]), stringArg(args[1]))),
    ago: (...args) => (expectArgs('ago', args, 1), source.record(formatDuration(since(dateOf(args[0]))))),
    duration,
    durationRound: (...args) => {
      expectArgs('durationRound', args, 1);
      const value = args[0];
      if (value instanceof GoTime) return source.record(durationRound(since(value)));
      if (typeof value === 'bigint') return durationRound(value);
      if (typeof value !== 'string') return '0s';
      try {
        return durationRound(parseDuration(value));
      } catch {
        return '0s';
      }
    },
  };
}

/** The date functions over one source, by template name (with Sprig's snake_case aliases). */
export function dateFunctions(source: NonHermeticSource): Record<string, GoFunction> {
  return { ...printingFunctions(source), ...arithmeticFunctions(source) };
}
