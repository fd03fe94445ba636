/**
 * What a custom resource looks like when the API server validates it: after
 * decoding, `null` is dropped from every field that is not `nullable` and
 * has no default, then defaults fill the fields that are missing (or `null`
 * and not nullable), also inside the defaults themselves and in list items
 * and map values. Fields the schema does not declare are left for the
 * validator to report.
 *
 * The input is never changed: a copy is made of the maps and lists on the way
 * to a change, and a value that needs no change is returned as it is.
 */
import { isRecord } from '../model/records.js';
import type { CompiledNode, SchemaCompiler } from './compile.js';
import type { SchemaNode } from './types.js';

/** The value with the CRD's null pruning and defaults applied; the same reference when nothing changes. */
export function applyCrdDefaults(value: unknown, node: SchemaNode, compiler: SchemaCompiler): unknown {
  const view = compiler.compile(node);
  if (Array.isArray(value)) return defaultItems(value, view, compiler);
  if (isRecord(value)) return defaultFields(value, view, compiler);
  return value;
}

function defaultItems(list: readonly unknown[], view: CompiledNode, compiler: SchemaCompiler): unknown {
  const items = view.items;
  if (items === undefined) return list;
  const itemView = compiler.compile(items);
  let copy: unknown[] | undefined;
  for (let index = 0; index < list.length; index++) {
    const item = list[index];
    // A null item is replaced by the items' default (which may itself be null); it is never dropped.
    const filled = item === null && !itemView.nullable && itemView.default !== undefined ? itemView.default : item;
    const next = applyCrdDefaults(filled, items, compiler);
    if (next !== item) (copy ??= [...list])[index] = next;
  }
  return copy ?? list;
}

function defaultFields(map: Record<string, unknown>, view: CompiledNode, compiler: SchemaCompiler): unknown {
  let copy: Record<string, unknown> | undefined;
  const write = (key: string, next: unknown): void => {
    copy ??= { ...map };
    if (next === undefined) delete copy[key];
    else copy[key] = next;
  };
  for (const [key, child] of view.defaulted) {
    if (!(key in map) || (map[key] === null && !compiler.compile(child).nullable)) write(key, child.default);
  }
  const source = copy ?? map;
  for (const key in source) {
    const child = view.properties.get(key) ?? (view.additional === true ? undefined : view.additional);
    if (child === undefined) continue;
    const raw = source[key];
    const childView = compiler.compile(child);
    if (raw === null && !childView.nullable) {
      if (childView.default === undefined) write(key, undefined);
      else write(key, applyCrdDefaults(childView.default, child, compiler));
      continue;
    }
    const next = applyCrdDefaults(raw, child, compiler);
    if (next !== raw) write(key, next);
  }
  return copy ?? map;
}
