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
import { Environment, Optional, type ASTNode } from '@marcbachmann/cel-js';
import { asMap, celEquals } from './library/compare.js';
import { rewriteHasOnExpressions } from './has-rewrite.js';
import { comprehensionsLibrary, TWO_VARIABLE_MACROS } from './library/comprehensions.js';
import { ipLibrary } from './library/ip.js';
import { listsLibrary } from './library/lists.js';
import { namedFormatLibrary } from './library/named-format.js';
import { quantityLibrary } from './library/cel-quantity.js';
import { regexLibrary } from './library/regex.js';
import { semverLibrary } from './library/semver.js';
import { stringsLibrary } from './library/strings.js';
import { urlLibrary } from './library/url.js';
import { checkLiterals } from './literal-checks.js';
import type { Library } from './cel-types.js';

export const MAX_EXPRESSION_LENGTH = 10_000;
export const MAX_COMPREHENSION_DEPTH = 3;
const LIMITS = { maxAstNodes: 2_000, maxDepth: 64, maxListElements: 1_000, maxMapEntries: 1_000, maxCallArguments: 32 };

/** The variables an admission policy's expressions can read. */
export const VARIABLES = [
  'object',
  'oldObject',
  'request',
  'params',
  'namespaceObject',
  'variables',
  'authorizer',
] as const;
export type VariableName = (typeof VARIABLES)[number];
export type Activation = Partial<Record<VariableName, unknown>>;

interface OptionalValue {
  hasValue(): boolean;
  value(): unknown;
}

/** Go's zero time (0001-01-01T00:00:00Z), the zero value of a CEL timestamp. */
const ZERO_TIME = Date.parse('0001-01-01T00:00:00Z');

/** Whether a value is the zero value of its type, as cel-go's `optional.ofNonZeroValue` decides. */
function isZeroValue(value: unknown): boolean {
  if (value === null || value === false || value === '' || value === 0n || value === 0) return true;
  if (Array.isArray(value) || value instanceof Uint8Array) return value.length === 0;
  if (value instanceof Date) return value.getTime() === ZERO_TIME;
  if (typeof value !== 'object') return false;
  const zero = (value as { valueOf(): unknown }).valueOf();
  if (zero !== value) return zero === 0n || zero === 0;
  const durationParts = value as { seconds?: unknown; nanos?: unknown };
  if (typeof durationParts.seconds === 'bigint' && typeof durationParts.nanos === 'number') {
    return durationParts.seconds === 0n && durationParts.nanos === 0;
  }
  return asMap(value)?.size === 0;
}

/** `optional.ofNonZeroValue`, and equality of optionals, which cel-go has: both empty, or both holding equal values. */
const optionalLibrary: Library = {
  name: 'optional',
  functions: [
    [
      'OptionalNamespace.ofNonZeroValue(A): optional<A>',
      (_: unknown, value: unknown) => (isZeroValue(value) ? Optional.none() : Optional.of(value)),
    ],
  ],
  operators: [
    [
      'optional<dyn> == optional<dyn>',
      (a: OptionalValue, b: OptionalValue) =>
        a.hasValue() === b.hasValue() && (!a.hasValue() || celEquals(a.value(), b.value())),
    ],
  ],
};

const LIBRARIES: readonly Library[] = [
  optionalLibrary,
  quantityLibrary,
  regexLibrary,
  listsLibrary,
  stringsLibrary,
  urlLibrary,
  ipLibrary,
  namedFormatLibrary,
  semverLibrary,
  comprehensionsLibrary,
];

/** Methods of the evaluator's standard library that Kubernetes defines differently: routed to `<name>_k8s`. */
const ROUTED = new Set(['matches', 'indexOf', 'lastIndexOf', 'lowerAscii', 'upperAscii', 'split', 'substring', 'trim']);
const ROUTED_SUFFIX = '_k8s';
const COMPREHENSIONS = new Set(['all', 'exists', 'exists_one', 'map', 'filter', ...TWO_VARIABLE_MACROS]);

/** An expression that cannot be compiled: a syntax error, an unknown variable, or a limit. */
export class CelCompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CelCompileError';
  }
}

/** An expression that failed while it was evaluated. */
export class CelEvaluationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CelEvaluationError';
  }
}

/** The variables of a CustomResourceDefinition's `x-kubernetes-validations` rules. */
export const CRD_RULE_VARIABLES = ['self', 'oldSelf'] as const;

/** One environment per set of variables (admission policies', CRD rules'), built on first use. */
const environments = new Map<string, Environment>();

