/**
 * The value a CRD rule sees as `self`, typed from the schema as the API
 * server types it: an object with properties is a map of the properties the
 * schema declares (by their escaped CEL names; a null field counts as
 * absent), a map (`additionalProperties`) keeps its keys, `integer` is an
 * int and `number` a double whatever the manifest wrote, int-or-string is
 * whichever it holds, strings with the formats `date-time`, `date`,
 * `duration` and `byte` are timestamps, durations and bytes, and at the root
 * of a resource (the custom resource, or an embedded one) `apiVersion`,
 * `kind`, `metadata.name` and `metadata.generateName` are there, and no
 * other metadata (unless the schema declares those four itself). A value that does not have its schema's type is given as
 * the manifest has it.
 */
import { Duration } from '@marcbachmann/cel-js/evaluator';
import { toCel } from '../../cel/cel-values.js';
import { isRecord } from '../../model/records.js';
import { escapeProperty } from './cel-escape.js';
import { declaresTypeAndObjectMeta, nodeType, propertiesOf } from './schema-json.js';

/** `self` for `value` under `schema`; `resourceRoot` for the root of a resource. */
export function typedCelValue(value: unknown, schema: unknown, resourceRoot: boolean): unknown {
  if (value === undefined || value === null) return null;
  if (!isRecord(schema)) return toCel(value);
  if (schema['x-kubernetes-int-or-string'] === true) return scalar(value, Number.isInteger(value));
  switch (nodeType(schema)) {
    case 'object':
      return objectValue(value, schema, resourceRoot || schema['x-kubernetes-embedded-resource'] === true);
    case 'array':
      return Array.isArray(value) && isRecord(schema.items)
        ? value.map((item: unknown) => typedCelValue(item, schema.items, isEmbedded(schema.items)))
        : toCel(value);
    case 'string':
      return typeof value === 'string' ? formatted(value, schema.format) : toCel(value);
    case 'number':
      return typeof value === 'number' ? value : toCel(value);
    case 'integer':
      return scalar(value, true);
    default:
      return toCel(value);
  }
}

function isEmbedded(schema: unknown): boolean {
  return isRecord(schema) && schema['x-kubernetes-embedded-resource'] === true;
}

/** A whole number as a CEL int when `asInt`; anything else as the manifest has it. */
function scalar(value: unknown, asInt: boolean): unknown {
  return asInt && typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : toCel(value);
}

function objectValue(value: unknown, schema: Record<string, unknown>, resourceRoot: boolean): unknown {
  if (!isRecord(value)) return toCel(value);
  const properties = propertiesOf(schema);
  const declared = Object.keys(properties).length > 0;
  if (declared || resourceRoot) {
    const fields = new Map<string, unknown>();
    for (const [key, property] of Object.entries(properties)) {
      const name = escapeProperty(key);
      if (name === undefined || !Object.hasOwn(value, key) || value[key] === null) continue;
      fields.set(name, typedCelValue(value[key], property, isEmbedded(property)));
    }
    if (resourceRoot && !declaresTypeAndObjectMeta(schema)) addTypeAndObjectMeta(value, fields);
    return fields;
  }
  const values = schema.additionalProperties;
  if (!isRecord(values)) return toCel(value);
  return new Map(Object.entries(value).map(([key, item]) => [key, typedCelValue(item, values, isEmbedded(values))]));
}

/** What a resource's root shows of its type and metadata: the API server replaces the schema's own. */
function addTypeAndObjectMeta(value: Record<string, unknown>, fields: Map<string, unknown>): void {
  for (const key of ['apiVersion', 'kind']) {
    if (typeof value[key] === 'string') fields.set(key, value[key]);
    else fields.delete(key);
  }
  fields.delete('metadata');
  const metadata = value.metadata;
  if (!isRecord(metadata)) return;
  const shown = new Map<string, unknown>();
  for (const key of ['name', 'generateName']) if (typeof metadata[key] === 'string') shown.set(key, metadata[key]);
  fields.set('metadata', shown);
}

const DURATION = /^[+-]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h|d|w))+$/;
const DURATION_PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h|d|w)/g;
const NANOS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
  d: 86400e9,
  w: 604800e9,
};

function formatted(text: string, format: unknown): unknown {
  switch (format) {
    case 'date-time':
    case 'date': {
      const pattern = format === 'date' ? /^\d{4}-\d{2}-\d{2}$/ : /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}/;
      const time = pattern.test(text) ? Date.parse(format === 'date' ? `${text}T00:00:00Z` : text) : NaN;
      return Number.isNaN(time) ? text : new Date(time);
    }
    case 'duration':
      return parseDuration(text) ?? text;
    case 'byte':
      return /^[A-Za-z0-9+/]*={0,2}$/.test(text) ? new Uint8Array(Buffer.from(text, 'base64')) : text;
    default:
      return text;
  }
}

/** Go's duration syntax (`1h30m`, `1.5s`), and the days and weeks the API server's format also accepts. */
function parseDuration(text: string): Duration | undefined {
  const trimmed = text.trim();
  if (!DURATION.test(trimmed)) return undefined;
  let nanos = 0;
  for (const [, amount, unit] of trimmed.matchAll(DURATION_PART)) nanos += Number(amount) * (NANOS[unit ?? 's'] ?? 0);
  if (trimmed.startsWith('-')) nanos = -nanos;
  const seconds = Math.trunc(nanos / 1e9);
  return new Duration(seconds, Math.round(nanos - seconds * 1e9));
}
