/**
 * Builds a rule from a Gatekeeper library template's logic. The template
 * code yields results as the Rego does (`msg`, optional `details`); this
 * turns them into violations, collapsing identical results as Gatekeeper
 * does (its results are a set).
 */
import type { ObjectPath, Resource, Rule, RuleContext, RuleMeta, Violation } from '../../model/types.js';
import { reviewOf, type GatekeeperReview } from './review.js';

/** One result of a template: the message, where it points, and Gatekeeper's `details`. */
export interface GatekeeperResult {
  msg: string;
  /** Path from the object root to the offending field; the object itself when absent. */
  path?: ObjectPath;
  /** Part of a result's identity in Gatekeeper, so results that differ only here both count. */
  details?: unknown;
}

/** What a template sees besides its parameters. */
export interface TemplateInput {
  review: GatekeeperReview;
  resource: Resource;
  ctx: RuleContext;
}

export interface GatekeeperRuleSpec<P> {
  meta: Omit<RuleMeta, 'messages' | 'defaultKinds' | 'gatekeeper'> & Partial<Pick<RuleMeta, 'defaultKinds'>>;
  gatekeeper: NonNullable<RuleMeta['gatekeeper']>;
  validate?(params: P): string[];
  review(input: TemplateInput, params: P): Iterable<GatekeeperResult | undefined>;
}

export const GATEKEEPER_MESSAGE_ID = 'violation';

/** A rule whose check runs the template's logic on the resource's review. */
export function gatekeeperRule<P>(spec: GatekeeperRuleSpec<P>): Rule<P> {
  const rule: Rule<P> = {
    meta: {
      ...spec.meta,
      // A constraint without `match.kinds` applies to every kind, as in Gatekeeper.
      defaultKinds: spec.meta.defaultKinds ?? [],
      messages: { [GATEKEEPER_MESSAGE_ID]: '{{message}}' },
      gatekeeper: spec.gatekeeper,
    },
    *check(resource, params, ctx): Iterable<Violation> {
      const seen = new Set<string>();
      for (const result of spec.review({ review: reviewOf(resource), resource, ctx }, params)) {
        if (result === undefined) continue;
        const identity = JSON.stringify([result.msg, result.details ?? {}]);
        if (seen.has(identity)) continue;
        seen.add(identity);
        yield {
          messageId: GATEKEEPER_MESSAGE_ID,
          data: { message: result.msg },
          path: result.path ?? [],
          ...(result.details !== undefined && { details: result.details }),
        };
      }
    },
  };
  if (spec.validate) rule.validate = spec.validate;
  return rule;
}
