/**
 * Go's reference-time layouts (`2006-01-02T15:04:05Z07:00`): splitting a
 * layout into its elements as Go does, formatting a time with one, and
 * reading a time back with one (for `toDate`), with Go's error messages.
 */
import type { Instant, Zone } from './go-time.js';

/** Layout elements Go recognises, longest first where one starts another. */
const ELEMENTS = [
  'January',
  'Jan',
  'Monday',
  'Mon',
  'MST',
  '2006',
  '002',
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '15',
  '__2',
  '_2',
  'Z070000',
  'Z07:00:00',
  'Z0700',
  'Z07:00',
  'Z07',
  '-070000',
  '-07:00:00',
  '-0700',
  '-07:00',
  '-07',
  '1',
  '2',
  '3',
  '4',
  '5',
  'PM',
  'pm',
];

export type LayoutPart = { element: string } | { text: string };

/** The element the layout starts with, if any. */
function elementAt(rest: string): string | undefined {
  const fraction = /^[.,](0+|9+)(?![0-9])/.exec(rest);
  if (fraction) return fraction[0];
  // `Jan` and `Mon` are words of their own only: `Janet` and `Month` are text.
  if (/^(?:Jan|Mon)(?!uary|day)[a-z]/.test(rest)) return undefined;
  if (rest.startsWith('_2006')) return undefined;
  return ELEMENTS.find((candidate) => rest.startsWith(candidate));
}

/** The layout as elements and literal text; `.000`/`.999` (or with a comma) are fractional seconds unless a digit follows. */
export function layoutParts(layout: string): LayoutPart[] {
  const parts: LayoutPart[] = [];
  let text = '';
  let index = 0;
  while (index < layout.length) {
    const rest = layout.slice(index);
    const element = elementAt(rest);
    if (element === undefined) {
      text += layout[index];
      index++;
      continue;
    }
    if (text !== '') parts.push({ text });
    text = '';
    parts.push({ element });
    index += element.length;
  }
  if (text !== '') parts.push({ text });
  return parts;
}

const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const DAYS = 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' ');

interface Fields {
  year: number;
  month: number;
  day: number;
  weekday: number;
  yearDay: number;
  hour: number;
  minute: number;
  second: number;
  nanos: bigint;
}

function fieldsOf(time: Instant): Fields {
  const nanosOfSecond = ((time.nanos % 1_000_000_000n) + 1_000_000_000n) % 1_000_000_000n;
  const seconds = Number((time.nanos - nanosOfSecond) / 1_000_000_000n) + time.zone.offset;
  const date = new Date(seconds * 1000);
  const year = date.getUTCFullYear();
  const yearDay = Math.floor((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  return {
    ...{ year, month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay(), yearDay },
    ...{ hour: date.getUTCHours(), minute: date.getUTCMinutes(), second: date.getUTCSeconds() },
    nanos: nanosOfSecond,
  };
}

const pad = (value: number, width: number, fill = '0') => String(value).padStart(width, fill);

function formatOffset(element: string, offset: number): string {
  if (element.startsWith('Z') && offset === 0) return 'Z';
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const [hours, minutes, seconds] = [
    pad(Math.floor(abs / 3600), 2),
    pad(Math.floor(abs / 60) % 60, 2),
    pad(abs % 60, 2),
  ];
  const colon = element.includes(':') ? ':' : '';
  if (/07$/.test(element)) return `${sign}${hours}`;
  if (/0700$|07:00$/.test(element)) return `${sign}${hours}${colon}${minutes}`;
  return `${sign}${hours}${colon}${minutes}${colon}${seconds}`;
}

function formatZoneName(zone: Zone): string {
  if (zone.name !== '') return zone.name;
  return formatOffset('-0700', zone.offset);
}

function formatFraction(element: string, nanos: bigint): string {
  const digits = element.length - 1;
  const text = nanos.toString().padStart(9, '0').slice(0, digits);
  if (element[1] === '0') return `${element[0]}${text}`;
  const trimmed = text.replace(/0+$/, '');
  return trimmed === '' ? '' : `${element[0]}${trimmed}`;
}

function formatElement(element: string, f: Fields, zone: Zone): string {
  const hour12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
  const values: Record<string, () => string> = {
    January: () => MONTHS[f.month - 1] ?? '',
    Jan: () => (MONTHS[f.month - 1] ?? '').slice(0, 3),
    Monday: () => DAYS[f.weekday] ?? '',
    Mon: () => (DAYS[f.weekday] ?? '').slice(0, 3),
    MST: () => formatZoneName(zone),
    '2006': () => pad(f.year, 4),
    '06': () => pad(f.year % 100, 2),
    '01': () => pad(f.month, 2),
    '1': () => String(f.month),
    '02': () => pad(f.day, 2),
    _2: () => pad(f.day, 2, ' '),
    '2': () => String(f.day),
    '002': () => pad(f.yearDay, 3),
    __2: () => pad(f.yearDay, 3, ' '),
    '15': () => pad(f.hour, 2),
    '03': () => pad(hour12, 2),
    '3': () => String(hour12),
    '04': () => pad(f.minute, 2),
    '4': () => String(f.minute),
    '05': () => pad(f.second, 2),
    '5': () => String(f.second),
    PM: () => (f.hour >= 12 ? 'PM' : 'AM'),
    pm: () => (f.hour >= 12 ? 'pm' : 'am'),
  };
  const value = values[element];
  if (value) return value();
  if (/^[.,]/.test(element)) return formatFraction(element, f.nanos);
  return formatOffset(element, zone.offset);
}

/** Time.Format. */
export function formatLayout(time: Instant, layout: string): string {
  const fields = fieldsOf(time);
  return layoutParts(layout)
    .map((part) => ('text' in part ? part.text : formatElement(part.element, fields, time.zone)))
    .join('');
}
