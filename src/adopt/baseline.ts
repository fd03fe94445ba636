/**
 * Baselines: the findings a repository had when it adopted k8s-bp, recorded
 * by fingerprint so that only new findings fail the run. The file is JSON,
 * sorted so that it diffs well; file names in it are relative to its own
 * directory, so it works from any working directory.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isRecord } from '../model/records.js';
import { STDIN_NAME } from '../model/stdin.js';
import type { Finding } from '../model/types.js';
import { UsageError } from '../model/errors.js';
import { fingerprintOf, legacyFingerprintOf, objectKey } from './fingerprint.js';
import { ADOPT_RULES } from '../model/finding-ids.js';
import { relativePosix } from '../util/posix-path.js';

/**
 * The version of the baseline file's shape. Version 1 knew objects by their
 * apiVersion and hashed whole values; its files are still read and matched,
 * and --write-baseline rewrites one as version 2.
 */
export const BASELINE_VERSION = 2;
const READABLE_VERSIONS = new Set([1, 2]);

export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  /** The file, relative to the baseline file's directory, with forward slashes. */
  file: string;
  /** `apiVersion/kind/namespace/name` of the object, or empty for a finding about the file. */
  object: string;
  path: string;
  message: string;
}

/** A baseline's entries; the file also records its version and the version of k8s-bp that wrote it. */
export interface Baseline {
  /** The version its fingerprints were made with. */
  version: number;
  entries: BaselineEntry[];
}

/** Where the baseline is and what the findings' file names are relative to. */
export interface BaselineContext {
  /** The baseline file, absolute. */
  file: string;
  /** The baseline file as the user named it, for messages. */
  shown: string;
  cwd: string;
}

/** What was judged against a baseline, for reports and for pruning. */
export interface BaselineOutcome {
  file: string;
  /** Findings the baseline holds. */
  unchanged: number;
  /** Findings it does not: these fail the run. */
  new: number;
  /** Entries whose finding is gone: pruning removes them. */
  fixed: BaselineEntry[];
  /** Entries that this run could not judge (their file was not linted, or their rule did not run); pruning keeps them. */
  unchecked: number;
}

/** What decides whether a missing finding is fixed or was just not looked for. */
export interface BaselineScope {
  /** Absolute paths of the files linted (and `<stdin>` when standard input was). */
  linted: ReadonlySet<string>;
  /** Rule ids that ran, and the ids of findings that are not rules. */
  ranIds: ReadonlySet<string>;
}

/** Findings about suppressions are never baselined: they are fixed in a moment, and should be. */
const NEVER_BASELINED = new Set<string>([ADOPT_RULES.unusedSuppression, ADOPT_RULES.suppressionWithoutReason]);

/** True when a finding may be recorded in, or matched against, a baseline. */
function baselinable(finding: Finding): boolean {
  return finding.suppression === undefined && !NEVER_BASELINED.has(finding.ruleId);
}

/** The baseline of these findings: every one that is not suppressed otherwise. */
export function createBaseline(findings: readonly Finding[], context: BaselineContext): Baseline {
  const entries = sortEntries(findings.filter(baselinable).map((finding) => entryOf(finding, context)));
  return { version: BASELINE_VERSION, entries };
}

