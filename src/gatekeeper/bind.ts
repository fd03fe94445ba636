/**
 * Turns Gatekeeper constraint manifests into constraints the engine runs:
 * the kind chooses the built-in rule that implements the library template,
 * or, for a kind without one, the template's own CEL (`K8sNativeValidation`
 * code) runs; parameters are checked against the template's schema (when the
 * template manifest is at hand) and the built-in rule's own, and
 * `enforcementAction` maps to a severity.
 */
import { isRecord } from '../model/records.js';
import type { Ajv, ValidateFunction } from 'ajv';
import { strictestOffline } from '../config/resolve.js';
import type { ScopedAction } from '../config/schema.js';
import { validateMatch } from '../engine/match.js';
import { createAjv } from '../engine/ajv.js';
import { compileParameters } from '../engine/params.js';
import { formatPath, pointerToPath } from '../engine/paths.js';
import type { BoundConstraint } from '../engine/evaluate.js';
import type { EnforcementAction, Match, ObjectPath, Rule } from '../model/types.js';
import type * as GatekeeperCel from './cel-template.js';
import { isProblem, type ConstraintManifest, type ManifestProblem, type TemplateManifest } from './manifests.js';

/** A constraint whose kind k8s-bp cannot run, and why. */
export interface UnsupportedConstraint {
  manifest: ConstraintManifest;
  reason: string;
}

export type BindResult =
  | { type: 'bound'; constraint: BoundConstraint }
  | { type: 'unsupported'; unsupported: UnsupportedConstraint }
  | { type: 'skipped'; note: string }
  | { type: 'problem'; problem: ManifestProblem };

/** Built-in rules that implement Gatekeeper templates, by constraint kind. */
export function gatekeeperRegistry(rules: readonly Rule[]): Map<string, Rule> {
  const registry = new Map<string, Rule>();
  for (const rule of rules) if (rule.meta.gatekeeper) registry.set(rule.meta.gatekeeper.kind, rule);
  return registry;
}

// Templates' schemas are OpenAPI v3 as Kubernetes accepts it: unknown keywords
// (`x-kubernetes-*`) are allowed, and defaults are applied as the API server would.
// Made on first use: most runs have no template schema to compile.
let openApi: Ajv | undefined;
const templateValidators = new WeakMap<Record<string, unknown>, ValidateFunction>();

const ACTIONS = new Set(['deny', 'warn', 'dryrun']);

/** What binding needs of the CEL evaluator, for templates with CEL code. */
export type CelTemplateSupport = Pick<typeof GatekeeperCel, 'templateProgram' | 'celConstraintRule'>;

export interface BindOptions {
  /** Run the template's CEL even when a built-in rule implements the kind (built-ins come first otherwise). */
  preferCel?: boolean;
  /** From celTemplateSupport(): required when a template has CEL code. */
  cel?: CelTemplateSupport;
}

/**
 * The CEL evaluator when one of `templates` has CEL code, else undefined: the
 * interpreter is a large part of the program, and most runs have no such template.
 */
export async function celTemplateSupport(
  templates: Iterable<TemplateManifest>,
): Promise<CelTemplateSupport | undefined> {
  for (const template of templates) if (template.cel !== undefined) return import('./cel-template.js');
  return undefined;
}

