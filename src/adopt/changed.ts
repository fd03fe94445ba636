/**
 * `--changed-since`: every finding stays in the report, but only those on
 * changed lines fail the run. A finding of a rule that reads other objects
 * also fails it when any object it involves (its own, or one of its related
 * locations) has a changed line. When such a finding is about something
 * missing (a Service whose selector matches no pod), the objects it involves
 * cannot be named, so a change to any object in its namespace counts, including the objects
 * of a deleted file. A finding about a file rather than an object (a syntax error) fails
 * the run when the file has any change.
 */
import path from 'node:path';
import { formatPath } from '../engine/paths.js';
import { STDIN_NAME } from '../model/stdin.js';
import type { Finding, Resource } from '../model/types.js';
import { parseManifests } from '../load/parse.js';
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

interface Span {
  documentIndex: number;
  /** The namespace the object is in, as written; for a Namespace, its own name. */
  namespace: string | undefined;
  scope: string;
  line: number;
  endLine: number;
}

/** The findings, those outside the changes marked `outsideChanges`. */
export function markOutsideChanges(findings: readonly Finding[], context: ChangeContext): Finding[] {
  const changed = changeQueries(context);
  const spans = spansByFile(context.resources);
  const namespaces = namespacesChanged(spans, changed.span, context.changes.deleted);
  return findings.map((finding) => {
    if (changed.line(finding.file, finding.line)) return finding;
    // A problem with the file itself (a syntax error) hides everything in it, wherever the change that caused it.
    if (finding.object === undefined && changed.file(finding.file)) return finding;
    const crossResource = context.crossResourceRules.has(finding.ruleId) || (finding.related?.length ?? 0) > 0;
    if (crossResource && involvesChange(finding, spans, changed, namespaces)) return finding;
    return { ...finding, outsideChanges: true };
  });
}

interface ChangeQueries {
  line(file: string, line: number): boolean;
  file(file: string): boolean;
  span(file: string, span: Span): boolean;
}

/** Whether a line, a file or an object's lines changed; files are named as findings name them. */
function changeQueries(context: ChangeContext): ChangeQueries {
  const changedLines = (file: string) => context.changes.files.get(path.resolve(context.cwd, file));
  return {
    line(file, line) {
      if (file === STDIN_NAME) return true;
      const lines = changedLines(file);
      return lines === 'all' || (lines?.has(line) ?? false);
    },
    file(file) {
      const lines = changedLines(file);
      return lines === 'all' || (lines !== undefined && lines.size > 0);
    },
    span(file, span) {
      const lines = changedLines(file);
      if (lines === undefined) return false;
      if (lines === 'all') return true;
      for (const line of lines) if (line >= span.line && line <= span.endLine) return true;
      return false;
    },
  };
}

/** True when a cross-resource finding involves a changed object. */
function involvesChange(
  finding: Finding,
  spans: ReadonlyMap<string, readonly Span[]>,
  changed: ChangeQueries,
  namespaces: ReadonlySet<string | undefined>,
): boolean {
  const own = (spans.get(finding.file) ?? []).filter(
    (span) => span.documentIndex === finding.documentIndex && withinScope(finding.path, span.scope),
  );
  if (own.some((span) => changed.span(finding.file, span))) return true;
  const related = finding.related ?? [];
  // What it looked for and did not find may be what changed: renamed, relabelled or deleted.
  if (related.length === 0) return own.some((span) => namespaces.has(span.namespace));
  return related.some(
    (other) =>
      changed.line(other.file, other.line) ||
      (spans.get(other.file) ?? []).some(
        (span) => other.line >= span.line && other.line <= span.endLine && changed.span(other.file, span),
      ),
  );
}

/** The namespaces (as {@link Span} names them) of the objects with a changed line, and of those in deleted files. */
function namespacesChanged(
  spans: ReadonlyMap<string, readonly Span[]>,
  spanChanged: (file: string, span: Span) => boolean,
  deleted: ReadonlyMap<string, string> | undefined,
): Set<string | undefined> {
  const namespaces = new Set<string | undefined>();
  for (const [file, inFile] of spans) {
    for (const span of inFile) if (spanChanged(file, span)) namespaces.add(span.namespace);
  }
  for (const [file, text] of deleted ?? []) {
    for (const event of parseManifests(text, file)) {
      if (event.type === 'resource') namespaces.add(namespaceOf(event.resource));
    }
  }
  return namespaces;
}

/** The namespace an object is in, as written; for a Namespace, its own name. */
function namespaceOf(resource: Resource): string | undefined {
  return resource.kind === 'Namespace' ? resource.name : resource.namespace;
}

/** The lines each resource spans, by file. */
function spansByFile(resources: readonly Resource[]): Map<string, Span[]> {
  const spans = new Map<string, Span[]>();
  for (const resource of resources) {
    const range = resource.locator.locate(resource.pathInDocument);
    const span = {
      documentIndex: resource.documentIndex,
      namespace: namespaceOf(resource),
      scope: formatPath(resource.pathInDocument),
      line: range.line,
      // A range that ends at the start of a line ends on the line before.
      endLine: range.endColumn === 1 && range.endLine > range.line ? range.endLine - 1 : range.endLine,
    };
    const file = range.file ?? resource.file;
    const inFile = spans.get(file);
    if (inFile) inFile.push({ ...span, documentIndex: range.documentIndex ?? span.documentIndex });
    else spans.set(file, [{ ...span, documentIndex: range.documentIndex ?? span.documentIndex }]);
  }
  return spans;
}
