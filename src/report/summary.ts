import type { Finding } from '../model/types.js';

/**
 * Findings by what they do to the run. Each finding counts once: a suppressed
 * one under `suppressed`, one outside the changes of `--changed-since` under
 * `outsideChanges`, and every other one under its severity. Only `errors` and
 * `warnings` can fail the run.
 */
export interface Counts {
  errors: number;
  warnings: number;
  notes: number;
  suppressed: number;
  outsideChanges: number;
}

export function countFindings(findings: readonly Finding[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, notes: 0, suppressed: 0, outsideChanges: 0 };
  for (const finding of findings) {
    if (finding.suppression !== undefined) counts.suppressed++;
    else if (finding.outsideChanges === true) counts.outsideChanges++;
    else if (finding.severity === 'error') counts.errors++;
    else if (finding.severity === 'warning') counts.warnings++;
    else counts.notes++;
  }
  return counts;
}

/** True for a finding that counts towards the exit status: neither suppressed nor outside the changes. */
export function isActive(finding: Finding): boolean {
  return finding.suppression === undefined && finding.outsideChanges !== true;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
