/**
 * `--changed-since`: every finding stays in the report, but only those on
 * changed lines fail the run. A finding of a rule that reads other objects
 * also fails it when any object it involves (its own, or one of its related
 * locations) has a changed line; a finding about a file rather than an object
 * (a syntax error) fails it when the file has any change.
 */
import path from 'node:path';
import { formatPath } from '../engine/paths.js';
import type { Finding, Resource } from '../engine/types.js';
import { withinScope } from './annotations.js';
import type { ChangeSet } from './git.js';

export interface ChangeContext {
  changes: ChangeSet;
  /** The working directory with symbolic links resolved, as git reports paths. */
  cwd: string;
  resources: readonly Resource[];
  /** Ids of the rules that read other resources. */
  crossResourceRules: ReadonlySet<string>;
}

/** How standard input is named: it has no history, so its findings always count. */
const STDIN_FILE = '<stdin>';

interface Span {
  documentIndex: number;
  scope: string;
  line: number;
  endLine: number;
}

/** The findings, those outside the changes marked `outsideChanges`. */
export function markOutsideChanges(findings: readonly Finding[], context: ChangeContext): Finding[] {
  const changedLines = (file: string) => context.changes.files.get(path.resolve(context.cwd, file));
  const lineChanged = (file: string, line: number) => {
    if (file === STDIN_FILE) return true;
    const lines = changedLines(file);
    return lines === 'all' || (lines?.has(line) ?? false);
  };
  const fileChanged = (file: string) => {
    const lines = changedLines(file);
    return lines === 'all' || (lines !== undefined && lines.size > 0);
  };
  const spans = spansByFile(context.resources);
  const spanChanged = (file: string, span: Span) => {
    const lines = changedLines(file);
    if (lines === undefined) return false;
    if (lines === 'all') return true;
    for (const line of lines) if (line >= span.line && line <= span.endLine) return true;
    return false;
  };
  const involvesChange = (finding: Finding) => {
    const own = (spans.get(finding.file) ?? []).filter(
      (span) => span.documentIndex === finding.documentIndex && withinScope(finding.path, span.scope),
    );
    if (own.some((span) => spanChanged(finding.file, span))) return true;
    return (finding.related ?? []).some(
      (related) =>
        lineChanged(related.file, related.line) ||
        (spans.get(related.file) ?? []).some(
          (span) => related.line >= span.line && related.line <= span.endLine && spanChanged(related.file, span),
        ),
    );
  };
  return findings.map((finding) => {
    if (lineChanged(finding.file, finding.line)) return finding;
    // A problem with the file itself (a syntax error) hides everything in it, wherever the change that caused it.
    if (finding.object === undefined && fileChanged(finding.file)) return finding;
    const crossResource = context.crossResourceRules.has(finding.ruleId) || (finding.related?.length ?? 0) > 0;
    if (crossResource && involvesChange(finding)) return finding;
    return { ...finding, outsideChanges: true };
  });
}

/** The lines each resource spans, by file. */
function spansByFile(resources: readonly Resource[]): Map<string, Span[]> {
  const spans = new Map<string, Span[]>();
  for (const resource of resources) {
    const range = resource.locator.locate(resource.pathInDocument);
    const span = {
      documentIndex: resource.documentIndex,
      scope: formatPath(resource.pathInDocument),
      line: range.line,
      // A range that ends at the start of a line ends on the line before.
      endLine: range.endColumn === 1 && range.endLine > range.line ? range.endLine - 1 : range.endLine,
    };
    const inFile = spans.get(resource.file);
    if (inFile) inFile.push(span);
    else spans.set(resource.file, [span]);
  }
  return spans;
}
