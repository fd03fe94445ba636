import { compileParameters } from '../engine/params.js';
import { validateMatch } from '../engine/match.js';
import type { BoundConstraint } from '../engine/evaluate.js';
import type { EnforcementAction, Match, ObjectPath, Rule } from '../model/types.js';
import { didYouMean } from '../util/suggest.js';
import { ConfigError, type ConfigPlace } from '../model/errors.js';
import { combineConfigErrors } from './combine-errors.js';
import type { LoadedConfig } from './load.js';
import { PRESETS } from './presets.js';
import { isOff, type ConfigFile, type ConstraintSettings, type ScopedAction } from './schema.js';

/** The enforcement point that names offline evaluation in Gatekeeper's scoped actions. */
export const OFFLINE_ENFORCEMENT_POINTS = new Set(['*', 'gator.gatekeeper.sh']);

export interface ResolveOptions {
  /** `--rule` ids: enabled with their defaults when the config does not already run them. */
  enable: readonly string[];
  /** `--disable` ids: every constraint of these rules is dropped. */
  disable: readonly string[];
  /**
   * Set when a rule module failed to load: the config may name its rules, so
   * an unknown id there is returned in `unknownRules` instead of stopping the run.
   */
  toleratedUnknownRules?: boolean;
}

export interface Resolution {
  constraints: BoundConstraint[];
  /** Constraints left out on purpose, for `--verbose`. */
  notes: string[];
  /** Config entries naming rules that do not exist, with `toleratedUnknownRules` only. */
  unknownRules: { id: string; place: ConfigPlace | undefined }[];
}

interface Draft extends ConstraintSettings {
  name: string;
  rule: string;
  /** Where the constraint was written, for error messages. */
  at: ObjectPath;
}

/**
 * Turns a config (or none: the `recommended` preset) and command-line flags
 * into constraints with checked parameters and matches.
 */
export function resolveConstraints(
  loaded: LoadedConfig | undefined,
  rules: readonly Rule[],
  options: ResolveOptions,
): Resolution {
  const registry = new Map(rules.map((rule) => [rule.meta.id, rule]));
  const place = (at: ObjectPath): ConfigPlace | undefined => loaded?.placeOf(at);
  const requireRule = (id: string, at: ObjectPath, flag?: string) => {
    const rule = registry.get(id);
    if (rule) return rule;
    const where = flag ?? 'rule';
    throw new ConfigError(
      `unknown ${where} "${id}"${didYouMean(id, registry.keys())}`,
      'UNKNOWN_RULE',
      flag ? undefined : place(at),
    );
  };
  const unknownRules: Resolution['unknownRules'] = [];
  const knowsRule = (id: string, at: ObjectPath): boolean => {
    if (registry.has(id) || !options.toleratedUnknownRules) return requireRule(id, at) !== undefined;
    unknownRules.push({ id, place: place(at) });
    return false;
  };
  // Every problem is collected, so that the run stops once with all of them.
  const problems: ConfigError[] = [];
  const attempt = <T>(step: () => T): T | undefined => {
    try {
      return step();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error);
      return undefined;
    }
  };
  const drafts = draftsFromConfig(loaded?.config, (id, at) => attempt(() => knowsRule(id, at)) === true);
  for (const id of options.enable) {
    if (attempt(() => requireRule(id, [], '--rule')) && !drafts.some((draft) => draft.rule === id)) {
      drafts.push({ name: id, rule: id, at: [] });
    }
  }
  for (const id of options.disable) attempt(() => requireRule(id, [], '--disable'));
  const kept = drafts.filter((draft) => !options.disable.includes(draft.rule));
  attempt(() => checkUniqueNames(kept, place));
  const notes: string[] = [];
  const constraints = kept.flatMap((draft) => {
    const rule = registry.get(draft.rule);
    const bound = rule && attempt(() => bindDraft(draft, rule, place) ?? null);
    if (bound === null) notes.push(`constraint "${draft.name}" skipped: no scoped enforcement action applies offline`);
    return bound ? [bound] : [];
  });
  const combined = combineConfigErrors(problems);
  if (combined) throw combined;
  return { constraints, notes, unknownRules };
}

