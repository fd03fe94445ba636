import type { LoadedConfig } from '../config/load.js';
import { loadPlugins, unloadedRuleFinding } from '../config/plugins.js';
import { resolveConstraints } from '../config/resolve.js';
import { isOff } from '../config/schema.js';
import type { BoundConstraint } from '../engine/evaluate.js';
import type { Finding, Rule } from '../model/types.js';
import type { ExpansionTemplate } from '../gatekeeper/expansion.js';
import { loadGatekeeperConstraints } from '../gatekeeper/load-constraints.js';
import type * as AdmissionPolicyModule from '../admission/admission-module.js';
import { configRelative } from './load-run-config.js';
import type { LintOptions } from '../lint.js';

/** Everything this run enforces, from each of the four policy sources. */
export interface Policies {
  /** From presets, `rules:`, `--rule` and plugins, then from Gatekeeper constraint manifests. */
  constraints: BoundConstraint[];
  /** Gatekeeper ExpansionTemplates: the Pods a workload implies, for Gatekeeper constraints to review. */
  expansions: ExpansionTemplate[];
  /** ValidatingAdmissionPolicies and their bindings, when the run names some. */
  admission: AdmissionPolicies | undefined;
  /** Every rule a config could name: the catalogue and the plugins' rules. */
  rules: Rule[];
  findings: Finding[];
  notes: string[];
}

export interface AdmissionPolicies {
  module: typeof AdmissionPolicyModule;
  set: AdmissionPolicyModule.AdmissionPolicySet;
}

/**
 * Stage 2: the config's rules and plugins, Gatekeeper constraints, and
 * admission policies. The admission module, and the CEL interpreter behind it,
 * load only for a run that has policies.
 */
export async function loadPolicies(
  config: LoadedConfig | undefined,
  options: LintOptions,
  catalogue: readonly Rule[],
  maxFileSize: number,
): Promise<Policies> {
  const plugins = await loadPlugins(config, new Set(catalogue.map((rule) => rule.meta.id)));
  // A rule module's rules run once it is listed, unless the config turns them off.
  const pluginIds = plugins.rules.map((rule) => rule.meta.id).filter((id) => !isOff(config?.config.rules?.[id]));
  const rules = [...catalogue, ...plugins.rules];
  const resolved = resolveConstraints(config, rules, {
    ...options,
    enable: [...options.enable, ...pluginIds],
    toleratedUnknownRules: plugins.findings.length > 0,
  });
  const unloaded = resolved.unknownRules.map(({ id, place }) => unloadedRuleFinding(id, place, config));
  const gatekeeper = await loadGatekeeperConstraints(
    {
      paths: gatekeeperPaths(config, options),
      cwd: options.cwd,
      strict: options.strictConstraints === true,
      maxFileSize,
    },
    catalogue,
  );
  let admission: AdmissionPolicies | undefined;
  const policies = policyPaths(config, options);
  if (policies.length > 0) {
    const module = await import('../admission/admission-module.js');
    const set = await module.loadAdmissionPolicies(policies, { cwd: options.cwd, maxFileSize });
    admission = { module, set };
  }
  return {
    constraints: [...resolved.constraints, ...gatekeeper.constraints],
    expansions: gatekeeper.expansions,
    admission,
    rules,
    findings: [...plugins.findings, ...unloaded, ...gatekeeper.findings],
    notes: [...resolved.notes, ...gatekeeper.notes],
  };
}

/** `--constraints` paths, then the config's path entries, both relative to the working directory. */
function gatekeeperPaths(config: LoadedConfig | undefined, options: LintOptions): string[] {
  const fromConfig = (config?.config.constraints ?? []).filter((entry): entry is string => typeof entry === 'string');
  return [...(options.constraints ?? []), ...fromConfig.map((entry) => configRelative(config, options.cwd, entry))];
}

function policyPaths(config: LoadedConfig | undefined, options: LintOptions): string[] {
  const fromConfig = config?.config.policies ?? [];
  return [...(options.policies ?? []), ...fromConfig.map((entry) => configRelative(config, options.cwd, entry))];
}
