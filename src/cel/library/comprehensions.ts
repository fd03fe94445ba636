/**
 * cel-go's two-variable comprehensions (`ext.TwoVarComprehensions`), which
 * Kubernetes enables from 1.33: over a list the first variable is the index
 * and the second the element; over a map they are the key and the value.
 *
 * - `all(i, v, p)`, `exists(i, v, p)`: a decided result wins over an error
 *   elsewhere, as with the one-variable macros;
 * - `existsOne(i, v, p)` (also spelled `exists_one`): any error is the result;
 * - `transformList(i, v, [filter,] t)`: the list of `t`;
 * - `transformMap(i, v, [filter,] t)`: the same keys (indexes for a list), mapped to `t`;
 * - `transformMapEntry(i, v, [filter,] e)`: the union of the maps `e`; a key given twice is an error.
 *
 * They are macros of the evaluator: the handler receives the unevaluated
 * arguments, declares the two variables for the type checker, and runs the
 * loop itself.
 */
import type { ASTNode } from '@marcbachmann/cel-js';
import { CelError, type Handler, type Library } from '../cel-types.js';
import { asMap, celTypeName } from './compare.js';

/** The parts of the evaluator's types, checker, evaluator and scopes a macro uses. */
interface CelType {
  kind: string;
  keyType?: CelType;
  valueType?: CelType;
}
interface Scope {
  forkWithVariable(name: string, type: CelType): Scope;
  setIterValue(value: unknown, evaluator: Evaluator): Scope;
}
interface Checker {
  check(node: ASTNode, scope: Scope): CelType;
  getType(name: string): CelType;
  formatType(type: CelType): string;
  createError(code: string, message: string, node: ASTNode): Error;
  registry: { getListType(type: CelType): CelType; getMapType(key: CelType, value: CelType): CelType };
}
interface Evaluator {
  run(node: ASTNode, scope: Scope): unknown;
}

interface Expansion {
  receiver: ASTNode;
  names: [string, string];
  filter: ASTNode | undefined;
  body: ASTNode;
  keyType: CelType;
  valueType: CelType;
}

/** What a macro computes from the pairs: the evaluation runs `run` with a function that evaluates a node for a pair. */
type Run = (
  pairs: [unknown, unknown][],
  evaluate: (node: ASTNode, pair: [unknown, unknown]) => unknown,
  m: Expansion,
) => unknown;
type ResultType = (checker: Checker, m: Expansion, bodyType: CelType) => CelType;

interface MacroSpec {
  name: string;
  withFilter: boolean;
  /** The body must be a bool (quantifiers). */
  predicate: boolean;
  result: ResultType;
  run: Run;
}

function identifier(node: ASTNode | undefined, macro: string): string {
  if (node?.op === 'id') return node.args;
  throw new CelError(`${macro}() variable names must be simple identifiers`);
}

/** The (index or key, element or value) pairs of a list or map. */
function pairsOf(collection: unknown): [unknown, unknown][] {
  if (Array.isArray(collection)) return collection.map((item, index) => [BigInt(index), item]);
  const map = asMap(collection);
  if (map) return [...map];
  throw new CelError(
    `expression of type '${celTypeName(collection)}' cannot be range of a comprehension (must be list or map)`,
  );
}

function checkTypes(checker: Checker, m: Expansion, scope: Scope, node: ASTNode): void {
  const range = checker.check(m.receiver, scope);
  if (range.kind === 'list') {
    m.keyType = checker.getType('int');
    m.valueType = range.valueType ?? checker.getType('dyn');
  } else if (range.kind === 'map') {
    m.keyType = range.keyType ?? checker.getType('dyn');
    m.valueType = range.valueType ?? checker.getType('dyn');
  } else if (range.kind !== 'dyn') {
    const shown = checker.formatType(range);
    throw checker.createError(
      'invalid_comprehension_range',
      `expression of type '${shown}' cannot be range of a comprehension (must be list or map)`,
      node,
    );
  }
}

function expectBool(checker: Checker, type: CelType, node: ASTNode, what: string): void {
  const shown = checker.formatType(type);
  if (shown !== 'bool' && shown !== 'dyn') {
    throw checker.createError('invalid_macro_argument', `${what} must return bool, got '${shown}'`, node);
  }
}

function scopeFor(scope: Scope, m: Expansion): Scope {
  return scope.forkWithVariable(m.names[0], m.keyType).forkWithVariable(m.names[1], m.valueType);
}

