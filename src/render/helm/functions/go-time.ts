/**
 * Go's time.Time for templates: an instant in nanoseconds with a zone (a
 * name and an offset), printed as Go prints it. Zones are looked up with
 * Intl, so their abbreviations are those Intl knows (Go's tzdata may name
 * some differently); "Local" is UTC, as on the machines Helm usually runs on.
 */
import { GoObject, type GoMethod, type GoValue } from '../go-values.js';
import { stringArg } from './args.js';
import type { JsonMarshaler } from './go-json-encode.js';
import { formatLayout } from './go-time-layout.js';

export interface Zone {
  /** The abbreviation Go prints for MST (`UTC`, `EST`); empty for a fixed offset read from text. */
  name: string;
  /** Seconds east of UTC. */
  offset: number;
}

export const UTC: Zone = { name: 'UTC', offset: 0 };

/** A zone by IANA name at an instant; undefined for a name neither Go nor Intl knows. */
export function zoneAt(name: string, epochMs: number): Zone | undefined {
  if (name === 'UTC' || name === '' || name === 'Local') return UTC;
  let parts: Intl.DateTimeFormatPart[];
  try {
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      timeZoneName: 'short',
      hourCycle: 'h23',
      ...{ year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' },
    });
    parts = format.formatToParts(new Date(epochMs));
  } catch {
    return undefined;
  }
  const part = (type: string) => Number(parts.find((item) => item.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  const offset = Math.round((wall - Math.floor(epochMs / 1000) * 1000) / 1000);
  const abbreviation = parts.find((item) => item.type === 'timeZoneName')?.value ?? '';
  return { name: /^GMT[+-]/.test(abbreviation) ? '' : abbreviation.replace(/^GMT$/, 'GMT'), offset };
}

/** An instant and the zone it is shown in: what a time.Time holds. */
export interface Instant {
  /** Nanoseconds since the Unix epoch. */
  readonly nanos: bigint;
  readonly zone: Zone;
}

const STRING_LAYOUT = '2006-01-02 15:04:05.999999999 -0700 MST';

/** Whole seconds since the epoch, rounded down as Go's Unix() does. */
function unixSeconds(nanos: bigint): bigint {
  const seconds = nanos / 1_000_000_000n;
  return nanos < 0n && nanos % 1_000_000_000n !== 0n ? seconds - 1n : seconds;
}

/** The methods of time.Time that templates call most (`.Unix`, `.Format "2006"`, `.UTC`). */
function timeMethods(instant: Instant, nonHermetic: boolean): Record<string, GoMethod> {
  return {
    String: { params: 0, call: () => formatLayout(instant, STRING_LAYOUT) },
    Unix: { params: 0, call: () => unixSeconds(instant.nanos) },
    UnixNano: { params: 0, call: () => instant.nanos },
    Format: { params: 1, call: ([layout]) => formatLayout(instant, stringArg(layout)) },
    UTC: { params: 0, call: () => new GoTime(instant.nanos, UTC, nonHermetic) },
  };
}

/**
 * A time.Time: a struct without exported fields whose methods templates call
 * and whose String method is what `%v` prints. `nonHermetic` marks one that
 * came from the clock (`now`) rather than from text.
 */
export class GoTime extends GoObject implements Instant, JsonMarshaler {
  constructor(
    readonly nanos: bigint,
    readonly zone: Zone = UTC,
    readonly nonHermetic = false,
  ) {
    super(
      'time.Time',
      'struct',
      {},
      timeMethods({ nanos, zone }, nonHermetic),
      formatLayout({ nanos, zone }, STRING_LAYOUT),
    );
  }

  static fromDate(date: Date, nonHermetic: boolean): GoTime {
    return new GoTime(BigInt(date.getTime()) * 1_000_000n, UTC, nonHermetic);
  }

  /** The same instant in another zone. */
  in(zone: Zone): GoTime {
    return new GoTime(this.nanos, zone, this.nonHermetic);
  }

  /** The same zone, `nanos` later. */
  add(nanos: bigint): GoTime {
    return new GoTime(this.nanos + nanos, this.zone, this.nonHermetic);
  }

  /** Whole seconds since the epoch, rounded down as Go's Unix() does. */
  unix(): bigint {
    return unixSeconds(this.nanos);
  }

  jsonValue(): GoValue {
    return formatLayout(this, '2006-01-02T15:04:05.999999999Z07:00');
  }
}
