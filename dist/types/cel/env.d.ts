/**
 * The CEL environment Kubernetes gives admission policies, on
 * `@marcbachmann/cel-js`: the standard library and macros, optional types
 * (`?.`, `[?]`, `optional.of`, `optional.ofNonZeroValue`, `.orValue()`),
 * cel-go's two-variable comprehensions, and the Kubernetes libraries in
 * `library/` (quantity, regex, lists and sets, strings, URL, IP and CIDR,
 * named formats, semver).
 *
 * Where the standard library of the evaluator differs from Kubernetes (RE2
 * regular expressions, string indexes counted in code points, ASCII-only case
 * changes), calls are routed to this project's implementations: the method
 * name is rewritten in the expression before it is compiled, and restored in
 * error messages.
 *
 * Limits (Kubernetes bounds cost by estimating it from schemas it has and
 * we do not): an expression is at most {@link MAX_EXPRESSION_LENGTH}
 * characters, its syntax tree at most {@link LIMITS} nodes and depth, and
 * comprehensions may nest at most {@link MAX_COMPREHENSION_DEPTH} deep.
 * Regular expressions are RE2, linear in their input.
 */
import { type ASTNode } from '@marcbachmann/cel-js';
export declare const MAX_EXPRESSION_LENGTH = 10000;
export declare const MAX_COMPREHENSION_DEPTH = 3;
/** The variables an admission policy's expressions can read. */
export declare const VARIABLES: readonly ["object", "oldObject", "request", "params", "namespaceObject", "variables", "authorizer"];
export type VariableName = (typeof VARIABLES)[number];
export type Activation = Partial<Record<VariableName, unknown>>;
/** An expression that cannot be compiled: a syntax error, an unknown variable, or a limit. */
export declare class CelCompileError extends Error {
    constructor(message: string);
}
/** An expression that failed while it was evaluated. */
export declare class CelEvaluationError extends Error {
    constructor(message: string);
}
/** The variables of a CustomResourceDefinition's `x-kubernetes-validations` rules. */
export declare const CRD_RULE_VARIABLES: readonly ["self", "oldSelf"];
export interface CompiledExpression {
    /** The expression as written. */
    readonly source: string;
    /** The type the checker gives the result: `bool`, `string`, `dyn` (not known before evaluation), and so on. */
    readonly type: string;
    /** Every identifier the expression names: its variables, and the variables of its comprehensions. */
    readonly identifiers: ReadonlySet<string>;
    /** The syntax tree, for callers that check more than the environment can (such as fields against a schema). */
    readonly ast: ASTNode;
    /** Evaluates with the given variables (CEL values, see `toCel`); throws {@link CelEvaluationError}. */
    evaluate(activation: Readonly<Record<string, unknown>>): unknown;
}
/**
 * Compiles an expression once; throws {@link CelCompileError}. `variables`
 * are the names it may read: an admission policy's by default, or
 * {@link CRD_RULE_VARIABLES}.
 */
export declare function compileExpression(source: string, variables?: readonly string[]): CompiledExpression;
/** The first line of an error (the evaluator adds a source excerpt below it), with routed names restored. */
export declare function describe(error: unknown): string;
