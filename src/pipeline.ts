import path from 'node:path';
import { adopt, scanIgnoreComments, type AdoptOptions, type BaselineRun, type IgnoreComment } from './adopt/index.js';
import { findConfigFile, loadConfigFile, type LoadedConfig } from './config/load.js';
import { loadPlugins, unloadedRuleFinding } from './config/plugins.js';
import { resolveConstraints } from './config/resolve.js';
import { isOff } from './config/schema.js';
import { evaluate, sortFindings, type BoundConstraint, type EvaluateOptions } from './engine/run.js';
import type { Finding, Resource, Rule } from './engine/types.js';
import { expandResources, type ExpansionTemplate } from './gatekeeper/expansion.js';
import { isGatekeeperPolicyManifest } from './gatekeeper/manifests.js';
import { FINDING_DOCS } from './docs/finding-docs.js';
import { loadGatekeeperConstraints } from './gatekeeper/load-constraints.js';
import type * as AdmissionPolicyModule from './policy/vap/index.js';
import { isAdmissionPolicyManifest } from './policy/vap/kinds.js';
import { UsageError } from './load/errors.js';
import { loadManifestFiles } from './load/manifest-files.js';
import { fileProblem, LOAD_RULES } from './load/problems.js';
import { setAside } from './load/set-aside.js';
import { fragmentReason } from './load/fragments.js';
import { parseManifests } from './load/parse.js';
import { DEFAULT_MAX_FILE_SIZE, decodeManifest, readManifestFile, unreadableFile } from './load/read.js';
import { STDIN_NAME, resolveInputs } from './load/sources.js';
import type { ReportRule } from './report/sarif.js';
import { relativePosix } from './util/posix-path.js';

export interface LintOptions {
  /** Files, directories, globs, and `-` for standard input. */
  paths: readonly string[];
  cwd: string;
  exclude: readonly string[];
  /** `--config`: an explicit config file; otherwise the nearest `.k8s-bp.yaml` upward from `cwd`. */
  configFile?: string;
  enable: readonly string[];
  disable: readonly string[];
  /** `--namespace`: where manifests without a namespace will be applied. */
  namespace?: string;
  /** `--namespaces-complete`: the input is the whole of every namespace it touches. */
  namespacesComplete?: boolean;
  /** `--constraints`: files, directories or globs of Gatekeeper constraint and template manifests. */
  constraints?: readonly string[];
  /** `--strict-constraints`: an unsupported constraint kind is an error finding. */
  strictConstraints?: boolean;
  /** `--include-policy-manifests`: lint Gatekeeper manifests found among the inputs as well. */
  includePolicyManifests?: boolean;
  /** `--policies`: files, directories or globs of ValidatingAdmissionPolicies, bindings and their parameters. */
  policies?: readonly string[];
  /**
   * `--inventory`: files, directories or globs of objects that cross-resource
   * rules may look up (cluster state, other repositories) but that are not linted.
   */
  inventory?: readonly string[];
  /** `--max-file-size` in bytes: larger files are reported, not read. */
  maxFileSize?: number;
  /** Suppressions, baseline and `--changed-since` (see src/adopt/). */
  adopt?: AdoptOptions;
  readStdin: () => Promise<string | Uint8Array>;
}

export interface LintResult {
  findings: Finding[];
  /** Every rule that ran, and the loader's own ids, for reports that list them. */
  rules: ReportRule[];
  files: number;
  resources: number;
  /** What was skipped and why, for `--verbose`. */
  notes: string[];
  /** The config file used, if any. */
  configFile: string | undefined;
  /** The baseline used or written, with what was judged against it. */
  baseline?: BaselineRun;
  /** The git revision of `--changed-since`. */
  changedSince?: string;
}

/**
 * load → match → check: the whole job, minus the report. `catalogue` is the
 * set of rules a config may name; the front end chooses it.
 */
