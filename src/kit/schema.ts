/**
 * The schema rules' shared judgement: each resource is validated once per
 * run (for every target release), and each `schema-*` rule reports its own
 * classes of problem from that one result.
 */
import { describeReleases } from '../model/kubernetes-release.js';
import type { Resource, RuleContext, Violation } from '../model/types.js';
import { crdCatalogOf, judgeResource, type JudgedProblem, type SchemaFindingClass } from '../schema/judge.js';
import { describeObject } from './rbac.js';

export type { SchemaFindingClass } from '../schema/judge.js';

const judged = new WeakMap<Resource, { releases: readonly string[]; problems: readonly JudgedProblem[] }>();

/** The resource's schema problems for the run's target releases, computed on first use. */
export function schemaProblemsOf(resource: Resource, ctx: RuleContext): readonly JudgedProblem[] {
  const cached = judged.get(resource);
  if (cached?.releases === ctx.kubernetesReleases) return cached.problems;
  const catalog = ctx.inventory.memo('schema:crd-catalog', crdCatalogOf);
  const problems = judgeResource(resource, ctx.kubernetesReleases, catalog);
  judged.set(resource, { releases: ctx.kubernetesReleases, problems });
  return problems;
}

/**
 * A schema rule's violations: the resource's problems of the given classes,
 * each naming the releases it applies to when that is not every target one.
 */
export function schemaViolations<M extends string>(
  resource: Resource,
  ctx: RuleContext,
  messageId: M,
  classes: readonly SchemaFindingClass[],
): Violation<M>[] {
  const all = ctx.kubernetesReleases.length;
  return schemaProblemsOf(resource, ctx)
    .filter((problem) => classes.includes(problem.class))
    .map((problem) => ({
      messageId,
      path: problem.path,
      data: {
        object: describeObject(resource),
        problem: problem.message,
        releases: problem.releases.length < all ? ` (in Kubernetes ${describeReleases(problem.releases)})` : '',
      },
      ...(problem.at !== undefined && { at: problem.at }),
    }));
}
