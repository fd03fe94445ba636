import { broughtByRelated } from './brought-by.js';
import { containerOf } from './container-of.js';
import { formatPath } from './paths.js';
import { valueKeyAt } from './value-key.js';
import { resourceRef } from '../model/identity.js';
import type {
  Finding,
  LocateAt,
  ObjectPath,
  RelatedFinding,
  RelatedLocation,
  Resource,
  Severity,
} from '../model/types.js';

/** Who reports a finding: the rule or policy, the constraint or binding that applied it, and how severely. */
export interface FindingSource {
  ruleId: string;
  constraintName: string;
  severity: Severity;
  /** The Gatekeeper constraint kind, for constraints read from Gatekeeper manifests. */
  constraintKind?: string;
}

/** What was found: where (a path from the object root), the message, and the parts of the value judged. */
export interface FindingAt {
  path: ObjectPath;
  message: string;
  judged?: string;
  related?: readonly RelatedLocation[];
  /** Point at the value at `path` rather than its key. */
  at?: LocateAt;
}

/**
 * The one way a judgement about a resource becomes a Finding, for rules,
 * Gatekeeper constraints and admission policies alike. The path becomes a
 * position here, not in the rule, and only for resources with findings.
 */
export function buildFinding(
  resource: Resource,
  source: FindingSource,
  at: FindingAt,
  defaultNamespace: string | undefined,
): Finding {
  const documentPath = [...resource.pathInDocument, ...at.path];
  const finding: Finding = {
    ruleId: source.ruleId,
    constraintName: source.constraintName,
    severity: source.severity,
    message: at.message,
    ...placeOf(resource, documentPath, at.at),
    path: formatPath(documentPath),
    valueKey: valueKeyAt(resource.object, at.path),
    ...(at.judged !== undefined && { judgedKey: `part:${at.judged}` }),
    object: resourceRef(resource, defaultNamespace),
  };
  if (source.constraintKind) finding.constraintKind = source.constraintKind;
  const container = containerOf(resource.object, at.path);
  if (container !== undefined) finding.container = container;
  const related = [...broughtByRelated(resource, documentPath), ...(at.related ?? []).map(toRelatedFinding)];
  if (related.length > 0) finding.related = related;
  return finding;
}

function toRelatedFinding(related: RelatedLocation): RelatedFinding {
  const path: ObjectPath = [...related.resource.pathInDocument, ...related.path];
  const range = related.resource.locator.locate(path);
  return {
    file: range.file ?? related.resource.file,
    line: range.line,
    column: range.column,
    message: related.message,
  };
}

/**
 * Where a path of a resource is written: its file, document and range. For
 * an object Kustomize built, that is the base, patch or kustomization that
 * wrote the value, not the overlay the object came from.
 */
export function placeOf(resource: Resource, documentPath: ObjectPath, at?: LocateAt) {
  const range = resource.locator.locate(documentPath, at);
  return { ...range, file: range.file ?? resource.file, documentIndex: range.documentIndex ?? resource.documentIndex };
}
