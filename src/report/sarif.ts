import { createHash } from 'node:crypto';
import * as nodePath from 'node:path';
import { STDIN_NAME } from '../model/stdin.js';
import type { Finding, RelatedFinding, ReportRule, Suppression } from '../model/types.js';
import type { BaselineSummary } from './json.js';

/** A rule as the SARIF report describes it: every rule that ran, including the loader's own ids. */

export interface SarifOptions {
  toolVersion: string;
  informationUri: string;
  /** Base URL for rule docs: helpUri = `${docsBaseUri}${id}.md`. */
  docsBaseUri: string;
  /** Absolute path of the repository root; file URIs are made relative to it. */
  rootDir: string;
  /** The directory that findings' file names are relative to. */
  cwd: string;
  /** With a baseline: its file and what was judged against it, recorded in the run's properties. */
  baseline?: BaselineSummary;
  /** With `--changed-since`: the git revision, recorded in the run's properties. */
  changedSince?: string;
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SARIF_VERSION = '2.1.0';
/** The base id that every artifact URI in the log is relative to. */
export const SRCROOT = '%SRCROOT%';
/**
 * The key of our fingerprint in `partialFingerprints`. Bump the version if the
 * recipe changes, so that GitHub does not match old alerts against new hashes.
 */
export const FINGERPRINT_KEY = 'k8sBpFinding/v1';

type Level = 'error' | 'warning' | 'note';
type Json = Record<string, unknown>;

/**
 * The findings as a SARIF 2.1.0 log with one run, shaped for GitHub code
 * scanning: repository-relative URIs, stable fingerprints, and a rule entry
 * for every rule that ran (so `ruleIndex` always resolves).
 */
export function toSarif(findings: readonly Finding[], rules: readonly ReportRule[], options: SarifOptions): object {
  const descriptors = rules.map((rule) => ruleDescriptor(rule, options));
  const indexes = new Map(rules.map((rule, index) => [rule.id, index]));
  for (const finding of findings) {
    if (indexes.has(finding.ruleId)) continue;
    // A finding whose rule the caller forgot must still resolve; describe it minimally.
    indexes.set(finding.ruleId, descriptors.length);
    descriptors.push(ruleDescriptor(unknownRule(finding.ruleId), options));
  }
  const fingerprints = new FingerprintCounter();
  const results = findings.map((finding) => {
    const result = toResult(finding, indexes.get(finding.ruleId) ?? 0, options);
    result.partialFingerprints = { [FINGERPRINT_KEY]: fingerprints.next(fingerprintOf(finding, options)) };
    return result;
  });
  return {
    $schema: SARIF_SCHEMA_URI,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: 'k8s-bp',
            version: options.toolVersion,
            semanticVersion: options.toolVersion,
            informationUri: options.informationUri,
            rules: descriptors,
          },
        },
        // Named, not located: an absolute file URI would leak the path of the machine that ran the lint.
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the repository that was linted.' } } },
        columnKind: 'utf16CodeUnits',
        results,
        ...runProperties(options),
      },
    ],
  };
}

/**
 * Baseline and change-gating facts about the run. Fixed baseline entries are
 * counted here rather than reported as `absent` results: code scanning would
 * turn those into alerts on lines that no longer hold the problem.
 */
function runProperties(options: SarifOptions): Json {
  const properties: Json = {};
  if (options.baseline !== undefined) properties.baseline = options.baseline;
  if (options.changedSince !== undefined) properties.changedSince = options.changedSince;
  return Object.keys(properties).length > 0 ? { properties } : {};
}

/** {@link toSarif} as JSON text: 2-space indent and a trailing newline. */
export function formatSarif(findings: readonly Finding[], rules: readonly ReportRule[], options: SarifOptions): string {
  return `${JSON.stringify(toSarif(findings, rules, options), null, 2)}\n`;
}

/** `container-limits` → `ContainerLimits`: SARIF's `name` is conventionally an identifier. */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

function ruleDescriptor(rule: ReportRule, options: SarifOptions): Json {
  const helpUri = `${options.docsBaseUri}${rule.id}.md`;
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description} ${rule.rationale}` },
    help: {
      text: `${rule.description}\n\n${rule.rationale}\n\nRemediation: ${rule.remediation}\n\nDocumentation: ${helpUri}`,
      markdown: [
        `# ${rule.title}`,
        rule.description,
        '## Rationale',
        rule.rationale,
        '## Remediation',
        rule.remediation,
        `[Documentation](${helpUri})`,
      ].join('\n\n'),
    },
    helpUri,
    defaultConfiguration: { level: rule.defaultSeverity },
    properties: { tags: [...(rule.tags ?? [])] },
  };
}

function unknownRule(id: string): ReportRule {
  return {
    id,
    title: id,
    description: `Findings reported as ${id}.`,
    rationale: 'This id had no description when the report was written.',
    remediation: 'See the message of each finding.',
    defaultSeverity: 'warning',
  };
}

