import type { AdoptResult } from '../adopt/index.js';
import type { LoadedConfig } from '../config/load.js';
import { sortFindings } from '../engine/evaluate.js';
import type { LintResult } from '../lint.js';
import { FINDING_DOCS } from '../model/finding-ids.js';
import { compareStrings } from '../model/string-order.js';
import type { ReportRule, Rule } from '../model/types.js';
import type { Inputs } from './load-inputs.js';
import type { Policies } from './load-policies.js';
import { uniqueFindings } from './render-inputs.js';

/** Stage 7: the run's result, as the front ends render it. */
export function reportData(
  adopted: AdoptResult,
  run: { config: LoadedConfig | undefined; policies: Policies; inputs: Inputs; notes: readonly string[] },
): LintResult {
  const { config, policies, inputs } = run;
  return {
    // Only overlays that share a base can find one thing twice; a run without them skips the pass over every finding.
    findings: sortFindings(
      inputs.kustomizations.length > 1 ? uniqueFindings(adopted.findings) : adopted.findings,
      inputs.files,
    ),
    rules: reportRules(policies.constraints.map((constraint) => constraint.rule)),
    files: inputs.files.length,
    resources: inputs.resources.length,
    notes: [...policies.notes, ...inputs.notes, ...run.notes],
    configFile: config?.file,
    ...(adopted.baseline !== undefined && { baseline: adopted.baseline }),
    ...(adopted.changedSince !== undefined && { changedSince: adopted.changedSince }),
  };
}

/** Every rule that ran, and the ids of findings that no rule makes, for reports that list them. */
function reportRules(rules: readonly Rule[]): ReportRule[] {
  const unique = [...new Map(rules.map((rule) => [rule.meta.id, rule.meta])).values()];
  // A finding id may also be the id of rules built at run time (Gatekeeper CEL templates): list it once.
  const ids = new Set(unique.map((meta) => meta.id));
  const docs = FINDING_DOCS.filter((doc) => !ids.has(doc.id));
  return [...unique.map((meta) => ({ ...meta, tags: ['kubernetes'] })), ...docs].sort((a, b) =>
    compareStrings(a.id, b.id),
  );
}
