/**
 * Renders a template text with our executor and a table of plain functions
 * (called with evaluated arguments, no signature checks), for tests of
 * functions whose results templates read fields of or print.
 */
import type { GoValue } from '../../src/render/helm/go-values.js';
import { TemplateSet, type FunctionTable } from '../../src/render/helm/template/index.js';

/** A function as the serialization, date and semver tables define them. */
export type PlainFunction = (...args: GoValue[]) => GoValue;

/** The rendered text of `text` with `data` as dot. */
export function renderTemplate(text: string, data: GoValue, functions: Readonly<Record<string, PlainFunction>> = {}) {
  const table: FunctionTable = Object.fromEntries(
    Object.entries(functions).map(([name, fn]) => [name, { call: (args: readonly GoValue[]) => fn(...args) }]),
  );
  const set = new TemplateSet(table);
  set.parse('t.yaml', text);
  return set.render('t.yaml', data).text;
}
