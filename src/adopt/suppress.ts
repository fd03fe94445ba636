/**
 * Applies the three forms of suppression to findings. A suppressed finding
 * stays in the report, marked with why; suppressions that silence nothing,
 * and (when reasons are required) suppressions without a reason, become
 * findings of their own.
 */
import type { Finding, Suppression } from '../model/types.js';
import { didYouMean } from '../util/suggest.js';
import { withinScope, type IgnoreAnnotation } from './annotations.js';
import type { IgnoreComment } from './comments.js';
import { entryMatchesFile, type IgnoreEntry } from './config-ignore.js';
import { ADOPT_RULES, LOAD_RULES } from '../model/finding-ids.js';

export interface SuppressInput {
  comments: readonly IgnoreComment[];
  annotations: readonly IgnoreAnnotation[];
  configEntries: readonly IgnoreEntry[];
  /** The working directory, which findings' file names are relative to. */
  cwd: string;
  /** The directory of the config file: the config's globs are relative to it. */
  configDir: string;
  /** `--require-ignore-reason`: a suppression without a reason is an error. */
  requireReason: boolean;
  /** Rule ids, constraint names and constraint kinds that ran, and the ids of findings that are not rules. */
  ranIds: ReadonlySet<string>;
  /** Every id a suppression could name, for suggestions when one names none of them. */
  knownIds: ReadonlySet<string>;
}

/** Findings after which a file's content was not checked at all. */
const UNPARSED = new Set<string>([LOAD_RULES.parseError, LOAD_RULES.helmTemplate]);

/** One suppression, whatever its form, with the rule names it has silenced so far. */
interface Directive {
  source: Suppression['source'];
  kind: Suppression['kind'];
  rules: readonly string[];
  reason: string | undefined;
  location: { file: string; line: number; column: number };
  documentIndex: number;
  /**
   * The index key that a finding must share to be covered (see {@link keysOf}), or undefined for
   * directives that may cover any finding; `covers` decides in the end.
   */
  key: string | undefined;
  covers(finding: Finding): boolean;
  /** What an unused rule id of this directive is told. */
  unusedMessage(rule: string): string;
  reasonHint: string;
  used: Set<string>;
}

/** The findings, the suppressed ones marked, followed by findings about the suppressions themselves. */
export function applySuppressions(findings: readonly Finding[], input: SuppressInput): Finding[] {
  const inSource = [...input.comments.map(commentDirective), ...input.annotations.map(annotationDirective)];
  const external = input.configEntries.map((entry) => configDirective(entry, input));
  const marked = mark(findings, [...inSource, ...external]);
  // In a file that could not be parsed nothing was checked, so its comments cannot be judged unused.
  const unparsed = new Set(findings.filter((finding) => UNPARSED.has(finding.ruleId)).map((finding) => finding.file));
  const judged = inSource.filter(
    (directive) => directive.source !== 'comment' || !unparsed.has(directive.location.file),
  );
  // Findings about comments and annotations may themselves be silenced by the config, so that, for
  // instance, unused suppressions in a vendored directory can be ignored; then the config's own entries are judged.
  const aboutInSource = mark(problemsOf(judged, input), external);
  return [...marked, ...aboutInSource, ...problemsOf(external, input)];
}

/** Marks each finding with the first directive that covers it, and notes every directive that does. */
function mark(findings: readonly Finding[], directives: readonly Directive[]): Finding[] {
  if (directives.length === 0) return [...findings];
  // Indexed by place, so that many comments and many findings do not meet pairwise.
  const byKey = new Map<string, Directive[]>();
  const anywhere: Directive[] = [];
  for (const directive of directives) {
    if (directive.key === undefined) anywhere.push(directive);
    else {
      const same = byKey.get(directive.key);
      if (same) same.push(directive);
      else byKey.set(directive.key, [directive]);
    }
  }
  return findings.map((finding) => {
    const names = namesOf(finding);
    let suppression: Suppression | undefined;
    // Comments first, then annotations, then the config: the first that covers a finding describes it.
    const candidates = [...keysOf(finding).flatMap((key) => byKey.get(key) ?? []), ...anywhere];
    for (const directive of candidates) {
      const rules = directive.rules.filter((id) => names.includes(id));
      if (rules.length === 0 || !directive.covers(finding)) continue;
      for (const rule of rules) directive.used.add(rule);
      suppression ??= {
        kind: directive.kind,
        source: directive.source,
        ...(directive.reason !== undefined && { justification: directive.reason }),
        location: directive.location,
      };
    }
    return suppression === undefined ? finding : { ...finding, suppression };
  });
}

/** The keys under which a finding's comment (its line) and annotation (its document) directives are indexed. */
function keysOf(finding: Finding): [string, string] {
  return [lineKey(finding.file, finding.line), documentKey(finding.file, finding.documentIndex)];
}

