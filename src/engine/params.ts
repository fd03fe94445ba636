/**
 * Checks a constraint's parameters against its rule's JSON Schema, filling in
 * the schema's defaults, then against the rule's own `validate`. The config
 * loader and the rule tester share this, so a fixture's parameters are read
 * exactly as a user's would be.
 */
import type { Ajv, ErrorObject, Options, ValidateFunction } from 'ajv';
import { createAjv } from './ajv.js';
import { formatPath, pointerToPath } from './paths.js';
import { PRECOMPILED_PARAMETERS } from './precompiled.js';
import type { Rule } from '../model/types.js';

/** One problem with a constraint's parameters. */
export interface ParameterError {
  /** The offending field as a dotted path below `parameters` (`repos[0]`), or `""` for the whole object. */
  path: string;
  message: string;
}

/** The outcome of checking parameters: the value with defaults filled in, or what is wrong. */
export type ParameterResult = { ok: true; value: Record<string, unknown> } | { ok: false; errors: ParameterError[] };

/** A compiled check for one rule's parameters. */
export type ParameterChecker = (params: unknown) => ParameterResult;

/**
 * The ajv options for parameter schemas. Union types (`type: [string, number]`)
 * are allowed for quantities that YAML may read as numbers. The bundle's
 * validators are generated ahead of time with these same options.
 */
export const PARAMETER_AJV_OPTIONS: Options = {
  allErrors: true,
  useDefaults: true,
  allowUnionTypes: true,
  strict: true,
};

// One instance for all rules (ajv caches compiled schemas per instance), made
// only when a schema has no validator generated ahead of time.
let ajv: Ajv | undefined;
const compiled = new WeakMap<Rule, ParameterChecker>();

/**
 * Compiles the parameter check for a rule (once per rule). The returned
 * function never changes its argument: defaults are filled into a deep copy.
 * `undefined` and `null` parameters count as `{}`.
 *
 * @throws Error when the rule's schema itself is not valid JSON Schema: a bug in the rule.
 */
export function compileParameters<P>(rule: Rule<P>): ParameterChecker {
  const known = compiled.get(rule as Rule);
  if (known) return known;
  let validate: ValidateFunction;
  try {
    validate = PRECOMPILED_PARAMETERS.get(JSON.stringify(rule.meta.schema)) ?? compileSchema(rule.meta.schema);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`rule ${rule.meta.id} has an invalid parameter schema: ${reason}`);
  }
  const checker: ParameterChecker = (params) => {
    const value: unknown = params === undefined || params === null ? {} : structuredClone(params);
    if (!validate(value)) return { ok: false, errors: describeErrors(validate.errors) };
    const checked = value as Record<string, unknown>;
    const problems = rule.validate?.(checked as P) ?? [];
    if (problems.length > 0) return { ok: false, errors: problems.map((message) => ({ path: '', message })) };
    return { ok: true, value: checked };
  };
  compiled.set(rule as Rule, checker);
  return checker;
}

function compileSchema(schema: Rule['meta']['schema']): ValidateFunction {
  ajv ??= createAjv(PARAMETER_AJV_OPTIONS);
  return ajv.compile(schema);
}

function describeErrors(errors: readonly ErrorObject[] | null | undefined): ParameterError[] {
  // allErrors can report the same problem twice; say it once.
  const unique = new Map<string, ParameterError>();
  for (const error of (errors ?? []).map(describeError)) unique.set(`${error.path}|${error.message}`, error);
  return [...unique.values()];
}

function describeError(error: ErrorObject): ParameterError {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return { path: formatPath([...path, String(params.additionalProperty)]), message: 'is not a known parameter' };
    case 'required':
      return { path: formatPath([...path, String(params.missingProperty)]), message: 'is required' };
    case 'minItems':
      return {
        path: formatPath(path),
        message: `must list at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`,
      };
    case 'type':
      return { path: formatPath(path), message: `must be of type ${String(params.type).split(',').join(' or ')}` };
    case 'enum':
      return { path: formatPath(path), message: `must be one of ${JSON.stringify(params.allowedValues)}` };
    default:
      return { path: formatPath(path), message: error.message ?? `fails the ${error.keyword} check` };
  }
}
