/**
 * What the API server checks in each entry of a CRD's `spec.versions` besides
 * its schema: the deprecation warning, the subresources, the printer columns
 * and the selectable fields. A v1beta1 CRD may give subresources and columns
 * once for every version, at the top of its spec; they are checked there.
 */
import { isRecord } from '../../model/records.js';
import type { ObjectPath } from '../../model/types.js';
import type { SchemaProblem } from '../types.js';
import { stringAt } from './crd-object.js';
import { missing, refused } from './crd-problems.js';
import { resolveFieldPath } from './rule-field-path.js';

const COLUMN_TYPES = ['boolean', 'date', 'integer', 'number', 'string'];
const COLUMN_FORMATS = ['byte', 'date', 'date-time', 'double', 'float', 'int32', 'int64', 'password'];
const SELECTABLE_TYPES = ['string', 'boolean', 'integer'];
const MAX_SELECTABLE_FIELDS = 8;
const MAX_DEPRECATION_WARNING = 256;

/**
 * Checks one entry of `spec.versions` at `at`; `schema` is the schema that
 * applies to it, `columnKey` how the CRD's API version spells a column's JSON path.
 */
export function checkVersionFields(
  version: Record<string, unknown>,
  at: ObjectPath,
  schema: unknown,
  columnKey = 'jsonPath',
): SchemaProblem[] {
  return [
    ...checkDeprecationWarning(version, at),
    ...checkSubresources(version.subresources, [...at, 'subresources']),
    ...checkColumns(version.additionalPrinterColumns, [...at, 'additionalPrinterColumns'], columnKey),
    ...checkSelectableFields(version.selectableFields, [...at, 'selectableFields'], schema),
  ];
}

function checkDeprecationWarning(version: Record<string, unknown>, at: ObjectPath): SchemaProblem[] {
  const warning = version.deprecationWarning;
  if (typeof warning !== 'string') return [];
  const path = [...at, 'deprecationWarning'];
  if (version.deprecated !== true) return [refused(path, 'may be set only on a version marked deprecated: true')];
  if (warning === '') return [refused(path, 'must not be empty')];
  if (warning.length > MAX_DEPRECATION_WARNING) {
    return [refused(path, `must be at most ${MAX_DEPRECATION_WARNING} characters long, not ${warning.length}`)];
  }
  const unprintable = [...warning].findIndex((character) => /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/u.test(character));
  return unprintable < 0 ? [] : [refused(path, `must hold only printable characters; character ${unprintable} is not`)];
}

/** The scale subresource's paths: simple JSON paths under `.spec` and `.status`. */
export function checkSubresources(subresources: unknown, at: ObjectPath): SchemaProblem[] {
  if (!isRecord(subresources) || !isRecord(subresources.scale)) return [];
  const scale = subresources.scale;
  const scaleAt = [...at, 'scale'];
  const problems: SchemaProblem[] = [];
  const check = (field: string, prefixes: readonly string[], required: boolean): void => {
    const value = stringAt(scale, [field]);
    if (value === undefined) {
      if (required && isEmpty(scale[field])) problems.push(missing(scaleAt, field));
      return;
    }
    const wanted = prefixes.map((prefix) => `${prefix}…`).join(' or ');
    if (!value.startsWith('.')) problems.push(refused([...scaleAt, field], `must be a JSON path starting with "."`));
    else if (!prefixes.some((prefix) => value.startsWith(prefix))) {
      problems.push(refused([...scaleAt, field], `must be a JSON path under ${wanted}, not "${value}"`));
    }
  };
  check('specReplicasPath', ['.spec.'], true);
  check('statusReplicasPath', ['.status.'], true);
  check('labelSelectorPath', ['.spec.', '.status.'], false);
  return problems;
}

/**
 * `additionalPrinterColumns`: a name, a type and format kubectl knows, a JSON
 * path starting with `.` (spelled `jsonPath` in v1, `JSONPath` in v1beta1).
 */
export function checkColumns(columns: unknown, at: ObjectPath, pathKey = 'jsonPath'): SchemaProblem[] {
  if (!Array.isArray(columns)) return [];
  return columns.flatMap((column: unknown, index) => {
    if (!isRecord(column)) return [];
    const columnAt = [...at, index];
    const problems: SchemaProblem[] = [];
    if (isEmpty(column.name)) problems.push(missing(columnAt, 'name'));
    const type = stringAt(column, ['type']);
    if (isEmpty(column.type)) problems.push(missing(columnAt, 'type', `one of ${COLUMN_TYPES.join(', ')}`));
    else if (type !== undefined && !COLUMN_TYPES.includes(type)) {
      problems.push(refused([...columnAt, 'type'], `"${type}" is not one of ${COLUMN_TYPES.join(', ')}`));
    }
    const format = stringAt(column, ['format']);
    if (format !== undefined && !COLUMN_FORMATS.includes(format)) {
      problems.push(refused([...columnAt, 'format'], `"${format}" is not one of ${COLUMN_FORMATS.join(', ')}`));
    }
    const jsonPath = stringAt(column, [pathKey]);
    if (isEmpty(column[pathKey])) problems.push(missing(columnAt, pathKey));
    else if (jsonPath !== undefined && !jsonPath.startsWith('.')) {
      problems.push(refused([...columnAt, pathKey], `must be a simple JSON path starting with ".", not "${jsonPath}"`));
    }
    return problems;
  });
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** `selectableFields`: paths into the schema, outside metadata, to strings, booleans or integers; at most eight. */
function checkSelectableFields(fields: unknown, at: ObjectPath, schema: unknown): SchemaProblem[] {
  if (!Array.isArray(fields) || fields.length === 0) return [];
  if (!isRecord(schema)) return [refused(at, 'may be set only on a version with a schema (openAPIV3Schema)')];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  fields.forEach((field: unknown, index) => {
    const jsonPath = stringAt(field, ['jsonPath']);
    const fieldAt = [...at, index];
    if (jsonPath === undefined) return void problems.push(missing(fieldAt, 'jsonPath'));
    const resolved = resolveFieldPath(jsonPath, schema, false);
    if ('error' in resolved)
      return void problems.push(
        refused([...fieldAt, 'jsonPath'], `"${jsonPath}" is not a valid path: ${resolved.error}`),
      );
    if (resolved.path[0] === 'metadata')
      problems.push(refused([...fieldAt, 'jsonPath'], 'must not point into metadata'));
    const type = resolved.schema?.type;
    if (typeof type !== 'string' || !SELECTABLE_TYPES.includes(type)) {
      problems.push(refused([...fieldAt, 'jsonPath'], 'must point to a field of type string, boolean or integer'));
    }
    const key = resolved.path.join('\u0000');
    if (seen.has(key))
      problems.push({
        class: 'duplicate',
        path: [...fieldAt, 'jsonPath'],
        message: `"${jsonPath}" is selectable twice`,
      });
    seen.add(key);
  });
  if (seen.size > MAX_SELECTABLE_FIELDS) {
    problems.push(refused(at, `must name at most ${MAX_SELECTABLE_FIELDS} fields, not ${seen.size}`));
  }
  return problems;
}
