import type { Finding } from '../model/types.js';
import { countFindings, isActive, plural } from './summary.js';
import { escapeForTerminal, palette, type Palette } from './terminal.js';

export interface StylishOptions {
  colour: boolean;
  /** How many files and resources were linted, for the closing line. */
  files: number;
  resources: number;
  /** `--show-suppressed`: also list suppressed findings and those outside the changes, dimmed. */
  showSuppressed?: boolean;
  /** `--changed-since`: the git revision, for the closing line. */
  changedSince?: string;
  /** With a baseline: its file and how many of its entries are fixed. */
  baseline?: { file: string; fixed: number };
}

/**
 * Findings grouped by file, one aligned row each, and a summary line, like
 * ESLint's stylish output. Suppressed findings, and findings outside the
 * changes of `--changed-since`, are only counted unless `showSuppressed`.
 */
export function formatStylish(findings: readonly Finding[], options: StylishOptions): string {
  const paint = palette(options.colour);
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (options.showSuppressed !== true && !isActive(finding)) continue;
    const rows = byFile.get(finding.file);
    if (rows) rows.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  const blocks = [...byFile].map(([file, rows]) => formatFile(file, rows, paint));
  const closing = [summaryLine(findings, options, paint)];
  const tally = ruleTally(findings);
  if (tally !== undefined) closing.push(paint.dim(tally));
  if (options.baseline !== undefined && options.baseline.fixed > 0) closing.push(fixedLine(options.baseline));
  return [...blocks, ...closing].join('\n') + '\n';
}

/** A long report ends with its counts by rule, most frequent first, so that what to fix first shows at a glance. */
const TALLY_FROM = 10;

function ruleTally(findings: readonly Finding[]): string | undefined {
  const counts = new Map<string, number>();
  for (const finding of findings) {
    if (isActive(finding)) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  if (total < TALLY_FROM || counts.size < 2) return undefined;
  const sorted = [...counts].sort(([a, left], [b, right]) => right - left || (a < b ? -1 : 1));
  return `  by rule: ${sorted.map(([rule, count]) => `${rule} ${count}`).join(', ')}`;
}

/** The reminder that a baseline can be pruned. */
function fixedLine({ file, fixed }: { file: string; fixed: number }): string {
  const entries = fixed === 1 ? '1 baseline entry' : `${fixed} baseline entries`;
  const rest = fixed === 1 ? 'no longer matches a finding; remove it' : 'no longer match a finding; remove them';
  return `${entries} in ${escapeForTerminal(file)} ${rest} with --prune-baseline`;
}

/** Messages longer than this do not widen the message column: one long message should not push every rule id off screen. */
const ALIGN_MESSAGES_UP_TO = 100;

interface Row {
  finding: Finding;
  /** The row sits under its container's heading. */
  grouped: boolean;
}

/**
 * A file's rows in position order, except that a container with more than one
 * finding gets a heading at its first finding and all its rows beneath it:
 * what to fix in one container reads as one block.
 */
function formatFile(file: string, findings: readonly Finding[], paint: Palette): string {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = containerKey(finding);
    if (key === undefined) continue;
    const members = groups.get(key);
    if (members) members.push(finding);
    else groups.set(key, [finding]);
  }
  const lines: Array<string | Row> = [];
  const emitted = new Set<string>();
  for (const finding of findings) {
    const key = containerKey(finding);
    const members = key === undefined ? undefined : groups.get(key);
    if (key === undefined || members === undefined || members.length < 2) {
      lines.push({ finding, grouped: false });
      continue;
    }
    if (emitted.has(key)) continue;
    emitted.add(key);
    lines.push(containerHeading(finding));
    for (const member of members) lines.push({ finding: member, grouped: true });
  }
  const rows = lines.filter((line): line is Row => typeof line !== 'string');
  const cells = new Map(rows.map((row) => [row, cellOf(row)]));
  const all = [...cells.values()];
  const width = (values: string[]) => Math.max(0, ...values.map((value) => value.length));
  const positionWidth = width(all.map((cell) => cell.position));
  const severityWidth = width(all.map((cell) => cell.severity));
  const messageWidth = width(all.map((cell) => cell.message).filter((text) => text.length <= ALIGN_MESSAGES_UP_TO));
  const text = lines.map((line) => {
    if (typeof line === 'string') return `  ${paint.bold(escapeForTerminal(line))}`;
    const cell = cells.get(line)!;
    const indent = line.grouped ? '    ' : '  ';
    const message = cell.message.padEnd(messageWidth);
    if (!cell.active) {
      return paint.dim(
        `${indent}${cell.position.padEnd(positionWidth)}  ${cell.severity.padEnd(severityWidth)}  ${message}  ${cell.rule}  ${cell.status}`,
      );
    }
    const severity = severityColour(cell.severity, paint)(cell.severity.padEnd(severityWidth));
    return `${indent}${paint.dim(cell.position.padEnd(positionWidth))}  ${severity}  ${message}  ${paint.dim(cell.rule)}`;
  });
  return `${paint.underline(escapeForTerminal(file))}\n${text.map((row) => row.trimEnd()).join('\n')}\n`;
}

