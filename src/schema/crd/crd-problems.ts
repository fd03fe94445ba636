/** Problems of a CustomResourceDefinition object, made the same way by every check of `check-crd`. */
import type { ObjectPath } from '../../model/types.js';
import type { SchemaProblem } from '../types.js';

/** A field the API server requires is absent or empty: the problem points at the map that lacks it. */
export function missing(parent: ObjectPath, field: string, why = ''): SchemaProblem {
  return { class: 'required', path: parent, message: `"${field}" is required${why === '' ? '' : `: ${why}`}` };
}

/** A value the API server refuses, or a field it forbids where it is. */
export function refused(path: ObjectPath, message: string): SchemaProblem {
  return { class: 'value', path, message };
}

/** A value outside the API server's list, named with what it accepts. */
export function unsupported(path: ObjectPath, value: unknown, accepted: readonly string[]): SchemaProblem {
  const list = accepted.map((item) => `"${item}"`).join(', ');
  return refused(path, `${JSON.stringify(value)} is not supported; use one of ${list}`);
}
