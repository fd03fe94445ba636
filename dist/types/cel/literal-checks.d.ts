/**
 * Checks the API server makes when it compiles an expression, on the parts
 * that are literals: regular expressions must be valid RE2 (cel-go's
 * `ValidateRegexLiterals`), list and map literals may not mix constants of
 * different types (`ValidateHomogeneousAggregateLiterals`: `[1, 'a']`,
 * `[1, 2.5]`; not inside `format()`, which cel-go exempts), and a literal `format` template must read exactly the
 * arguments of a literal list. Each returns why the expression is refused.
 *
 * Offline every variable is `dyn`, so only constants can be compared; where
 * Kubernetes knows the schema it refuses more.
 */
import type { ASTNode } from '@marcbachmann/cel-js';
/** Why a node is refused, or undefined; `exempt` for literals inside a `format()` call, which may mix types. */
export declare function checkLiterals(node: ASTNode, exempt?: boolean): string | undefined;