function kubernetesEnvironment(variables: readonly string[]): Environment {
  const key = variables.join(',');
  const known = environments.get(key);
  if (known) return known;
  const env = new Environment({
    enableOptionalTypes: true,
    homogeneousAggregateLiterals: false,
    limits: LIMITS,
  });
  for (const name of variables) env.registerVariable(name, 'dyn');
  for (const library of LIBRARIES) {
    for (const type of library.types ?? []) env.registerType(type.name, type.ctor);
    for (const constant of library.constants ?? []) env.registerConstant(constant.name, constant.type, constant.value);
    for (const [signature, handler] of library.functions) env.registerFunction(signature, handler);
    for (const [signature, handler] of library.operators ?? []) env.registerOperator(signature, handler);
  }
  environments.set(key, env);
  return env;
}

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
export function compileExpression(source: string, variables: readonly string[] = VARIABLES): CompiledExpression {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new CelCompileError(
      `the expression is ${source.length} characters long; the limit is ${MAX_EXPRESSION_LENGTH}`,
    );
  }
  if (source.trim() === '') throw new CelCompileError('the expression is empty');
  const env = kubernetesEnvironment(variables);
  const first = parse(env, source);
  const widened = rewriteHasOnExpressions(first.ast, source);
  const base = widened === source ? first : parse(env, widened);
  const identifiers = new Set<string>();
  const routed = routeMethods(base.ast, widened, identifiers, variables.includes('authorizer'));
  const program = routed === widened ? base : parse(env, routed);
  const checked = program.check();
  if (!checked.valid && checked.error) throw new CelCompileError(describe(checked.error));
  return {
    source,
    type: checked.type ?? 'dyn',
    identifiers,
    ast: program.ast,
    evaluate(activation: Readonly<Record<string, unknown>>): unknown {
      try {
        return program(activation);
      } catch (error) {
        throw new CelEvaluationError(describe(error));
      }
    },
  };
}

function parse(env: Environment, source: string): ReturnType<Environment['parse']> {
  try {
    return env.parse(source);
  } catch (error) {
    throw new CelCompileError(describe(error));
  }
}

/** The first line of an error (the evaluator adds a source excerpt below it), with routed names restored. */
export function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const [line = message] = message.split('\n');
  return line.replaceAll(ROUTED_SUFFIX, '');
}

/**
 * Checks what the evaluator's own limits do not cover (the `authorizer`,
 * comprehension nesting, the literal checks of `literal-checks.ts`) and rewrites calls of {@link ROUTED} methods to
 * their Kubernetes implementations. Returns the source to compile; adds the identifiers it meets to `identifiers`.
 */
function routeMethods(root: ASTNode, source: string, identifiers: Set<string>, hasAuthorizer: boolean): string {
  const edits: number[] = [];
  // Literals inside a format() call may mix types, as cel-go exempts that function.
  const visit = (node: ASTNode, depth: number, exempt: boolean): void => {
    if (node.op === 'id' && typeof node.args === 'string') identifiers.add(node.args);
    if (hasAuthorizer && node.op === 'id' && node.args === 'authorizer') {
      throw new CelCompileError(
        'authorizer is not available offline: k8s-bp has no cluster to ask whether a user may act (authorizer checks are evaluated only by the API server)',
      );
    }
    const refused = checkLiterals(node, exempt);
    if (refused !== undefined) throw new CelCompileError(refused);
    let inner = depth;
    if (node.op === 'rcall') {
      const [name, receiver] = node.args;
      if (COMPREHENSIONS.has(name) && node.args[2].length >= 2) {
        inner = depth + 1;
        if (inner > MAX_COMPREHENSION_DEPTH) {
          throw new CelCompileError(`comprehensions are nested more than ${MAX_COMPREHENSION_DEPTH} deep`);
        }
      }
      if (ROUTED.has(name)) {
        const after = source.slice(receiver.range.end);
        const match = new RegExp(`^[\\s)]*\\.\\s*${name}\\b`).exec(after);
        if (match) edits.push(receiver.range.end + match[0].length);
      }
    }
    const inFormat = exempt || (node.op === 'rcall' && node.args[0] === 'format');
    for (const child of children(node)) visit(child, inner, inFormat);
  };
  visit(root, 0, false);
  let out = source;
  for (const end of edits.sort((a, b) => b - a)) out = `${out.slice(0, end)}${ROUTED_SUFFIX}${out.slice(end)}`;
  return out;
}

function children(node: ASTNode): ASTNode[] {
  const found: ASTNode[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (typeof value === 'object' && value !== null && 'op' in value && 'args' in value)
      found.push(value as ASTNode);
  };
  collect(node.op === 'value' ? [] : node.args);
  return found;
}