function containerKey(finding: Finding): string | undefined {
  return finding.container === undefined ? undefined : `${finding.documentIndex}\u0000${finding.container}`;
}

/** `container "web" in Deployment "storefront"` */
function containerHeading(finding: Finding): string {
  const owner = finding.object?.name !== undefined ? ` in ${finding.object.kind} "${finding.object.name}"` : '';
  return `container "${finding.container!}"${owner}`;
}

function cellOf({ finding, grouped }: Row) {
  // Under its heading, a message need not name the container again.
  const prefix = `container "${finding.container ?? ''}" `;
  const message =
    grouped && finding.message.startsWith(prefix) ? finding.message.slice(prefix.length) : finding.message;
  return {
    active: isActive(finding),
    position: `${finding.line}:${finding.column}`,
    severity: finding.severity,
    message: escapeForTerminal(message),
    rule: finding.ruleId === finding.constraintName ? finding.ruleId : `${finding.ruleId} (${finding.constraintName})`,
    status: escapeForTerminal(statusOf(finding)),
  };
}

/** Why a listed finding does not count: `(suppressed by a comment: reason)`, `(in the baseline)`, `(outside the changes)`. */
function statusOf(finding: Finding): string {
  const suppression = finding.suppression;
  if (suppression !== undefined) {
    if (suppression.source === 'baseline') return '(in the baseline)';
    const by = { comment: 'a comment', annotation: 'an annotation', config: 'the config' }[suppression.source];
    return `(suppressed by ${by}${suppression.justification !== undefined ? `: ${suppression.justification}` : ''})`;
  }
  return finding.outsideChanges === true ? '(outside the changes)' : '';
}

function severityColour(severity: Finding['severity'], paint: Palette): (text: string) => string {
  if (severity === 'error') return paint.red;
  if (severity === 'warning') return paint.yellow;
  return paint.blue;
}

function summaryLine(findings: readonly Finding[], options: StylishOptions, paint: Palette): string {
  const counts = countFindings(findings);
  const scope = `${plural(options.files, 'file')}, ${plural(options.resources, 'resource')}`;
  const problems = counts.errors + counts.warnings + counts.notes;
  const set = [];
  if (counts.suppressed > 0) set.push(`${counts.suppressed} suppressed`);
  if (counts.outsideChanges > 0) {
    set.push(
      `${counts.outsideChanges} outside the changes since ${escapeForTerminal(options.changedSince ?? 'the revision')}`,
    );
  }
  const aside = set.length > 0 ? `; ${set.join(', ')}` : '';
  if (problems === 0) return `✔ no problems (${scope})${aside}`;
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')];
  if (counts.notes > 0) parts.push(plural(counts.notes, 'note'));
  const line = `✖ ${plural(problems, 'problem')} (${parts.join(', ')}) in ${scope}${aside}`;
  return counts.errors > 0 ? paint.bold(paint.red(line)) : paint.bold(paint.yellow(line));
}
