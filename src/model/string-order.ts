/**
 * The one order for strings in output: UTF-16 code units, as JavaScript's `<`
 * compares them, never the locale's, so that a report is the same on every
 * machine. (CEL's string comparison follows Go instead: src/cel/library/compare.ts.)
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
