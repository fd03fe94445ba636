import { FINDING_DOCS } from '../model/finding-ids.js';
import { compareStrings } from '../model/string-order.js';
import type { ReportRule, Rule } from '../model/types.js';

/** Stage 6: every rule that ran, and the ids of findings that no rule makes, for reports that list them. */
export function reportRules(rules: readonly Rule[]): ReportRule[] {
  const unique = [...new Map(rules.map((rule) => [rule.meta.id, rule.meta])).values()];
  // A finding id may also be the id of rules built at run time (Gatekeeper CEL templates): list it once.
  const ids = new Set(unique.map((meta) => meta.id));
  const docs = FINDING_DOCS.filter((doc) => !ids.has(doc.id));
  return [...unique.map((meta) => ({ ...meta, tags: ['kubernetes'] })), ...docs].sort((a, b) =>
    compareStrings(a.id, b.id),
  );
}
