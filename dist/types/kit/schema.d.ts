import type { Resource, RuleContext, Violation } from '../model/types.js';
import { type JudgedProblem, type SchemaFindingClass } from '../schema/judge.js';
export type { SchemaFindingClass } from '../schema/judge.js';
/** The resource's schema problems for the run's target releases, computed on first use. */
export declare function schemaProblemsOf(resource: Resource, ctx: RuleContext): readonly JudgedProblem[];
/**
 * A schema rule's violations: the resource's problems of the given classes,
 * each naming the releases it applies to when that is not every target one.
 */
export declare function schemaViolations<M extends string>(resource: Resource, ctx: RuleContext, messageId: M, classes: readonly SchemaFindingClass[]): Violation<M>[];