const lineKey = (file: string, line: number) => `${file}\0line ${line}`;
const documentKey = (file: string, documentIndex: number) => `${file}\0document ${documentIndex}`;

/** The names a suppression may use for a finding: its rule id, its constraint's name, and its constraint kind. */
function namesOf(finding: Finding): string[] {
  const names = [finding.ruleId, finding.constraintName];
  if (finding.constraintKind !== undefined) names.push(finding.constraintKind);
  return names;
}

function problemsOf(directives: readonly Directive[], input: SuppressInput): Finding[] {
  const problems: Finding[] = [];
  for (const directive of directives) {
    if (directive.rules.length === 0) {
      problems.push(problem(directive, ADOPT_RULES.unusedSuppression, 'warning', emptyMessage(directive)));
      continue;
    }
    for (const rule of directive.rules) {
      if (directive.used.has(rule)) continue;
      if (!input.knownIds.has(rule)) {
        const message = `unused suppression: no rule or constraint is called "${rule}"${didYouMean(rule, input.knownIds)}`;
        problems.push(problem(directive, ADOPT_RULES.unusedSuppression, 'warning', message));
      } else if (input.ranIds.has(rule)) {
        problems.push(problem(directive, ADOPT_RULES.unusedSuppression, 'warning', directive.unusedMessage(rule)));
      }
      // A rule that did not run in this configuration cannot be judged: its suppression may well be needed elsewhere.
    }
    if (input.requireReason && directive.reason === undefined) {
      const message = `suppression without a reason: ${directive.reasonHint}`;
      problems.push(problem(directive, ADOPT_RULES.suppressionWithoutReason, 'error', message));
    }
  }
  return problems;
}

function emptyMessage(directive: Directive): string {
  if (directive.source === 'comment') {
    return 'unused suppression: this k8s-bp-ignore comment names no rule; list the rule ids it silences, separated by commas';
  }
  return 'unused suppression: the k8s-bp.dev/ignore annotation names no rule; list the rule ids it silences, separated by commas';
}

function problem(directive: Directive, ruleId: string, severity: 'error' | 'warning', message: string): Finding {
  const { file, line, column } = directive.location;
  return {
    ruleId,
    constraintName: ruleId,
    severity,
    message,
    file,
    line,
    column,
    endLine: line,
    endColumn: column,
    path: '',
    documentIndex: directive.documentIndex,
  };
}

function commentDirective(comment: IgnoreComment): Directive {
  return {
    source: 'comment',
    kind: 'inSource',
    rules: comment.rules,
    reason: comment.reason,
    location: { file: comment.file, line: comment.line, column: comment.column },
    documentIndex: comment.documentIndex,
    key: lineKey(comment.file, comment.targetLine),
    covers: (finding) => finding.file === comment.file && finding.line === comment.targetLine,
    unusedMessage: (rule) =>
      `unused suppression: ${rule} reports nothing on line ${comment.targetLine}; remove it from this k8s-bp-ignore comment`,
    reasonHint: 'add one after " -- ", as in # k8s-bp-ignore rule-id -- why',
    used: new Set(),
  };
}

function annotationDirective(annotation: IgnoreAnnotation): Directive {
  const what = /(?:^|\.)(?:template)$/.test(annotation.scope) ? 'pod template' : 'object';
  return {
    source: 'annotation',
    kind: 'inSource',
    rules: annotation.rules,
    reason: annotation.reason,
    location: annotation.location,
    documentIndex: annotation.documentIndex,
    key: documentKey(annotation.file, annotation.documentIndex),
    covers: (finding) =>
      finding.file === annotation.file &&
      finding.documentIndex === annotation.documentIndex &&
      withinScope(finding.path, annotation.scope),
    unusedMessage: (rule) =>
      `unused suppression: ${rule} reports nothing on this ${what}; remove it from the k8s-bp.dev/ignore annotation`,
    reasonHint: 'add a k8s-bp.dev/ignore-reason annotation that says why',
    used: new Set(),
  };
}

function configDirective(entry: IgnoreEntry, input: SuppressInput): Directive {
  const matches = new Map<string, boolean>();
  const matchesFile = (file: string) => {
    let result = matches.get(file);
    if (result === undefined) {
      result = entryMatchesFile(entry, file, input.cwd, input.configDir);
      matches.set(file, result);
    }
    return result;
  };
  return {
    source: 'config',
    kind: 'external',
    rules: entry.rules,
    reason: entry.reason,
    location: entry.location,
    documentIndex: 0,
    key: undefined,
    covers: (finding) => matchesFile(finding.file),
    unusedMessage: (rule) =>
      `unused suppression: ${rule} reports nothing in files matching ${entry.paths.join(', ')}; remove it from this ignore entry`,
    reasonHint: 'add reason: to this ignore entry',
    used: new Set(),
  };
}
