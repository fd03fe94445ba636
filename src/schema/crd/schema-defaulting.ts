/**
 * The defaults of a CRD schema, applied as the API server applies them
 * before it validates a custom resource: a property that is absent (or null
 * where the schema does not allow null) takes a copy of its default, then
 * defaults apply inside it, inside list items and inside map values. The
 * input is left as it is; what changes is copied.
 */
import { isRecord } from '../../model/records.js';
import { propertiesOf } from './schema-json.js';

/** `value` with the defaults of `schema` filled in. */
export function applyDefaults(value: unknown, schema: unknown): unknown {
  if (!isRecord(schema)) return value;
  if (Array.isArray(value)) {
    return isRecord(schema.items)
      ? copyIfChanged(
          value,
          value.map((item) => applyDefaults(item, schema.items)),
        )
      : value;
  }
  if (!isRecord(value)) return value;
  const properties = propertiesOf(schema);
  const values = schema.additionalProperties;
  const result: Record<string, unknown> = {};
  let changed = false;
  for (const [key, item] of Object.entries(value)) {
    const itemSchema = Object.hasOwn(properties, key) ? properties[key] : isRecord(values) ? values : undefined;
    result[key] = applyDefaults(item, itemSchema);
    changed ||= result[key] !== item;
  }
  for (const [key, property] of Object.entries(properties)) {
    if (!isRecord(property) || property.default === undefined || property.default === null) continue;
    const present = result[key];
    if ((Object.hasOwn(value, key) && present !== null) || (present === null && property.nullable === true)) continue;
    result[key] = applyDefaults(structuredClone(property.default), property);
    changed = true;
  }
  return changed ? result : value;
}

function copyIfChanged(before: readonly unknown[], after: unknown[]): unknown[] {
  return after.every((item, index) => item === before[index]) ? (before as unknown[]) : after;
}
