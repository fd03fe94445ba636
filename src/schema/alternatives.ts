/**
 * `allOf`, `anyOf`, `oneOf` and `not`. In a CRD they are value validations:
 * each branch judges the value (already defaulted) without deciding which
 * fields exist. In a built-in schema, `anyOf`/`oneOf` only say which JSON
 * types a field takes (a quantity is a string or a number).
 */
import type { CompiledNode } from './compile.js';
import { fieldName, typePhrase } from './describe.js';
import type { SchemaNode, SchemaProblem } from './types.js';
import { mustBe, typeMismatch } from './value-checks.js';
import type { Walker } from './walker.js';

const SHOWN_REASONS = 3;

/** Checks the value against the node's alternatives, reporting on the walker. */
export function checkAlternatives(walker: Walker, value: unknown, view: CompiledNode): void {
  if (walker.mode === 'builtin') return checkUnion(walker, value, view);
  for (const member of view.allOf) walker.problems.push(...branchProblems(walker, value, member));
  if (view.anyOf.length > 0) checkAnyOf(walker, value, view.anyOf);
  if (view.oneOf.length > 0) checkOneOf(walker, value, view.oneOf);
  if (view.not !== undefined && branchProblems(walker, value, view.not).length === 0) {
    walker.report('value', `${fieldName(walker.path)} must not satisfy the "not" schema`);
  }
}

function branchProblems(walker: Walker, value: unknown, member: SchemaNode): SchemaProblem[] {
  const branch = walker.branch();
  branch.value(value, member);
  return branch.problems;
}

/** What each failed branch said first, for a message. */
function reasons(failures: readonly SchemaProblem[][]): string {
  const firsts = failures.slice(0, SHOWN_REASONS).map((problems) => problems[0]?.message ?? 'fails');
  return firsts.join('; or ') + (failures.length > SHOWN_REASONS ? '; …' : '');
}

function checkAnyOf(walker: Walker, value: unknown, members: readonly SchemaNode[]): void {
  const failures: SchemaProblem[][] = [];
  for (const member of members) {
    const problems = branchProblems(walker, value, member);
    if (problems.length === 0) return;
    failures.push(problems);
  }
  walker.report('value', `${fieldName(walker.path)} must satisfy one of the "anyOf" schemas: ${reasons(failures)}`);
}

function checkOneOf(walker: Walker, value: unknown, members: readonly SchemaNode[]): void {
  const failures: SchemaProblem[][] = [];
  for (const member of members) {
    const problems = branchProblems(walker, value, member);
    if (problems.length > 0) failures.push(problems);
  }
  const satisfied = members.length - failures.length;
  const name = fieldName(walker.path);
  if (satisfied === 0) {
    walker.report(
      'value',
      `${name} must satisfy exactly one of the "oneOf" schemas, but satisfies none: ${reasons(failures)}`,
    );
  } else if (satisfied > 1) {
    walker.report('value', `${name} must satisfy exactly one of the "oneOf" schemas, but satisfies ${satisfied}`);
  }
}

/**
 * A built-in field typed only by alternatives (`oneOf: [{type: string},
 * {type: number}]`): the first alternative whose type fits judges the value.
 */
function checkUnion(walker: Walker, value: unknown, view: CompiledNode): void {
  if (view.type !== undefined || view.intOrString || view.formatKey === 'quantity') return;
  const members = [...view.anyOf, ...view.oneOf];
  if (members.length === 0) return;
  const compile = (member: SchemaNode): CompiledNode => walker.compiler.compile(member);
  const fitting = members.find((member) => typeMismatch(value, compile(member), 'builtin') === undefined);
  if (fitting !== undefined) return walker.value(value, fitting);
  const expected = [...new Set(members.map((member) => compile(member).type).filter((type) => type !== undefined))];
  walker.report('type', `${fieldName(walker.path)} ${mustBe(expected.map(typePhrase).join(' or '), value)}`);
}
