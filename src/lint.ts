/**
 * The run as a list of stages. Each stage is a function of its own in
 * src/lint/; the front ends (src/cli/, src/action/) choose the rule catalogue
 * and render the result.
 */
import { adopt, type AdoptOptions, type BaselineRun } from './adopt/index.js';
import type { LoadedConfig } from './config/load.js';
import type { EvaluateOptions } from './engine/evaluate.js';
import type { Finding, ReportRule, Resource, Rule } from './model/types.js';
import { evaluateAll } from './lint/evaluate-all.js';
import { loadInputs } from './lint/load-inputs.js';
import { loadPolicies } from './lint/load-policies.js';
import { loadRunConfig } from './lint/load-run-config.js';
import { renderInputs } from './lint/render-inputs.js';
import { targetReleases } from './lint/target-releases.js';
import { prepareCrdValidation } from './schema/crd-cel.js';
import { reportData } from './lint/report-data.js';
import { DEFAULT_MAX_FILE_SIZE } from './load/read.js';

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
  /** `--kubernetes-version`: the release, or range of releases, the manifests are for. */
  kubernetesVersion?: string;
  /** `--kustomize-binary`: the Kustomize (or kubectl) that builds overlays, instead of the one on PATH. */
  kustomizeBinary?: string;
  /** `--kustomize-entry`: globs of the kustomization folders to build; by default every one no other builds on. */
  kustomizeEntries?: readonly string[];
  /** The environment, for finding programs on PATH. */
  env?: Readonly<Record<string, string | undefined>>;
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
 * The whole job, minus the report. `catalogue` is the set of rules a config
 * may name; the front end chooses it.
 */
export async function lint(options: LintOptions, catalogue: readonly Rule[]): Promise<LintResult> {
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const config = await loadRunConfig(options);
  const policies = await loadPolicies(config, options, catalogue, maxFileSize);
  const loaded = await loadInputs(config, options, maxFileSize);
  // Kustomize overlays become resources here, located in the files that wrote them (Helm charts will join them).
  const inputs = await renderInputs(config, options, loaded);
  // The CEL engine that CRDs and custom resources need is loaded only when the inputs hold one.
  await prepareCrdValidation([...inputs.resources, ...inputs.inventory]);
  const evaluated = evaluateAll(inputs.resources, policies, evaluationScope(config, options, inputs.inventory));
  const adopted = await adopt({
    findings: [...policies.findings, ...inputs.findings, ...evaluated.findings],
    resources: inputs.resources,
    comments: inputs.comments,
    config,
    cwd: options.cwd,
    files: inputs.files,
    constraints: policies.constraints,
    rules: policies.rules,
    options: options.adopt ?? {},
  });
  return reportData(adopted, { config, policies, inputs, notes: evaluated.notes });
}

/** Where the manifests will be applied: `--namespace` and `--namespaces-complete`, or the config's. */
function evaluationScope(
  config: LoadedConfig | undefined,
  options: LintOptions,
  inventory: readonly Resource[],
): EvaluateOptions {
  const namespace = options.namespace ?? config?.config.namespace;
  return {
    kubernetesReleases: targetReleases(config, options.kubernetesVersion),
    namespacesComplete: options.namespacesComplete === true || config?.config.namespacesComplete === true,
    ...(namespace !== undefined && { defaultNamespace: namespace }),
    ...(inventory.length > 0 && { inventory }),
  };
}
