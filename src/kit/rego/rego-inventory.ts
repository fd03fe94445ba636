/**
 * Gatekeeper templates that read other objects consult `data.inventory`,
 * the cluster state Gatekeeper replicates. Offline that is every loaded
 * manifest plus any inventory files; the object under review is left out
 * (gator reviews it against the cluster, where it does not exist yet).
 */
import type { Resource, RuleContext } from '../../model/types.js';

/** Inventory objects of one group and kind, other than the resource under review. */
export function otherResources(ctx: RuleContext, resource: Resource, group: string, kind: string): Resource[] {
  return ctx.inventory.ofKind(group, kind).filter((other) => other !== resource);
}
