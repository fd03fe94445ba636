/**
 * The stage after evaluation that makes k8s-bp adoptable in a repository
 * with a history: suppressions, a baseline, and gating only what changed.
 * It takes the findings and returns them marked (never dropped), plus
 * findings about the suppressions themselves.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { FINDING_DOCS } from '../model/finding-ids.js';
import type { BoundConstraint } from '../engine/evaluate.js';
import { STDIN_NAME } from '../model/stdin.js';
import type { Finding, Resource, Rule } from '../model/types.js';
import { UsageError } from '../model/errors.js';
import { ignoreAnnotations } from './annotations.js';
import type { Baseline, BaselineContext, BaselineOutcome } from './baseline.js';
import type { IgnoreComment } from './comments.js';
import type { IgnoreEntry } from './config-ignore.js';
import { applySuppressions } from './suppress.js';

export { scanIgnoreComments, type IgnoreComment } from './comments.js';

export interface AdoptOptions {
  /** `--require-ignore-reason`: a suppression without a reason is an error. */
  requireIgnoreReason?: boolean;
  /** `--baseline`: a baseline file, relative to the working directory. */
  baseline?: string;
  /** `--write-baseline`: record the findings as a baseline for this file (returned, not written). */
  writeBaseline?: string;
  /** `--changed-since`: a git revision; only findings in what changed since it fail the run. */
  changedSince?: string;
}

export interface AdoptInput {
  findings: readonly Finding[];
  resources: readonly Resource[];
  /** Every `k8s-bp-ignore` comment of the files read. */
  comments: readonly IgnoreComment[];
  config: LoadedConfig | undefined;
  cwd: string;
  /** The files linted, as findings name them (relative to `cwd`, or `<stdin>`). */
  files: readonly string[];
  /** The constraints that ran. */
  constraints: readonly BoundConstraint[];
  /** Every rule known, whether it ran or not. */
  rules: readonly Rule[];
  options: AdoptOptions;
}

/** A baseline as this run used it. */
export interface BaselineRun {
  /** The file as the user named it. */
  file: string;
  /** The file, absolute. */
  path: string;
  /** What the file holds, or (with `--write-baseline`) what it should now hold. */
  baseline: Baseline;
  outcome: BaselineOutcome;
}

export interface AdoptResult {
  findings: Finding[];
  baseline?: BaselineRun;
  /** The revision of `--changed-since`, when given. */
  changedSince?: string;
}

/** Suppressions, then the baseline, then `--changed-since`. */
export async function adopt(input: AdoptInput): Promise<AdoptResult> {
  const { options, config, cwd } = input;
  if (options.baseline !== undefined && options.writeBaseline !== undefined) {
    throw new UsageError('use either --baseline or --write-baseline, not both', 'BAD_ARGUMENTS');
  }
  const ids = identifiers(input.constraints, input.rules);
  // Findings from other sources (admission policies, for one) name what reported them: that ran too.
  for (const finding of input.findings) {
    for (const id of [finding.ruleId, finding.constraintName, finding.constraintKind]) {
      if (id === undefined) continue;
      ids.ran.add(id);
      ids.known.add(id);
    }
  }
  let findings = applySuppressions(input.findings, {
    comments: input.comments,
    annotations: ignoreAnnotations(input.resources),
    configEntries: configEntries(config),
    cwd,
    configDir: config?.directory ?? cwd,
    requireReason: options.requireIgnoreReason === true || config?.config.requireIgnoreReason === true,
    ranIds: ids.ran,
    knownIds: ids.known,
  });

  let baselineRun: BaselineRun | undefined;
  const baselineFile = options.writeBaseline ?? options.baseline;
  if (baselineFile !== undefined) {
    // Loaded only when asked for, like git below: most runs use neither, and their start-up counts.
    const { applyBaseline, createBaseline, readBaseline } = await import('./baseline.js');
    const context: BaselineContext = { file: path.resolve(cwd, baselineFile), shown: baselineFile, cwd };
    const baseline =
      options.writeBaseline !== undefined ? createBaseline(findings, context) : await readBaseline(context);
    const linted = new Set(input.files.map((file) => (file === STDIN_NAME ? file : path.resolve(cwd, file))));
    const applied = applyBaseline(findings, baseline, context, { linted, ranIds: ids.ran });
    findings = applied.findings;
    baselineRun = { file: baselineFile, path: context.file, baseline, outcome: applied.outcome };
  }

  if (options.changedSince !== undefined) {
    const [{ changedSince }, { markOutsideChanges }] = await Promise.all([import('./git.js'), import('./changed.js')]);
    const changes = await changedSince(options.changedSince, cwd);
    findings = markOutsideChanges(findings, {
      changes,
      cwd: await realpath(cwd),
      resources: input.resources,
      crossResourceRules: new Set(
        input.constraints
          .filter((constraint) => constraint.rule.meta.crossResource === true)
          .map((c) => c.rule.meta.id),
      ),
    });
  }
  return {
    findings,
    ...(baselineRun !== undefined && { baseline: baselineRun }),
    ...(options.changedSince !== undefined && { changedSince: options.changedSince }),
  };
}

/**
 * The names a suppression may use: what ran (rule ids, constraint names and
 * kinds, and the ids of findings that are not rules) and what exists at all.
 */
function identifiers(
  constraints: readonly BoundConstraint[],
  rules: readonly Rule[],
): { ran: Set<string>; known: Set<string> } {
  const ran = new Set(FINDING_DOCS.map((doc) => doc.id));
  for (const constraint of constraints) {
    ran.add(constraint.rule.meta.id);
    ran.add(constraint.name);
    if (constraint.constraintKind !== undefined) ran.add(constraint.constraintKind);
  }
  const known = new Set(ran);
  for (const rule of rules) {
    known.add(rule.meta.id);
    if (rule.meta.gatekeeper !== undefined) known.add(rule.meta.gatekeeper.kind);
  }
  return { ran, known };
}

function configEntries(config: LoadedConfig | undefined): IgnoreEntry[] {
  return (config?.config.ignore ?? []).map((entry, index) => ({
    paths: entry.paths,
    rules: entry.rules,
    reason: entry.reason !== undefined && entry.reason.trim() !== '' ? entry.reason.trim() : undefined,
    location: config?.placeOf(['ignore', index]) ?? { file: '', line: 1, column: 1 },
  }));
}
