import type { Inventory, Resource, RuleContext } from '../../src/kit/rule-api.js';
import { isRecord } from '../../src/kit/rule-api.js';
import { gatekeeperRule, isSet, regoTerm, sprintf } from '../../src/kit/rego/rego-api.js';

type Params = Record<string, never>;

const HOST_INDEX = 'gatekeeper/k8s-unique-ingress-host/hosts';
/** The library matches inventory apiVersions with this pattern (its dots match any character). */
const INGRESS_API_VERSION = /^(extensions|networking.k8s.io)\/.+$/;
const INGRESS_GROUPS = new Set(['extensions', 'networking.k8s.io']);

/**
 * Gatekeeper library `general/uniqueingresshost`: no two Ingresses, in any
 * namespace, claim the same host.
 */
export default gatekeeperRule<Params>({
  gatekeeper: { kind: 'K8sUniqueIngressHost', library: 'general', template: 'uniqueingresshost' },
  meta: {
    id: 'k8s-unique-ingress-host',
    title: 'Ingress hosts are unique (Gatekeeper K8sUniqueIngressHost)',
    description: 'Flag Ingresses that claim a host another Ingress already claims, in any namespace.',
    rationale: [
      'When two Ingresses claim the same host, the controller merges or picks between them in ways that differ',
      "from one controller to the next, so one team's deployment can take over another team's traffic.",
    ].join(' '),
    remediation: [
      'Give each host to a single Ingress: merge the rules into one Ingress, or move one of them to a different',
      'host name.',
    ].join(' '),
    defaultSeverity: 'error',
    crossResource: true,
    schema: { type: 'object', additionalProperties: false, properties: {} },
  },

  *review({ review, resource, ctx }) {
    if (review.kind.kind !== 'Ingress' || !INGRESS_GROUPS.has(review.kind.group)) return;
    const object = review.object;
    const rules = isRecord(object.spec) ? object.spec.rules : undefined;
    if (!Array.isArray(rules)) return;
    const index = ctx.inventory.memo(HOST_INDEX, buildHostIndex);
    const namespace = metadataField(object, 'namespace');
    const name = metadataField(object, 'name');
    for (const [position, rule] of rules.entries()) {
      if (!isSet(rule, 'host')) continue;
      const host = (rule as Record<string, unknown>).host;
      const claimants = index.get(regoTerm(host)) ?? [];
      if (!claimants.some((other) => isOtherIngress(other, resource, namespace, name, ctx))) continue;
      const msg = sprintf('ingress host conflicts with an existing ingress <%v>', [host]);
      if (msg !== undefined) yield { msg, path: ['spec', 'rules', position, 'host'] };
    }
  },
});

/**
 * An inventory Ingress sits under `inventory.namespace[...]` only when it has a
 * namespace (or the run has a default one); it is the reviewed object when it
 * is that very resource, or has the same namespace and name.
 */
function isOtherIngress(
  other: Resource,
  resource: Resource,
  namespace: unknown,
  name: unknown,
  ctx: RuleContext,
): boolean {
  if (other === resource) return false;
  const otherNamespace = other.namespace ?? ctx.defaultNamespace;
  if (otherNamespace === undefined) return false;
  const ownNamespace = namespace === undefined ? ctx.defaultNamespace : namespace;
  if (ownNamespace === undefined || name === undefined) return true;
  return !(otherNamespace === ownNamespace && other.name === name);
}

/** Every Ingress under a matching apiVersion, by each host its rules set (keyed by the host's Rego term). */
function buildHostIndex(inventory: Inventory): Map<string, Resource[]> {
  const index = new Map<string, Resource[]>();
  for (const resource of inventory.resources) {
    if (resource.kind !== 'Ingress' || !INGRESS_API_VERSION.test(String(resource.object.apiVersion))) continue;
    const rules = isRecord(resource.object.spec) ? resource.object.spec.rules : undefined;
    if (!Array.isArray(rules)) continue;
    const hosts = new Set<string>();
    for (const rule of rules) {
      if (isRecord(rule) && Object.hasOwn(rule, 'host')) hosts.add(regoTerm(rule.host));
    }
    for (const host of hosts) {
      const list = index.get(host);
      if (list) list.push(resource);
      else index.set(host, [resource]);
    }
  }
  return index;
}

function metadataField(object: unknown, key: string): unknown {
  const metadata = isRecord(object) ? object.metadata : undefined;
  return isRecord(metadata) ? metadata[key] : undefined;
}
