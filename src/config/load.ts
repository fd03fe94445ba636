import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ErrorObject, Options, ValidateFunction } from 'ajv';
import type { Locator, ObjectPath } from '../model/types.js';
import { formatPath } from '../engine/paths.js';
import { createAjv } from '../engine/ajv.js';
import { PRECOMPILED_CONFIG } from '../engine/precompiled.js';
import { createYamlLocator } from '../load/locator.js';
import { readSingleDocument } from '../load/kube-yaml/single-document.js';
import { describeSchemaErrors, type SchemaProblem } from './ajv-errors.js';
import { ConfigError } from '../model/errors.js';
import { combineConfigErrors } from './combine-errors.js';
import { configSchema, type ConfigFile } from './schema.js';

/** File names looked for, in order, in each directory from the working directory upward. */
export const CONFIG_FILE_NAMES = ['.k8s-bp.yaml', '.k8s-bp.yml'];

/** A validated config and a way to point at its parts in later error messages. */
export interface LoadedConfig {
  config: ConfigFile;
  /** The file as the user would name it. */
  file: string;
  /** Directory of the config file; relative paths in it are relative to this. */
  directory: string;
  /** `file:line:column` of a path in the config, for error messages. */
  placeOf(path: ObjectPath): { file: string; line: number; column: number };
}

/** The nearest config file from `cwd` upward, if any. */
export function findConfigFile(cwd: string): string | undefined {
  for (let directory = path.resolve(cwd); ; directory = path.dirname(directory)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(directory, name);
      if (existsSync(candidate)) return candidate;
    }
    if (path.dirname(directory) === directory) return undefined;
  }
}

/** The ajv options for the config schema; the bundle's validator is generated ahead of time with them. */
export const CONFIG_AJV_OPTIONS: Options = { allErrors: true, strict: false };

let compiledConfig: ValidateFunction<ConfigFile> | undefined;

/** The config schema's validator, compiled on first use when none was generated ahead of time. */
function configValidator(): ValidateFunction<ConfigFile> {
  compiledConfig ??=
    (PRECOMPILED_CONFIG as ValidateFunction<ConfigFile> | undefined) ??
    createAjv(CONFIG_AJV_OPTIONS).compile<ConfigFile>(configSchema);
  return compiledConfig;
}

/** Reads, parses and validates a config file; every problem is a ConfigError naming the place. */
export async function loadConfigFile(file: string, cwd: string): Promise<LoadedConfig> {
  const shown = path.relative(cwd, file) || file;
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new ConfigError(`cannot read config file ${shown}: ${error.code ?? error.message}`, 'CONFIG_UNREADABLE');
  });
  const read = readSingleDocument(text);
  if ('error' in read) {
    const message = read.error.startsWith('invalid YAML') ? read.error : `cannot load the config: ${read.error}`;
    throw new ConfigError(message, 'CONFIG_SYNTAX', { file: shown, line: read.line, column: read.column });
  }
  const locator = createYamlLocator(read.document, read.lineCounter);
  const placeOf = (objectPath: ObjectPath) => ({ file: shown, ...pick(locator, objectPath) });
  const value = read.value ?? {};
  const validateConfig = configValidator();
  if (!validateConfig(value)) {
    const problems = schemaProblems(validateConfig.errors ?? []);
    const errors = problems.map(
      (problem) =>
        new ConfigError(
          `${formatPath(problem.path) || 'the config'} ${problem.message}`,
          'CONFIG_INVALID',
          placeOf(problem.path),
        ),
    );
    throw combineConfigErrors(errors) ?? new ConfigError('the config is not valid', 'CONFIG_INVALID', placeOf([]));
  }
  return { config: value, file: shown, directory: path.dirname(file), placeOf };
}

/**
 * The schema's problems, one per field that has one: errors are described
 * field by field (the top-level key, and the entry below it), since the
 * deepest of one field's errors is the most specific.
 */
function schemaProblems(errors: readonly ErrorObject[]): SchemaProblem[] {
  const byField = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const field = error.instancePath.split('/').slice(0, 3).join('/');
    byField.set(field, [...(byField.get(field) ?? []), error]);
  }
  // Of a field's problems, the first says it (a `oneOf` also reports each alternative it was not).
  const problems = [...byField.values()].flatMap((group) => describeSchemaErrors(group));
  return problems.filter((problem, index) => problems.findIndex((other) => samePath(other, problem)) === index);
}

function samePath(a: SchemaProblem, b: SchemaProblem): boolean {
  return a.path.length === b.path.length && a.path.every((segment, index) => segment === b.path[index]);
}

function pick(locator: Locator, objectPath: ObjectPath): { line: number; column: number } {
  const range = locator.locate(objectPath);
  return { line: range.line, column: range.column };
}