function draftsFromConfig(config: ConfigFile | undefined, knowsRule: (id: string, at: ObjectPath) => boolean): Draft[] {
  const presetName = config ? (config.extends ?? 'none') : 'recommended';
  const drafts: Draft[] = (PRESETS[presetName] ?? []).map((entry) => ({ ...entry, name: entry.rule, at: ['extends'] }));
  for (const [id, setting] of Object.entries(config?.rules ?? {})) {
    const at = ['rules', id];
    if (!knowsRule(id, at)) continue;
    const index = drafts.findIndex((draft) => draft.name === id);
    if (isOff(setting)) {
      if (index !== -1) drafts.splice(index, 1);
      continue;
    }
    const settings: ConstraintSettings = typeof setting === 'string' ? { enforcementAction: setting } : setting;
    const base = index === -1 ? { name: id, rule: id } : (drafts[index] as Draft);
    const merged: Draft = { ...base, ...settings, at };
    if (index === -1) drafts.push(merged);
    else drafts[index] = merged;
  }
  for (const [index, entry] of (config?.constraints ?? []).entries()) {
    if (typeof entry === 'string') continue; // Gatekeeper manifests, read by the pipeline.
    const at = ['constraints', index];
    if (!knowsRule(entry.rule, [...at, 'rule'])) continue;
    drafts.push({ ...entry, name: entry.name ?? entry.rule, at });
  }
  return drafts;
}

function checkUniqueNames(drafts: readonly Draft[], place: (at: ObjectPath) => ConfigPlace | undefined): void {
  const seen = new Set<string>();
  for (const draft of drafts) {
    if (seen.has(draft.name)) {
      const message = `two constraints are named "${draft.name}"; give each constraint of the same rule its own name`;
      throw new ConfigError(message, 'DUPLICATE_CONSTRAINT', place(draft.at));
    }
    seen.add(draft.name);
  }
}

function bindDraft(
  draft: Draft,
  rule: Rule,
  place: (at: ObjectPath) => ConfigPlace | undefined,
): BoundConstraint | undefined {
  const fail = (message: string, code: string, at: ObjectPath): never => {
    throw new ConfigError(`constraint "${draft.name}" (rule ${rule.meta.id}): ${message}`, code, place(at));
  };
  const enforcementAction = chooseAction(draft, rule, fail);
  if (!enforcementAction) return undefined;
  const match = (draft.match ?? {}) as Match;
  const [matchProblem] = validateMatch(match);
  if (matchProblem)
    fail(`${matchProblem.path ? `match.${matchProblem.path}` : 'match'} ${matchProblem.message}`, 'INVALID_MATCH', [
      ...draft.at,
      'match',
    ]);
  const checked = compileParameters(rule)(draft.parameters ?? {});
  if (!checked.ok) {
    const [problem] = checked.errors;
    const field = problem?.path ? `parameters.${problem.path}` : 'parameters';
    fail(`${field} ${problem?.message ?? 'are not valid'}`, 'INVALID_PARAMETERS', [...draft.at, 'parameters']);
  }
  return {
    name: draft.name,
    ruleId: rule.meta.id,
    rule,
    match,
    parameters: checked.ok ? checked.value : {},
    enforcementAction,
  };
}

function chooseAction(
  draft: Draft,
  rule: Rule,
  fail: (message: string, code: string, at: ObjectPath) => never,
): EnforcementAction | undefined {
  const action = draft.enforcementAction ?? (rule.meta.defaultSeverity === 'error' ? 'deny' : 'warn');
  if (action !== 'scoped') return action;
  if (!draft.scopedEnforcementActions) {
    return fail('enforcementAction "scoped" needs scopedEnforcementActions', 'INVALID_ENFORCEMENT', [
      ...draft.at,
      'enforcementAction',
    ]);
  }
  return strictestOffline(draft.scopedEnforcementActions);
}

const STRICTNESS: readonly EnforcementAction[] = ['deny', 'warn', 'dryrun'];

/** Of the scoped actions that name the offline enforcement point (or `*`), the strictest. */
export function strictestOffline(scoped: readonly ScopedAction[]): EnforcementAction | undefined {
  const applicable = scoped
    .filter((entry) => entry.enforcementPoints.some((point) => OFFLINE_ENFORCEMENT_POINTS.has(point.name)))
    .map((entry) => entry.action);
  return STRICTNESS.find((action) => applicable.includes(action));
}