function toResult(finding: Finding, ruleIndex: number, options: SarifOptions): Json {
  const result: Json = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: finding.severity satisfies Level,
    message: { text: finding.message },
    locations: [primaryLocation(finding, options)],
  };
  if (finding.related !== undefined && finding.related.length > 0) {
    result.relatedLocations = finding.related.map((related, id) => relatedLocation(related, id, options));
  }
  if (finding.suppression !== undefined) result.suppressions = [suppressionOf(finding.suppression, options)];
  if (finding.baselineState !== undefined) result.baselineState = finding.baselineState;
  const properties: Json = { constraintName: finding.constraintName };
  if (finding.constraintKind !== undefined) properties.constraintKind = finding.constraintKind;
  if (finding.path !== '') properties.path = finding.path;
  // Outside the changes of --changed-since: reported, but it did not fail the run.
  if (finding.outsideChanges === true) properties.outsideChanges = true;
  result.properties = properties;
  return result;
}

/** SARIF's suppression: `inSource` for a comment or annotation, `external` for the config or a baseline. */
function suppressionOf(suppression: Suppression, options: SarifOptions): Json {
  const result: Json = { kind: suppression.kind };
  if (suppression.justification !== undefined) result.justification = suppression.justification;
  if (suppression.location !== undefined) {
    const { file, line, column } = suppression.location;
    result.location = {
      physicalLocation: {
        artifactLocation: artifactLocation(file, options),
        region: { startLine: atLeastOne(line), startColumn: atLeastOne(column) },
      },
    };
  }
  result.properties = { source: suppression.source };
  return result;
}

function primaryLocation(finding: Finding, options: SarifOptions): Json {
  const location: Json = {
    physicalLocation: { artifactLocation: artifactLocation(finding.file, options), region: regionOf(finding) },
  };
  const fullyQualifiedName = objectName(finding);
  if (fullyQualifiedName !== undefined) {
    location.logicalLocations = [
      { name: finding.object?.name ?? fullyQualifiedName, fullyQualifiedName, kind: 'resource' },
    ];
  }
  return location;
}

/** SARIF's region; the end is exclusive, as the locator's is, and never before the start. */
function regionOf(finding: Finding): Json {
  const startLine = atLeastOne(finding.line);
  const startColumn = atLeastOne(finding.column);
  const endLine = Math.max(atLeastOne(finding.endLine), startLine);
  const endColumn =
    endLine === startLine ? Math.max(atLeastOne(finding.endColumn), startColumn) : atLeastOne(finding.endColumn);
  return { startLine, startColumn, endLine, endColumn };
}

function relatedLocation(related: RelatedFinding, id: number, options: SarifOptions): Json {
  return {
    id,
    physicalLocation: {
      artifactLocation: artifactLocation(related.file, options),
      region: { startLine: atLeastOne(related.line), startColumn: atLeastOne(related.column) },
    },
    message: { text: related.message },
  };
}

/** `kind/namespace/name`, leaving out the parts the object lacks. */
function objectName(finding: Finding): string | undefined {
  const object = finding.object;
  if (object === undefined) return undefined;
  return [object.kind, object.namespace, object.name].filter((part) => part !== undefined && part !== '').join('/');
}

function artifactLocation(file: string, options: SarifOptions): Json {
  return { uri: encodeUriPath(repositoryPath(file, options)), uriBaseId: SRCROOT };
}

/**
 * The file as a POSIX path relative to the repository root. Standard input has
 * no path: it becomes `<stdin>` at the root, which cannot clash with a real
 * manifest and still reads plainly in GitHub's UI. A file outside the root keeps
 * its `../` steps rather than leaking the machine's absolute path.
 */
function repositoryPath(file: string, options: SarifOptions): string {
  if (file === STDIN_NAME) return STDIN_NAME;
  const absolute = nodePath.resolve(options.cwd, file);
  const relative = nodePath.relative(nodePath.resolve(options.rootDir), absolute);
  // On Windows a file on another drive has no relative path; keep only its name.
  const path = nodePath.isAbsolute(relative) ? nodePath.basename(absolute) : relative;
  return path.split(nodePath.sep).join('/');
}

/** Percent-encodes each segment, so spaces, `#`, `:` and non-ASCII names make a valid relative reference. */
function encodeUriPath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/**
 * What identifies a finding across commits: the rule, the constraint, the file,
 * the object and the field. Line numbers are left out so that edits elsewhere in
 * a file do not reopen alerts; the file is kept so that the same Deployment in
 * two overlays gives two alerts. Findings without an object (parse errors) fall
 * back on the document index.
 */
function fingerprintOf(finding: Finding, options: SarifOptions): string {
  const object = finding.object;
  const identity =
    object === undefined
      ? [String(finding.documentIndex)]
      : [object.apiVersion, object.kind, object.namespace ?? '', object.name ?? ''];
  const parts = [
    finding.ruleId,
    finding.constraintName,
    repositoryPath(finding.file, options),
    ...identity,
    finding.path,
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** Appends `:n` to repeated hashes, as CodeQL does, so that identical findings stay distinct alerts. */
class FingerprintCounter {
  private readonly seen = new Map<string, number>();

  next(hash: string): string {
    const count = (this.seen.get(hash) ?? 0) + 1;
    this.seen.set(hash, count);
    return `${hash}:${count}`;
  }
}

function atLeastOne(value: number): number {
  return Number.isFinite(value) && value >= 1 ? Math.floor(value) : 1;
}
