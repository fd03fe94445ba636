import type { LoadRuleId } from '../model/finding-ids.js';
import type { Finding } from '../model/types.js';

/** A finding about the file itself rather than about a resource in it. */
export function fileProblem(
  ruleId: LoadRuleId,
  severity: 'error' | 'warning',
  message: string,
  where: { file: string; documentIndex: number; line: number; column: number; endLine?: number; endColumn?: number },
): Finding {
  return {
    ruleId,
    constraintName: ruleId,
    severity,
    message,
    file: where.file,
    line: where.line,
    column: where.column,
    endLine: where.endLine ?? where.line,
    endColumn: where.endColumn ?? where.column,
    path: '',
    documentIndex: where.documentIndex,
  };
}
