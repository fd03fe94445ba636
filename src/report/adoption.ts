import type { LintResult } from '../lint.js';
import type { BaselineSummary } from './json.js';

/** What the reports say about the baseline and `--changed-since`. */
export function reportExtras(
  result: LintResult,
  pruned: boolean,
): { baseline?: BaselineSummary; changedSince?: string } {
  const run = result.baseline;
  return {
    ...(run !== undefined && {
      baseline: {
        file: run.file,
        unchanged: run.outcome.unchanged,
        new: run.outcome.new,
        fixed: run.outcome.fixed.length,
        unchecked: run.outcome.unchecked,
        ...(pruned && { pruned: true }),
      },
    }),
    ...(result.changedSince !== undefined && { changedSince: result.changedSince }),
  };
}
