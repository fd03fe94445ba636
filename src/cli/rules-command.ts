import { presetsOf } from '../config/presets.js';
import { renderRuleDoc } from '../docs/rule-doc.js';
import { SAME_CONCERN, SAME_CONCERN_NOTE } from '../docs/same-concern.js';
import { shippedRulePage } from '../docs/shipped-pages.js';
import type { Rule } from '../model/types.js';
import { UsageError } from '../model/errors.js';
import { didYouMean } from '../util/suggest.js';
import { parseOptions } from './args.js';
import { RULES_HELP } from './help.js';
import type { Io } from './lint-command.js';

const RULES_OPTIONS = { help: { type: 'boolean', short: 'h', default: false } } as const;

/** `k8s-bp rules [id]`: the list of rules, or one rule's documentation. */
export async function runRules(args: readonly string[], io: Io, catalogue: readonly Rule[]): Promise<number> {
  const { values, positionals } = parseOptions(args, RULES_OPTIONS);
  if (values.help) {
    io.stdout.write(RULES_HELP);
    return 0;
  }
  const [id, extra] = positionals;
  if (extra !== undefined) throw new UsageError('k8s-bp rules takes at most one rule id', 'BAD_ARGUMENTS');
  if (id === undefined) {
    io.stdout.write(formatRuleTable(catalogue));
    return 0;
  }
  const rule = catalogue.find((candidate) => candidate.meta.id === id);
  const ids = catalogue.map((candidate) => candidate.meta.id);
  if (!rule)
    throw new UsageError(`unknown rule "${id}"${didYouMean(id, ids)}; k8s-bp rules lists them`, 'UNKNOWN_RULE');
  // A built-in rule's example is on its shipped page; a rule that carries its own is rendered with it.
  io.stdout.write((rule.meta.example ? undefined : shippedRulePage(id)) ?? renderRuleDoc(rule));
  return 0;
}

function formatRuleTable(rules: readonly Rule[]): string {
  const rows = rules.map((rule) => [
    rule.meta.id,
    rule.meta.defaultSeverity,
    presetsOf(rule.meta.id).join(', ') || '-',
    rule.meta.description,
  ]);
  const header = ['RULE', 'SEVERITY', 'PRESETS', 'DESCRIPTION'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return (
    [line(header), ...rows.map(line)].join('\n') +
    `\n\n${rules.length} rules. k8s-bp rules <rule> shows one rule's documentation.\n` +
    sameConcernList(rules)
  );
}

/** Which k8s-bp rules and Gatekeeper ports guard the same concern, and how they differ. */
function sameConcernList(rules: readonly Rule[]): string {
  const known = new Set(rules.map((rule) => rule.meta.id));
  const pairs = Object.entries(SAME_CONCERN)
    .filter(([own]) => known.has(own))
    .map(([own, ports]) => [own, ports.filter((port) => known.has(port))] as const)
    .filter(([, ports]) => ports.length > 0);
  if (pairs.length === 0) return '';
  const width = Math.max(...pairs.map(([own]) => own.length));
  const lines = pairs.map(([own, ports]) => `  ${own.padEnd(width)}  ${ports.join(', ')}`);
  const heading = 'k8s-bp rules and the Gatekeeper library ports of the same concern:';
  return `\n${heading}\n${lines.join('\n')}\n${SAME_CONCERN_NOTE.join('\n')}\n`;
}
