import type { Finding } from '../model/types.js';
import { countFindings, isActive, plural, type Counts } from '../report/summary.js';

/** How many files the summary lists, and how many findings its detail table shows. */
export const TOP_FILES = 10;
export const MAX_DETAILED_FINDINGS = 100;

export interface SummaryInput {
  findings: readonly Finding[];
  files: number;
  resources: number;
  /** Turns a finding's file into the repository-relative path shown. */
  displayPath(file: string): string;
  /** Repository-relative path of the SARIF file, when one was written. */
  sarifFile: string | undefined;
  /** The git revision that only changes since were judged against. */
  changedSince?: string | undefined;
  /** The baseline used, and its entries whose finding is gone. */
  baseline?: { file: string; outcome: { fixed: readonly unknown[] } } | undefined;
}

/**
 * The job summary as GitHub-flavoured Markdown: totals, findings per rule, the
 * files with the most findings, and the first findings in full. Every piece of
 * text that comes from the manifests or the config goes through
 * {@link escapeMarkdown}: a file name or a message must not become a link, an
 * image, a heading or raw HTML.
 */
export function renderSummary(all: SummaryInput): string {
  const counts = countFindings(all.findings);
  // Suppressed findings, and those outside the changes, are counted but not listed.
  const input = { ...all, findings: all.findings.filter(isActive) };
  const scope = `${plural(input.files, 'file')}, ${plural(input.resources, 'resource')}`;
  const parts = [`## k8s-bp: ${headline(counts)}`, ''];
  if (input.findings.length === 0) {
    parts.push(`No problems in ${scope}.`, '');
  } else {
    parts.push(`${plural(input.findings.length, 'problem')} in ${scope}.`, '');
    parts.push('### Findings by rule', '', ...ruleTable(input.findings), '');
    parts.push('### Files with the most findings', '', ...fileTable(input), '');
    parts.push(...detailTable(input), '');
  }
  parts.push(...notCounted(counts, all));
  if (input.sarifFile !== undefined) parts.push(`SARIF report: ${escapeMarkdown(input.sarifFile)}`, '');
  return parts.join('\n');
}

/** The findings that did not count, and baseline entries that can be pruned. */
function notCounted(counts: Counts, input: SummaryInput): string[] {
  const parts: string[] = [];
  if (counts.suppressed > 0) parts.push(`${counts.suppressed} suppressed`);
  if (counts.outsideChanges > 0) {
    parts.push(
      `${counts.outsideChanges} outside the changes since ${escapeMarkdown(input.changedSince ?? 'the base')}`,
    );
  }
  const lines = parts.length > 0 ? [`Not counted: ${parts.join(', ')}.`, ''] : [];
  const fixed = input.baseline?.outcome.fixed.length ?? 0;
  if (input.baseline !== undefined && fixed > 0) {
    const entries = fixed === 1 ? '1 entry' : `${fixed} entries`;
    lines.push(
      `The baseline ${escapeMarkdown(input.baseline.file)} has ${entries} whose finding is gone; \`k8s-bp lint --prune-baseline\` removes them.`,
      '',
    );
  }
  return lines;
}

function headline(counts: Counts): string {
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning')];
  if (counts.notes > 0) parts.push(plural(counts.notes, 'note'));
  return parts.join(', ');
}

const COUNT_COLUMNS = '| Errors | Warnings | Notes |';
const COUNT_ALIGN = '| ---: | ---: | ---: |';

function ruleTable(findings: readonly Finding[]): string[] {
  const rows = groupCounts(findings, (finding) => finding.ruleId);
  return [
    `| Rule ${COUNT_COLUMNS}`,
    `| --- ${COUNT_ALIGN}`,
    ...rows.map(([rule, counts]) => countRow(escapeMarkdown(rule), counts)),
  ];
}

function fileTable(input: SummaryInput): string[] {
  const rows = groupCounts(input.findings, (finding) => input.displayPath(finding.file));
  const shown = rows.slice(0, TOP_FILES);
  const lines = [
    `| File ${COUNT_COLUMNS}`,
    `| --- ${COUNT_ALIGN}`,
    ...shown.map(([file, counts]) => countRow(escapeMarkdown(file), counts)),
  ];
  if (rows.length > shown.length) lines.push('', `…and ${plural(rows.length - shown.length, 'more file')}.`);
  return lines;
}

function detailTable(input: SummaryInput): string[] {
  const shown = input.findings.slice(0, MAX_DETAILED_FINDINGS);
  const title =
    shown.length < input.findings.length ? `The first ${shown.length} findings` : plural(shown.length, 'finding');
  const rows = shown.map((finding) => {
    const place = escapeMarkdown(`${input.displayPath(finding.file)}:${finding.line}:${finding.column}`);
    return `| ${place} | ${finding.severity} | ${escapeMarkdown(finding.message)} | ${escapeMarkdown(finding.ruleId)} |`;
  });
  // A blank line after <summary> lets GitHub render the Markdown table inside the HTML block.
  return [
    '<details>',
    `<summary>${title}</summary>`,
    '',
    '| Location | Severity | Message | Rule |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    '</details>',
  ];
}

/** Counts per key, most errors first, then most warnings, most findings, and by name. */
function groupCounts(findings: readonly Finding[], keyOf: (finding: Finding) => string): [string, Counts][] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = keyOf(finding);
    groups.set(key, [...(groups.get(key) ?? []), finding]);
  }
  return [...groups]
    .map(([key, group]): [string, Counts] => [key, countFindings(group)])
    .sort(
      ([keyA, a], [keyB, b]) =>
        b.errors - a.errors || b.warnings - a.warnings || b.notes - a.notes || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0),
    );
}

function countRow(label: string, counts: Counts): string {
  return `| ${label} | ${counts.errors} | ${counts.warnings} | ${counts.notes} |`;
}

// The characters that can start or end Markdown syntax: emphasis, code, links and images,
// headings, lists, tables (`|`, which GFM honours escaped even in a cell), HTML, entities,
// autolinks (`:` and `@` and `.`), and math (`$`). CommonMark lets a backslash escape each.
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>&~:@$]/g;
// Line breaks and other control characters would end the table row or the paragraph.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** Text from a manifest or config, made inert for a Markdown table cell or paragraph. */
export function escapeMarkdown(text: string): string {
  return text.replace(CONTROL, ' ').replace(MARKDOWN_SPECIAL, (char) => `\\${char}`);
}
