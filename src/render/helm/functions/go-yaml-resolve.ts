/**
 * Whether go-yaml would read a string written plain as something else (a
 * bool, number, null, timestamp or sexagesimal number), in which case its
 * encoder asks for double quotes. Reuses the resolution rules of our YAML 1.1
 * decoder (src/load/kube-yaml), which were measured against the same go-yaml.
 */
import { resolvePlain, TAG } from '../../../load/kube-yaml/scalars.js';

// go-yaml v2's pattern for YAML 1.1 base-60 floats such as 12:30 or 1:20:30.5.
const BASE_60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** `190:20:30` and the like, which go-yaml quotes although it reads them back as strings. */
export function isBase60Float(text: string): boolean {
  return BASE_60_FLOAT.test(text);
}

// The four layouts go-yaml v2 tries with Go's time.Parse: 1- or 2-digit month, day, hour, minute and second.
const TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(?:Z|[+-]\d\d:\d\d))|(?: (\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?))?$/;

/** Whether go-yaml reads the text as a timestamp (a real date and time in one of its layouts). */
export function isTimestamp(text: string): boolean {
  const match = TIMESTAMP.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false;
  const time = (match[4] !== undefined ? match.slice(4, 7) : match.slice(7, 10)).map(Number);
  const [hour = 0, minute = 0, second = 0] = time.map((part) => (Number.isNaN(part) ? 0 : part));
  return hour < 24 && minute < 60 && second < 60;
}

/** Whether go-yaml v2's encoder quotes the string so that it reads back as a string. */
export function needsQuotes(text: string): boolean {
  if (resolvePlain(text).tag !== TAG.str) return true;
  return isTimestamp(text) || isBase60Float(text);
}

const OLD_BOOLS = new Set('y Y yes Yes YES n N no No NO on On ON off Off OFF'.split(' '));

/** Whether go-yaml v3's encoder quotes the string: as v2 does, and the YAML 1.1 booleans v3 itself reads as strings. */
export function needsQuotesV3(text: string): boolean {
  return needsQuotes(text) || OLD_BOOLS.has(text);
}
