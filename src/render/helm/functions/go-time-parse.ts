/**
 * time.ParseInLocation with a Go layout, as `toDate` and `mustToDate` read a
 * date (in "Local", which k8s-bp takes to be UTC), with Go's error messages.
 */
import { GoTime, UTC, type Zone } from './go-time.js';
import { layoutParts } from './go-time-layout.js';

const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const DAYS = 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' ');

interface Parsed {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  nanos: bigint;
  pm?: boolean;
  zone?: Zone;
}

class Bad extends Error {}

/** Reads 1 or 2 digits (exactly 2 when `fixed`). */
function number(value: string, fixed: boolean, width = 2): [number, string] {
  const digits = new RegExp(`^[0-9]{${fixed ? width : 1},${width}}`).exec(value)?.[0];
  if (digits === undefined) throw new Bad();
  return [Number(digits), value.slice(digits.length)];
}

function name(value: string, names: readonly string[], short: boolean): [number, string] {
  const index = names.findIndex((full) => {
    const word = short ? full.slice(0, 3) : full;
    return value.slice(0, word.length).toLowerCase() === word.toLowerCase();
  });
  if (index < 0) throw new Bad();
  return [index, value.slice(short ? 3 : (names[index] ?? '').length)];
}

function offset(element: string, value: string): [Zone, string] {
  if (element.startsWith('Z') && value.startsWith('Z')) return [UTC, value.slice(1)];
  const colon = element.includes(':') ? ':' : '';
  const pattern = /07$/.test(element)
    ? ''
    : /0700$|07:00$/.test(element)
      ? `${colon}(\\d\\d)`
      : `${colon}(\\d\\d)${colon}(\\d\\d)`;
  const match = new RegExp(`^([+-])(\\d\\d)${pattern}`).exec(value);
  if (!match) throw new Bad();
  const seconds = Number(match[2]) * 3600 + Number(match[3] ?? 0) * 60 + Number(match[4] ?? 0);
  return [{ name: '', offset: match[1] === '-' ? -seconds : seconds }, value.slice(match[0].length)];
}

function fraction(value: string): [bigint, string] {
  const digits = /^[.,]([0-9]+)/.exec(value);
  if (!digits) return [0n, value];
  return [BigInt((digits[1] ?? '').slice(0, 9).padEnd(9, '0')), value.slice(digits[0].length)];
}

/** Reads an element from the start of a value into `parsed` and returns the rest. */
type Reader = (value: string, parsed: Parsed, element: string, nextIsFraction: boolean) => string;

/** A reader that stores one field. */
function into<K extends keyof Parsed>(key: K, read: (value: string, element: string) => [Parsed[K], string]): Reader {
  return (value, parsed, element) => {
    const [field, rest] = read(value, element);
    parsed[key] = field;
    return rest;
  };
}

const twoDigits = (fixedElement: string) => (value: string, element: string) => number(value, element === fixedElement);
const month = into('month', (value, element) => {
  const [index, rest] = name(value, MONTHS, element === 'Jan');
  return [index + 1, rest];
});
const weekday: Reader = (value, _, element) => name(value, DAYS, element === 'Mon')[1];
const day = into('day', (value, element) =>
  number(element === '_2' && value.startsWith(' ') ? value.slice(1) : value, element === '02'),
);
const second: Reader = (value, parsed, element, nextIsFraction) => {
  const rest = into('second', twoDigits('05'))(value, parsed, element, nextIsFraction);
  return nextIsFraction ? rest : into('nanos', fraction)(rest, parsed, element, nextIsFraction);
};
const meridiem = into('pm', (value, element) => {
  const word = value.slice(0, 2);
  const cased = element === 'PM' ? word.toUpperCase() : word.toLowerCase();
  if (word !== cased || !/^(?:AM|PM)$/i.test(word)) throw new Bad();
  return [word.toUpperCase() === 'PM', value.slice(2)];
});
const zoneName = into('zone', (value) => {
  const zone = /^(?:UTC|GMT[+-]\d{1,2}|[A-Z]{3,5})/.exec(value)?.[0];
  if (zone === undefined) throw new Bad();
  return [zone === 'UTC' ? UTC : { name: zone, offset: 0 }, value.slice(zone.length)];
});