export async function lint(options: LintOptions, catalogue: readonly Rule[]): Promise<LintResult> {
  const config = await loadConfig(options);
  const plugins = await loadPlugins(config, new Set(catalogue.map((rule) => rule.meta.id)));
  // A rule module's rules run once it is listed, unless the config turns them off.
  const pluginIds = plugins.rules.map((rule) => rule.meta.id).filter((id) => !isOff(config?.config.rules?.[id]));
  const {
    constraints,
    notes: constraintNotes,
    unknownRules,
  } = resolveConstraints(config, [...catalogue, ...plugins.rules], {
    ...options,
    enable: [...options.enable, ...pluginIds],
    toleratedUnknownRules: plugins.findings.length > 0,
  });
  plugins.findings.push(...unknownRules.map(({ id, place }) => unloadedRuleFinding(id, place, config)));
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const gatekeeper = await loadGatekeeperConstraints(
    {
      paths: gatekeeperPaths(config, options),
      cwd: options.cwd,
      strict: options.strictConstraints === true,
      maxFileSize,
    },
    catalogue,
  );
  constraints.push(...gatekeeper.constraints);
  // Admission policies bring the CEL interpreter, which loads only for a run that has some.
  let admission: AdmissionPolicies | undefined;
  const policies = policyPaths(config, options);
  if (policies.length > 0) {
    const module = await import('./policy/vap/index.js');
    const set = await module.loadAdmissionPolicies(policies, { cwd: options.cwd, maxFileSize });
    admission = { module, set };
  }
  const inventory = await loadManifestFiles(options.inventory ?? [], {
    cwd: options.cwd,
    maxFileSize,
    option: '--inventory',
  });
  const exclude = [...(config?.config.exclude ?? []), ...options.exclude];
  const inputs = await resolveInputs(options.paths, { cwd: options.cwd, exclude });
  const { files, setAside: aside } = setAside(inputs.files, options.cwd);
  const sources = files.map((file) => ({
    file,
    read: () => readManifestFile(path.resolve(options.cwd, file), file, maxFileSize),
  }));
  if (inputs.stdin) {
    sources.push({
      file: STDIN_NAME,
      read: async () => {
        const input = await options.readStdin();
        return decodeManifest(typeof input === 'string' ? Buffer.from(input, 'utf8') : input, STDIN_NAME);
      },
    });
  }

  const resources: Resource[] = [];
  const comments: IgnoreComment[] = [];
  const findings: Finding[] = [
    ...plugins.findings,
    ...gatekeeper.findings,
    ...inventory.findings,
    ...aside.charts.map(chartFinding),
  ];
  const notes = [...constraintNotes, ...gatekeeper.notes, ...inventory.notes, ...inputs.notes, ...aside.notes];
  for (const source of sources) {
    const outcome = await source.read().catch((error: NodeJS.ErrnoException) => unreadableFile(source.file, error));
    if ('finding' in outcome) {
      findings.push(outcome.finding);
      continue;
    }
    const text = outcome.text;
    comments.push(...scanIgnoreComments(text, source.file));
    for (const event of parseManifests(text, source.file)) {
      if (event.type === 'resource') {
        // Policies are enforced only when given as such, as constraints are: one among the manifests is an object.
        if (isAdmissionPolicyManifest(event.resource)) {
          notes.push(
            `${event.resource.file}: ${event.resource.kind} "${event.resource.name ?? ''}" is linted as an object, not enforced (policies apply when given with --policies or the config's policies)`,
          );
        }
        const fragment = fragmentReason(event.resource);
        if (fragment !== undefined) {
          notes.push(`${event.resource.file}: ${fragment}`);
        } else if (options.includePolicyManifests !== true && isGatekeeperPolicyManifest(event.resource)) {
          notes.push(
            `${event.resource.file}: skipped ${event.resource.kind} "${event.resource.name ?? ''}": Gatekeeper policy, not a workload (--include-policy-manifests lints it)`,
          );
        } else resources.push(event.resource);
      } else if (event.type === 'problem') findings.push(event.finding);
      else notes.push(`${event.file}:${event.line}: skipped document ${event.documentIndex + 1}: ${event.reason}`);
    }
  }
  const namespace = options.namespace ?? config?.config.namespace;
  const namespacesComplete = options.namespacesComplete === true || config?.config.namespacesComplete === true;
  const evaluateOptions = {
    namespacesComplete,
    ...(namespace !== undefined && { defaultNamespace: namespace }),
    ...(inventory.resources.length > 0 && { inventory: inventory.resources }),
  };
  findings.push(...evaluate(resources, constraints, evaluateOptions));
  findings.push(...evaluateExpanded(resources, gatekeeper.expansions, constraints, evaluateOptions));
  if (admission !== undefined) {
    const evaluated = admission.module.evaluateAdmissionPolicies(resources, admission.set, evaluateOptions);
    findings.push(...evaluated.findings);
    notes.push(...evaluated.notes);
  }
  const adopted = await adopt({
    findings,
    resources,
    comments,
    config,
    cwd: options.cwd,
    files: sources.map((source) => source.file),
    constraints,
    rules: [...catalogue, ...plugins.rules],
    options: options.adopt ?? {},
  });
  return {
    findings: sortFindings(
      adopted.findings,
      sources.map((source) => source.file),
    ),
    rules: reportRules(constraints.map((constraint) => constraint.rule)),
    files: sources.length,
    resources: resources.length,
    notes,
    configFile: config?.file,
    ...(adopted.baseline !== undefined && { baseline: adopted.baseline }),
    ...(adopted.changedSince !== undefined && { changedSince: adopted.changedSince }),
  };
}

