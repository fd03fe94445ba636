/**
 * Reads Gatekeeper constraint and ConstraintTemplate manifests from the
 * paths a user names (`--constraints`, or `constraints:` entries in the
 * config) and binds each constraint to the rule that implements its kind.
 */
import { ConfigError } from '../model/errors.js';
import type { BoundConstraint } from '../engine/evaluate.js';
import { UNSUPPORTED_CONSTRAINT_ID } from '../model/finding-ids.js';
import type { Finding, Resource, Rule } from '../model/types.js';
import { loadManifestFiles } from '../load/manifest-files.js';
import { isExpansionTemplate, readExpansionTemplate, type ExpansionTemplate } from './expansion.js';
import { bindConstraint, celTemplateSupport, gatekeeperRegistry, type UnsupportedConstraint } from './bind.js';
import {
  isConstraintManifest,
  isProblem,
  isTemplateManifest,
  readConstraint,
  readTemplate,
  type ConstraintManifest,
  type ManifestProblem,
  type TemplateManifest,
} from './manifests.js';

export interface GatekeeperSources {
  /** Paths and globs, relative to `cwd`. */
  paths: readonly string[];
  cwd: string;
  /** `--strict-constraints`: an unsupported kind is an error rather than a warning. */
  strict: boolean;
  /** `--max-file-size` in bytes. */
  maxFileSize: number;
}

export interface LoadedGatekeeperConstraints {
  constraints: BoundConstraint[];
  /** ExpansionTemplates: which workloads imply which objects (Pods) for constraints to review. */
  expansions: ExpansionTemplate[];
  /** Unsupported constraints and problems parsing the files. */
  findings: Finding[];
  notes: string[];
}

export async function loadGatekeeperConstraints(
  sources: GatekeeperSources,
  rules: readonly Rule[],
): Promise<LoadedGatekeeperConstraints> {
  const result: LoadedGatekeeperConstraints = { constraints: [], expansions: [], findings: [], notes: [] };
  if (sources.paths.length === 0) return result;
  // Read as every other input is: the same size limit and checks, and a file that cannot be read is a finding.
  const loaded = await loadManifestFiles(sources.paths, {
    cwd: sources.cwd,
    maxFileSize: sources.maxFileSize,
    option: '--constraints',
  });
  result.findings.push(...loaded.findings);
  result.notes.push(...loaded.notes);
  const templates = new Map<string, TemplateManifest>();
  const manifests: ConstraintManifest[] = [];
  for (const resource of loaded.resources) {
    if (isTemplateManifest(resource)) {
      const template = readTemplate(resource);
      if (isProblem(template)) throw manifestError(template);
      templates.set(template.kind, template);
    } else if (isConstraintManifest(resource)) {
      const manifest = readConstraint(resource);
      if (isProblem(manifest)) throw manifestError(manifest);
      manifests.push(manifest);
    } else if (isExpansionTemplate(resource)) {
      const expansion = readExpansionTemplate(resource);
      if (isProblem(expansion)) throw manifestError(expansion);
      result.expansions.push(expansion);
    } else {
      result.notes.push(
        `${resource.file}: ${describe(resource)} is not a Gatekeeper constraint, ConstraintTemplate or ExpansionTemplate; not used as policy`,
      );
    }
  }
  const registry = gatekeeperRegistry(rules);
  const cel = await celTemplateSupport(templates.values());
  for (const manifest of manifests) {
    const bound = bindConstraint(manifest, registry, templates, cel && { cel });
    if (bound.type === 'bound') result.constraints.push(bound.constraint);
    else if (bound.type === 'skipped') result.notes.push(bound.note);
    else if (bound.type === 'problem') throw manifestError(bound.problem);
    else result.findings.push(unsupportedFinding(bound.unsupported, sources.strict));
  }
  return result;
}

function describe(resource: Resource): string {
  return `${resource.kind}${resource.name ? ` "${resource.name}"` : ''}`;
}

/** Problems in a constraint stop the run, like config errors, with the place in the file. */
function manifestError(problem: ManifestProblem): ConfigError {
  const { resource } = problem;
  const range = resource.locator.locate([...resource.pathInDocument, ...problem.path]);
  return new ConfigError(problem.message, 'INVALID_CONSTRAINT', {
    file: resource.file,
    line: range.line,
    column: range.column,
  });
}

function unsupportedFinding(unsupported: UnsupportedConstraint, strict: boolean): Finding {
  const { resource } = unsupported.manifest;
  const range = resource.locator.locate([...resource.pathInDocument, 'kind']);
  return {
    ruleId: UNSUPPORTED_CONSTRAINT_ID,
    constraintName: unsupported.manifest.name,
    constraintKind: unsupported.manifest.kind,
    severity: strict ? 'error' : 'warning',
    message: unsupported.reason,
    file: resource.file,
    ...range,
    path: 'kind',
    documentIndex: resource.documentIndex,
    object: { apiVersion: resource.object.apiVersion, kind: resource.kind, name: unsupported.manifest.name },
  };
}
