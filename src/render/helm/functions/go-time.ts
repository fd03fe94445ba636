/**
 * Go's time.Time for templates: an instant in nanoseconds with a zone (a
 * name and an offset), printed as Go prints it. Zones are looked up with
 * Intl, so their abbreviations are those Intl knows (Go's tzdata may name
 * some differently); "Local" is UTC, as on the machines Helm usually runs on.
 */
import { GoObject, type GoValue } from '../go-values.js';
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

/** A time.Time; `nonHermetic` marks one that came from the clock (`now`) rather than from text. */
export class GoTime extends GoObject implements JsonMarshaler {
  readonly typeName = 'time.Time';
  readonly kind = 'struct';

  constructor(
    /** Nanoseconds since the Unix epoch. */
    readonly nanos: bigint,
    readonly zone: Zone = UTC,
    readonly nonHermetic = false,
  ) {
    super();
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
    const seconds = this.nanos / 1_000_000_000n;
    return this.nanos < 0n && this.nanos % 1_000_000_000n !== 0n ? seconds - 1n : seconds;
  }

  format(): string {
    return formatLayout(this, '2006-01-02 15:04:05.999999999 -0700 MST');
  }

  field(name: string): GoValue | undefined {
    if (name === 'String') return this.format();
    if (name === 'Unix') return this.unix();
    return undefined;
  }

  jsonValue(): GoValue {
    return formatLayout(this, '2006-01-02T15:04:05.999999999Z07:00');
  }
}
