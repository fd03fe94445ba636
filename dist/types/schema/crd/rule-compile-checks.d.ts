import type { SchemaProblem } from '../types.js';
import type { RuleNode } from './schema-keyword-checks.js';
/** Compiles the rules of the nodes that have no other problem, as the API server does. */
export declare function checkRuleCompilation(nodes: readonly RuleNode[]): SchemaProblem[];