/** The baseline as file text: 2-space JSON, entries in a fixed order, a trailing newline. */
export function formatBaseline(baseline: Baseline, toolVersion: string): string {
  const ordered = {
    version: baseline.version,
    tool: { name: 'k8s-bp', version: toolVersion },
    entries: sortEntries(baseline.entries).map((entry) => ({
      fingerprint: entry.fingerprint,
      ruleId: entry.ruleId,
      file: entry.file,
      object: entry.object,
      path: entry.path,
      message: entry.message,
    })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Reads and checks a baseline file; any problem is a usage error (exit status 2). */
export async function readBaseline(context: BaselineContext): Promise<Baseline> {
  const text = await readFile(context.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`baseline file ${context.shown} ${unreadable(error, context.shown)}`, 'BASELINE_UNREADABLE');
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid(context, `not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isRecord(value)) throw invalid(context, 'not a JSON object');
  if (typeof value.version !== 'number' || !READABLE_VERSIONS.has(value.version)) {
    throw invalid(
      context,
      `version ${JSON.stringify(value.version)} is not one of ${[...READABLE_VERSIONS].join(', ')}`,
    );
  }
  if (!Array.isArray(value.entries)) throw invalid(context, 'it has no "entries" list');
  const entries = value.entries.map((entry: unknown, index: number) => checkEntry(entry, index, context));
  return { version: value.version, entries };
}

/**
 * Marks each finding as `unchanged` (the baseline holds it: suppressed) or
 * `new`, and finds the entries whose finding is gone. Identical findings are
 * matched one entry each, so a second copy of a baselined problem is new.
 */
export function applyBaseline(
  findings: readonly Finding[],
  baseline: Baseline,
  context: BaselineContext,
  scope: BaselineScope,
): { findings: Finding[]; outcome: BaselineOutcome } {
  const available = new Map<string, BaselineEntry[]>();
  for (const entry of baseline.entries) {
    const same = available.get(entry.fingerprint);
    if (same) same.push(entry);
    else available.set(entry.fingerprint, [entry]);
  }
  let unchanged = 0;
  let fresh = 0;
  const marked = findings.map((finding): Finding => {
    const file = fileKey(finding.file, context);
    const fingerprint = fingerprintOf(finding, file);
    const recorded = baseline.version === 1 ? legacyFingerprintOf(finding, file) : fingerprint;
    const entries = baselinable(finding) ? available.get(recorded) : undefined;
    if (entries === undefined || entries.length === 0) {
      if (finding.suppression === undefined) fresh++;
      return { ...finding, fingerprint, baselineState: 'new' };
    }
    entries.pop();
    unchanged++;
    return {
      ...finding,
      fingerprint,
      baselineState: 'unchanged',
      suppression: { kind: 'external', source: 'baseline', justification: `recorded in the baseline ${context.shown}` },
    };
  });
  const left = [...available.values()].flat();
  const judged = (entry: BaselineEntry) => scope.ranIds.has(entry.ruleId) && wasLinted(entry.file, context, scope);
  const fixed = sortEntries(left.filter(judged));
  return {
    findings: marked,
    outcome: { file: context.shown, unchanged, new: fresh, fixed, unchecked: left.length - fixed.length },
  };
}

/** The baseline without the entries whose finding is gone. */
export function pruneBaseline(baseline: Baseline, outcome: BaselineOutcome): Baseline {
  const drop = new Map<string, number>();
  for (const entry of outcome.fixed) drop.set(entry.fingerprint, (drop.get(entry.fingerprint) ?? 0) + 1);
  const entries = baseline.entries.filter((entry) => {
    const count = drop.get(entry.fingerprint) ?? 0;
    if (count === 0) return true;
    drop.set(entry.fingerprint, count - 1);
    return false;
  });
  return { version: baseline.version, entries };
}

function entryOf(finding: Finding, context: BaselineContext): BaselineEntry {
  const file = fileKey(finding.file, context);
  return {
    fingerprint: finding.fingerprint ?? fingerprintOf(finding, file),
    ruleId: finding.ruleId,
    file,
    object: objectKey(finding),
    path: finding.path,
    message: finding.message,
  };
}

/** A finding's file relative to the baseline's directory, with forward slashes. */
function fileKey(file: string, context: BaselineContext): string {
  if (file === STDIN_NAME) return STDIN_NAME;
  return relativePosix(path.dirname(context.file), context.cwd, file);
}

/**
 * An entry can only be judged fixed when this run linted its file; a file
 * that no longer exists counts as linted, so its entries are pruned.
 */
function wasLinted(file: string, context: BaselineContext, scope: BaselineScope): boolean {
  if (file === STDIN_NAME) return scope.linted.has(STDIN_NAME);
  const absolute = path.resolve(path.dirname(context.file), file);
  return scope.linted.has(absolute) || !existsSync(absolute);
}

function sortEntries(entries: readonly BaselineEntry[]): BaselineEntry[] {
  const key = (entry: BaselineEntry) => [
    entry.file,
    entry.object,
    entry.ruleId,
    entry.path,
    entry.fingerprint,
    entry.message,
  ];
  return [...entries].sort((a, b) => {
    const left = key(a);
    const right = key(b);
    for (const [index, part] of left.entries()) {
      const other = right[index] ?? '';
      if (part !== other) return part < other ? -1 : 1;
    }
    return 0;
  });
}

function checkEntry(entry: unknown, index: number, context: BaselineContext): BaselineEntry {
  const fields = ['fingerprint', 'ruleId', 'file', 'object', 'path', 'message'] as const;
  if (!isRecord(entry)) throw invalid(context, `entries[${index}] is not an object`);
  for (const field of fields) {
    if (typeof entry[field] !== 'string') throw invalid(context, `entries[${index}].${field} is not a string`);
  }
  return Object.fromEntries(fields.map((field) => [field, entry[field]])) as unknown as BaselineEntry;
}

function unreadable(error: NodeJS.ErrnoException, shown: string): string {
  if (error.code === 'ENOENT') return `not found; create it with --write-baseline ${shown}`;
  if (error.code === 'EISDIR') return 'is a directory; name the baseline file itself, such as .k8s-bp-baseline.json';
  return `cannot be read (${error.code ?? error.message})`;
}

function invalid(context: BaselineContext, why: string): UsageError {
  return new UsageError(
    `baseline file ${context.shown} is not valid: ${why}; write it again with --write-baseline`,
    'BASELINE_INVALID',
  );
}