const READERS: Record<string, Reader> = {
  '2006': into('year', (value) => number(value, true, 4)),
  '06': into('year', (value) => {
    const [year, rest] = number(value, true);
    return [year + (year >= 69 ? 1900 : 2000), rest];
  }),
  ...{ January: month, Jan: month, Monday: weekday, Mon: weekday },
  ...{ '01': into('month', twoDigits('01')), '1': into('month', twoDigits('01')) },
  ...{ '02': day, '2': day, _2: day },
  ...{ '15': into('hour', twoDigits('03')), '03': into('hour', twoDigits('03')), '3': into('hour', twoDigits('03')) },
  ...{ '04': into('minute', twoDigits('04')), '4': into('minute', twoDigits('04')) },
  ...{ '05': second, '5': second, PM: meridiem, pm: meridiem, MST: zoneName },
};

const fractionReader = into('nanos', (value, element) => {
  if (element[1] === '0' && !new RegExp(`^[.,][0-9]{${element.length - 1}}`).test(value)) throw new Bad();
  return fraction(value);
});

function readElement(element: string, value: string, parsed: Parsed, nextIsFraction: boolean): string {
  const reader = READERS[element] ?? (/^[.,]/.test(element) ? fractionReader : into('zone', (v) => offset(element, v)));
  return reader(value, parsed, element, nextIsFraction);
}

/** Matches layout text; a space in it matches any run of spaces. */
function readText(text: string, value: string): string {
  let rest = value;
  for (const char of text) {
    if (char === ' ' && rest.startsWith(' ')) rest = rest.replace(/^ +/, '');
    else if (rest.startsWith(char)) rest = rest.slice(char.length);
    else if (char !== ' ') throw new Bad();
  }
  return rest;
}

const quote = (text: string) => JSON.stringify(text);

function checkRanges(parsed: Parsed, value: string): void {
  const fail = (what: string) => new Error(`parsing time ${quote(value)}: ${what} out of range`);
  if (parsed.month < 1 || parsed.month > 12) throw fail('month');
  const days = new Date(Date.UTC(2000, parsed.month, 0)).getUTCDate();
  const leap = parsed.year % 4 === 0 && (parsed.year % 100 !== 0 || parsed.year % 400 === 0);
  if (parsed.day < 1 || parsed.day > (parsed.month === 2 && !leap ? 28 : days)) throw fail('day');
  if (parsed.hour > 23 || (parsed.pm !== undefined && parsed.hour > 12)) throw fail('hour');
  if (parsed.minute > 59) throw fail('minute');
  if (parsed.second > 59) throw fail('second');
}

/** time.ParseInLocation(layout, value, Local); throws with Go's message. */
export function parseLayout(layout: string, value: string): GoTime {
  const parsed: Parsed = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, nanos: 0n };
  let rest = value;
  const parts = layoutParts(layout);
  parts.forEach((part, index) => {
    const next = parts[index + 1];
    try {
      rest =
        'text' in part
          ? readText(part.text, rest)
          : readElement(
              part.element,
              rest,
              parsed,
              next !== undefined && 'element' in next && /^[.,]/.test(next.element),
            );
    } catch (error) {
      if (!(error instanceof Bad)) throw error;
      const element = 'text' in part ? part.text : part.element;
      throw new Error(
        `parsing time ${quote(value)} as ${quote(layout)}: cannot parse ${quote(rest)} as ${quote(element)}`,
      );
    }
  });
  if (rest !== '') throw new Error(`parsing time ${quote(value)}: extra text: ${quote(rest)}`);
  checkRanges(parsed, value);
  if (parsed.pm === true && parsed.hour < 12) parsed.hour += 12;
  if (parsed.pm === false && parsed.hour === 12) parsed.hour = 0;
  const date = new Date(0);
  date.setUTCFullYear(parsed.year, parsed.month - 1, parsed.day);
  date.setUTCHours(parsed.hour, parsed.minute, parsed.second, 0);
  const zone = parsed.zone ?? UTC;
  const local = zone.offset === 0 && zone.name === '' ? UTC : zone;
  return new GoTime(BigInt(date.getTime()) * 1_000_000n + parsed.nanos - BigInt(zone.offset) * 1_000_000_000n, local);
}

/** Go's zero time, which `toDate` returns for text it cannot read. */
export const ZERO_TIME = parseLayout('2006-01-02', '0001-01-01');
