import type { ObjectPath } from '../../model/types.js';
import type { SchemaProblem } from '../types.js';
/** The `reason` values a rule may give, each the type of error the API server reports when the rule fails. */
export declare const RULE_REASONS: string[];
/** Checks every entry of the node's `x-kubernetes-validations`. */
export declare function checkRuleEntries(node: Record<string, unknown>, path: ObjectPath): SchemaProblem[];
