/**
 * The `k8s-bp lint` options for adopting k8s-bp in an existing repository:
 * suppressions, baselines and `--changed-since`; and the baseline file
 * writes they call for once the lint has run.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AdoptOptions } from '../adopt/index.js';
import { UsageError } from '../model/errors.js';
import type { LintResult } from '../lint.js';
import { plural } from '../report/summary.js';

export const ADOPT_LINT_OPTIONS = {
  'require-ignore-reason': { type: 'boolean', default: false },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'prune-baseline': { type: 'boolean', default: false },
  'changed-since': { type: 'string' },
  'show-suppressed': { type: 'boolean', default: false },
} as const;

export interface AdoptValues {
  'require-ignore-reason': boolean;
  baseline?: string | undefined;
  'write-baseline'?: string | undefined;
  'prune-baseline': boolean;
  'changed-since'?: string | undefined;
}

/** The options for the pipeline, after checking that they go together. */
export function adoptOptions(values: AdoptValues): AdoptOptions {
  const write = values['write-baseline'];
  if (write !== undefined && values.baseline !== undefined) {
    throw new UsageError('use either --baseline or --write-baseline, not both', 'BAD_ARGUMENTS');
  }
  if (write !== undefined && values['changed-since'] !== undefined) {
    throw new UsageError('--write-baseline records every finding; leave out --changed-since', 'BAD_ARGUMENTS');
  }
  if (values['prune-baseline'] && values.baseline === undefined) {
    throw new UsageError('--prune-baseline needs the baseline to prune: --baseline FILE', 'BAD_ARGUMENTS');
  }
  for (const [flag, value] of [
    ['--baseline', values.baseline],
    ['--write-baseline', write],
    ['--changed-since', values['changed-since']],
  ] as const) {
    if (value === '') throw new UsageError(`${flag} needs a value`, 'BAD_ARGUMENTS');
  }
  return {
    requireIgnoreReason: values['require-ignore-reason'],
    ...(values.baseline !== undefined && { baseline: values.baseline }),
    ...(write !== undefined && { writeBaseline: write }),
    ...(values['changed-since'] !== undefined && { changedSince: values['changed-since'] }),
  };
}

/**
 * Writes the baseline that `--write-baseline` recorded, or the one that
 * `--prune-baseline` shrank, and says so on `log`. Returns whether entries were pruned.
 */
export async function saveBaseline(
  result: LintResult,
  values: AdoptValues,
  toolVersion: string,
  log: (line: string) => void,
): Promise<boolean> {
  const run = result.baseline;
  if (run === undefined) return false;
  const { formatBaseline, pruneBaseline } = await import('../adopt/baseline.js');
  if (values['write-baseline'] !== undefined) {
    await writeFile(run.path, formatBaseline(run.baseline, toolVersion)).catch(unwritable(run.file));
    log(`wrote ${plural(run.baseline.entries.length, 'finding')} to the baseline ${run.file}`);
    return false;
  }
  if (values['prune-baseline']) {
    const fixed = run.outcome.fixed.length;
    if (fixed === 0) {
      log(`nothing to prune: every entry of ${run.file} still matches a finding, or was not checked`);
      return false;
    }
    await writeFile(run.path, formatBaseline(pruneBaseline(run.baseline, run.outcome), toolVersion)).catch(
      unwritable(run.file),
    );
    log(`removed ${fixed === 1 ? '1 fixed entry' : `${fixed} fixed entries`} from the baseline ${run.file}`);
    return true;
  }
  return false;
}

function unwritable(file: string): (error: NodeJS.ErrnoException) => never {
  return (error) => {
    const why =
      error.code === 'ENOENT'
        ? `the directory ${path.dirname(file)} does not exist`
        : error.code === 'EISDIR'
          ? 'it is a directory'
          : (error.code ?? error.message);
    throw new UsageError(`cannot write the baseline ${file}: ${why}`, 'BASELINE_UNWRITABLE');
  };
}
