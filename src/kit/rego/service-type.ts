/**
 * The library's two templates that refuse one Service type
 * (`block-loadbalancer-services`, `block-nodeport-services`): one check,
 * with the type, the names and the prose of each.
 */
import { getIn } from '../../model/records.js';
import type { ObjectPath, Rule, RuleMeta } from '../../model/types.js';
import { gatekeeperRule } from './define.js';

const TYPE_PATH: ObjectPath = ['spec', 'type'];

export interface ServiceTypeRuleSpec {
  /** The refused `spec.type`. */
  type: 'LoadBalancer' | 'NodePort';
  gatekeeper: NonNullable<RuleMeta['gatekeeper']>;
  meta: Pick<RuleMeta, 'id' | 'title' | 'rationale' | 'remediation'>;
}

/** A rule that flags Services of `spec.type`, with Gatekeeper's message. */
export function blockServiceTypeRule({ type, gatekeeper, meta }: ServiceTypeRuleSpec): Rule<Record<string, never>> {
  return gatekeeperRule<Record<string, never>>({
    gatekeeper,
    meta: {
      ...meta,
      description: `Flag Services of type \`${type}\`.`,
      defaultSeverity: 'error',
      schema: { type: 'object', additionalProperties: false, properties: {} },
    },
    *review({ review }) {
      if (review.kind.kind !== 'Service' || getIn(review.object, TYPE_PATH) !== type) return;
      yield { msg: `User is not allowed to create service of type ${type}`, path: TYPE_PATH };
    },
  });
}