function createMacro(spec: MacroSpec): Handler {
  const describe = `${spec.name}(${spec.withFilter ? 'i, v, filter, expr' : 'i, v, expr'})`;
  return ({ args, receiver, ast }: { args: ASTNode[]; receiver: ASTNode; ast: ASTNode }) => {
    const first = identifier(args[0], spec.name);
    const second = identifier(args[1], spec.name);
    if (first === second) throw new CelError(`${spec.name}() declares the variable ${first} twice`);
    const m: Expansion = {
      receiver,
      names: [first, second],
      filter: spec.withFilter ? args[2] : undefined,
      body: args[args.length - 1] as ASTNode,
      keyType: { kind: 'dyn' },
      valueType: { kind: 'dyn' },
    };
    return {
      async: false,
      typeCheck(checker: Checker, _macro: unknown, scope: Scope): CelType {
        m.keyType = checker.getType('dyn');
        m.valueType = checker.getType('dyn');
        checkTypes(checker, m, scope, ast);
        const inner = scopeFor(scope, m);
        if (m.filter) expectBool(checker, checker.check(m.filter, inner), m.filter, `${describe} filter`);
        const bodyType = checker.check(m.body, inner);
        if (spec.predicate) expectBool(checker, bodyType, m.body, `${describe} predicate`);
        return spec.result(checker, m, bodyType);
      },
      evaluate(evaluator: Evaluator, _macro: unknown, scope: Scope): unknown {
        const pairs = pairsOf(evaluator.run(m.receiver, scope));
        // Two overlays, the key's outside the value's, each holding one variable.
        const outer = scope.forkWithVariable(m.names[0], m.keyType);
        const inner = outer.forkWithVariable(m.names[1], m.valueType);
        const evaluate = (node: ASTNode, [key, value]: [unknown, unknown]): unknown => {
          outer.setIterValue(key, evaluator);
          return evaluator.run(node, inner.setIterValue(value, evaluator));
        };
        return spec.run(pairs, evaluate, m);
      },
    };
  };
}

function asBool(value: unknown, name: string): boolean | Error {
  if (value instanceof Error) return value;
  if (typeof value === 'boolean') return value;
  return new CelError(`${name}() predicate returned ${celTypeName(value)}, not bool`);
}

/** `all` and `exists`: stop at the deciding value; otherwise an error met on the way is the result. */
function quantifier(name: string, deciding: boolean): Run {
  return (pairs, evaluate, m) => {
    let failure: Error | undefined;
    for (const pair of pairs) {
      let outcome: boolean | Error;
      try {
        outcome = asBool(evaluate(m.body, pair), name);
      } catch (error) {
        outcome = error instanceof Error ? error : new CelError(String(error));
      }
      if (outcome === deciding) return deciding;
      if (outcome instanceof Error) failure ??= outcome;
    }
    if (failure) throw failure;
    return !deciding;
  };
}

const existsOne: Run = (pairs, evaluate, m) => {
  let count = 0;
  for (const pair of pairs) {
    const outcome = asBool(evaluate(m.body, pair), 'existsOne');
    if (outcome instanceof Error) throw outcome;
    if (outcome) count++;
  }
  return count === 1;
};

function kept(
  pairs: [unknown, unknown][],
  evaluate: (node: ASTNode, pair: [unknown, unknown]) => unknown,
  m: Expansion,
) {
  if (!m.filter) return pairs;
  const filter = m.filter;
  return pairs.filter((pair) => {
    const outcome = asBool(evaluate(filter, pair), 'filter');
    if (outcome instanceof Error) throw outcome;
    return outcome;
  });
}

const transformList: Run = (pairs, evaluate, m) => kept(pairs, evaluate, m).map((pair) => evaluate(m.body, pair));

const transformMap: Run = (pairs, evaluate, m) =>
  new Map(kept(pairs, evaluate, m).map((pair) => [pair[0], evaluate(m.body, pair)]));

const transformMapEntry: Run = (pairs, evaluate, m) => {
  const out = new Map<unknown, unknown>();
  for (const pair of kept(pairs, evaluate, m)) {
    const entry = asMap(evaluate(m.body, pair));
    if (!entry) throw new CelError('transformMapEntry() expression must return a map');
    for (const [key, value] of entry) {
      if (out.has(key)) throw new CelError(`insert failed: key ${String(key)} already exists`);
      out.set(key, value);
    }
  }
  return out;
};

const boolResult: ResultType = (checker) => checker.getType('bool');
const listResult: ResultType = (checker, _m, body) => checker.registry.getListType(body);
const mapResult: ResultType = (checker, m, body) => checker.registry.getMapType(m.keyType, body);
const entryResult: ResultType = (checker, _m, body) =>
  body.kind === 'map' ? body : checker.registry.getMapType(checker.getType('dyn'), checker.getType('dyn'));

const SPECS: MacroSpec[] = [
  { name: 'all', withFilter: false, predicate: true, result: boolResult, run: quantifier('all', false) },
  { name: 'exists', withFilter: false, predicate: true, result: boolResult, run: quantifier('exists', true) },
  { name: 'existsOne', withFilter: false, predicate: true, result: boolResult, run: existsOne },
  { name: 'exists_one', withFilter: false, predicate: true, result: boolResult, run: existsOne },
  ...(
    [
      ['transformList', listResult, transformList],
      ['transformMap', mapResult, transformMap],
      ['transformMapEntry', entryResult, transformMapEntry],
    ] as const
  ).flatMap(([name, result, run]) =>
    [false, true].map((withFilter) => ({ name, withFilter, predicate: false, result, run })),
  ),
];

/** The macro names, for the nesting limit of `env.ts`. */
export const TWO_VARIABLE_MACROS: readonly string[] = [...new Set(SPECS.map((spec) => spec.name))];

export const comprehensionsLibrary: Library = {
  name: 'two-variable comprehensions',
  functions: SPECS.map((spec) => {
    const count = spec.withFilter ? 4 : 3;
    const args = Array.from({ length: count }, () => 'ast').join(', ');
    return [`dyn.${spec.name}(${args}): dyn`, createMacro(spec)];
  }),
};
