import type { LoadedConfig } from '../config/load.js';
import type { LintOptions } from '../lint.js';
import type { Finding } from '../model/types.js';
import { renderKustomizations } from '../render/kustomize/index.js';
import { scanIgnoreComments } from '../adopt/index.js';
import { classifyResource } from './classify-resource.js';
import type { Inputs } from './load-inputs.js';
import { configRelative } from './load-run-config.js';

/**
 * Stage 4: the kustomizations among the inputs, built with the real
 * Kustomize; their objects join the resources, each located in the file that
 * wrote it, and the files they were built from join the files linted.
 */
export async function renderInputs(
  config: LoadedConfig | undefined,
  options: LintOptions,
  inputs: Inputs,
): Promise<Inputs> {
  if (inputs.kustomizations.length === 0) return inputs;
  const binary = kustomizeBinary(config, options);
  const built = await renderKustomizations(inputs.kustomizations, {
    cwd: options.cwd,
    ...(binary !== undefined && { binary }),
    env: options.env ?? process.env,
    files: inputs.kustomizeFiles,
  });
  const rendered: Inputs = {
    ...inputs,
    resources: [...inputs.resources],
    comments: [...inputs.comments],
    findings: [...inputs.findings, ...built.findings],
    notes: [...inputs.notes, ...built.notes],
  };
  const includePolicyManifests = options.includePolicyManifests === true;
  for (const resource of built.resources) {
    const classified = classifyResource(resource, includePolicyManifests);
    rendered.notes.push(...classified.notes);
    if (classified.lint) rendered.resources.push(resource);
  }
  for (const source of built.sources) rendered.comments.push(...scanIgnoreComments(source.text, source.file));
  // The files a kustomization was built from were linted through it: those among the inputs, and those read to place findings.
  const read = new Set(inputs.files);
  const builtFrom = [...new Set([...inputs.kustomizationInputs, ...built.sources.map((source) => source.file)])];
  rendered.files = [...inputs.files, ...builtFrom.filter((file) => !read.has(file))];
  return rendered;
}

/** `--kustomize-entry` globs, then the config's `kustomize.entryPoints` (relative to the config's folder). */
export function kustomizeEntries(config: LoadedConfig | undefined, options: LintOptions): string[] {
  const fromConfig = config?.config.kustomize?.entryPoints ?? [];
  return [
    ...(options.kustomizeEntries ?? []),
    ...fromConfig.map((entry) => configRelative(config, options.cwd, entry)),
  ];
}

/** `--kustomize-binary`, else the config's `kustomize.binary`; relative to the working directory when a path. */
export function kustomizeBinary(
  config: LoadedConfig | undefined,
  options: { cwd: string; kustomizeBinary?: string },
): string | undefined {
  if (options.kustomizeBinary !== undefined) return options.kustomizeBinary;
  const named = config?.config.kustomize?.binary;
  // A bare program name is looked up on PATH; a path is relative to the config's folder.
  if (named === undefined || !named.includes('/')) return named;
  return configRelative(config, options.cwd, named);
}

/**
 * One finding per rule, place and message: overlays that share a base find
 * the same thing in it, and it is reported once.
 */
export function uniqueFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = [
      finding.ruleId,
      finding.constraintName,
      finding.file,
      finding.line,
      finding.column,
      finding.path,
      finding.message,
    ].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