export function bindConstraint(
  manifest: ConstraintManifest,
  registry: ReadonlyMap<string, Rule>,
  templates: ReadonlyMap<string, TemplateManifest>,
  options: BindOptions = {},
): BindResult {
  const problem = (path: ObjectPath, message: string): BindResult => ({
    type: 'problem',
    problem: { resource: manifest.resource, path, message: `${manifest.kind} "${manifest.name}": ${message}` },
  });
  const builtin = registry.get(manifest.kind);
  const template = templates.get(manifest.kind);
  const useCel = template?.cel !== undefined && (builtin === undefined || options.preferCel === true);
  const cel = useCel ? options.cel : undefined;
  if (useCel && cel === undefined)
    throw new Error(`template ${manifest.kind} has CEL code, but no CEL support was loaded`);
  const program = cel && template ? cel.templateProgram(template) : undefined;
  if (program && isProblem(program)) return { type: 'problem', problem: program };
  const rule = cel && program && template ? cel.celConstraintRule(template, program, manifest) : builtin;
  if (!rule) {
    const supported = [...registry.keys()].sort().join(', ');
    const because = template
      ? `its template has ${template.engines.length ? template.engines.join(' and ') : 'no'} code, and k8s-bp runs only CEL (K8sNativeValidation) code`
      : 'k8s-bp has no built-in implementation of this kind, and no ConstraintTemplate with CEL (K8sNativeValidation) code for it was found';
    return {
      type: 'unsupported',
      unsupported: {
        manifest,
        reason: `constraint ${manifest.kind} "${manifest.name}" is not checked: ${because}. Supported kinds: ${supported}`,
      },
    };
  }

  const action = readAction(manifest);
  if (typeof action === 'object') return problem(action.path, action.message);
  if (action === undefined) {
    return {
      type: 'skipped',
      note: `constraint ${manifest.kind} "${manifest.name}" skipped: no scoped enforcement action applies offline`,
    };
  }

  const [matchProblem] = validateMatch(manifest.match);
  if (matchProblem) {
    return problem(
      ['spec', 'match'],
      `${matchProblem.path ? `match.${matchProblem.path}` : 'match'} ${matchProblem.message}`,
    );
  }

  let parameters: unknown = manifest.parameters ?? {};
  if (!isRecord(parameters)) return problem(['spec', 'parameters'], 'spec.parameters must be a mapping');
  if (template?.schema) {
    const checked = checkAgainstTemplate(template.schema, parameters);
    if (!checked.ok) return problem(['spec', 'parameters', ...checked.path], `parameters${checked.message}`);
    parameters = checked.value;
  }
  if (!program) {
    const checked = compileParameters(rule)(parameters);
    if (!checked.ok) {
      const [first] = checked.errors;
      const field = first?.path ? `parameters.${first.path}` : 'parameters';
      return problem(['spec', 'parameters'], `${field} ${first?.message ?? 'are not valid'}`);
    }
    parameters = checked.value;
  }
  return {
    type: 'bound',
    constraint: {
      name: manifest.name,
      ruleId: rule.meta.id,
      constraintKind: manifest.kind,
      rule,
      match: (manifest.match ?? {}) as Match,
      parameters: parameters as Record<string, unknown>,
      enforcementAction: action,
    },
  };
}

function readAction(manifest: ConstraintManifest): EnforcementAction | undefined | ManifestProblem {
  const action = manifest.enforcementAction ?? 'deny';
  const at = (path: ObjectPath, message: string): ManifestProblem => ({ resource: manifest.resource, path, message });
  if (typeof action === 'string' && ACTIONS.has(action)) return action as EnforcementAction;
  if (action !== 'scoped') {
    return at(
      ['spec', 'enforcementAction'],
      `enforcementAction must be deny, warn, dryrun or scoped, not ${JSON.stringify(action)}`,
    );
  }
  const scoped = manifest.scopedEnforcementActions;
  const valid =
    Array.isArray(scoped) &&
    scoped.every(
      (entry) =>
        isRecord(entry) &&
        typeof entry.action === 'string' &&
        ACTIONS.has(entry.action) &&
        Array.isArray(entry.enforcementPoints) &&
        entry.enforcementPoints.every((point) => isRecord(point) && typeof point.name === 'string'),
    );
  if (!valid) {
    return at(
      ['spec', 'scopedEnforcementActions'],
      'enforcementAction "scoped" needs scopedEnforcementActions: a list of {action, enforcementPoints: [{name}]}',
    );
  }
  return strictestOffline(scoped as ScopedAction[]);
}

function checkAgainstTemplate(
  schema: Record<string, unknown>,
  parameters: Record<string, unknown>,
): { ok: true; value: Record<string, unknown> } | { ok: false; path: ObjectPath; message: string } {
  let validate = templateValidators.get(schema);
  if (!validate) {
    try {
      openApi ??= createAjv({ allErrors: true, useDefaults: true, strict: false, allowUnionTypes: true });
      validate = openApi.compile(schema);
    } catch (error) {
      return {
        ok: false,
        path: [],
        message: ` cannot be checked: the template's openAPIV3Schema is invalid (${String(error)})`,
      };
    }
    templateValidators.set(schema, validate);
  }
  const value = structuredClone(parameters);
  if (validate(value)) return { ok: true, value };
  const [error] = validate.errors ?? [];
  const path = pointerToPath(error?.instancePath ?? '');
  const field = path.length ? `.${formatPath(path)}` : '';
  return {
    ok: false,
    path,
    message: `${field} ${error?.message ?? 'do not match the template schema'} (template schema)`,
  };
}
