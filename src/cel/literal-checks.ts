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
import { clauseCount } from './library/format.js';
import { compileRegex } from './library/regex.js';
import { CelError } from './cel-types.js';

const REGEX_FUNCTIONS = new Set(['matches', 'find', 'findAll']);

/** Why a node is refused, or undefined; `exempt` for literals inside a `format()` call, which may mix types. */
export function checkLiterals(node: ASTNode, exempt = false): string | undefined {
  if (node.op === 'rcall') {
    const [name, receiver, args] = node.args;
    if (REGEX_FUNCTIONS.has(name)) return checkRegex(args[0]);
    if (name === 'format') return checkFormat(receiver, args[0]);
  }
  if (node.op === 'call' && node.args[0] === 'matches') return checkRegex(node.args[1][1]);
  if (exempt) return undefined;
  if (node.op === 'list')
    return mixedTypes(
      node.args.map((item) => literalType(item)),
      'list elements',
    );
  if (node.op === 'map')
    return mixedTypes(
      node.args.map(([, value]) => literalType(value)),
      'map values',
    );
  return undefined;
}

function checkRegex(pattern: ASTNode | undefined): string | undefined {
  if (pattern?.op !== 'value' || typeof pattern.args !== 'string') return undefined;
  try {
    compileRegex(pattern.args);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function checkFormat(template: ASTNode, args: ASTNode | undefined): string | undefined {
  if (template.op !== 'value' || typeof template.args !== 'string') return undefined;
  let clauses: number;
  try {
    clauses = clauseCount(template.args);
  } catch (error) {
    return error instanceof CelError ? error.message : String(error);
  }
  if (args?.op !== 'list') return undefined;
  const given = args.args.length;
  if (given < clauses) return `index ${given} out of range`;
  if (given > clauses) return `too many arguments supplied to string.format (expected ${clauses}, got ${given})`;
  return undefined;
}

/** The CEL type of a constant, or undefined for anything else. */
function literalType(node: ASTNode): string | undefined {
  if (node.op === '-_' && node.args.op === 'value') return literalType(node.args);
  if (node.op !== 'value') return undefined;
  const value = node.args;
  if (value === null) return undefined;
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (value instanceof Uint8Array) return 'bytes';
  return 'uint';
}

function mixedTypes(types: (string | undefined)[], what: string): string | undefined {
  const known = types.filter((type): type is string => type !== undefined);
  const [first] = known;
  const other = known.find((type) => type !== first);
  return other === undefined ? undefined : `${what} must have one type: ${first ?? ''} and ${other} are mixed`;
}
