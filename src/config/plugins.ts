/**
 * Local rule modules named in `.k8s-bp.yaml` (`plugins:`). Only paths from
 * the config the user chose are ever imported: manifests and constraints
 * never cause code to load. A module that fails to load, or exports
 * something that is not a usable rule, becomes a `plugin-error` finding
 * naming it, and every other rule still runs.
 */
import { isRecord } from '../model/records.js';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findGlob, isGlobPattern } from '../util/glob.js';
import { compileParameters } from '../engine/params.js';
import { PLUGIN_ERROR_ID } from '../model/finding-ids.js';
import type { Finding, Rule } from '../model/types.js';
import type { ConfigPlace } from '../model/errors.js';
import type { LoadedConfig } from './load.js';

const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * The `import()` that bin/load-bundle.cjs hands the CLI bundle, which it runs from a V8 code cache
 * where an `import()` of the bundle's own has no loader on Node 20 (see there). Not defined where
 * the sources run as ES modules (lib/, the Action), whose `import()` works.
 */
declare const __k8sBpImport: ((url: string) => Promise<Record<string, unknown>>) | undefined;

function importModule(url: string): Promise<Record<string, unknown>> {
  return typeof __k8sBpImport === 'function' ? __k8sBpImport(url) : import(url);
}

export interface LoadedPlugins {
  rules: Rule[];
  findings: Finding[];
}

/** Imports every module the config's `plugins:` entries name; `builtinIds` may not be reused. */
export async function loadPlugins(
  config: LoadedConfig | undefined,
  builtinIds: ReadonlySet<string>,
): Promise<LoadedPlugins> {
  const result: LoadedPlugins = { rules: [], findings: [] };
  const entries = config?.config.plugins ?? [];
  const seen = new Set(builtinIds);
  for (const [index, entry] of entries.entries()) {
    const place = config!.placeOf(['plugins', index]);
    const fail = (message: string) => result.findings.push(pluginError(message, place));
    const files = await modulesOf(entry, config!.directory);
    if (files.length === 0) {
      fail(`plugins[${index}]: no module matches ${JSON.stringify(entry)}`);
      continue;
    }
    for (const file of files) {
      const shown = path.relative(config!.directory, file) || file;
      let exported: unknown;
      try {
        const module = await importModule(pathToFileURL(file).href);
        exported = module.default ?? module.rules ?? module.rule;
      } catch (error) {
        fail(`rule module ${shown} failed to load: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      const candidates = Array.isArray(exported) ? exported : [exported];
      for (const candidate of candidates) {
        const problem = ruleProblem(candidate);
        if (problem) {
          fail(`rule module ${shown}: ${problem}`);
          continue;
        }
        const rule = withDefaults(candidate as Rule, shown);
        if (seen.has(rule.meta.id)) {
          fail(`rule module ${shown}: rule id "${rule.meta.id}" is already taken; give the rule its own id`);
          continue;
        }
        try {
          compileParameters(rule);
        } catch (error) {
          fail(`rule module ${shown}: ${error instanceof Error ? error.message : String(error)}`);
          continue;
        }
        seen.add(rule.meta.id);
        result.rules.push(rule);
      }
    }
  }
  return result;
}

async function modulesOf(entry: string, directory: string): Promise<string[]> {
  if (!isGlobPattern(entry)) {
    const file = path.resolve(directory, entry);
    return [file];
  }
  const found = await findGlob(entry, { cwd: directory, absolute: true, nodir: true, ignore: ['**/node_modules/**'] });
  return found.sort();
}

/** What is wrong with an exported value as a rule, or undefined when it is usable. */
function ruleProblem(value: unknown): string | undefined {
  if (!isRecord(value)) return 'exports no rule (expected a default export { meta, check }, or a list of them)';
  if (typeof value.check !== 'function') return 'the rule has no check function';
  const meta = value.meta;
  if (!isRecord(meta)) return 'the rule has no meta object';
  if (typeof meta.id !== 'string' || !RULE_ID.test(meta.id)) {
    return `meta.id must be a kebab-case string such as "team-owner-label", not ${JSON.stringify(meta.id)}`;
  }
  for (const field of ['title', 'description'] as const) {
    if (typeof meta[field] !== 'string' || meta[field] === '')
      return `rule ${meta.id}: meta.${field} must be a non-empty string`;
  }
  if (!isRecord(meta.messages) || Object.values(meta.messages).some((message) => typeof message !== 'string')) {
    return `rule ${meta.id}: meta.messages must map message ids to message templates`;
  }
  if (meta.schema !== undefined && !isRecord(meta.schema))
    return `rule ${meta.id}: meta.schema must be a JSON Schema object`;
  if (meta.defaultSeverity !== undefined && meta.defaultSeverity !== 'error' && meta.defaultSeverity !== 'warning') {
    return `rule ${meta.id}: meta.defaultSeverity must be "error" or "warning"`;
  }
  return undefined;
}

/** Fills the optional documentation fields, so reports can describe the rule like a built-in. */
function withDefaults(rule: Rule, source: string): Rule {
  const meta = rule.meta as Partial<Rule['meta']> & Pick<Rule['meta'], 'id' | 'title' | 'description' | 'messages'>;
  return {
    ...rule,
    check: rule.check.bind(rule),
    source,
    meta: {
      rationale: meta.description,
      remediation: 'See the rule module.',
      defaultSeverity: 'warning',
      defaultKinds: [],
      schema: { type: 'object' },
      ...meta,
    } as Rule['meta'],
  };
}

/**
 * The config sets a rule that no built-in or loaded module defines, while a
 * rule module failed to load: most likely the rule lives in that module, so
 * the run goes on without it and says so.
 */
export function unloadedRuleFinding(
  id: string,
  place: ConfigPlace | undefined,
  config: LoadedConfig | undefined,
): Finding {
  const at = place ?? { file: config?.file ?? '.k8s-bp.yaml', line: 1, column: 1 };
  return pluginError(
    `rule "${id}" is set in the config but no rule defines it, and a rule module failed to load; its constraints did not run`,
    at,
  );
}

function pluginError(message: string, place: ConfigPlace): Finding {
  return {
    ruleId: PLUGIN_ERROR_ID,
    constraintName: PLUGIN_ERROR_ID,
    severity: 'error',
    message,
    file: place.file,
    line: place.line,
    column: place.column,
    endLine: place.line,
    endColumn: place.column,
    path: '',
    documentIndex: 0,
  };
}
