import type { Finding } from '../engine/types.js';
import { countFindings, plural } from './summary.js';
import { escapeForTerminal, palette, type Palette } from './terminal.js';

export interface StylishOptions {
  colour: boolean;
  /** How many files and resources were linted, for the closing line. */
  files: number;
  resources: number;
}

/** Findings grouped by file, one aligned row each, and a summary line, like ESLint's stylish output. */
export function formatStylish(findings: readonly Finding[], options: StylishOptions): string {
  const paint = palette(options.colour);
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  const blocks = [...byFile].map(([file, rows]) => formatFile(file, rows, paint));
  return [...blocks, summaryLine(findings, options, paint)].join('\n') + '\n';
}

function formatFile(file: string, findings: readonly Finding[], paint: Palette): string {
  const cells = findings.map((finding) => ({
    position: `${finding.line}:${finding.column}`,
    severity: finding.severity,
    message: escapeForTerminal(finding.message),
    rule: finding.ruleId === finding.constraintName ? finding.ruleId : `${finding.ruleId} (${finding.constraintName})`,
  }));
  const width = (pick: (cell: (typeof cells)[number]) => string) => Math.max(...cells.map((cell) => pick(cell).length));
  const positionWidth = width((cell) => cell.position);
  const severityWidth = width((cell) => cell.severity);
  const messageWidth = width((cell) => cell.message);
  const rows = cells.map(
    (cell) =>
      `  ${paint.dim(cell.position.padEnd(positionWidth))}  ${severityColour(cell.severity, paint)(cell.severity.padEnd(severityWidth))}  ${cell.message.padEnd(messageWidth)}  ${paint.dim(cell.rule)}`,
  );
  return `${paint.underline(escapeForTerminal(file))}\n${rows.map((row) => row.trimEnd()).join('\n')}\n`;
}

function severityColour(severity: Finding['severity'], paint: Palette): (text: string) => string {
  if (severity === 'error') return paint.red;
  if (severity === 'warning') return paint.yellow;
  return paint.blue;
}

function summaryLine(findings: readonly Finding[], options: StylishOptions, paint: Palette): string {
  const counts = countFindings(findings);
  const scope = `${plural(options.files, 'file')}, ${plural(options.resources, 'resource')}`;
  if (findings.length === 0) return `✔ no problems (${scope})`;
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')];
  if (counts.notes > 0) parts.push(plural(counts.notes, 'note'));
  const line = `✖ ${plural(findings.length, 'problem')} (${parts.join(', ')}) in ${scope}`;
  return counts.errors > 0 ? paint.bold(paint.red(line)) : paint.bold(paint.yellow(line));
}
