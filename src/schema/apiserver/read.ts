/**
 * Reading manifest values the way the API server's decoder leaves them:
 * `null` is an unset field, and a value of the wrong JSON type is the schema
 * interpreter's finding, so these checks read it as unset too.
 */
import { isRecord } from '../../model/records.js';
import type { ObjectPath } from '../../model/types.js';

type Json = Record<string, unknown>;

/** The value when it is a mapping. */
export function recordOf(value: unknown): Json | undefined {
  return isRecord(value) ? value : undefined;
}

/** The value when it is a string. */
export function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The value when it is a whole number. */
export function integerOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** The value when it is a boolean. */
export function booleanOf(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** The value when it is a list (its entries may be of any shape). */
export function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * True when a list field holds no entry: unset, `null` or `[]`. A value of
 * another type is not empty: it is the schema check's finding.
 */
export function isEmptyList(value: unknown): boolean {
  return !isSet(value) || (Array.isArray(value) && value.length === 0);
}

/** True when the field holds anything but `null` or nothing. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A string that is set and not empty: Go reads an empty string like an absent one. */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** One mapping entry of a list, with the path to it. */
export interface ListEntry {
  readonly entry: Json;
  readonly index: number;
  readonly path: ObjectPath;
}

/** The mapping entries of the list at `path` under `parent`, each with its path; other entries are skipped. */
export function entriesAt(parent: Json, key: string, path: ObjectPath): ListEntry[] {
  const result: ListEntry[] = [];
  listOf(parent[key]).forEach((entry, index) => {
    if (isRecord(entry)) result.push({ entry, index, path: [...path, key, index] });
  });
  return result;
}

/** The string entries of a mapping (a label or annotation map), skipping the others. */
export function stringEntries(value: unknown): Array<[string, string]> {
  if (!isRecord(value)) return [];
  return Object.entries(value).filter((pair): pair is [string, string] => typeof pair[1] === 'string');
}

/** A string or number as a message shows it: strings quoted, everything else as JSON. */
export function quote(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** `"A", "B", "C"` for a message listing the values a field accepts. */
export function quoteAll(values: readonly string[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}
