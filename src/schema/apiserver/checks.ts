/**
 * The small checks most kinds share: enumerations, ranges and string
 * formats. Each reads a field as the decoder would and stays silent on a
 * value of the wrong type, which the schema interpreter reports.
 */
import type { ObjectPath } from '../../model/types.js';
import type { Findings } from './findings.js';
import { integerOf, nonEmptyString, quote, quoteAll, stringOf } from './read.js';
import { labelKeyProblems, portNameProblems } from './syntax.js';

/** The last key of a path, for a message naming the field. */
export function fieldName(path: ObjectPath): string {
  for (let index = path.length - 1; index >= 0; index -= 1) {
    const segment = path[index];
    if (typeof segment === 'string') return segment;
  }
  return '';
}

/**
 * A field with a closed set of values. An empty string is left alone: the
 * API server fills it with the default before it validates.
 */
export function checkEnum(out: Findings, value: unknown, path: ObjectPath, allowed: readonly string[]): void {
  const text = nonEmptyString(value);
  if (text !== undefined) reportUnlessOneOf(out, text, path, allowed);
}

/** Reports a string that is not one of `allowed`, the empty string included. */
export function reportUnlessOneOf(out: Findings, text: string, path: ObjectPath, allowed: readonly string[]): void {
  if (allowed.includes(text)) return;
  out.value(path, `"${fieldName(path)}" must be one of ${quoteAll(allowed)}, not ${quote(text)}`);
}

/** A string field in a named format; `problemsOf` says what is wrong with a value. */
export function checkFormat(
  out: Findings,
  value: unknown,
  path: ObjectPath,
  format: string,
  problemsOf: (text: string) => readonly string[],
): void {
  const text = stringOf(value);
  if (text === undefined) return;
  reportFormat(out, text, path, format, problemsOf(text));
}

/** Reports a string that `problems` say is not in `format`; nothing when there are none. */
export function reportFormat(
  out: Findings,
  text: string,
  path: ObjectPath,
  format: string,
  problems: readonly string[],
): void {
  if (problems.length === 0) return;
  out.value(path, `"${fieldName(path)}" ${quote(text)} is not a valid ${format}: ${problems.join('; ')}`);
}

/** An integer that may not be negative (replicas, thresholds, history limits). */
export function checkNonNegative(out: Findings, value: unknown, path: ObjectPath): void {
  const number = integerOf(value);
  if (number !== undefined && number < 0) {
    out.value(path, `"${fieldName(path)}" must be greater than or equal to 0, not ${number}`);
  }
}

/** An integer within `[low, high]`. */
export function checkRange(out: Findings, value: unknown, path: ObjectPath, low: number, high: number): void {
  const number = integerOf(value);
  if (number !== undefined && (number < low || number > high)) {
    out.value(path, `"${fieldName(path)}" must be between ${low} and ${high}, inclusive, not ${number}`);
  }
}

/** A port number, 1 to 65535. */
export function checkPortNumber(out: Findings, value: unknown, path: ObjectPath): void {
  checkRange(out, value, path, 1, 65535);
}

/** A port given by number (1–65535) or by IANA service name, as probes and network policies take it. */
export function checkPortNumberOrName(out: Findings, value: unknown, path: ObjectPath): void {
  if (typeof value === 'string') checkFormat(out, value, path, 'port name', portNameProblems);
  else checkPortNumber(out, value, path);
}

/** A label key or qualified name (condition types, topology keys, taint keys). */
export function checkLabelKey(out: Findings, value: unknown, path: ObjectPath): void {
  checkFormat(out, value, path, 'qualified name', labelKeyProblems);
}