interface AdmissionPolicies {
  module: typeof AdmissionPolicyModule;
  set: AdmissionPolicyModule.AdmissionPolicySet;
}

/**
 * Runs Gatekeeper constraints on the objects that ExpansionTemplates imply
 * (the Pod of a Deployment), as Gatekeeper does in a cluster. Only Gatekeeper
 * constraints look at them: the catalogue's rules read workloads directly.
 */
function evaluateExpanded(
  resources: readonly Resource[],
  expansions: readonly ExpansionTemplate[],
  constraints: readonly BoundConstraint[],
  options: EvaluateOptions,
): Finding[] {
  const gatekeeperConstraints = constraints.filter((constraint) => constraint.constraintKind !== undefined);
  if (expansions.length === 0 || gatekeeperConstraints.length === 0) return [];
  const expanded = expandResources(resources, expansions);
  // One evaluation per template, so the inventory is indexed once, not once per workload.
  return expansions.flatMap((template) => {
    const implied = expanded.filter((entry) => entry.template === template).map((entry) => entry.resource);
    if (implied.length === 0) return [];
    return evaluate(implied, gatekeeperConstraints, {
      ...options,
      inventory: [...resources, ...(options.inventory ?? [])],
    }).map((finding) => ({
      ...finding,
      message: `[Implied by ${template.name}] ${finding.message}`,
    }));
  });
}

/** One finding for a chart whose files were among the inputs: they are not manifests, and the chart is not linted. */
function chartFinding(chart: string): Finding {
  const message = `Helm chart ${chart}: its templates and values files are not manifests, so they are not linted; lint what the chart renders (helm template <release> ${chart} | k8s-bp lint -)`;
  const file = chart === '.' ? 'Chart.yaml' : `${chart}/Chart.yaml`;
  return fileProblem(LOAD_RULES.helmChart, 'warning', message, { file, documentIndex: 0, line: 1, column: 1 });
}

/** `--constraints` paths, then the config's path entries, both relative to the working directory. */
function gatekeeperPaths(config: LoadedConfig | undefined, options: LintOptions): string[] {
  const fromConfig = (config?.config.constraints ?? []).filter((entry): entry is string => typeof entry === 'string');
  return [...(options.constraints ?? []), ...fromConfig.map((entry) => configRelative(config, options, entry))];
}

function policyPaths(config: LoadedConfig | undefined, options: LintOptions): string[] {
  const fromConfig = config?.config.policies ?? [];
  return [...(options.policies ?? []), ...fromConfig.map((entry) => configRelative(config, options, entry))];
}

/** A path the config names (relative to its own directory), as one relative to the working directory. */
function configRelative(config: LoadedConfig | undefined, options: LintOptions, entry: string): string {
  return relativePosix(options.cwd, config?.directory ?? options.cwd, entry) || '.';
}

async function loadConfig(options: LintOptions): Promise<LoadedConfig | undefined> {
  if (options.configFile !== undefined) {
    const file = path.resolve(options.cwd, options.configFile);
    return loadConfigFile(file, options.cwd).catch((error: unknown) => {
      if (error instanceof UsageError && error.code === 'CONFIG_UNREADABLE') {
        throw new UsageError(`config file not found: ${options.configFile}`, 'CONFIG_NOT_FOUND');
      }
      throw error;
    });
  }
  const found = findConfigFile(options.cwd);
  return found ? loadConfigFile(found, options.cwd) : undefined;
}

function reportRules(rules: readonly Rule[]): ReportRule[] {
  const unique = [...new Map(rules.map((rule) => [rule.meta.id, rule.meta])).values()];
  // A finding id may also be the id of rules built at run time (Gatekeeper CEL templates): list it once.
  const ids = new Set(unique.map((meta) => meta.id));
  const docs = FINDING_DOCS.filter((doc) => !ids.has(doc.id));
  return [...unique.map((meta) => ({ ...meta, tags: ['kubernetes'] })), ...docs].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}
