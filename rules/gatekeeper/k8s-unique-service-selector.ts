import type { Inventory, KubeObject, Resource } from '../../src/kit/rule-api.js';
import { isRecord } from '../../src/kit/rule-api.js';
import { gatekeeperRule, regoValue, sprintf } from '../../src/kit/rego/rego-api.js';

type Params = Record<string, never>;

const SELECTOR_INDEX = 'gatekeeper/k8s-unique-service-selector/selectors';

/**
 * Gatekeeper library `general/uniqueserviceselector`: no two Services, in any
 * namespace, have the same selector (two Services without one count as equal).
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sUniqueServiceSelector', library: 'general', template: 'uniqueserviceselector' },
  meta: {
    id: 'k8s-unique-service-selector',
    title: 'Service selectors are unique (Gatekeeper K8sUniqueServiceSelector)',
    description: 'Flag Services whose selector is exactly the selector of another Service, in any namespace.',
    rationale: [
      'Two Services with the same selector send traffic to the same Pods; usually one of them was copied and not',
      'adapted, so requests meant for one application reach another.',
    ].join(' '),
    remediation: [
      "Make each Service's `spec.selector` specific to the Pods it fronts, or remove the duplicate Service and point",
      'its clients at the remaining one.',
    ].join(' '),
    defaultSeverity: 'error',
    crossResource: true,
    schema: { type: 'object', additionalProperties: false, properties: {} },
  },

  *review({ review, resource, ctx }) {
    const { group, version, kind } = review.kind;
    if (group !== '' || version !== 'v1' || kind !== 'Service') return;
    const index = ctx.inventory.memo(SELECTOR_INDEX, buildSelectorIndex);
    const ownNamespace = review.namespace !== '' ? review.namespace : (ctx.defaultNamespace ?? '');
    for (const other of index.get(canonicalSelector(review.object)) ?? []) {
      if (other === resource) continue;
      // Only objects with a namespace are under `inventory.namespace`.
      const namespace = other.namespace ?? ctx.defaultNamespace;
      if (namespace === undefined) continue;
      const name = other.name;
      const same = namespace === ownNamespace && name === review.name && other.object.apiVersion === 'v1';
      if (same) continue;
      const msg = sprintf('same selector as service <%v> in namespace <%v>', [name, namespace]);
      if (msg !== undefined) yield { msg, path: ['spec', 'selector'] };
    }
  },
});

/** `key:value` pairs of `spec.selector`, sorted and joined with commas; `""` without a selector. */
function canonicalSelector(object: KubeObject): string {
  const selector = isRecord(object.spec) ? object.spec.selector : undefined;
  if (!isRecord(selector)) return '';
  return Object.entries(selector)
    .map(([key, value]) => `${key}:${regoValue(value)}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join(',');
}

/** Every Service under any apiVersion, by canonical selector. */
function buildSelectorIndex(inventory: Inventory): Map<string, Resource[]> {
  const index = new Map<string, Resource[]>();
  for (const resource of inventory.resources) {
    if (resource.kind !== 'Service') continue;
    const key = canonicalSelector(resource.object);
    const list = index.get(key);
    if (list) list.push(resource);
    else index.set(key, [resource]);
  }
  return index;
}
