import type { ErrorObject } from 'ajv';
import { pointerToPath } from '../engine/paths.js';
import type { ObjectPath } from '../model/types.js';

/** One schema problem, with the path into the checked value. */
export interface SchemaProblem {
  path: ObjectPath;
  message: string;
}

/**
 * Turns ajv's errors into sentences a person can act on. Of several errors
 * (as `oneOf` produces) the deepest is kept: it is the most specific.
 */
export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined): SchemaProblem[] {
  if (!errors || errors.length === 0) return [];
  const depth = (error: ErrorObject) =>
    pointerToPath(error.instancePath).length + (error.keyword === 'additionalProperties' ? 1 : 0);
  const deepest = Math.max(...errors.map(depth));
  const seen = new Set<string>();
  const problems: SchemaProblem[] = [];
  for (const error of errors.filter((candidate) => depth(candidate) === deepest && candidate.keyword !== 'oneOf')) {
    const problem = describe(error);
    const key = `${problem.path.join('/')}|${problem.message}`;
    if (!seen.has(key)) problems.push(problem);
    seen.add(key);
  }
  return problems;
}

function describe(error: ErrorObject): SchemaProblem {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { path: [...path, String(params.additionalProperty)], message: 'is not a known field' };
    case 'enum':
      return {
        path,
        message: `must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`,
      };
    case 'required':
      return { path, message: `needs the field "${String(params.missingProperty)}"` };
    case 'type':
      return { path, message: `must be ${article(String(params.type))}` };
    default:
      return { path, message: error.message ?? `fails the ${error.keyword} check` };
  }
}

function article(type: string): string {
  if (type === 'object') return 'a mapping';
  if (type === 'array') return 'a list';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
