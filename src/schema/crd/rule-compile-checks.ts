/**
 * A CRD's `x-kubernetes-validations` rules must compile, and so must their
 * message expressions; a rule must give a bool and a message expression a
 * string. A transition rule (one that names `oldSelf`) cannot sit where old
 * and new values cannot be matched up: below a list that is not a list-map,
 * or below an atomic map. `optionalOldSelf` only means something on a
 * transition rule.
 */
import { formatPath } from '../../engine/paths.js';
import type { SchemaProblem } from '../types.js';
import { compileNodeRules } from './crd-rules.js';
import { refused } from './crd-problems.js';
import type { RuleNode } from './schema-keyword-checks.js';

/** Compiles the rules of the nodes that have no other problem, as the API server does. */
export function checkRuleCompilation(nodes: readonly RuleNode[]): SchemaProblem[] {
  return nodes.filter((node) => !node.troubled).flatMap(checkNode);
}

function checkNode({ node, path, uncorrelatable, resourceRoot }: RuleNode): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const rule of compileNodeRules(node, resourceRoot)) {
    const at = [...path, 'x-kubernetes-validations', rule.index];
    const shown = JSON.stringify(rule.rule.trim());
    if (rule.error !== undefined)
      problems.push(refused([...at, 'rule'], `rule ${shown} does not compile: ${rule.error}`));
    if (rule.error === undefined && rule.messageError !== undefined) {
      problems.push(
        refused(
          [...at, 'messageExpression'],
          `the messageExpression of rule ${shown} does not compile: ${rule.messageError}`,
        ),
      );
    }
    if (rule.program === undefined) continue;
    if (rule.usesOldSelf && uncorrelatable !== undefined) {
      const why = `rule ${shown} uses oldSelf, which has no meaning below ${formatPath(uncorrelatable)}: old and new values can be matched only through list-maps and maps that are not atomic`;
      problems.push(refused([...at, 'rule'], why));
    }
    if (!rule.usesOldSelf && rule.optionalOldSelf !== undefined) {
      problems.push(refused([...at, 'optionalOldSelf'], `must not be set: rule ${shown} does not use oldSelf`));
    }
  }
  return problems;
}
