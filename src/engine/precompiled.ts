/**
 * Validators generated ahead of time with ajv's standalone code, so that a
 * run of the bundled CLI compiles no JSON Schema at start-up. These are the
 * placeholders the sources run with (schemas are then compiled on first
 * use); scripts/bundle.mjs replaces this module in the bundles with one that
 * holds a validator for every built-in rule's parameter schema and for the
 * config file's schema, generated with the same ajv options.
 */
import type { ValidateFunction } from 'ajv';

/** Parameter validators by `JSON.stringify(schema)`, for a rule whose schema is exactly one of these. */
export const PRECOMPILED_PARAMETERS: ReadonlyMap<string, ValidateFunction> = new Map();

/** The config file's validator, when generated. */
export const PRECOMPILED_CONFIG: ValidateFunction | undefined = undefined;
