import type { Finding } from '../model/types.js';
import { countFindings } from './summary.js';

/** The version of the JSON report's shape; it changes only when a field is removed or changes meaning. */
export const JSON_REPORT_VERSION = 1;

export interface JsonReportOptions {
  toolVersion: string;
  files: number;
  resources: number;
  /** With `--baseline` or `--write-baseline`: the file and what was judged against it. */
  baseline?: BaselineSummary;
  /** With `--changed-since`: the git revision. */
  changedSince?: string;
}

/** The baseline's part of a report. */
export interface BaselineSummary {
  file: string;
  /** Findings the baseline holds (reported as suppressed). */
  unchanged: number;
  /** Findings it does not hold, which are not suppressed otherwise. */
  new: number;
  /** Entries whose finding is gone: `--prune-baseline` removes them. */
  fixed: number;
  /** Entries this run could not judge, because their file was not linted or their rule did not run. */
  unchecked: number;
  /** True when `--prune-baseline` removed the fixed entries from the file. */
  pruned?: boolean;
}

/** The JSON report: documented in docs/json-report.md; fields are only ever added. */
export function formatJson(findings: readonly Finding[], options: JsonReportOptions): string {
  const report = {
    version: JSON_REPORT_VERSION,
    tool: { name: 'k8s-bp', version: options.toolVersion },
    summary: { files: options.files, resources: options.resources, ...countFindings(findings) },
    ...(options.changedSince !== undefined && { changedSince: options.changedSince }),
    ...(options.baseline !== undefined && { baseline: options.baseline }),
    findings: findings.map(orderFields),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** A fixed key order, so that diffs of saved reports stay small. */
function orderFields(finding: Finding): Finding {
  const ordered: Finding = {
    ruleId: finding.ruleId,
    constraintName: finding.constraintName,
    severity: finding.severity,
    message: finding.message,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    path: finding.path,
    documentIndex: finding.documentIndex,
  };
  if (finding.constraintKind !== undefined) ordered.constraintKind = finding.constraintKind;
  if (finding.object !== undefined) ordered.object = finding.object;
  if (finding.related !== undefined) ordered.related = finding.related;
  if (finding.suppression !== undefined) ordered.suppression = finding.suppression;
  if (finding.baselineState !== undefined) ordered.baselineState = finding.baselineState;
  if (finding.fingerprint !== undefined) ordered.fingerprint = finding.fingerprint;
  if (finding.outsideChanges === true) ordered.outsideChanges = true;
  return ordered;
}
